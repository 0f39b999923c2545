import { RELATION_TYPES, relationLabel } from '../../vocabulary';

export interface RelationLike {
  type: string;
  direction: 'OUT' | 'IN';
  node: { id: string; kind: string; name: string };
}

export interface RelationGroup<R extends RelationLike> {
  key: string;
  type: string;
  direction: 'OUT' | 'IN';
  /** How the relationship reads from the selected node: « porte », « financé par »… */
  label: string;
  relations: R[];
}

/** Relations grouped by type and direction, in the vocabulary's order, names sorted within. */
export function groupRelations<R extends RelationLike>(relations: readonly R[]): RelationGroup<R>[] {
  const groups = new Map<string, RelationGroup<R>>();
  for (const relation of relations) {
    const key = `${relation.type}:${relation.direction}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        type: relation.type,
        direction: relation.direction,
        label: relationLabel(relation.type, relation.direction),
        relations: [],
      };
      groups.set(key, group);
    }
    group.relations.push(relation);
  }
  const order = (type: string) => {
    const index = (RELATION_TYPES as readonly string[]).indexOf(type);
    return index === -1 ? RELATION_TYPES.length : index;
  };
  return [...groups.values()]
    .sort((a, b) => order(a.type) - order(b.type) || a.direction.localeCompare(b.direction))
    .map((group) => ({
      ...group,
      relations: [...group.relations].sort((a, b) => a.node.name.localeCompare(b.node.name, 'fr')),
    }));
}
