import { print, type DocumentNode } from 'graphql';
import { SINGLE_POINTS_OF_FAILURE_QUERY } from '../../client/features/coverage-gaps/queries.js';
import { DEPENDENCIES_QUERY } from '../../client/features/funder/queries.js';
import { OFFER_FOR_QUERY } from '../../client/features/parcours/queries.js';
import type { BenchSuite } from './harness.js';
import { timeMedian } from './harness.js';

// The page's own documents over HTTP, warm (the bench's Neo4j has just started).
const RUNS = 21;
const WARMUP = 10;
const REGION = 'org:region-nouvelle-aquitaine';
const LIBOURNE = 'com:33243';

async function post(appUrl: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

/** What depends on whom (issue 14): the offer for a person, a funder's dependencies, single points of failure. */
export const whatIfBench: BenchSuite = async ({ appUrl }) => {
  const timed = (document: DocumentNode, variables: Record<string, unknown>) =>
    timeMedian(() => post(appUrl, print(document), variables), RUNS, WARMUP);
  return [
    {
      name: 'what-if: offerFor a young jobseeker in Libourne',
      value: await timed(OFFER_FOR_QUERY, { commune: LIBOURNE, public: 'public:jeunes' }),
      target: 50,
    },
    {
      name: 'what-if: dependencies of the Région, communes of the région',
      value: await timed(DEPENDENCIES_QUERY, { organisation: REGION, level: 'COMMUNE', within: 'reg:75' }),
      target: 300,
    },
    {
      name: 'what-if: single points of failure, EPCI of the région',
      value: await timed(SINGLE_POINTS_OF_FAILURE_QUERY, { level: 'EPCI', within: 'reg:75' }),
      target: 1000,
    },
  ];
};
