/**
 * `npm run import -- [--dry-run] [--mapping FILE] [--source-title TEXT] [--accept-matches] FILE...`:
 * imports data·inclusion exports (structures and services, JSON or CSV) or
 * spreadsheets with a mapping, into the database `npm start` uses. Problems are
 * listed as `file:line field: message` and nothing is written (exit 1).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { createDb } from '../graph/driver.js';
import { openDatabaseTarget } from '../graph/local/settings.js';
import { applyMigrations } from '../graph/migrate.js';
import { formatDiff, formatProgress } from '../graph/import/format-report.js';
import { formatProblem } from '../graph/import/plan.js';
import { runImport } from '../graph/import/run-import.js';

const USAGE = `usage: npm run import -- [--dry-run] [--mapping FILE] [--source-title TEXT] [--accept-matches] FILE...
  FILE...            data·inclusion structures and services (JSON arrays or CSV), or spreadsheets with --mapping
  --dry-run          print what would change (new / changed / unchanged / vanished, candidate matches), write nothing
  --accept-matches   merge the candidate matches (same name in the same commune, an alias) instead of keeping them apart
  --mapping FILE     YAML mapping of a spreadsheet's columns (CSV or XLSX)
  --source-title T   title of the import's Source`;

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'accept-matches': { type: 'boolean', default: false },
        mapping: { type: 'string' },
        'source-title': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parse();
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const { config, local } = await openDatabaseTarget(process.env, (line) => console.error(line));
  const db = createDb(config);
  const started = Date.now();
  let lastShown = 0;
  try {
    await applyMigrations(db);
    const user = userInfo().username;
    const result = await runImport(db, {
      files: positionals,
      dryRun: values['dry-run'],
      acceptMatches: values['accept-matches'],
      mapping: values.mapping,
      sourceTitle: values['source-title'],
      author: { id: `os:${user}`, email: user },
      onProgress: (event) => {
        const now = Date.now();
        if (now - lastShown < 1_000 && event.phase !== 'done') return;
        lastShown = now;
        console.error(formatProgress(event, (now - started) / 1000));
      },
    });
    for (const file of result.files) console.error(`${file.name}: ${file.kind}, ${file.rows} rows`);
    if (result.problems.length > 0) {
      for (const problem of result.problems) console.error(formatProblem(problem));
      console.error(`${result.problems.length} problem(s): nothing was imported.`);
      return 1;
    }
    if (result.diff) for (const line of formatDiff(result.diff)) console.log(line);
    if (values['dry-run']) console.log('dry run: nothing was written.');
    else if (!result.written) console.log('nothing to change: the graph already holds this import.');
    else console.log(`imported as ${result.identity?.sourceId} (change ${result.changeUid}).`);
    return 0;
  } finally {
    await db.close();
    await local?.stop();
  }
}

process.exitCode = await main();
