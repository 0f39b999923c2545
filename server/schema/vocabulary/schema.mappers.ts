import type { NodeOf } from '../node-mappers.js';

export type ThemeMapper = NodeOf<'Theme'>;
export type PublicMapper = NodeOf<'Public'>;
