import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../../graph/driver.js';
import { formatProblem } from '../../../graph/import/plan.js';
import { runImport } from '../../../graph/import/run-import.js';
import type { SeedGraph } from '../../../graph/model.js';
import '../../helpers/test-env.js';

/**
 * A spreadsheet whose rows are actors, with a mapping of its own (as the page builds one
 * from scratch): the type column is read against the closed list of organisation types.
 * Dry runs only: the shared test graph is left as it is.
 */
const db = createDb(inject('neo4j'));
const dir = mkdtempSync(join(tmpdir(), 'atlas-actors-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.close();
});

const MAPPING = `name: acteurs
entity: organisation
columns:
  name: Nom
  type: Type
  commune: Commune
`;

async function dryRun(csv: string) {
  const file = join(dir, `acteurs-${Math.random().toString(36).slice(2)}.csv`);
  const mapping = join(dir, 'acteurs.yaml');
  writeFileSync(file, csv);
  writeFileSync(mapping, MAPPING);
  let planned: SeedGraph | undefined;
  const result = await runImport(db, {
    files: [file],
    mapping,
    dryRun: true,
    acceptMatches: false,
    author: { id: 'os:test', email: 'test' },
    checkWrite: (graph) => {
      planned = graph;
    },
  });
  return { result, planned };
}

describe('a spreadsheet of actors', () => {
  it('keeps the type a row gives, in any case, and AUTRE when it gives none', async () => {
    const { result, planned } = await dryRun(
      'Nom,Type,Commune\nGarage solidaire du Port,asso,33243\nCoopérative des Marais,,33243\n',
    );
    expect(result.problems).toEqual([]);
    const typeOf = (name: string) => planned?.nodes.find((node) => node.props.name === name)?.props.type;
    expect(typeOf('Garage solidaire du Port')).toBe('ASSO');
    expect(typeOf('Coopérative des Marais')).toBe('AUTRE');
  });

  it('refuses a type outside the closed list, naming the line and the column', async () => {
    const { result } = await dryRun('Nom,Type,Commune\nGarage solidaire du Port,garage,33243\n');
    const lines = result.problems.map(formatProblem).map((line) => line.slice(line.indexOf('.csv') + 4));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^:2 Type: "garage" is none of the organisation types \(ML, FT, /);
  });
});
