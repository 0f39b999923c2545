import type { BenchSuite } from './harness.js';
import { timeMedian } from './harness.js';
import { queryGraphQL } from './graphql-client.js';

/** Latencies of the core API over HTTP, as the page sees them. */
export const apiBench: BenchSuite = async ({ appUrl }) => [
  {
    name: 'api: search "miss" (prefix, 20 hits)',
    value: await timeMedian(() => queryGraphQL(appUrl, '{ search(text: "miss") { node { id name } } }')),
  },
  {
    // Abbreviation, phrase and typo clauses (graph/queries/search.ts): the search as people type it.
    name: 'api: search "st emilion" (abbreviations + typos, 20 hits)',
    value: await timeMedian(() =>
      queryGraphQL(appUrl, '{ search(text: "st emilion") { node { id name } } }'),
    ),
    target: 25,
  },
  {
    name: 'api: neighbourhood of Pôle emploi, depth 1',
    value: await timeMedian(() =>
      queryGraphQL(appUrl, '{ neighbourhood(ids: ["org:pole-emploi"]) { nodes { id } edges { id } } }'),
    ),
  },
  {
    name: 'api: partnership network, whole graph',
    value: await timeMedian(() =>
      queryGraphQL(appUrl, '{ partnershipNetwork { nodes { id } edges { id data } } }'),
    ),
  },
];
