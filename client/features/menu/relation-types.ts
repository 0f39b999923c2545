import type { NodeKind, RelationType } from '../../vocabulary';

/** The relationship types a node of each kind can have (DOMAIN.md §3), for "expand by type". */
export const RELATIONS_BY_KIND: Record<NodeKind, RelationType[]> = {
  ORGANISATION: [
    'CARRIES',
    'PARTNERS_IN',
    'FUNDS',
    'PRESCRIBES',
    'PARTNERS_WITH',
    'MEMBER_OF',
    'WORKS_AT',
    'LOCATED_IN',
    'GOVERNS',
    'MENTIONED_IN',
  ],
  DISPOSITIF: [
    'CARRIES',
    'PARTNERS_IN',
    'FUNDS',
    'PRESCRIBES',
    'DEPLOYED_IN',
    'INSTANCE_OF',
    'SUCCEEDS',
    'TARGETS',
    'ADDRESSES',
    'MENTIONED_IN',
  ],
  TERRITORY: ['LOCATED_IN', 'GOVERNS', 'DEPLOYED_IN', 'PART_OF', 'MENTIONED_IN'],
  PERSON: ['WORKS_AT', 'MENTIONED_IN'],
  THEME: ['ADDRESSES', 'MENTIONED_IN'],
  PUBLIC: ['TARGETS', 'MENTIONED_IN'],
  SOURCE: ['MENTIONED_IN'],
};
