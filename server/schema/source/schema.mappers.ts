import type { NodeOf } from '../node-mappers.js';

export type SourceMapper = NodeOf<'Source'>;
