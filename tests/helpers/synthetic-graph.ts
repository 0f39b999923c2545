import type { Db } from '../../graph/driver.js';
import {
  labelOfId,
  type PropertyValue,
  type RelationshipType,
  type SeedGraph,
  type SeedNode,
  type SeedRelationship,
} from '../../graph/model.js';
import { loadSeedGraph } from '../../graph/queries/import.js';
import { idsByLabel, labelsWithIds, matchNodesById } from '../../graph/queries/rows.js';

/**
 * Small synthetic graphs written beside the real dataset, for tests whose right
 * answer is known by construction. Ids must be unique to the test (e.g.
 * `dis:test-cov-…`, checked) so that they never clash with real data, and are removed
 * afterwards with `removeSyntheticNodes`.
 */
export class SyntheticGraph {
  readonly nodes: SeedNode[] = [];
  readonly relationships: SeedRelationship[] = [];

  node(id: string, props: Record<string, PropertyValue>): this {
    if (!id.includes(':test-')) throw new Error(`Synthetic ids look like "dis:test-…": "${id}"`);
    const label = labelOfId(id);
    if (!label) throw new Error(`No label for synthetic id "${id}"`);
    this.nodes.push({ label, id, props: { name: id, ...props } });
    return this;
  }

  link(from: string, type: RelationshipType, to: string | readonly string[]): this {
    for (const target of typeof to === 'string' ? [to] : to) {
      this.relationships.push({ type, from, to: target, sources: [], props: {} });
    }
    return this;
  }

  get ids(): string[] {
    return this.nodes.map((node) => node.id);
  }

  toSeedGraph(): SeedGraph {
    return { nodes: this.nodes, relationships: this.relationships };
  }
}

/** Writes the synthetic nodes and relationships (to them or to real nodes) in one transaction. */
export async function writeSyntheticGraph(db: Db, graph: SyntheticGraph): Promise<void> {
  await loadSeedGraph(db, graph.toSeedGraph());
}

const removeNodes = (grouped: ReturnType<typeof idsByLabel>) => /* cypher */ `
  ${matchNodesById('n', 'ids', labelsWithIds(grouped))}
  DETACH DELETE n`;

/** Removes synthetic nodes and every relationship touching them. */
export async function removeSyntheticNodes(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const real = ids.filter((id) => !id.includes(':test-'));
  if (real.length > 0) throw new Error(`Refusing to remove non-synthetic nodes: ${real.join(', ')}`);
  const grouped = idsByLabel(ids);
  await db.write(removeNodes(grouped), { ids: grouped });
}
