import type { NodeOf } from '../node-mappers.js';

export type OrganisationMapper = NodeOf<'Organisation'>;
