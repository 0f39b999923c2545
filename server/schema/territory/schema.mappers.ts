import type { NodeOf } from '../node-mappers.js';

export type TerritoryMapper = NodeOf<'Territory'>;
