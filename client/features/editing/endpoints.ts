import type { NodeKind, RelationType } from '../../vocabulary';

/** Which kinds each relationship joins, from → to (DOMAIN.md §3; the server checks it too). */
export const RELATION_ENDPOINTS: Record<RelationType, { from: NodeKind[]; to: NodeKind[] }> = {
  CARRIES: { from: ['ORGANISATION'], to: ['DISPOSITIF'] },
  PARTNERS_IN: { from: ['ORGANISATION'], to: ['DISPOSITIF'] },
  FUNDS: { from: ['ORGANISATION'], to: ['DISPOSITIF', 'ORGANISATION'] },
  PRESCRIBES: { from: ['ORGANISATION'], to: ['DISPOSITIF'] },
  PARTNERS_WITH: { from: ['ORGANISATION'], to: ['ORGANISATION'] },
  MEMBER_OF: { from: ['ORGANISATION'], to: ['ORGANISATION'] },
  WORKS_AT: { from: ['PERSON'], to: ['ORGANISATION'] },
  LOCATED_IN: { from: ['ORGANISATION'], to: ['TERRITORY'] },
  GOVERNS: { from: ['ORGANISATION'], to: ['TERRITORY'] },
  DEPLOYED_IN: { from: ['DISPOSITIF'], to: ['TERRITORY'] },
  INSTANCE_OF: { from: ['DISPOSITIF'], to: ['DISPOSITIF'] },
  SUCCEEDS: { from: ['DISPOSITIF'], to: ['DISPOSITIF'] },
  TARGETS: { from: ['DISPOSITIF'], to: ['PUBLIC'] },
  ADDRESSES: { from: ['DISPOSITIF'], to: ['THEME'] },
  PART_OF: { from: ['TERRITORY'], to: ['TERRITORY'] },
  MENTIONED_IN: {
    from: ['ORGANISATION', 'DISPOSITIF', 'TERRITORY', 'PERSON', 'THEME', 'PUBLIC'],
    to: ['SOURCE'],
  },
};

/** The relationships a node of this kind may start. */
export const relationsFrom = (kind: NodeKind): RelationType[] =>
  (Object.keys(RELATION_ENDPOINTS) as RelationType[]).filter(
    (type) => RELATION_ENDPOINTS[type].from.includes(kind) && type !== 'MENTIONED_IN',
  );

export const EDITABLE_KINDS: readonly NodeKind[] = ['ORGANISATION', 'DISPOSITIF', 'PERSON'];
