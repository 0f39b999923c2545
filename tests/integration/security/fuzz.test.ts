import { getNamedType, isObjectType, print, type DocumentNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import * as documents from '../../../client/gql/graphql.js';
import { ERROR_CODES } from '../../../server/errors.js';
import { schema } from '../../../server/yoga.js';
import { createTestApi } from '../../helpers/graphql.js';
import { operationsForRootFields } from '../../helpers/schema-queries.js';
import { createRandom } from '../../../graph/random.js';

/**
 * A bounded, seeded fuzzer: a few thousand documents mutated from the page's own
 * operations and from one operation per root field, sent through the real schema
 * over the test Neo4j. No answer may be a 5xx, leak internals or carry a code
 * outside the closed set, and memory must stay bounded.
 */
const SEED = 20_261_201;
const DOCUMENTS = 2_500;
const CONCURRENCY = 4;
const KNOWN_CODES = new Set<string>(ERROR_CODES);
/** Text that only an unmasked failure would show. */
const LEAKS =
  /Neo4jError|Neo\.(Client|Transient|Database)Error|\bat .+\.(ts|js):\d+|node_modules|\/work\/|Cannot read propert|undefined is not/;

interface Case {
  query: string;
  variables?: unknown;
  operationName?: unknown;
}

const pageOperations: Case[] = Object.entries(documents)
  .filter(([name, doc]) => name.endsWith('Document') && (doc as DocumentNode).definitions?.length)
  .map(([, doc]) => ({ query: print(doc as DocumentNode) }));
const rootOperations: Case[] = operationsForRootFields(schema).map(({ query, variables }) => ({
  query,
  variables,
}));
const fieldNames = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .flatMap((type) => Object.keys(type.getFields()));
const hostileValues: unknown[] = [
  'constructor:x',
  '__proto__:x',
  'toString:x',
  '',
  'x'.repeat(10_000),
  -1,
  2 ** 53,
  1e308,
  0.5,
  true,
  null,
  [],
  {},
  { __proto__: { polluted: true } },
  ['reg:75', 'org:wejob', 'com:33243'],
  '2019-02-30',
  'DEPARTEMENT',
  "' OR 1=1 //",
  'MATCH (n) DETACH DELETE n',
  '\u0000\u202e',
];
const SNIPPETS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '@include(if: true)',
  '...',
  '"',
  ' ',
  '\n',
  '#',
  '!',
  '=',
  '0',
];

function mutate(next: () => number, base: Case): Case {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let query = base.query;
  let variables: unknown = base.variables ? structuredClone(base.variables) : undefined;
  let operationName: unknown;
  const steps = 1 + Math.floor(next() * 3);
  for (let step = 0; step < steps; step += 1) {
    const at = Math.floor(next() * (query.length + 1));
    switch (Math.floor(next() * 9)) {
      case 0:
        query = query.slice(0, at) + query.slice(at + 1 + Math.floor(next() * 5));
        break;
      case 1:
        query = query.slice(0, at) + pick(SNIPPETS) + query.slice(at);
        break;
      case 2:
        query = query.slice(0, at) + ` ${pick(fieldNames)} ` + query.slice(at);
        break;
      case 3: {
        const length = Math.floor(next() * 40);
        query = query.slice(0, at) + query.slice(at, at + length).repeat(2) + query.slice(at + length);
        break;
      }
      case 4:
        query = query.replace(/\{/, `{ ${pick(fieldNames)} {`).replace(/\}\s*$/, '} }');
        break;
      case 5: {
        const vars = (variables && typeof variables === 'object' ? variables : {}) as Record<string, unknown>;
        const names = [...query.matchAll(/\$(\w+)/g)].map((m) => m[1]!);
        vars[names.length ? pick(names) : 'x'] = pick(hostileValues);
        variables = vars;
        break;
      }
      case 6:
        variables = pick(hostileValues);
        break;
      case 7:
        operationName = pick(['', 'Nope', 42, null, ['a'], 'x'.repeat(500)]);
        break;
      default:
        query = query.replace(/"[^"]*"/, JSON.stringify(String(pick(hostileValues))));
    }
  }
  return { query, variables, operationName };
}

const api = createTestApi();
afterAll(() => api.close());

/** Every fifth case goes as a GET, its variables as raw text that may not even be JSON. */
async function send(testCase: Case, index: number) {
  const headers = { accept: 'application/graphql-response+json' };
  const response =
    index % 5 === 4
      ? await api.yoga.fetch(
          `http://atlas.test/graphql?${new URLSearchParams({
            query: testCase.query,
            variables:
              typeof testCase.variables === 'string'
                ? testCase.variables
                : JSON.stringify(testCase.variables ?? {}).slice(0, 2_000),
          })}`,
          { headers },
        )
      : await api.yoga.fetch('http://atlas.test/graphql', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(testCase),
        });
  const text = await response.text();
  return { status: response.status, text };
}

describe('fuzzing the API', () => {
  it(
    `${DOCUMENTS} mutated documents: no 5xx, nothing unmasked, codes from the closed set, memory bounded`,
    {
      timeout: 120_000,
    },
    async () => {
      const next = createRandom(SEED).next;
      const corpus = [...pageOperations, ...rootOperations];
      expect(corpus.length).toBeGreaterThan(20);
      const cases = Array.from({ length: DOCUMENTS }, () =>
        mutate(next, corpus[Math.floor(next() * corpus.length)]!),
      );
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const failures: string[] = [];
      let executed = 0;
      for (let start = 0; start < cases.length; start += CONCURRENCY) {
        const batch = cases.slice(start, start + CONCURRENCY);
        const answers = await Promise.all(batch.map((testCase, i) => send(testCase, start + i)));
        answers.forEach(({ status, text }, i) => {
          const where = `#${start + i} ${JSON.stringify(batch[i]).slice(0, 200)}`;
          if (status >= 500) failures.push(`${status} ${where}`);
          if (LEAKS.test(text)) failures.push(`leak ${text.slice(0, 200)} ${where}`);
          let body: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
          try {
            body = JSON.parse(text) as typeof body;
          } catch {
            failures.push(`not JSON ${where}`);
            return;
          }
          if (body.data) executed += 1;
          for (const error of body.errors ?? []) {
            const code = String(error.extensions?.code);
            if (!KNOWN_CODES.has(code)) failures.push(`code ${code} ${where}`);
          }
        });
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }
      expect(failures.slice(0, 10)).toEqual([]);
      // Enough documents got through to the resolvers to mean something.
      expect(executed).toBeGreaterThan(DOCUMENTS / 20);
      expect(rssPeak - rssBefore).toBeLessThan(400 * 1024 * 1024);
      expect(getNamedType(schema.getQueryType()!).name).toBe('Query');
    },
  );
});
