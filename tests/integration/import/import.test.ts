import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { createDb, type Db, type DbConfig } from '../../../graph/driver.js';
import { findFreePort } from '../../../graph/local/free-port.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../../graph/local/instance.js';
import { applyMigrations } from '../../../graph/migrate.js';
import { listen } from '../../../server/main.js';
import { loadDataset } from '../../../seeds/load.js';
import { formatProblem } from '../../../graph/import/plan.js';
import { runImport, type RunImportOptions } from '../../../graph/import/run-import.js';
import { findChangeById } from '../../../graph/queries/changes.js';
import { findNodeProps, findOutgoingLinks } from '../../../graph/queries/data-import.js';
import { findGraphVersion } from '../../../graph/queries/graph-version.js';
import { countStagingNodes } from '../../../graph/queries/import.js';
import { countOutdatedIndexes } from '../../../graph/queries/planner-statistics.js';
import { countGraph, countNodes } from '../../../graph/queries/stats.js';
import { buildTerritorialGrid } from '../../../seeds/grid/build-grid.js';
import { createAccount, gql } from '../editing/accounts.js';
import { generateExport } from './generate-export.js';

// A Neo4j and an app of their own: these imports must not leak into the shared test graph.
let neo4j: LocalNeo4j;
let server: Server;
let db: Db;
let config: DbConfig;
let appUrl: string;
const FIXTURES = fileURLToPath(new URL('../../fixtures/data-inclusion/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const V1 = [fixture('v1/structures.json'), fixture('v1/services.json')];
const V2 = [fixture('v2/structures.csv'), fixture('v2/services.json')];
const SHEETS = fileURLToPath(new URL('../../fixtures/spreadsheets/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let tmp: string;

const run = async (files: string[], options: Partial<RunImportOptions> = {}) => {
  const result = await runImport(db, {
    files,
    dryRun: false,
    acceptMatches: false,
    author: { id: 'os:test', email: 'test' },
    date: '2026-04-10',
    ...options,
  });
  return result;
};

const counts = (result: Awaited<ReturnType<typeof run>>, kind: 'nodes' | 'links', name: string) =>
  result.diff?.[kind][name] ?? { new: 0, changed: 0, unchanged: 0, vanished: 0 };

const SUMMARY = `query($theme: ID) { coverageSummary(level: COMMUNE, within: "reg:75", theme: $theme) {
  covered { cells } partial { cells } none { cells } } }`;
type Summary = { coverageSummary: Record<'covered' | 'partial' | 'none', { cells: number }> };
const coverageOf = async (theme: string | null) => {
  const answer = await gql<Summary>(SUMMARY, { theme }, null, { baseUrl: appUrl });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  const summary = answer.data!.coverageSummary;
  return { covered: summary.covered.cells, partial: summary.partial.cells, none: summary.none.cells };
};

const REVERT = `mutation($id: ID!) { revertChange(id: $id, reason: "undo the import") { change { id } } }`;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  neo4j = await startLocalNeo4j({
    name: 'test-import',
    boltPort: await findFreePort(),
    fresh: true,
    log: () => {},
  });
  config = neo4j.config;
  db = createDb(config);
  await applyMigrations(db);
  await loadDataset(db, () => {});
  const port = await findFreePort();
  server = await listen(db, port, '127.0.0.1');
  appUrl = `http://127.0.0.1:${port}`;
}, 300_000);

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
  await neo4j?.stop();
}, 60_000);

describe('a load into an empty database', () => {
  it('leaves every index sampled, so the first plans do not take the grid for empty', async () => {
    // Neo4j samples in the background seconds later: a coverage read planned before took 7–9 s.
    expect(await countOutdatedIndexes(db)).toBe(0);
    const [territories] = await db.read<{ size: number }>(
      `CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
       RETURN [i IN data.indexes WHERE i.labels = ['Territory'] AND i.properties = ['id']][0].totalSize AS size`,
    );
    expect(territories?.size).toBe(
      (await countGraph(db)).nodes.find((row) => row.label === 'Territory')?.count,
    );
  });
});

describe('npm run import: data·inclusion exports', () => {
  let nodesBefore = 0;

  it('refuses every broken file, lists each problem as file:line field: message, writes nothing', async () => {
    nodesBefore = await countNodes(db);
    const version = await findGraphVersion(db);
    const cases: [string, RegExp][] = [
      [
        'broken/services-unknown-vocabulary.json',
        /:46 #1 \(svc-plie-1\) thematiques\[0\]: "cuisine--patisserie" is not in the vocabulary/,
      ],
      [
        'broken/services-bad-territory.json',
        /:2 #0 \(svc-mob-1\) zone_eligibilite\[0\]: territory code "47999" is not in the grid/,
      ],
      ['broken/services-missing-structure.json', /structure_id: structure "nobody-999" is absent/],
      ['broken/structures-missing-field.json', /:26 #1 \(mob-perigord-004\) nom: required field missing/],
      ['broken/not-an-export.csv', /not-an-export\.csv:2: not a data·inclusion export/],
      ['broken/not-an-array.json', /not-an-array\.json:1: not a JSON array/],
      ['broken/structures-truncated.json', /not closed \(truncated file\?\)/],
    ];
    for (const [file, expected] of cases) {
      const result = await run([fixture('v1/structures.json'), fixture(file)]);
      const lines = result.problems.map(formatProblem);
      expect(
        lines.some((line) => expected.test(line)),
        `${file}: ${lines.join('\n')}`,
      ).toBe(true);
      expect(result.written).toBe(false);
    }
    const vocabulary = await run([
      fixture('v1/structures.json'),
      fixture('broken/services-unknown-vocabulary.json'),
    ]);
    expect(vocabulary.problems.map((problem) => problem.field).sort()).toEqual([
      'frais',
      'publics[0]',
      'thematiques[0]',
    ]);
    expect(await countNodes(db)).toBe(nodesBefore);
    expect(await findGraphVersion(db)).toBe(version);
  });

  it('the command exits 1 on a broken file and prints its problems', () => {
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/import.ts',
        '--dry-run',
        fixture('v1/structures.json'),
        fixture('broken/services-bad-territory.json'),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NEO4J_URI: config.uri,
          NEO4J_USER: config.user,
          NEO4J_PASSWORD: config.password,
        },
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(
      /services-bad-territory\.json:2 #0 \(svc-mob-1\) zone_eligibilite\[1\]: territory code "123456789" is not in the grid/,
    );
    expect(cli.stderr).toMatch(/3 problem\(s\): nothing was imported\./);
  });

  it('the dry run lists what would be new and the candidate twins, and writes nothing', async () => {
    const version = await findGraphVersion(db);
    const result = await run(V1, { dryRun: true });
    expect(result.problems).toEqual([]);
    expect(result.written).toBe(false);
    expect(counts(result, 'nodes', 'Dispositif').new).toBe(6);
    expect(counts(result, 'links', 'CARRIES').new).toBe(6);
    // Its final step writes over existing nodes only (the twins it would change): none of the new ones.
    const rewritten = Object.values(result.diff!.nodes).reduce(
      (sum, row) => sum + row.changed + row.vanished,
      0,
    );
    const step = result.diff!.finalStep!;
    expect(step).toMatchObject({ nodes: rewritten, limit: 192 * 2 ** 20 });
    expect(step.links).toBeLessThan(counts(result, 'links', 'CARRIES').new);
    expect(step.bytes).toBeLessThan(step.limit!);
    expect(result.diff?.candidates.map((candidate) => [candidate.existingId, candidate.reason])).toEqual([
      ['org:mission-locale-agenais-albret-confluent', 'same name in the same commune'],
      ['org:plie-libournais', 'name is an alias'],
      ['org:pole-emploi', 'name is an alias'],
    ]);
    expect(await findGraphVersion(db)).toBe(version);
    expect(await countNodes(db)).toBe(nodesBefore);
  });

  it('imports with --accept-matches: twins merge into the curated organisations, under one user-import Source', async () => {
    const version = await findGraphVersion(db);
    const before = {
      all: await coverageOf(null),
      jobs: await coverageOf('theme:trouver-un-emploi'),
      mobility: await coverageOf('theme:mobilite'),
    };
    const result = await run(V1, { acceptMatches: true });
    const after = {
      all: await coverageOf(null),
      jobs: await coverageOf('theme:trouver-un-emploi'),
      mobility: await coverageOf('theme:mobilite'),
    };
    // What the fixture changes in the région's coverage at commune level (reported in the note).
    console.log(
      'coverage of reg:75 by commune, before → after the fixture:',
      JSON.stringify({ before, after }),
    );
    // Its national mobility service (zone `france`) covers every commune of the région.
    expect(after.mobility.none).toBe(0);
    expect(before.mobility.none).toBeGreaterThan(0);
    expect(result.written).toBe(true);
    const sourceId = result.identity!.sourceId;
    expect(await findGraphVersion(db)).toBe(version + 1);

    const [source] = (await findNodeProps(db, 'Source', [sourceId])).values();
    expect(source).toMatchObject({
      kind: 'user-import',
      rowCount: 11,
      importedBy: 'test',
      files: ['structures.json', 'services.json'],
    });
    expect((source!.sha256 as string[])[0]).toMatch(/^[0-9a-f]{64}$/);

    const ml = (await findNodeProps(db, 'Organisation', ['org:mission-locale-agenais-albret-confluent'])).get(
      'org:mission-locale-agenais-albret-confluent',
    )!;
    // Curated name and type stand; the import adds its identifiers and what was missing.
    expect(ml).toMatchObject({
      name: "Mission locale de l'Agenais, de l'Albret et du Confluent",
      type: 'ML',
      siret: '12345678900011',
    });
    expect(ml.identifiers).toContain('data-inclusion:dora:ml-agen-001');
    expect((await findNodeProps(db, 'Organisation', ['org:di-dora-ml-agen-001'])).size).toBe(0);

    const carried = await findOutgoingLinks(db, 'Organisation', 'CARRIES', [
      'org:mission-locale-agenais-albret-confluent',
    ]);
    expect(carried.find((link) => link.to === 'dis:di-dora-svc-ml-1')?.props.sources).toEqual([sourceId]);
    const member = await findOutgoingLinks(db, 'Organisation', 'MEMBER_OF', ['org:di-dora-ft-bdx-003']);
    expect(member.map((link) => link.to)).toEqual(['org:pole-emploi']);

    const service = (await findNodeProps(db, 'Dispositif', ['dis:di-dora-svc-mob-1'])).get(
      'dis:di-dora-svc-mob-1',
    )!;
    expect(service).toMatchObject({
      type: 'formation',
      frais: 'payant',
      modesAccueil: ['en-presentiel'],
      status: 'active',
      updatedOn: '2026-03-01',
    });
    const deployed = await findOutgoingLinks(db, 'Dispositif', 'DEPLOYED_IN', [
      'dis:di-dora-svc-mob-1',
      'dis:di-dora-svc-plie-1',
      'dis:di-dora-svc-mob-2',
    ]);
    expect(deployed.map((link) => `${link.from}>${link.to}`).sort()).toEqual([
      'dis:di-dora-svc-mob-1>com:24322',
      'dis:di-dora-svc-mob-1>dep:24',
      'dis:di-dora-svc-mob-2>pays:fr',
      'dis:di-dora-svc-plie-1>epci:200070092',
    ]);
    const themes = await findOutgoingLinks(db, 'Dispositif', 'ADDRESSES', ['dis:di-dora-svc-aci-1']);
    expect(themes.map((link) => link.to).sort()).toEqual([
      'theme:equipement-et-alimentation--alimentation',
      'theme:trouver-un-emploi--repondre-a-des-offres-demploi',
    ]);
    const theme = (await findNodeProps(db, 'Theme', ['theme:equipement-et-alimentation--alimentation']))
      .values()
      .next().value;
    expect(theme).toMatchObject({ name: 'Alimentation', parent: 'theme:equipement-et-alimentation' });

    const change = await findChangeById(db, result.changeUid!);
    expect(change).toMatchObject({ operation: 'import', sourceId, authorEmail: 'test', seq: version + 1 });
  });

  it('importing the same files again changes nothing', async () => {
    const version = await findGraphVersion(db);
    const nodes = await countNodes(db);
    const result = await run(V1, { acceptMatches: true });
    expect(result.written).toBe(false);
    expect(result.diff?.empty).toBe(true);
    expect(Object.values(result.diff!.nodes).every((c) => c.new + c.changed + c.vanished === 0)).toBe(true);
    expect(await findGraphVersion(db)).toBe(version);
    expect(await countNodes(db)).toBe(nodes);
  });

  it('a newer export updates what changed, adds what is new, marks what vanished as ended', async () => {
    const dry = await run(V2, { dryRun: true, acceptMatches: true });
    expect(counts(dry, 'nodes', 'Dispositif')).toEqual({ new: 1, changed: 1, unchanged: 4, vanished: 1 });
    expect(counts(dry, 'links', 'DEPLOYED_IN')).toMatchObject({ new: 2, vanished: 1 });
    const result = await run(V2, { acceptMatches: true });
    expect(result.written).toBe(true);
    const [gone, changed, added] = [
      'dis:di-dora-svc-ft-1',
      'dis:di-dora-svc-ml-1',
      'dis:di-dora-svc-ccas-1',
    ].map(async (id) => (await findNodeProps(db, 'Dispositif', [id])).get(id));
    expect(await gone).toMatchObject({ status: 'ended', endDate: '2026-04-10', endedOn: '2026-04-10' });
    expect(await changed).toMatchObject({ status: 'active', updatedOn: '2026-04-02' });
    expect(await added).toMatchObject({ name: 'Accompagnement budgétaire' });
    const vanishedOrg = (await findNodeProps(db, 'Organisation', ['org:di-dora-ft-bdx-003'])).get(
      'org:di-dora-ft-bdx-003',
    );
    expect(vanishedOrg).toMatchObject({ endedOn: '2026-04-10' });
    const zones = await findOutgoingLinks(db, 'Dispositif', 'DEPLOYED_IN', ['dis:di-dora-svc-ml-1']);
    expect(Object.fromEntries(zones.map((link) => [link.to, link.props.endedOn ?? null]))).toEqual({
      'dep:47': '2026-04-10',
      'com:47001': null,
    });
    const again = await run(V2, { acceptMatches: true });
    expect(again.diff?.empty).toBe(true);
  });

  it('an import is undone as one change from the journal', async () => {
    const result = await run([fixture('twins/structures.json')]);
    expect(result.written).toBe(true);
    const id = 'org:di-dora-mob-perigord-004';
    const before = (await findNodeProps(db, 'Organisation', [id])).get(id)!;
    const admin = await createAccount(db, 'admin', [], appUrl);
    const answer = await gql(REVERT, { id: result.changeUid }, admin, { baseUrl: appUrl });
    expect(answer.errors).toBeUndefined();
    const after = (await findNodeProps(db, 'Organisation', [id])).get(id)!;
    expect(after.identifiers).toEqual(['data-inclusion:dora:mob-perigord-004', 'siret:98765432100017']);
    expect(before.identifiers).toHaveLength(3);
    expect((await findNodeProps(db, 'Source', [result.identity!.sourceId])).size).toBe(0);
  });

  it('an exact SIRET merges a structure of another source into the node already imported', async () => {
    const result = await run([fixture('twins/structures.json')]);
    expect(result.diff?.candidates).toEqual([]);
    expect(counts(result, 'nodes', 'Organisation')).toMatchObject({ new: 0, changed: 1 });
    const org = (await findNodeProps(db, 'Organisation', ['org:di-dora-mob-perigord-004'])).get(
      'org:di-dora-mob-perigord-004',
    )!;
    expect(org.identifiers).toEqual(
      expect.arrayContaining([
        'data-inclusion:dora:mob-perigord-004',
        'data-inclusion:emplois-de-linclusion:eil-4242',
      ]),
    );
  });

  it(
    'kill -9 during the staged write leaves nothing visible; the next import cleans up',
    { timeout: 240_000 },
    async () => {
      const paths = { structures: join(tmp, 'structures.json'), services: join(tmp, 'services.json') };
      await generateExport(
        buildTerritorialGrid('region'),
        paths,
        { structures: 6_000, services: 2_000 },
        7,
        'kill',
      );
      const labels = async () => (await countGraph(db)).nodes;
      const visible = await labels();
      const version = await findGraphVersion(db);
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(new URL('./kill-child.ts', import.meta.url)),
          paths.structures,
          paths.services,
        ],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            NEO4J_URI: config.uri,
            NEO4J_USER: config.user,
            NEO4J_PASSWORD: config.password,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('staged') && resolve());
        child.once('exit', (code) => reject(new Error(`the import exited (${code}) before staging`)));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // Half of it is staged, under labels no query of the app names: the graph it sees is the same.
      expect(await countStagingNodes(db)).toBeGreaterThan(0);
      expect(await labels()).toEqual(visible);
      expect((await findNodeProps(db, 'Organisation', ['org:di-kill-s0'])).size).toBe(0);
      expect(await findGraphVersion(db)).toBe(version);

      // The next import starts by removing what the killed one staged, even one that then writes nothing.
      const next = await run([fixture('broken/not-an-array.json')]);
      expect(next.written).toBe(false);
      expect(await countStagingNodes(db)).toBe(0);
      expect(await labels()).toEqual(visible);

      // The killed import, run again to its end, is all there.
      const whole = await run([paths.structures, paths.services]);
      expect(whole.written).toBe(true);
      const created = Object.values(whole.diff!.nodes).reduce((sum, c) => sum + c.new, 0);
      expect(whole.diff!.nodes.Organisation!.new).toBeGreaterThanOrEqual(6_000);
      const total = (rows: typeof visible) => rows.reduce((sum, row) => sum + row.count, 0);
      expect(total(await labels())).toBe(total(visible) + created + 1);
    },
  );
});

describe('npm run import --mapping: spreadsheets', () => {
  const sheet = (name: string) => join(SHEETS, name);
  const mapping = 'actions-financees';

  it('reads the XLSX and the CSV of a funder list alike, and lists its operators as candidates', async () => {
    const [xlsx, csv] = await Promise.all([
      run([sheet('actions-financees.xlsx')], { mapping, dryRun: true }),
      run([sheet('actions-financees.csv')], { mapping, dryRun: true }),
    ]);
    expect(xlsx.problems).toEqual([]);
    expect(xlsx.diff?.nodes).toEqual(csv.diff?.nodes);
    expect(xlsx.diff?.links).toEqual(csv.diff?.links);
    expect(xlsx.diff?.candidates.map((candidate) => candidate.existingId)).toEqual([
      'org:mission-locale-libournais',
      'org:region-nouvelle-aquitaine',
      'org:plie-libournais',
    ]);
  });

  it('imports the funded actions with their funders, amounts, dates and status; again changes nothing', async () => {
    const result = await run([sheet('actions-financees.csv')], { mapping, acceptMatches: true });
    expect(result.written).toBe(true);
    const id = 'dis:tab-actions-financees-2026-001';
    expect((await findNodeProps(db, 'Dispositif', [id])).get(id)).toMatchObject({
      name: 'Permis solidaire en Libournais',
      type: 'action',
      status: 'active',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const ended = 'dis:tab-actions-financees-2026-003';
    expect((await findNodeProps(db, 'Dispositif', [ended])).get(ended)).toMatchObject({ status: 'ended' });
    const funds = await findOutgoingLinks(db, 'Organisation', 'FUNDS', ['org:region-nouvelle-aquitaine']);
    expect(funds.find((link) => link.to === id)?.props).toMatchObject({
      amount: 12_500,
      sources: [result.identity!.sourceId],
    });
    const carries = await findOutgoingLinks(db, 'Organisation', 'CARRIES', ['org:mission-locale-libournais']);
    expect(carries.map((link) => link.to)).toContain(id);
    const again = await run([sheet('actions-financees.csv')], { mapping, acceptMatches: true });
    expect(again.diff?.empty).toBe(true);
  });

  it('refuses a broken spreadsheet with every problem located by line and column title', async () => {
    const result = await run([sheet('actions-financees-broken.csv')], { mapping });
    expect(result.problems.map(formatProblem).map((line) => line.slice(line.indexOf('.csv') + 4))).toEqual([
      ':2 Territoire: territory code "47999" is not in the grid',
      ':2 Thématique: "cuisine" is not in the vocabulary of themes',
      ':3 Action: required field missing',
      ':3 Montant: "beaucoup" is not an amount',
      ':3 Début: "31/02/2026x" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
    ]);
    expect(result.written).toBe(false);
  });
});
