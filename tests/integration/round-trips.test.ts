/**
 * Round trips to Neo4j per request, counted by a wrapper around the real
 * database (every query still runs and answers): a typical nested read is one
 * Cypher query (the top-level field reads two levels below it), and per-parent
 * fields are batched, not one per parent.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read loosely, their shapes asserted */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../../graph/driver.js';
import { createAtlasYoga } from '../../server/yoga.js';
import '../helpers/test-env.js';

/** The database, counting the queries run through it and every view scoped from it. */
function counting(db: Db, log: string[]): Db {
  return {
    read: (cypher, params) => {
      log.push(cypher);
      return db.read(cypher, params);
    },
    write: (cypher, params) => {
      log.push(cypher);
      return db.write(cypher, params);
    },
    writeTransaction: (work) => db.writeTransaction(work),
    readRaw: (work, options) => {
      log.push('(raw read)');
      return db.readRaw(work, options);
    },
    scoped: (scope) => counting(db.scoped(scope), log),
    // Per-database caches (the coverage index) key on the base: shared, not counted.
    get base() {
      return db.base;
    },
    verifyConnectivity: () => db.verifyConnectivity(),
    close: () => db.close(),
    get config() {
      return db.config;
    },
  };
}

const db = createDb(inject('neo4j'));
const log: string[] = [];
const yoga = createAtlasYoga(counting(db, log));
afterAll(() => db.close());

interface Answer {
  data?: Record<string, unknown>;
  errors?: unknown[];
}

/** The answer to a document, and how many queries it took. */
async function run(query: string): Promise<{ data: any; queries: number }> {
  log.length = 0;
  const response = await yoga.fetch('http://atlas.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as Answer;
  expect(body.errors).toBeUndefined();
  if (process.env.SHOW_QUERIES) console.log(log.map((q) => q.replace(/\s+/g, ' ').slice(0, 160)));
  return { data: body.data, queries: log.length };
}

const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('round trips of nested reads', () => {
  it('reads an organisation → carries → territories + funders in one query', async () => {
    const { data: funders } = await run(
      '{ funders { funds { target { ... on Dispositif { carriers { organisation { id } } } } } } }',
    );
    const carrier = (funders.funders as any[])
      .flatMap((f) => f.funds)
      .flatMap((link) => link.target.carriers ?? [])[0].organisation.id as string;

    const nested = await run(`{
      node(id: "${carrier}") {
        ... on Organisation {
          name
          carries {
            role
            dispositif {
              id
              name
              territories { territory { id name } }
              funders { organisation { id name } }
            }
          }
        }
      }
    }`);
    expect(nested.queries).toBe(1);
    const carried = nested.data.node.carries as any[];
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.some((link) => link.dispositif.funders.length > 0)).toBe(true);

    // The same relations read one node at a time, without reading ahead.
    for (const { dispositif } of carried) {
      const alone = await run(`{
        node(id: "${dispositif.id}") {
          ... on Dispositif {
            territories { territory { id name } }
            funders { organisation { id name } }
          }
        }
      }`);
      expect(alone.data.node.territories).toEqual(dispositif.territories);
      expect(alone.data.node.funders).toEqual(dispositif.funders);
    }
  });

  it('reads themes → dispositifs → carriers + territories in one query', async () => {
    const nested = await run(`{
      themes {
        id
        dispositifs {
          dispositif {
            id
            carriers { organisation { id name } }
            territories { territory { id } }
          }
        }
      }
    }`);
    expect(nested.queries).toBe(1);
    const themes = nested.data.themes as any[];
    const mobility = themes.find((theme) => theme.id === 'theme:mobilite');
    expect(mobility.dispositifs.length).toBeGreaterThan(0);
    const { dispositif } = mobility.dispositifs[0];
    const alone = await run(`{
      node(id: "${dispositif.id}") {
        ... on Dispositif { carriers { organisation { id name } } territories { territory { id } } }
      }
    }`);
    expect(alone.data.node.carriers).toEqual(dispositif.carriers);
    expect(alone.data.node.territories).toEqual(dispositif.territories);
  });

  it('reads the départements of the région → deployed dispositifs in one query', async () => {
    const nested = await run(`{
      node(id: "reg:75") {
        ... on Territory {
          children(level: DEPARTEMENT) { id dispositifs { dispositif { id } } }
        }
      }
    }`);
    expect(nested.queries).toBe(1);
    const departements = nested.data.node.children as any[];
    expect(departements).toHaveLength(12);
    const gironde = departements.find((d) => d.id === 'dep:33');
    const alone = await run(
      '{ node(id: "dep:33") { ... on Territory { dispositifs { dispositif { id } } } } }',
    );
    expect(alone.data.node.dispositifs).toEqual(gironde.dispositifs);
    expect(gironde.dispositifs.length).toBeGreaterThan(0);
  });

  it('reads two aliased nodes asking the same relations in one query', async () => {
    const nested = await run(`{
      gironde: node(id: "dep:33") { ... on Territory { dispositifs { dispositif { id carriers { organisation { id } } } } } }
      landes: node(id: "dep:40") { ... on Territory { dispositifs { dispositif { id carriers { organisation { id } } } } } }
    }`);
    expect(nested.queries).toBe(1);
    const alone = await run(
      '{ node(id: "dep:40") { ... on Territory { dispositifs { dispositif { id carriers { organisation { id } } } } } } }',
    );
    expect(alone.data.node.dispositifs).toEqual(nested.data.landes.dispositifs);
    expect(nested.data.gironde.dispositifs.length).toBeGreaterThan(0);
  });

  it('reads a third level in one more query', async () => {
    const nested = await run(`{
      node(id: "dep:33") {
        ... on Territory { dispositifs { dispositif { carriers { organisation { id carries { dispositif { id } } } } } } }
      }
    }`);
    expect(nested.queries).toBe(2);
    const carriers = (nested.data.node.dispositifs as any[]).flatMap((link) => link.dispositif.carriers);
    expect(carriers.some((link) => link.organisation.carries.length > 0)).toBe(true);
  });

  it('reads through fragments as through inline selections', async () => {
    const nested = await run(`
      query { node(id: "reg:75") { ...Region } }
      fragment Region on Territory { children(level: DEPARTEMENT) { ...Deployed } }
      fragment Deployed on Territory { dispositifs { dispositif { id } } }
    `);
    expect(nested.queries).toBe(1);
  });
});

describe('round trips of per-parent fields', () => {
  it('batches the partners of every funder into one query', async () => {
    const { data, queries } = await run('{ funders { id partners { organisation { id } weight } } }');
    const funders = data.funders as any[];
    expect(funders.length).toBeGreaterThan(2);
    // funders, then their partners: not one query per funder.
    expect(queries).toBe(2);
    const [first] = funders.filter((funder) => funder.partners.length > 0);
    const alone = await run(
      `{ node(id: "${first.id}") { ... on Organisation { partners { organisation { id } weight } } } }`,
    );
    expect(alone.data.node.partners).toEqual(first.partners);
  });

  it('reads theme children in one query, not one per theme', async () => {
    const { data, queries } = await run('{ themes { id children { id children { id } } } }');
    const themes = data.themes as any[];
    expect(themes.length).toBeGreaterThan(10);
    // themes, then every theme's children at once: the second level's are among them, cached.
    expect(queries).toBe(2);
    const parents = themes.filter((theme) => theme.children.length > 0);
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents) {
      for (const child of parent.children) {
        expect(ids(themes.find((theme) => theme.id === child.id).children)).toEqual(ids(child.children));
      }
    }
  });

  it('reads the start nodes of a neighbourhood with its first hop', async () => {
    const { data, queries } = await run(
      '{ neighbourhood(ids: ["org:pole-emploi"], depth: 1) { nodes { id } edges { id } } }',
    );
    expect(ids(data.neighbourhood.nodes)).toContain('org:pole-emploi');
    expect(data.neighbourhood.nodes.length).toBeGreaterThan(1);
    // The start nodes and the first hop in one query, then one per further hop.
    expect(queries).toBe(1);
    const deeper = await run(
      '{ neighbourhood(ids: ["org:pole-emploi"], depth: 2) { nodes { id } edges { id } } }',
    );
    expect(deeper.data.neighbourhood.nodes.length).toBeGreaterThan(data.neighbourhood.nodes.length);
    expect(deeper.queries).toBe(2);
  });
});
