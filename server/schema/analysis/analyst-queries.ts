import { randomUUID } from 'node:crypto';
import {
  deleteAnalystQuery,
  findAnalystQueries,
  findAnalystQuery,
  insertAnalystQuery,
  updateAnalystQuery,
  type AnalystQueryRow,
} from '../../../graph/queries/saved-queries.js';
import type { GraphQLContext } from '../../context.js';
import { badUserInput, forbidden, notFound } from '../../errors.js';
import { requireEditor, runEdit, type ChangeInputArg } from '../editing/edit.js';
import type { AnalystQuery, AnalystQueryInput } from '../resolvers-types.generated.js';

/**
 * An analyst's own queries on the server: editors and admins keep theirs there
 * (readers and anonymous visitors in the browser). Each save or delete is a
 * mutation like any edit: authorised, citing a source, with one :Change.
 */

export const toAnalystQuery = (row: AnalystQueryRow): AnalystQuery => ({
  id: row.uid,
  title: row.title,
  description: row.description,
  cypher: row.cypher,
  params: row.params,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

function cleanInput(input: AnalystQueryInput) {
  const title = input.title.trim();
  if (!title || title.length > 200) throw badUserInput('input.title', 'A title of 1 to 200 characters.');
  const description = (input.description ?? '').trim();
  if (description.length > 2_000) throw badUserInput('input.description', 'At most 2,000 characters.');
  const cypher = input.cypher.trim();
  if (!cypher || cypher.length > 20_000)
    throw badUserInput('input.cypher', 'A query of 1 to 20,000 characters.');
  const params = (input.params ?? '').trim() || '{}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(params);
  } catch {
    throw badUserInput('input.params', 'params must be JSON text.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || params.length > 20_000)
    throw badUserInput('input.params', 'params must be a JSON object of named parameters.');
  return { title, description, cypher, params };
}

async function ownQuery(ctx: GraphQLContext, tx: Parameters<typeof findAnalystQuery>[0], id: string) {
  const found = await findAnalystQuery(tx, id);
  if (!found) throw notFound(id);
  if (found.authorId !== ctx.viewer?.id) throw forbidden('This query is someone else’s.');
  return found;
}

export async function myQueries(ctx: GraphQLContext) {
  if (!ctx.viewer) return [];
  return (await findAnalystQueries(ctx.db, ctx.viewer.id)).map(toAnalystQuery);
}

export async function saveAnalystQuery(
  ctx: GraphQLContext,
  input: AnalystQueryInput,
  change: ChangeInputArg,
) {
  const viewer = requireEditor(ctx);
  const fields = cleanInput(input);
  let saved: AnalystQueryRow | undefined;
  const edit = await runEdit(ctx, {
    operation: 'saveAnalystQuery',
    kind: input.id ? 'UPDATE' : 'CREATE',
    viewer,
    change: { ...change, reason: change.reason ?? `Requête « ${fields.title} »` },
    async work({ rec }) {
      const now = new Date().toISOString();
      if (input.id) {
        await ownQuery(ctx, rec.tx, input.id);
        saved = await updateAnalystQuery(rec.tx, { uid: input.id, ...fields, updatedAt: now });
      } else {
        saved = await insertAnalystQuery(rec.tx, {
          uid: `sq:${randomUUID()}`,
          authorId: viewer.id,
          ...fields,
          createdAt: now,
          updatedAt: now,
        });
      }
      return null;
    },
  });
  return { query: saved ? toAnalystQuery(saved) : null, change: edit.change };
}

export async function deleteOwnAnalystQuery(ctx: GraphQLContext, id: string, change: ChangeInputArg) {
  const viewer = requireEditor(ctx);
  const edit = await runEdit(ctx, {
    operation: 'deleteAnalystQuery',
    kind: 'DELETE',
    viewer,
    change: { ...change, reason: change.reason ?? `Requête ${id} supprimée` },
    async work({ rec }) {
      await ownQuery(ctx, rec.tx, id);
      await deleteAnalystQuery(rec.tx, id);
      return null;
    },
  });
  return { query: null, change: edit.change };
}
