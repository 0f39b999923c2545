import type { NodeOf } from '../node-mappers.js';

export type PersonMapper = NodeOf<'Person'>;
