import { graphql } from '../../gql';
import { RELATION_TYPES, relationLabel, type RelationType } from '../../vocabulary';

export const DEGREES_QUERY = graphql(`
  query NodeDegrees($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      degrees {
        type
        direction
        count
      }
    }
  }
`);

export interface Degree {
  type: RelationType;
  direction: 'OUT' | 'IN';
  count: number;
}

/** One "expand by type" entry: expansion follows a type both ways, so both directions share it. */
export interface ExpandItem {
  type: RelationType;
  /** How the relationship reads from the node: « porte », or « succède à » / « précédé par ». */
  label: string;
  count: number;
}

/** The node's relationship types in the vocabulary's order, with their French wording and counts. */
export function expandItems(degrees: readonly Degree[]): ExpandItem[] {
  const byType = new Map<RelationType, Degree[]>();
  for (const degree of degrees) {
    if (degree.count > 0) byType.set(degree.type, [...(byType.get(degree.type) ?? []), degree]);
  }
  return RELATION_TYPES.flatMap((type) => {
    const list = byType.get(type);
    if (!list) return [];
    const ordered = [...list].sort((a, b) =>
      a.direction === b.direction ? 0 : a.direction === 'OUT' ? -1 : 1,
    );
    const labels = [...new Set(ordered.map((degree) => relationLabel(type, degree.direction)))];
    return [
      {
        type,
        label: labels.map((label) => `« ${label} »`).join(' / '),
        count: ordered.reduce((sum, degree) => sum + degree.count, 0),
      },
    ];
  });
}
