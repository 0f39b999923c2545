import type { NodeOf } from '../node-mappers.js';

export type DispositifMapper = NodeOf<'Dispositif'>;
