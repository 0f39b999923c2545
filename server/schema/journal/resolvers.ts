import { CHANGE_KINDS, findChanges, findHistory } from '../../../graph/queries/changes.js';
import { badUserInput } from '../../errors.js';
import { nodeOf } from '../node-mappers.js';
import type { Resolvers } from '../resolvers-types.generated.js';

const MAX_PAGE = 200;

function pageSize(first: number | null | undefined): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw badUserInput('first', `first must be between 1 and ${MAX_PAGE}.`);
  }
  return size;
}

/** `since` as the ISO text changes are stamped with, so that comparing strings compares times. */
function sinceOf(since: string | null | undefined): string | null {
  if (!since) return null;
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(since) ? Date.parse(since) : NaN;
  if (Number.isNaN(time)) throw badUserInput('since', 'since must be an ISO date or date-time.');
  return new Date(time).toISOString();
}

const encodeCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');
function decodeCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badUserInput('after', 'after must be a cursor returned as endCursor.');
  return Number(match[1]);
}

export const journalResolvers: Resolvers = {
  Query: {
    history: (_parent, { id, first }, ctx) => findHistory(ctx.db, { id, first: pageSize(first) }),
    changes: async (_parent, args, ctx) => {
      const limit = pageSize(args.first);
      if (args.kind && !CHANGE_KINDS.includes(args.kind)) throw badUserInput('kind', 'Unknown change kind.');
      const changes = await findChanges(ctx.db, {
        since: sinceOf(args.since),
        author: args.author?.trim().toLowerCase() || null,
        kind: args.kind ?? null,
        limit: limit + 1,
        afterSeq: decodeCursor(args.after),
      });
      const page = changes.slice(0, limit);
      const last = page.at(-1);
      return { changes: page, endCursor: changes.length > limit && last ? encodeCursor(last.seq) : null };
    },
  },
  Change: {
    id: (change) => change.uid,
    seq: (change) => change.seq,
    at: (change) => change.at,
    authorEmail: (change) => change.authorEmail,
    operation: (change) => change.operation,
    kind: (change) => change.kind,
    nodeIds: (change) => change.nodeIds,
    fields: (change) => change.fields,
    reason: (change) => change.reason,
    source: async (change, _args, ctx) => {
      const row = await ctx.loaders.node.load(change.sourceId);
      return row ? nodeOf(row, 'Source') : null;
    },
    before: (change) => JSON.parse(change.before) as unknown,
    after: (change) => JSON.parse(change.after) as unknown,
    revertOf: (change) => change.revertOf,
    revertedBy: (change) => change.revertedBy,
  },
  ChangePage: {
    changes: (page) => page.changes,
    endCursor: (page) => page.endCursor,
  },
};
