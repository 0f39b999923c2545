import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request, type Result } from 'autocannon';
import { findFreePort } from '../../graph/local/free-port.js';
import type { BenchSuite } from './harness.js';

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CONNECTIONS = 20;
/** Connections of the hostile mix: 10 % of the traffic. */
const HOSTILE_CONNECTIONS = 2;
const START_SCRIPT = fileURLToPath(new URL('../../scripts/start.ts', import.meta.url));

const graphqlRequest = (query: string, variables: Record<string, unknown> = {}): Request => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

/** What the page asks most: search as one types, a node's details, its neighbourhood, coverage by département. */
const REALISTIC_MIX: Request[] = [
  graphqlRequest('query($t: String!) { search(text: $t) { node { id name kind } score } }', { t: 'mission' }),
  graphqlRequest(
    `
      query ($id: ID!) {
        node(id: $id) {
          id
          name
          kind
          sources {
            id
            title
          }
          relations {
            type
            direction
            node {
              id
              name
              kind
            }
            sources {
              id
            }
          }
        }
      }
    `,
    { id: 'org:pole-emploi' },
  ),
  graphqlRequest(
    'query($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id label kind } edges { id source target type } } }',
    {
      ids: ['org:wejob'],
    },
  ),
  graphqlRequest(
    '{ coverage(level: DEPARTEMENT, within: "reg:75") { territory { id name } status population } }',
  ),
  graphqlRequest('query($t: String!) { search(text: $t) { node { id name kind } score } }', {
    t: 'bordeaux',
  }),
];

/** Refusals seen by the hostile mix, and answers that were not refusals. */
const hostileTally = { refused: 0, answered: 0 };
const REFUSAL = /"code":"(QUERY_TOO_COMPLEX|BAD_USER_INPUT|NOT_FOUND)"/;

/** The denial-of-service cases of the hardening issue, each refused before any work. */
const HOSTILE_CASES: Request[] = [
  graphqlRequest(`
    {
      node(id: "dep:33") {
        ... on Territory {
          children {
            id
            parents {
              id
              children {
                id
                parents {
                  id
                }
              }
            }
          }
        }
      }
    }
  `),
  graphqlRequest(`
    {
      node(id: "org:region-nouvelle-aquitaine") {
        relations {
          node {
            relations {
              node {
                relations {
                  node {
                    id
                  }
                }
              }
            }
          }
        }
      }
    }
  `),
  graphqlRequest(`{ stats { ${Array.from({ length: 6_000 }, () => 'a').join(' ')} } }`),
  {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: 'x'.repeat(300_000),
  },
  graphqlRequest('{ node(id: "constructor:x") { id } }'),
  { method: 'GET', path: '/graphql?query=%7Bstats%7BtotalNodes%7D%7D&variables=%7Bbad' },
];
const HOSTILE_MIX: Request[] = HOSTILE_CASES.map((request) => ({
  ...request,
  onResponse: (_status: number, body: string) => {
    if (REFUSAL.test(body)) hostileTally.refused += 1;
    else hostileTally.answered += 1;
  },
}));

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** The app as `npm start` runs it, in a process of its own so its memory is its own. */
async function startApp(neo4j: {
  uri: string;
  user: string;
  password: string;
}): Promise<{ url: string; child: ChildProcess }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', START_SCRIPT], {
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready in')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function run(url: string, requests: Request[], connections: number): Promise<Result> {
  return autocannon({ url, connections, duration: LOAD_SECONDS, requests, timeout: 10 });
}

const failures = (result: Result) => result.errors + result.timeouts + result.non2xx;

/**
 * Sustained load on a separate app process: the realistic mix alone, then with a
 * hostile 10 % beside it (refused at once, so legitimate traffic keeps its latency).
 */
export const loadBench: BenchSuite = async ({ db }) => {
  const app = await startApp(db.config);
  const pid = app.child.pid!;
  try {
    // Warm the caches (coverage grid, query plans) before measuring.
    await run(app.url, REALISTIC_MIX, 4).then(() => undefined);
    const rssBefore = rssMb(pid);
    const plain = await run(app.url, REALISTIC_MIX, CONNECTIONS);
    const rssAfterPlain = rssMb(pid);
    const [legit, hostile] = await Promise.all([
      run(app.url, REALISTIC_MIX, CONNECTIONS - HOSTILE_CONNECTIONS),
      run(app.url, HOSTILE_MIX, HOSTILE_CONNECTIONS),
    ]);
    const rssAfter = rssMb(pid);
    const prefix = `load (${CONNECTIONS} connections, ${LOAD_SECONDS} s)`;
    return [
      { name: `${prefix}: requests per second`, value: plain.requests.average, unit: 'req/s' },
      { name: `${prefix}: p50`, value: plain.latency.p50 },
      { name: `${prefix}: p99`, value: plain.latency.p99, target: 150 },
      { name: `${prefix}: errors`, value: failures(plain), unit: 'requests', target: 0 },
      {
        name: `${prefix}: RSS growth`,
        value: rssAfterPlain - rssBefore,
        unit: 'MB',
        target: 100,
        note: `${rssBefore.toFixed(0)} → ${rssAfterPlain.toFixed(0)} MB`,
      },
      { name: `${prefix} + 10 % hostile: legitimate p99`, value: legit.latency.p99, target: 150 },
      {
        name: `${prefix} + 10 % hostile: legitimate errors`,
        value: failures(legit),
        unit: 'requests',
        target: 0,
      },
      {
        name: `${prefix} + 10 % hostile: hostile requests not refused`,
        value: hostileTally.answered,
        unit: 'requests',
        target: 0,
        note: `${hostileTally.refused} refused, p99 ${hostile.latency.p99} ms`,
      },
      {
        name: `${prefix} + 10 % hostile: RSS growth`,
        value: rssAfter - rssAfterPlain,
        unit: 'MB',
        target: 100,
        note: `${rssAfterPlain.toFixed(0)} → ${rssAfter.toFixed(0)} MB`,
      },
    ];
  } finally {
    app.child.kill('SIGTERM');
  }
};
