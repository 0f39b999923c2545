import type { DiffCounts } from '../../../graph/import/apply-import.js';
import { formatProblem } from '../../../graph/import/plan.js';
import { runImport, type RunImportResult } from '../../../graph/import/run-import.js';
import { COLUMN_KEYS } from '../../../graph/import/spreadsheet.js';
import { labelOfId, type SeedGraph } from '../../../graph/model.js';
import { findChangeById } from '../../../graph/queries/changes.js';
import { findTerritoriesInScope } from '../../../graph/queries/import-scope.js';
import { editingScope, type Viewer } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../context.js';
import { conflict, forbidden } from '../../errors.js';
import { requireEditor } from '../editing/edit.js';
import type {
  ImportMappingInput,
  ImportMatchInput,
  ImportReport,
  Resolvers,
} from '../resolvers-types.generated.js';
import { progressOf, trackProgress } from './progress.js';
import { describeFiles, readyMappings, saveUpload, type DescribedFile, type SavedUpload } from './uploads.js';

interface ImportArgs {
  files: File[];
  mapping?: ImportMappingInput | null;
  acceptedMatches?: readonly ImportMatchInput[] | null;
  progressKey?: string | null;
  sourceTitle?: string | null;
}

/**
 * An editor limited to some départements imports only what lies within them:
 * every territory the import places a node in (seats, zones) must be theirs, so a
 * national zone is not. Admins and unlimited editors import anything.
 */
async function assertWithinScope(ctx: GraphQLContext, viewer: Viewer, graph: SeedGraph): Promise<void> {
  const scope = editingScope(viewer);
  if (!scope) return;
  const territories = [
    ...new Set(graph.relationships.map((link) => link.to).filter((id) => labelOfId(id) === 'Territory')),
  ];
  if (territories.length === 0) return;
  const inScope = await findTerritoriesInScope(ctx.db, { ids: territories, departements: scope });
  const outside = territories.filter((id) => !inScope.has(id));
  if (outside.length > 0) {
    throw forbidden(
      `The import places nodes in ${outside.slice(0, 10).join(', ')}${outside.length > 10 ? '…' : ''}, outside your départements (${scope.join(', ')}).`,
    );
  }
}

const countsOf = (rows: Record<string, DiffCounts> | undefined) =>
  Object.entries(rows ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, counts]) => ({ kind, ...counts }));

function reportOf(
  upload: SavedUpload,
  described: readonly DescribedFile[],
  result: RunImportResult | undefined,
  status: ImportReport['status'],
): Omit<ImportReport, 'change'> {
  const read = new Map((result?.files ?? []).map((file) => [file.name, file]));
  const problems = (result?.problems ?? []).map((problem) => {
    const shown = { ...problem, file: upload.shown(problem.file) };
    return { ...shown, text: formatProblem(shown) };
  });
  return {
    status,
    files: described.map((file) => ({
      name: upload.shown(file.path),
      format: read.get(file.path)?.format ?? file.format,
      kind: read.get(file.path)?.kind ?? (file.dataInclusion ? `data·inclusion ${file.dataInclusion}` : null),
      rows: read.get(file.path)?.rows ?? null,
      columns: file.columns,
    })),
    problems,
    sourceId: result?.identity?.sourceId ?? result?.diff?.sourceId ?? null,
    nodes: countsOf(result?.diff?.nodes),
    links: countsOf(result?.diff?.links),
    candidates: result?.diff?.candidates ?? [],
    merged: result?.diff?.merged.length ?? 0,
    mappings: readyMappings(),
    mappingFields: [...COLUMN_KEYS],
  };
}

/** One import at a time per process: the staged loader clears what an interrupted one left. */
let writing = false;

/**
 * The page's import: the uploaded files are saved where the importer reads them,
 * then go through the same `runImport` as `npm run import` (reading, validation,
 * resolution, diff and the atomic write with its one :Change).
 */
async function importUpload(ctx: GraphQLContext, args: ImportArgs, write: boolean) {
  const viewer = requireEditor(ctx);
  if (write && writing) throw conflict('Another import is being written: try again once it is done.');
  const upload = await saveUpload(args.files, args.mapping);
  if (write) writing = true;
  try {
    const described = await describeFiles(upload.paths);
    // Without a mapping, files that are not data·inclusion exports need one: their columns are listed.
    if (!upload.mapping && described.some((file) => file.columns.length > 0 && !file.dataInclusion)) {
      return { ...reportOf(upload, described, undefined, 'NEEDS_MAPPING'), change: null };
    }
    const accepted = new Set((args.acceptedMatches ?? []).map((m) => `${m.plannedId}=${m.existingId}`));
    const result = await runImport(ctx.db, {
      files: upload.paths,
      dryRun: !write,
      acceptMatches: ({ plannedId, existingId }) => accepted.has(`${plannedId}=${existingId}`),
      mapping: upload.mapping,
      sourceTitle: args.sourceTitle?.trim().slice(0, 300) || undefined,
      author: { id: viewer.id, email: viewer.email },
      onProgress: trackProgress(args.progressKey, viewer.id),
      checkWrite: (graph) => assertWithinScope(ctx, viewer, graph),
    });
    const status: ImportReport['status'] =
      result.problems.length > 0
        ? 'INVALID'
        : result.written
          ? 'WRITTEN'
          : result.diff?.empty
            ? 'UNCHANGED'
            : 'READY';
    const change = result.changeUid ? ((await findChangeById(ctx.db, result.changeUid)) ?? null) : null;
    return { ...reportOf(upload, described, result, status), change };
  } finally {
    if (write) writing = false;
    await upload.remove();
  }
}

export const importResolvers: Resolvers = {
  Query: {
    importProgress: (_parent, { key }, ctx) => {
      const event = progressOf(key, ctx.viewer?.id);
      return event ? { ...event, total: event.total ?? null } : null;
    },
  },
  Mutation: {
    previewImport: (_parent, args, ctx) => importUpload(ctx, args, false),
    confirmImport: (_parent, args, ctx) => importUpload(ctx, args, true),
  },
};
