import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { GraphError } from '../graph/errors.js';
import { createAtlasLogger } from './yoga-logger.js';

function recorder() {
  const lines: { level: string; args: unknown[] }[] = [];
  const log =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push({ level, args });
  const base: YogaLogger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { base, lines };
}

describe('createAtlasLogger', () => {
  it('logs an expected database failure as one line, once per interval', () => {
    const { base, lines } = recorder();
    let clock = 0;
    const logger = createAtlasLogger(base, () => clock);
    const outage = new GraphQLError('x', {
      originalError: new GraphError('DATABASE_UNAVAILABLE', 'The graph database is unreachable.'),
    });
    logger.error(outage);
    clock = 5_000;
    logger.error(outage);
    clock = 10_001;
    logger.error(outage);
    expect(lines).toEqual([
      { level: 'warn', args: ['DATABASE_UNAVAILABLE: The graph database is unreachable.'] },
      { level: 'warn', args: ['DATABASE_UNAVAILABLE: The graph database is unreachable.'] },
    ]);
  });

  it('keeps the full error for anything unexpected', () => {
    const { base, lines } = recorder();
    const bug = new TypeError('boom');
    createAtlasLogger(base).error(bug);
    expect(lines).toEqual([{ level: 'error', args: [bug] }]);
  });
});
