/**
 * Reads project only the properties a request's fields read (server/schema/field-reads.ts):
 * every field of every node type, asked of nodes reached through relations (projected), answers
 * as it does of the same nodes read whole, and every link field as the relationship holds it.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read loosely, their shapes asserted */
import { getNamedType, isLeafType, isObjectType } from 'graphql';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../graph/driver.js';
import { createAtlasYoga, schema } from '../../server/yoga.js';
import '../helpers/test-env.js';

const db = createDb(inject('neo4j'));
const yoga = createAtlasYoga(db);
afterAll(() => db.close());

async function run(query: string): Promise<any> {
  const response = await yoga.fetch('http://atlas.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const nodeTypes = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((type) => type.getInterfaces().some((i) => i.name === 'Node'));

/** Every leaf field of a node type. */
const leavesOf = (name: string) =>
  Object.values(nodeTypes.find((type) => type.name === name)!.getFields())
    .filter(
      (field) =>
        isLeafType(getNamedType(field.type)) && field.args.every((arg) => !arg.type.toString().endsWith('!')),
    )
    .map((field) => field.name)
    .join(' ');

/** Every leaf field of every node type, each in a fragment on its type (for a field of type Node). */
const everyLeaf = nodeTypes.map((type) => `... on ${type.name} { ${leavesOf(type.name)} }`).join('\n');

const LINK = 'role amount period evidence sources { id }';

/** The nodes of an answer, read whole (the root field reads its node without projection), 20 aliases at a time. */
async function wholeNodes(ids: readonly string[]): Promise<Map<string, unknown>> {
  const whole = new Map<string, unknown>();
  for (let start = 0; start < ids.length; start += 20) {
    const chunk = ids.slice(start, start + 20);
    const aliases = chunk.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { ${everyLeaf} }`);
    const data = await run(`{ ${aliases.join('\n')} }`);
    chunk.forEach((id, i) => whole.set(id, data[`n${i}`]));
  }
  return whole;
}

/** A node of an answer without the relation fields asked of it. */
const leaves = ({ territories: _t, funders: _f, ...rest }: Record<string, unknown>) => rest;

/**
 * A dispositif deployed in Gironde with a carrier, a theme, a public and a source, and that
 * carrier: nodes with relations of every kind (other tests of the shared graph add bare ones).
 */
async function pickNodes(): Promise<{ dispositif: string; carrier: string }> {
  const data = await run(`{ node(id: "dep:33") { ... on Territory { dispositifs { dispositif {
    id carriers { organisation { id } } themes { theme { id } } publics { public { id } } sources { id }
  } } } } }`);
  const link = (data.node.dispositifs as any[]).find(
    ({ dispositif }) =>
      dispositif.carriers.length > 0 &&
      dispositif.themes.length > 0 &&
      dispositif.publics.length > 0 &&
      dispositif.sources.length > 0,
  );
  return { dispositif: link.dispositif.id, carrier: link.dispositif.carriers[0].organisation.id };
}

describe('projected reads', () => {
  it('answers every field of the nodes and relationships reached as a whole read does', async () => {
    const { dispositif, carrier } = await pickNodes();
    const relations: any[] = [];
    for (const id of [dispositif, carrier, 'org:pole-emploi']) {
      const { node } = await run(`{ node(id: ${JSON.stringify(id)}) {
        relations { type direction cursor ${LINK} node { ${everyLeaf} } }
      } }`);
      relations.push(...(node.relations as any[]).map((rel) => ({ ...rel, from: id })));
    }
    const kinds = new Set(relations.map((rel) => rel.node.kind));
    // Enough kinds that a field missing from the map would show.
    for (const kind of ['ORGANISATION', 'DISPOSITIF', 'TERRITORY', 'SOURCE', 'THEME', 'PUBLIC'])
      expect(kinds).toContain(kind);
    const reached = relations.map((rel) => rel.node);
    const whole = await wholeNodes([...new Set(reached.map((item) => item.id as string))]);
    for (const item of reached) expect(item).toEqual(whole.get(item.id));

    // The relationships' own properties, as the edges between the two ends hold them.
    const ends = [...new Set(relations.flatMap((rel) => [rel.from, rel.node.id]))];
    const edges = (
      await run(`{ edgesAmong(ids: ${JSON.stringify(ends)}) { source target type data sources } }`)
    ).edgesAmong as any[];
    let described = 0;
    for (const rel of relations) {
      const [source, target] = rel.direction === 'OUT' ? [rel.from, rel.node.id] : [rel.node.id, rel.from];
      const edge = edges.find((e) => e.source === source && e.target === target && e.type === rel.type);
      expect(edge).toBeDefined();
      for (const key of ['role', 'amount', 'period', 'evidence']) {
        expect(rel[key]).toEqual(edge.data[key] === undefined ? null : String(edge.data[key]));
        if (rel[key] !== null) described += 1;
      }
      expect(rel.sources.map((s: any) => s.id)).toEqual(edge.sources);
    }
    expect(described).toBeGreaterThan(0);
  });

  it('answers a read ahead, and a page of relations, as whole reads do', async () => {
    const { carrier } = await pickNodes();
    const { node } = await run(`{ node(id: ${JSON.stringify(carrier)}) { ... on Organisation {
      carries { ${LINK} dispositif { ${leavesOf('Dispositif')}
        territories { territory { ${leavesOf('Territory')} } }
        funders { organisation { ${leavesOf('Organisation')} } } } }
      relations(first: 1000) { cursor node { ${everyLeaf} } }
    } } }`);
    const carried = (node.carries as any[]).map((link) => link.dispositif);
    expect(carried.length).toBeGreaterThan(0);
    const reached = [
      ...carried,
      ...carried.flatMap((d) => d.territories.map((link: any) => link.territory)),
      ...carried.flatMap((d) => d.funders.map((link: any) => link.organisation)),
      ...(node.relations as any[]).map((rel) => rel.node),
    ];
    const whole = await wholeNodes([...new Set(reached.map((item) => item.id as string))]);
    for (const item of reached) expect(leaves(item)).toEqual(whole.get(item.id));
  });

  it("reads each label's own properties of the nodes a relation reaches, those another label's fields need included", async () => {
    // children(level) reads the level of the territories reached; the dispositifs reached
    // below them are read for their own fields only.
    const { node } = await run(`{ node(id: "reg:75") { ... on Territory {
      children(level: DEPARTEMENT) { id level dispositifs { dispositif { ${leavesOf('Dispositif')} } } }
    } } }`);
    const departements = node.children as any[];
    expect(departements.length).toBeGreaterThan(0);
    for (const child of departements) expect(child.level).toBe('DEPARTEMENT');
    const dispositifs = departements.flatMap((child) =>
      child.dispositifs.map((link: any) => link.dispositif),
    );
    expect(dispositifs.length).toBeGreaterThan(0);
    const whole = await wholeNodes([...new Set(dispositifs.map((item) => item.id as string))]);
    for (const item of dispositifs) expect(item).toEqual(whole.get(item.id));
  });
});
