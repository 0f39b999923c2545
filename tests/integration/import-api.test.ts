import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/local/instance.js';
import { applyMigrations } from '../../graph/migrate.js';
import { countChanges } from '../../graph/queries/changes.js';
import { findNodeProps } from '../../graph/queries/data-import.js';
import { findGraphVersion } from '../../graph/queries/graph-version.js';
import { countNodes } from '../../graph/queries/stats.js';
import { listen } from '../../server/main.js';
import { loadDataset } from '../../seeds/load.js';
import { codeOf, createAccount, gql, type Account } from './editing/accounts.js';
import { gqlMultipart, structuresFile } from './import-api-upload.js';

// A Neo4j and an app of their own: these imports must not leak into the shared test graph.
let neo4j: LocalNeo4j;
let server: Server;
let db: Db;
let appUrl: string;
let admin: Account;
let editor: Account;
let reader: Account;

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const upload = (path: string) =>
  new File([readFileSync(join(FIXTURES, path))], basename(path), { type: 'application/octet-stream' });
const V1 = () => [upload('data-inclusion/v1/structures.json'), upload('data-inclusion/v1/services.json')];

const REPORT = `status sourceId merged
  files { name format kind rows columns }
  problems { file line field message text }
  nodes { kind new changed unchanged vanished }
  links { kind new changed unchanged vanished }
  candidates { plannedId plannedName existingId existingName reason accepted }
  change { id operation nodeIds }
  mappings { name entity columns { field column } }
  mappingFields`;
const PREVIEW = `mutation($files: [File!]!, $mapping: ImportMappingInput, $acceptedMatches: [ImportMatchInput!], $progressKey: ID) {
  previewImport(files: $files, mapping: $mapping, acceptedMatches: $acceptedMatches, progressKey: $progressKey) { ${REPORT} } }`;
const CONFIRM = `mutation($files: [File!]!, $mapping: ImportMappingInput, $acceptedMatches: [ImportMatchInput!]!, $progressKey: ID) {
  confirmImport(files: $files, mapping: $mapping, acceptedMatches: $acceptedMatches, progressKey: $progressKey) { ${REPORT} } }`;
const PROGRESS = `query($key: ID!) { importProgress(key: $key) { phase read validated written total } }`;
const REVERT = `mutation($id: ID!) { revertChange(id: $id, reason: "undo the import") { change { id } } }`;

interface Counts {
  kind: string;
  new: number;
  changed: number;
  unchanged: number;
  vanished: number;
}
interface Report {
  status: string;
  sourceId: string | null;
  merged: number;
  files: {
    name: string;
    format: string | null;
    kind: string | null;
    rows: number | null;
    columns: string[];
  }[];
  problems: { file: string; line: number; field: string; message: string; text: string }[];
  nodes: Counts[];
  links: Counts[];
  candidates: {
    plannedId: string;
    plannedName: string;
    existingId: string;
    reason: string;
    accepted: boolean;
  }[];
  change: { id: string; operation: string; nodeIds: string[] } | null;
  mappings: { name: string; entity: string; columns: { field: string; column: string }[] }[];
  mappingFields: string[];
}

const send = (query: string, variables: Record<string, unknown>, account: Account | null) =>
  gqlMultipart<{ previewImport: Report; confirmImport: Report }>(query, variables, account, {
    baseUrl: appUrl,
  });
const preview = async (variables: Record<string, unknown>, account: Account | null = admin) => {
  const answer = await send(PREVIEW, variables, account);
  return { answer, report: answer.data?.previewImport };
};
const countsOf = (rows: Counts[] | undefined, kind: string) => rows?.find((row) => row.kind === kind);

/** Graph version, nodes and journal entries: what "writes nothing" keeps. */
const footprint = async () => ({
  version: await findGraphVersion(db),
  nodes: await countNodes(db),
  changes: await countChanges(db),
});

beforeAll(async () => {
  neo4j = await startLocalNeo4j({
    name: 'test-import-api',
    boltPort: await findFreePort(),
    fresh: true,
    log: () => {},
  });
  db = createDb(neo4j.config);
  await applyMigrations(db);
  await loadDataset(db, () => {});
  const port = await findFreePort();
  server = await listen(db, port, '127.0.0.1');
  appUrl = `http://127.0.0.1:${port}`;
  admin = await createAccount(db, 'admin', [], appUrl);
  editor = await createAccount(db, 'editor', ['dep:33'], appUrl);
  reader = await createAccount(db, 'reader', [], appUrl);
}, 300_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
  await neo4j?.stop();
}, 60_000);

describe('the import API (the page’s « Importer »)', () => {
  it('previews the data·inclusion fixture: formats, diff by kind and candidate matches, writing nothing', async () => {
    const before = await footprint();
    const { answer, report } = await preview({ files: V1() });
    expect(answer.errors).toBeUndefined();
    expect(report?.status).toBe('READY');
    expect(report?.files.map((file) => [file.name, file.kind, file.format, file.rows])).toEqual([
      ['structures.json', 'data·inclusion structures', 'json', 5],
      ['services.json', 'data·inclusion services', 'json', 6],
    ]);
    expect(countsOf(report?.nodes, 'Dispositif')).toMatchObject({ new: 6 });
    expect(countsOf(report?.links, 'CARRIES')).toMatchObject({ new: 6 });
    expect(report?.candidates.map((c) => [c.existingId, c.reason, c.accepted])).toEqual([
      ['org:mission-locale-agenais-albret-confluent', 'same name in the same commune', false],
      ['org:plie-libournais', 'name is an alias', false],
      ['org:pole-emploi', 'name is an alias', false],
    ]);
    expect(report?.sourceId).toMatch(/^src:import-[0-9a-f]{16}$/);
    expect(await footprint()).toEqual(before);
  });

  it('a preview counts the matches accepted so far: an accepted twin is no new organisation', async () => {
    const { report: none } = await preview({ files: V1() });
    const first = none!.candidates[0]!;
    const { report: one } = await preview({
      files: V1(),
      acceptedMatches: [{ plannedId: first.plannedId, existingId: first.existingId }],
    });
    expect(one?.candidates[0]?.accepted).toBe(true);
    expect(countsOf(one?.nodes, 'Organisation')!.new).toBe(countsOf(none?.nodes, 'Organisation')!.new - 1);
  });

  it('lists every problem of a broken file as file:line field: message, and writes nothing', async () => {
    const before = await footprint();
    const { answer, report } = await preview({
      files: [
        upload('data-inclusion/v1/structures.json'),
        upload('data-inclusion/broken/services-unknown-vocabulary.json'),
      ],
    });
    expect(answer.errors).toBeUndefined();
    expect(report?.status).toBe('INVALID');
    expect(report?.problems.map((problem) => problem.field).sort()).toEqual([
      'frais',
      'publics[0]',
      'thematiques[0]',
    ]);
    expect(report?.problems.map((problem) => problem.text)).toContainEqual(
      expect.stringMatching(
        /^services-unknown-vocabulary\.json:46 #1 \(svc-plie-1\) thematiques\[0\]: "cuisine--patisserie" is not in the vocabulary/,
      ),
    );
    // Confirming the same files is refused the same way: all or nothing.
    const confirmed = await send(
      CONFIRM,
      {
        files: [
          upload('data-inclusion/v1/structures.json'),
          upload('data-inclusion/broken/services-unknown-vocabulary.json'),
        ],
        acceptedMatches: [],
      },
      admin,
    );
    expect(confirmed.data?.confirmImport.status).toBe('INVALID');
    expect(confirmed.data?.confirmImport.change).toBeNull();
    expect(await footprint()).toEqual(before);
  });

  it('asks for a mapping of a spreadsheet, listing its columns, then previews it through a ready mapping', async () => {
    const { report } = await preview({ files: [upload('spreadsheets/actions-financees.csv')] });
    expect(report?.status).toBe('NEEDS_MAPPING');
    expect(report?.files[0]?.columns).toContain('Opérateur');
    expect(report?.mappings.map((mapping) => mapping.name)).toContain('actions-financees');
    expect(report?.mappingFields).toEqual(expect.arrayContaining(['name', 'carrier', 'funder', 'territory']));

    const ready = await preview({
      files: [upload('spreadsheets/actions-financees.csv')],
      mapping: { ready: 'actions-financees' },
    });
    expect(ready.report?.status).toBe('READY');
    expect(ready.report?.files[0]?.kind).toBe('spreadsheet (actions-financees)');
    expect(ready.report?.candidates.map((c) => c.existingId)).toEqual([
      'org:mission-locale-libournais',
      'org:region-nouvelle-aquitaine',
      'org:plie-libournais',
    ]);

    // Built in the page: the ready mapping without its name column is refused by the importer's own check.
    const columns = ready.report!.mappings.find((m) => m.name === 'actions-financees')!.columns;
    const built = await preview({
      files: [upload('spreadsheets/actions-financees.csv')],
      mapping: { ready: 'actions-financees', columns: columns.filter((c) => c.field !== 'name') },
    });
    expect(built.report?.status).toBe('INVALID');
    expect(built.report?.problems.map((problem) => problem.text)).toEqual([
      'mapping columns.name: the name column is required',
    ]);
  });

  it('is refused anonymously (UNAUTHENTICATED) and for a reader (FORBIDDEN), writing nothing', async () => {
    const before = await footprint();
    for (const query of [PREVIEW, CONFIRM]) {
      const anonymous = await send(query, { files: V1(), acceptedMatches: [] }, null);
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      const asReader = await send(query, { files: V1(), acceptedMatches: [] }, reader);
      expect(codeOf(asReader)).toBe('FORBIDDEN');
    }
    expect(await footprint()).toEqual(before);
  });

  it('an editor limited to Gironde may not import a file whose zones lie elsewhere', async () => {
    const before = await footprint();
    const answer = await send(CONFIRM, { files: V1(), acceptedMatches: [] }, editor);
    expect(codeOf(answer)).toBe('FORBIDDEN');
    expect(answer.errors?.[0]?.message).toMatch(/outside your départements \(dep:33\)/);
    expect(await footprint()).toEqual(before);
  });

  it('an upload past the usual body limit passes for an editor only, and for an import only', async () => {
    // The same one-structure export, padded past the 256 KB every other request is held to.
    const id = randomUUID().slice(0, 8);
    const text = await structuresFile(id, '33243').text();
    const big = () => new File([text.replace('[', `[${' '.repeat(300 * 1024)}`)], 'structures-big.json');
    const asReader = await send(PREVIEW, { files: [big()] }, reader);
    expect(asReader.status).toBe(413);
    expect(codeOf(asReader)).toBe('QUERY_TOO_COMPLEX');
    const asEditor = await send(PREVIEW, { files: [big()] }, editor);
    expect(asEditor.errors).toBeUndefined();
    expect(asEditor.data?.previewImport.status).toBe('READY');
    // Another operation sent as multipart by the same editor keeps the usual limit.
    const other = await send(
      `mutation($files: [File!]!) { previewImport(files: $files) { status } } query Other { stats { nodes } }`,
      { files: [big()] },
      editor,
    );
    expect(other.status).toBe(413);
  });

  let changeId = '';
  let sourceId = '';

  it('confirms with the matches accepted one by one: one change, progress for its author only', async () => {
    const before = await footprint();
    const { report: shown } = await preview({ files: V1() });
    // The Mission locale and the PLIE are the curated ones; the network stays apart.
    const accepted = shown!.candidates
      .filter((c) => c.existingId !== 'org:pole-emploi')
      .map((c) => ({ plannedId: c.plannedId, existingId: c.existingId }));
    const rejected = shown!.candidates.find((c) => c.existingId === 'org:pole-emploi')!;
    const progressKey = randomUUID();
    const answer = await send(CONFIRM, { files: V1(), acceptedMatches: accepted, progressKey }, admin);
    expect(answer.errors).toBeUndefined();
    const report = answer.data!.confirmImport;
    expect(report.status).toBe('WRITTEN');
    expect(report.candidates.map((c) => c.accepted)).toEqual([true, true, false]);
    expect(report.change?.operation).toBe('import');
    changeId = report.change!.id;
    sourceId = report.sourceId!;
    expect((await footprint()).changes).toBe(before.changes + 1);
    expect((await footprint()).version).toBe(before.version + 1);

    const ml = (await findNodeProps(db, 'Organisation', ['org:mission-locale-agenais-albret-confluent'])).get(
      'org:mission-locale-agenais-albret-confluent',
    );
    expect(ml?.identifiers).toContain('data-inclusion:dora:ml-agen-001');
    expect((await findNodeProps(db, 'Organisation', [rejected.plannedId])).size).toBe(1);

    const progress = await gql<{ importProgress: Record<string, number | string> | null }>(
      PROGRESS,
      { key: progressKey },
      admin,
      { baseUrl: appUrl },
    );
    expect(progress.data?.importProgress).toMatchObject({ phase: 'done', read: 11, validated: 11 });
    expect(Number(progress.data?.importProgress?.written)).toBeGreaterThan(0);
    const someoneElse = await gql(PROGRESS, { key: progressKey }, editor, { baseUrl: appUrl });
    expect(someoneElse.data).toEqual({ importProgress: null });

    const again = await send(CONFIRM, { files: V1(), acceptedMatches: accepted }, admin);
    expect(again.data?.confirmImport.status).toBe('UNCHANGED');
    expect((await footprint()).changes).toBe(before.changes + 1);
  });

  it('is undone as one change from the journal', async () => {
    expect(changeId).not.toBe('');
    const nodes = await countNodes(db);
    const answer = await gql(REVERT, { id: changeId }, admin, { baseUrl: appUrl });
    expect(answer.errors).toBeUndefined();
    expect(await countNodes(db)).toBeLessThan(nodes);
    expect((await findNodeProps(db, 'Source', [sourceId])).size).toBe(0);
    expect((await findNodeProps(db, 'Dispositif', ['dis:di-dora-svc-ml-1'])).size).toBe(0);
    const ml = (await findNodeProps(db, 'Organisation', ['org:mission-locale-agenais-albret-confluent'])).get(
      'org:mission-locale-agenais-albret-confluent',
    );
    expect(ml?.identifiers ?? []).not.toContain('data-inclusion:dora:ml-agen-001');
    // Undone, the same files are new again.
    const { report } = await preview({ files: V1() });
    expect(countsOf(report?.nodes, 'Dispositif')).toMatchObject({ new: 6 });
  });
});
