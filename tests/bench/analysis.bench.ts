import { runConsoleQuery } from '../../graph/queries/cypher-console.js';
import type { BenchSuite } from './harness.js';
import { timeAlternated, timeMedian } from './harness.js';

async function post(appUrl: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

const CONSOLE = `query ($query: String!, $params: JSON) {
  cypher(query: $query, params: $params) { columns rows graph { nodes { id } edges { id } } }
}`;
const METRICS = `query ($theme: ID) {
  networkMetrics(theme: $theme) {
    modularity
    nodes { node { id } degree weightedDegree betweenness pageRank community }
    communities { id size central { id } }
  }
}`;
const SAVED = `query ($id: ID!, $params: JSON) { runSavedQuery(id: $id, params: $params) { rows graph { nodes { id } edges { id } } } }`;
// Themes of the seed graph: each a filter the metrics cache has not seen yet.
const THEMES = [
  'theme:mobilite',
  'theme:se-former',
  'theme:trouver-un-emploi',
  'theme:numerique',
  'theme:remobilisation',
];

async function timeOnce(work: () => Promise<unknown>) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The analyst console, saved queries, network metrics and k paths (issue 11). */
export const analysisBench: BenchSuite = async ({ db, appUrl }) => {
  // A fresh Neo4j plans its first queries cold (seconds on a loaded machine): one unrecorded
  // call of each kind first, with a theme no measured call uses.
  await post(appUrl, METRICS, { theme: 'theme:ess' });
  await post(appUrl, CONSOLE, {
    query: 'MATCH (o:Organisation {id: $id})-[r1]-(m)-[r2]-(x) RETURN o, r1, m, r2, x LIMIT 200',
    params: { id: 'org:wejob' },
  });
  const fresh: number[] = [];
  for (const theme of THEMES) fresh.push(await timeOnce(() => post(appUrl, METRICS, { theme })));
  fresh.sort((a, b) => a - b);
  // The console through GraphQL against the raw driver running the same Cypher (one auto-commit
  // read) and against the console's own function in this process, alternated in one run.
  const twoHop = {
    query: 'MATCH (o:Organisation {id: $id})-[r1]-(m)-[r2]-(x) RETURN o, r1, m, r2, x LIMIT 200',
    params: { id: 'org:pole-emploi' },
  };
  const viaApi = () => post(appUrl, CONSOLE, twoHop);
  const { a: api, b: driver } = await timeAlternated(viaApi, () => db.read(twoHop.query, twoHop.params), 31);
  const { b: inProcess } = await timeAlternated(
    viaApi,
    () => runConsoleQuery(db, { ...twoHop, limit: 1000 }),
    15,
    1,
  );
  return [
    {
      name: 'analysis: console round trip, 2-hop pattern (200 rows)',
      value: api,
      target: 50,
      note: `driver ${driver.toFixed(1)} ms, console function in process ${inProcess.toFixed(1)} ms`,
    },
    { name: 'analysis: console round trip / raw driver', value: api / driver, unit: '×' },
    {
      name: 'analysis: network metrics with communities, filter not cached (median of 5 themes)',
      value: fresh[Math.floor(fresh.length / 2)]!,
      target: 300,
    },
    {
      name: 'analysis: network metrics, cached at the graph version',
      value: await timeMedian(() => post(appUrl, METRICS)),
    },
    {
      name: 'analysis: saved query "funder-reach" (Région, 2 hops)',
      value: await timeMedian(() =>
        post(appUrl, SAVED, {
          id: 'funder-reach',
          params: { funder: 'org:region-nouvelle-aquitaine', hops: 2 },
        }),
      ),
    },
    {
      name: 'analysis: 3 shortest paths WeJOB → Région through organisations and dispositifs',
      value: await timeMedian(() =>
        post(
          appUrl,
          '{ shortestPaths(from: "org:wejob", to: "org:region-nouvelle-aquitaine", kinds: [ORGANISATION, DISPOSITIF], maxLength: 10, k: 3) { nodes { id } } }',
        ),
      ),
    },
  ];
};
