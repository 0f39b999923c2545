import { print } from 'graphql';
import {
  COVERAGE_APPLICATIONS_QUERY,
  COVERAGE_COMPARISON_QUERY,
  COVERAGE_QUERY,
} from '../../client/features/coverage-gaps/queries.js';
import { findTerritorialGrid } from '../../graph/queries/coverage.js';
import type { BenchSuite } from './harness.js';
import { timeMedian } from './harness.js';
import { queryGraphQL } from './graphql-client.js';

// The page's own documents, so that the figures are what a planner waits for.
// A running server is warm: ten untimed calls first (the bench's Neo4j has just started).
const RUNS = 21;
const WARMUP = 10;
const COVERAGE = print(COVERAGE_QUERY);
const COMPARISON = print(COVERAGE_COMPARISON_QUERY);
const APPLICATIONS = print(COVERAGE_APPLICATIONS_QUERY);

/** Coverage analysis over HTTP (cells and summary, as the page asks): medians of 21 calls. */
export const coverageBench: BenchSuite = async ({ db, appUrl }) => {
  const coverage = (variables: Record<string, unknown>) => () => queryGraphQL(appUrl, COVERAGE, variables);
  const gridStarted = performance.now();
  await findTerritorialGrid(db);
  const gridLoad = performance.now() - gridStarted;
  return [
    {
      name: 'coverage: communes of the région (4,293 cells)',
      value: await timeMedian(coverage({ level: 'COMMUNE', within: 'reg:75' }), RUNS, WARMUP),
      target: 300,
    },
    {
      name: 'coverage: départements of the région',
      value: await timeMedian(coverage({ level: 'DEPARTEMENT', within: 'reg:75' }), RUNS, WARMUP),
      target: 50,
    },
    {
      name: 'coverage: EPCI of the région, theme mobilité',
      value: await timeMedian(
        coverage({ level: 'EPCI', within: 'reg:75', theme: 'theme:mobilite' }),
        RUNS,
        WARMUP,
      ),
    },
    {
      name: 'coverage: communes of the Gironde, as of 2019-06-01',
      value: await timeMedian(
        coverage({ level: 'COMMUNE', within: 'dep:33', activeOn: '2019-06-01' }),
        RUNS,
        WARMUP,
      ),
    },
    {
      name: 'coverage: EPCI at two dates, compared',
      value: await timeMedian(
        () =>
          queryGraphQL(appUrl, COMPARISON, {
            level: 'EPCI',
            within: 'reg:75',
            left: { activeOn: '2019-06-01' },
            right: { activeOn: '2020-01-01' },
          }),
        RUNS,
        WARMUP,
      ),
    },
    {
      name: 'coverage: communes of the région, every application (CSV export)',
      value: await timeMedian(
        () => queryGraphQL(appUrl, APPLICATIONS, { level: 'COMMUNE', within: 'reg:75' }),
        RUNS,
        WARMUP,
      ),
    },
    {
      name: 'coverage: reading the grid (cached per process)',
      value: gridLoad,
      note: 'once; again when territories, PART_OF or themes change; refreshed in the background after 60 s',
    },
  ];
};
