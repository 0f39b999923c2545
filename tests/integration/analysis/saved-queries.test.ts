import { afterAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

const SAVED_QUERIES = /* GraphQL */ `
  query SavedQueriesList {
    savedQueries {
      id
      audience
      cypher
      parameters {
        name
        type
        required
        default
        kinds
        levels
        values
      }
    }
  }
`;

const RUN_SAVED = /* GraphQL */ `
  query RunSaved($id: ID!, $params: JSON) {
    runSavedQuery(id: $id, params: $params) {
      columns
      rows
      truncated
      graph {
        nodes {
          id
        }
      }
    }
  }
`;

interface Ref {
  id: string;
  kind: string;
  name: string;
}
type Row = Record<string, unknown>;
interface RunAnswer {
  data?: {
    runSavedQuery: { columns: string[]; rows: Row[]; truncated: boolean; graph: { nodes: { id: string }[] } };
  } | null;
  errors?: { extensions?: Record<string, unknown> }[];
}

const runSaved = async (id: string, params?: Record<string, unknown>) =>
  (await api.execute(RUN_SAVED, { id, params })) as RunAnswer;

async function rowsOf(id: string, params?: Record<string, unknown>): Promise<Row[]> {
  const answer = await runSaved(id, params);
  expect(answer.errors).toBeUndefined();
  return answer.data!.runSavedQuery.rows;
}

const idOf = (value: unknown) => (value as Ref).id;
const idsOf = (value: unknown) => (value as Ref[]).map((ref) => ref.id);

describe('saved queries', () => {
  it('lists at least 12, typed, for the three audiences', async () => {
    const { data } = (await api.execute(SAVED_QUERIES)) as {
      data?: {
        savedQueries: { id: string; audience: string[]; parameters: { type: string; kinds: string[] }[] }[];
      };
    };
    const queries = data!.savedQueries;
    expect(queries.length).toBeGreaterThanOrEqual(12);
    expect(new Set(queries.flatMap((query) => query.audience))).toEqual(
      new Set(['PLANNER', 'FUNDER', 'ANALYST']),
    );
    const funderReach = queries.find((query) => query.id === 'funder-reach')!;
    expect(funderReach.parameters[0]).toMatchObject({ type: 'NODE', kinds: ['ORGANISATION'] });
  });

  it('bridges-between-bassins: organisations active in several bassins', async () => {
    const rows = await rowsOf('bridges-between-bassins', { minBassins: 3 });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect((row.bassins as string[]).length).toBeGreaterThanOrEqual(3);
    expect(rows.map((row) => idOf(row.organisation))).toContain('org:fusion-jeunesse');
  });

  it('co-funders: AG2R and the DIRECCTE both fund WeJOB', async () => {
    const rows = await rowsOf('co-funders', { funder: 'org:ag2r-la-mondiale' });
    const pair = rows.find((row) =>
      [idOf(row.funder), idOf(row.coFunder)].includes('org:direccte-nouvelle-aquitaine'),
    );
    expect(idsOf(pair!.operators)).toContain('org:wejob');
    for (const row of rows) expect([idOf(row.funder), idOf(row.coFunder)]).toContain('org:ag2r-la-mondiale');
  });

  it('ended-without-successor: ended dispositifs, none with a successor', async () => {
    const rows = await rowsOf('ended-without-successor', { asOf: '2020-01-01' });
    const succeeded = (
      (await api.execute(
        '{ cypher(query: "MATCH (:Dispositif)-[:SUCCEEDS]->(d) RETURN d.id AS id") { rows } }',
      )) as {
        data: { cypher: { rows: { id: string }[] } };
      }
    ).data.cypher.rows.map((row) => row.id);
    expect(succeeded.length).toBeGreaterThan(0);
    const ended = rows.map((row) => idOf(row.dispositif));
    expect(ended.length).toBeGreaterThan(0);
    for (const id of succeeded) expect(ended).not.toContain(id);
  });

  it('sole-operator-without-partner: the CFA du BTP de la Vienne alone in Saint-Benoît', async () => {
    const rows = await rowsOf('sole-operator-without-partner', { level: 'COMMUNE' });
    const row = rows.find((candidate) => idOf(candidate.territory) === 'com:86214');
    expect(idOf(row!.operator)).toBe('org:cfa-btp-vienne');
    for (const candidate of rows) expect(candidate.level).toBe('COMMUNE');
  });

  it('referrals-in-departement: who prescribes what in Gironde', async () => {
    const rows = await rowsOf('referrals-in-departement', { departement: 'dep:33' });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect((row.prescribes as { type: string }).type).toBe('PRESCRIBES');
    expect(rows.map((row) => idOf(row.prescriber))).toContain('org:apprentis-d-auteuil');
  });

  it('organisations-without-partner: isolated ones only', async () => {
    const ids = (await rowsOf('organisations-without-partner')).map((row) => idOf(row.organisation));
    expect(ids).toContain('org:cfa-btp-vienne');
    expect(ids).not.toContain('org:wejob');
    expect(ids).not.toContain('org:pole-emploi');
  });

  it('brokers: Pôle emploi links the most partners that are not partners', async () => {
    const rows = await rowsOf('brokers', { first: 5 });
    expect(rows.length).toBe(5);
    expect(idOf(rows[0]!.organisation)).toBe('org:pole-emploi');
    const pairs = rows.map((row) => row.brokeredPairs as number);
    expect(pairs).toEqual([...pairs].sort((a, b) => b - a));
  });

  it("funder-reach: what the Région's money reaches in one hop", async () => {
    const rows = await rowsOf('funder-reach', { funder: 'org:region-nouvelle-aquitaine', hops: 1 });
    expect(rows.map((row) => idOf(row.funded))).toContain('dis:lab-eno');
    for (const row of rows) expect(row.hops as number).toBeLessThanOrEqual(1);
    const reached = rows.map((row) => idOf(row.reached));
    expect(reached.some((id) => id.startsWith('org:') && id !== 'org:region-nouvelle-aquitaine')).toBe(true);
    const direct = await rowsOf('funder-reach', { funder: 'org:region-nouvelle-aquitaine', hops: 0 });
    expect(direct.length).toBeLessThan(rows.length);
  });

  it('dispositifs-for-public-in-territory: offer for young people in Gironde', async () => {
    const ids = (
      await rowsOf('dispositifs-for-public-in-territory', { public: 'public:jeunes', territory: 'dep:33' })
    ).map((row) => idOf(row.dispositif));
    expect(ids).toContain('dis:hotspot-nouvel-r');
  });

  it('theme-operators: operators on trouver-un-emploi and its sub-themes', async () => {
    const rows = await rowsOf('theme-operators', { theme: 'theme:trouver-un-emploi' });
    const crepi = rows.find((row) => idOf(row.operator) === 'org:crepi-pyrenees');
    expect(crepi!.count).toBeGreaterThanOrEqual(2);
  });

  it('organisations-by-name: every name, acronym or alias holds the text', async () => {
    const rows = await rowsOf('organisations-by-name', { text: 'Mission' });
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows
        .map((row) => (row.organisation as Ref).name.toLowerCase())
        .some((name) => name.includes('mission')),
    ).toBe(true);
  });

  it('active-by-carrier-type: associations carrying dispositifs running mid-2019', async () => {
    const rows = await rowsOf('active-by-carrier-type', { type: 'ASSO', activeOn: '2019-06-01' });
    const row = rows.find(
      (candidate) => idOf(candidate.dispositif) === 'dis:nouvel-r-accompagnement-porteurs',
    );
    expect(idOf(row!.carrier)).toBe('org:nouvel-r');
    const none = await rowsOf('active-by-carrier-type', { type: 'ASSO', activeOn: '2000-01-01' });
    expect(none.length).toBeLessThan(rows.length);
  });

  it('co-mentioned: AG2R is cited with WeJOB', async () => {
    const rows = await rowsOf('co-mentioned', { node: 'org:wejob' });
    expect(rows.map((row) => idOf(row.node))).toContain('org:ag2r-la-mondiale');
  });

  it('national-schemes: AFEST and its local deployments', async () => {
    const rows = await rowsOf('national-schemes', { minInstances: 2 });
    const afest = rows.find((row) => idOf(row.scheme) === 'dis:afest');
    expect(afest!.count).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.count as number).toBeGreaterThanOrEqual(2);
  });

  it('answers with the slice to draw', async () => {
    const answer = await runSaved('co-mentioned', { node: 'org:wejob' });
    expect(answer.data!.runSavedQuery.graph.nodes.map((node) => node.id)).toContain('org:ag2r-la-mondiale');
  });

  it.each([
    ['funder-reach', {}, 'params.funder'],
    ['funder-reach', { funder: 'org:does-not-exist' }, 'params.funder'],
    ['funder-reach', { funder: 'dis:lab-eno' }, 'params.funder'],
    ['referrals-in-departement', { departement: 'com:33063' }, 'params.departement'],
    ['brokers', { first: 1000 }, 'params.first'],
    ['brokers', { limit: 3 }, 'params.limit'],
  ])('%s refuses %o as BAD_USER_INPUT naming %s', async (id, params, argument) => {
    const answer = await runSaved(id, params);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('an unknown saved query is NOT_FOUND', async () => {
    expect((await runSaved('nope')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
