import { print, type DocumentNode } from 'graphql';
import { SINGLE_POINTS_OF_FAILURE_QUERY } from '../../client/features/coverage-gaps/queries.js';
import { DEPENDENCIES_QUERY } from '../../client/features/funder/queries.js';
import { OFFER_FOR_QUERY } from '../../client/features/parcours/queries.js';
import type { BenchResult, BenchSuite } from './harness.js';
import { timeMedian } from './harness.js';
import { queryGraphQL } from './graphql-client.js';

// The page's own documents over HTTP, warm (the bench's Neo4j has just started).
const RUNS = 21;
const WARMUP = 10;
const REGION = 'org:region-nouvelle-aquitaine';
const LIBOURNE = 'com:33243';

/**
 * The organisations whose withdrawal would uncover the most people: the communes that
 * would lose every running dispositif of at least one top-level theme, per organisation
 * (singlePointsOfFailure theme by theme), counted once each.
 */
async function topWithdrawals(appUrl: string, count: number) {
  const { data: vocabulary } = await queryGraphQL<{ themes: { id: string; parent: unknown }[] }>(
    appUrl,
    '{ themes { id parent { id } } }',
  );
  const themes = vocabulary.themes.filter((theme) => !theme.parent);
  const uncovered = new Map<string, { name: string; communes: Map<string, number> }>();
  for (const theme of themes) {
    const { data } = await queryGraphQL<{
      singlePointsOfFailure: {
        organisation: { id: string; name: string };
        cells: { id: string }[];
        population: number;
      }[];
    }>(appUrl, print(SINGLE_POINTS_OF_FAILURE_QUERY), {
      level: 'COMMUNE',
      within: 'reg:75',
      theme: theme.id,
    });
    for (const row of data.singlePointsOfFailure) {
      const entry = uncovered.get(row.organisation.id) ?? {
        name: row.organisation.name,
        communes: new Map(),
      };
      // The rows give the cells and their total: people per commune come from the territories themselves.
      for (const cell of row.cells) entry.communes.set(cell.id, 0);
      uncovered.set(row.organisation.id, entry);
    }
  }
  const communes = [...new Set([...uncovered.values()].flatMap((entry) => [...entry.communes.keys()]))];
  const people = new Map<string, number>();
  // `nodes` takes at most 2,000 ids at a time.
  for (let start = 0; start < communes.length; start += 1000) {
    const { data } = await queryGraphQL<{ nodes: { id: string; data: { population?: number } }[] }>(
      appUrl,
      'query($ids: [ID!]!) { nodes(ids: $ids) { id data } }',
      { ids: communes.slice(start, start + 1000) },
    );
    for (const node of data.nodes) people.set(node.id, node.data.population ?? 0);
  }
  return [...uncovered.entries()]
    .map(([id, entry]) => ({
      id,
      name: entry.name,
      communes: entry.communes.size,
      population: [...entry.communes.keys()].reduce((sum, commune) => sum + (people.get(commune) ?? 0), 0),
    }))
    .sort((a, b) => b.population - a.population)
    .slice(0, count);
}

/** Issue 14's three timed figures: the page's documents, their variables and their targets on the seed graph. */
export const WHAT_IF_FIGURES: readonly {
  name: string;
  document: DocumentNode;
  variables: Record<string, unknown>;
  target: number;
}[] = [
  {
    name: 'what-if: offerFor a young jobseeker in Libourne',
    document: OFFER_FOR_QUERY,
    variables: { commune: LIBOURNE, public: 'public:jeunes' },
    target: 50,
  },
  {
    name: 'what-if: dependencies of the Région, communes of the région',
    document: DEPENDENCIES_QUERY,
    variables: { organisation: REGION, level: 'COMMUNE', within: 'reg:75' },
    target: 300,
  },
  {
    name: 'what-if: single points of failure, EPCI of the région',
    document: SINGLE_POINTS_OF_FAILURE_QUERY,
    variables: { level: 'EPCI', within: 'reg:75' },
    target: 1000,
  },
];

/** What depends on whom (issue 14): the offer for a person, a funder's dependencies, single points of failure. */
export const whatIfBench: BenchSuite = async ({ appUrl }) => {
  const timed: BenchResult[] = [];
  for (const { name, document, variables, target } of WHAT_IF_FIGURES) {
    const value = await timeMedian(() => queryGraphQL(appUrl, print(document), variables), RUNS, WARMUP);
    timed.push({ name, value, target });
  }
  return [
    ...timed,
    // Figures of the seed data the note asks for (no target).
    ...(await topWithdrawals(appUrl, 3)).map((top, rank) => ({
      name: `what-if: withdrawal uncovering the most people, #${rank + 1}`,
      value: top.population,
      unit: 'people',
      note: `${top.name} (${top.id}), ${top.communes} communes lose every dispositif of a theme`,
    })),
  ];
};
