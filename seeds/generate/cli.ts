/**
 * `npm run generate -- --scale france [--seed N] [--out DIR]` or
 * `npm run generate -- --factor 10 [--seed N] [--out DIR]`: builds the seed
 * graph grown to that scale and loads it (through the seed loader) into
 * NEO4J_URI's database or the local one; with --out, writes the generated part
 * to DIR/generated-graph.json instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../../graph/driver.js';
import { openDatabaseTarget } from '../../graph/local/settings.js';
import { applyMigrations } from '../../graph/migrate.js';
import { loadSeedGraph } from '../../graph/queries/import.js';
import { parseGenerateArgs } from './args.js';
import { buildScaledSeedGraph } from './scaled-seed-graph.js';

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseGenerateArgs>;
  try {
    args = parseGenerateArgs(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  const started = performance.now();
  const { graph, generated } = buildScaledSeedGraph(args.scale, args.seed);
  console.log(
    `Generated ${generated.nodes.length} nodes and ${generated.relationships.length} relationships ` +
      `(${graph.nodes.length} and ${graph.relationships.length} with the seed) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (args.out !== undefined) {
    mkdirSync(args.out, { recursive: true });
    const file = path.join(args.out, 'generated-graph.json');
    writeFileSync(file, JSON.stringify(generated));
    console.log(`Written to ${file}.`);
    return 0;
  }
  const { config, local } = await openDatabaseTarget();
  const db = createDb(config);
  try {
    await applyMigrations(db);
    const loadStarted = performance.now();
    await loadSeedGraph(db, graph);
    console.log(`Loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    console.error(error);
    return 1;
  } finally {
    await db.close();
    await local?.stop();
  }
}

process.exitCode = await main(process.argv.slice(2));
