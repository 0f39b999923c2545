/**
 * Coverage (DOMAIN.md §5) on small synthetic graphs written over the real grid:
 * every dispositif here addresses a `theme:test-cov-…` theme of its own, so a
 * filter on those themes sees only them and every status is known by construction.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { graphql } from '../../client/gql/index.js';
import type { TestCoverageQuery, TestCoverageQueryVariables } from '../../client/gql/graphql.js';
import { loadCoverageIndex, prepareCoverageGrid } from '../../graph/queries/coverage.js';
import { prepareServer } from '../../server/main.js';
import { bumpGraphVersion } from '../../graph/queries/graph-version.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';
import { removeSyntheticNodes, SyntheticGraph, writeSyntheticGraph } from '../helpers/synthetic-graph.js';

const COVERAGE = graphql(`
  query TestCoverage(
    $level: TerritoryLevel!
    $within: ID!
    $theme: ID
    $public: ID
    $activeOn: Date
    $carrierType: [OrganisationType!]
    $status: [DispositifStatus!]
    $territories: [ID!]
  ) {
    coverage(
      level: $level
      within: $within
      theme: $theme
      public: $public
      activeOn: $activeOn
      carrierType: $carrierType
      status: $status
      territories: $territories
    ) {
      territory {
        id
        level
      }
      status
      population
      coveredPopulation
      departement {
        id
      }
      dispositifs {
        id
      }
      applications {
        dispositif {
          id
        }
        via
        through {
          id
        }
        population
      }
    }
    coverageSummary(
      level: $level
      within: $within
      theme: $theme
      public: $public
      activeOn: $activeOn
      carrierType: $carrierType
      status: $status
      territories: $territories
    ) {
      cells
      population
      coveredPopulation
      dispositifs
      applying {
        dispositif {
          id
        }
        deployedIn {
          id
        }
        cells
        population
      }
      covered {
        cells
        population
      }
      partial {
        cells
        population
      }
      none {
        cells
        population
      }
    }
  }
`);

const COMPARISON = graphql(`
  query TestCoverageComparison(
    $level: TerritoryLevel!
    $within: ID!
    $left: CoverageFilter!
    $right: CoverageFilter!
  ) {
    coverageComparison(level: $level, within: $within, left: $left, right: $right) {
      left {
        summary {
          covered {
            cells
          }
        }
      }
      right {
        summary {
          covered {
            cells
          }
        }
      }
      changes {
        territory {
          id
        }
        before
        after
        lost {
          id
        }
        gained {
          id
        }
      }
    }
  }
`);

const COVERAGE_MAP = graphql(`
  query TestCoverageMap($level: TerritoryLevel!, $within: ID!, $theme: ID) {
    coverageMap(level: $level, within: $within, theme: $theme) {
      territories
      names
      codes
      departements
      statuses
      populations
      coveredPopulations
      dispositifCounts
    }
    coverage(level: $level, within: $within, theme: $theme) {
      territory {
        id
        name
        code
      }
      departement {
        id
      }
      status
      population
      coveredPopulation
      dispositifCount
      dispositifs {
        id
      }
    }
  }
`);

const GRID = graphql(`
  query TestCoverageGrid($id: ID!) {
    node(id: $id) {
      ... on Territory {
        population
        children(level: EPCI) {
          id
          population
          children(level: COMMUNE) {
            id
            population
            parents {
              id
            }
          }
        }
      }
    }
  }
`);

// Every field the page shows of a dispositif: the rows read apart from the index.
const SHOWN_ROWS = graphql(`
  query TestCoverageShownRows($level: TerritoryLevel!, $within: ID!, $theme: ID) {
    coverage(level: $level, within: $within, theme: $theme) {
      territory {
        id
      }
      dispositifs {
        id
        name
        status
        startDate
        endDate
      }
      applications {
        dispositif {
          id
          name
          status
          startDate
          endDate
        }
      }
    }
    coverageSummary(level: $level, within: $within, theme: $theme) {
      applying {
        dispositif {
          id
          name
          status
          startDate
          endDate
        }
      }
    }
  }
`);

const DISPOSITIF_NODE = graphql(`
  query TestCoverageDispositifNode($id: ID!) {
    node(id: $id) {
      ... on Dispositif {
        id
        name
        status
        startDate
        endDate
      }
    }
  }
`);

type Cell = TestCoverageQuery['coverage'][number];

const api = createTestApi();

const T = {
  region: 'theme:test-cov-region',
  regionSub: 'theme:test-cov-region-sub',
  regionSubSub: 'theme:test-cov-region-sub-sub',
  bassin: 'theme:test-cov-bassin',
  commune: 'theme:test-cov-commune',
  dates: 'theme:test-cov-dates',
  who: 'theme:test-cov-who',
  nothing: 'theme:test-cov-nothing',
};
const BASSIN = 'bassin:test-cov-creuse';
const CREUSE = 'dep:23';
const DEPARTEMENTS = ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'].map(
  (c) => `dep:${c}`,
);

interface Epci {
  id: string;
  population: number;
  communes: { id: string; population: number }[];
}
/** Three EPCI of the Creuse whose communes all lie in the Creuse, by id. */
let e1: Epci;
let e2: Epci;
let e3: Epci;
const fixture = new SyntheticGraph();

async function coverage(variables: TestCoverageQueryVariables) {
  const result = await api.execute(COVERAGE, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const statuses = (cells: readonly Cell[]) => Object.fromEntries(cells.map((c) => [c.territory.id, c.status]));
const cellOf = (cells: readonly Cell[], id: string) => {
  const cell = cells.find((c) => c.territory.id === id);
  if (!cell) throw new Error(`no cell ${id}`);
  return cell;
};
/** Expected statuses: the ones named, NONE for every other cell. */
const expectStatuses = (cells: readonly Cell[], named: Record<string, string>) => {
  const expected = Object.fromEntries(cells.map((c) => [c.territory.id, named[c.territory.id] ?? 'NONE']));
  expect(statuses(cells)).toEqual(expected);
  for (const id of Object.keys(named)) expect(expected).toHaveProperty(id);
};

beforeAll(async () => {
  // Cache the grid before the synthetic bassin exists: it must be seen all the same.
  await coverage({ level: 'DEPARTEMENT', within: 'reg:75' });

  const { data } = await api.execute(GRID, { id: CREUSE });
  const node = data?.node;
  if (!node || !('children' in node)) throw new Error('Creuse not found');
  const whole = node.children
    .filter((epci) => epci.children.length >= 3)
    .filter((epci) => epci.children.every((c) => c.parents.some((p) => p.id === CREUSE)))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((epci) => ({
      id: epci.id,
      population: epci.population ?? 0,
      communes: epci.children
        .map((c) => ({ id: c.id, population: c.population ?? 0 }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    }));
  if (whole.length < 3) throw new Error('expected three EPCI wholly in the Creuse');
  [e1, e2, e3] = whole as [Epci, Epci, Epci];

  fixture
    .node(T.region, {})
    .node(T.regionSub, { parent: T.region })
    .node(T.regionSubSub, { parent: T.regionSub })
    .node(T.bassin, {})
    .node(T.commune, {})
    .node(T.dates, {})
    .node(T.who, {})
    .node(T.nothing, {})
    .node('public:test-cov-a', {})
    .node('public:test-cov-b', {})
    .node('org:test-cov-asso', { type: 'ASSO' })
    .node('org:test-cov-ml', { type: 'ML' })
    // A bassin holding all of e1 and one commune of e2.
    .node(BASSIN, { level: 'BASSIN', population: 0, outsideRegion: false, code: null })
    .link(BASSIN, 'PART_OF', CREUSE)
    .link(e1.communes[0]!.id, 'PART_OF', BASSIN);
  for (const commune of [...e1.communes.slice(1), e2.communes[0]!])
    fixture.link(commune.id, 'PART_OF', BASSIN);

  const dispositif = (
    id: string,
    theme: string,
    places: string[],
    props: Record<string, string | null> = {},
  ) =>
    fixture
      .node(id, { status: 'active', ...props })
      .link(id, 'ADDRESSES', theme)
      .link(id, 'DEPLOYED_IN', places);

  dispositif('dis:test-cov-region', T.regionSubSub, ['reg:75']);
  dispositif('dis:test-cov-bassin', T.bassin, [BASSIN]);
  dispositif('dis:test-cov-commune', T.commune, [e3.communes[0]!.id]);
  // Dates: ran through the first half of 2019; starts in 2020; ended at a date nobody recorded.
  dispositif('dis:test-cov-ended', T.dates, ['dep:86'], {
    status: 'ended',
    startDate: '2018-01-01',
    endDate: '2019-06-30',
  });
  dispositif('dis:test-cov-later', T.dates, ['dep:87'], { status: 'planned', startDate: '2020-01-01' });
  dispositif('dis:test-cov-ended-undated', T.dates, ['dep:79'], { status: 'ended' });
  // Publics and carriers.
  dispositif('dis:test-cov-public-a', T.who, ['dep:16']);
  dispositif('dis:test-cov-everyone', T.who, ['dep:17']);
  dispositif('dis:test-cov-public-b', T.who, ['dep:19']);
  fixture
    .link('dis:test-cov-public-a', 'TARGETS', 'public:test-cov-a')
    .link('dis:test-cov-everyone', 'TARGETS', 'public:tous-publics')
    .link('dis:test-cov-public-b', 'TARGETS', 'public:test-cov-b')
    .link('org:test-cov-asso', 'CARRIES', ['dis:test-cov-public-a', 'dis:test-cov-everyone'])
    .link('org:test-cov-ml', 'CARRIES', 'dis:test-cov-public-b');
  // A dispositif of another theme deployed everywhere: it must never count for the themes above.
  dispositif('dis:test-cov-distractor', T.nothing, ['reg:75', BASSIN]);

  await writeSyntheticGraph(api.db, fixture);
});

afterAll(async () => {
  await removeSyntheticNodes(api.db, fixture.ids);
  await api.close();
});

describe('coverage: containment', () => {
  it('covers every département of the région from a région-wide dispositif, through sub-sub-themes', async () => {
    const { coverage: cells, coverageSummary } = await coverage({
      level: 'DEPARTEMENT',
      within: 'reg:75',
      theme: T.region,
    });
    expect(cells.map((c) => c.territory.id).sort()).toEqual(DEPARTEMENTS);
    for (const cell of cells) {
      expect(cell.status).toBe('COVERED');
      expect(cell.applications).toEqual([
        {
          dispositif: { id: 'dis:test-cov-region' },
          via: 'INHERITED',
          through: [{ id: 'reg:75' }],
          population: cell.population,
        },
      ]);
      expect(cell.coveredPopulation).toBe(cell.population);
      expect(cell.departement?.id).toBe(cell.territory.id);
    }
    expect(coverageSummary.covered.cells).toBe(12);
    expect(coverageSummary.none.cells).toBe(0);
    expect(coverageSummary.covered.population).toBe(cells.reduce((sum, c) => sum + c.population, 0));
    expect(coverageSummary.dispositifs).toBe(1);
  });

  it('matches the intermediate sub-theme too, and never a sibling theme', async () => {
    const sub = await coverage({ level: 'DEPARTEMENT', within: 'reg:75', theme: T.regionSub });
    expect(sub.coverageSummary.covered.cells).toBe(12);
    const other = await coverage({ level: 'DEPARTEMENT', within: 'reg:75', theme: T.bassin });
    expectStatuses(other.coverage, { [CREUSE]: 'PARTIAL' });
  });

  it('makes a bassin’s EPCI covered or partial according to their communes', async () => {
    const { coverage: cells, coverageSummary } = await coverage({
      level: 'EPCI',
      within: CREUSE,
      theme: T.bassin,
    });
    expectStatuses(cells, { [e1.id]: 'COVERED', [e2.id]: 'PARTIAL' });
    expect(cellOf(cells, e1.id).applications).toEqual([
      {
        dispositif: { id: 'dis:test-cov-bassin' },
        via: 'INHERITED',
        through: [{ id: BASSIN }],
        population: e1.population,
      },
    ]);
    const partial = cellOf(cells, e2.id);
    expect(partial.applications).toEqual([
      {
        dispositif: { id: 'dis:test-cov-bassin' },
        via: 'PARTIAL',
        through: [{ id: BASSIN }],
        population: e2.communes[0]!.population,
      },
    ]);
    expect(partial.coveredPopulation).toBe(e2.communes[0]!.population);
    expect(partial.dispositifs).toEqual([{ id: 'dis:test-cov-bassin' }]);
    for (const cell of cells) expect(cell.departement?.id).toBe(CREUSE);
    expect(coverageSummary).toMatchObject({
      cells: cells.length,
      covered: { cells: 1, population: e1.population },
      partial: { cells: 1, population: e2.population },
      none: { cells: cells.length - 2 },
      coveredPopulation: e1.population + e2.communes[0]!.population,
      dispositifs: 1,
      applying: [
        {
          dispositif: { id: 'dis:test-cov-bassin' },
          deployedIn: [{ id: BASSIN }],
          cells: 2,
          population: e1.population + e2.communes[0]!.population,
        },
      ],
    });
  });

  it('details only the cells asked for', async () => {
    const { coverage: cells, coverageSummary } = await coverage({
      level: 'EPCI',
      within: CREUSE,
      theme: T.bassin,
      territories: [e2.id, e3.id],
    });
    expect(statuses(cells)).toEqual({ [e2.id]: 'PARTIAL', [e3.id]: 'NONE' });
    expect(coverageSummary.cells).toBe(2);
  });

  it('covers the bassin’s communes, and the bassin itself as deployed there', async () => {
    const inE2 = await coverage({ level: 'COMMUNE', within: e2.id, theme: T.bassin });
    expect(inE2.coverage).toHaveLength(e2.communes.length);
    expectStatuses(inE2.coverage, { [e2.communes[0]!.id]: 'COVERED' });
    expect(cellOf(inE2.coverage, e2.communes[0]!.id).applications[0]?.via).toBe('INHERITED');

    const inBassin = await coverage({ level: 'COMMUNE', within: BASSIN, theme: T.bassin });
    expect(inBassin.coverage).toHaveLength(e1.communes.length + 1);
    expect(inBassin.coverageSummary.covered.cells).toBe(e1.communes.length + 1);

    const bassins = await coverage({ level: 'BASSIN', within: 'reg:75', theme: T.bassin });
    expectStatuses(bassins.coverage, { [BASSIN]: 'COVERED' });
    expect(cellOf(bassins.coverage, BASSIN).applications[0]).toMatchObject({
      via: 'DEPLOYED',
      through: [{ id: BASSIN }],
    });
    expect(cellOf(bassins.coverage, BASSIN).departement?.id).toBe(CREUSE);
  });

  it('makes a commune’s deployment partial for its EPCI and département', async () => {
    const commune = e3.communes[0]!;
    const communes = await coverage({ level: 'COMMUNE', within: e3.id, theme: T.commune });
    expectStatuses(communes.coverage, { [commune.id]: 'COVERED' });
    expect(cellOf(communes.coverage, commune.id).applications[0]).toMatchObject({
      via: 'DEPLOYED',
      through: [{ id: commune.id }],
    });

    const epci = await coverage({ level: 'EPCI', within: CREUSE, theme: T.commune });
    expectStatuses(epci.coverage, { [e3.id]: 'PARTIAL' });
    expect(cellOf(epci.coverage, e3.id).applications).toEqual([
      {
        dispositif: { id: 'dis:test-cov-commune' },
        via: 'PARTIAL',
        through: [{ id: commune.id }],
        population: commune.population,
      },
    ]);
    const departements = await coverage({ level: 'DEPARTEMENT', within: 'reg:75', theme: T.commune });
    expectStatuses(departements.coverage, { [CREUSE]: 'PARTIAL' });

    const region = await coverage({ level: 'COMMUNE', within: 'reg:75', theme: T.commune });
    expect(region.coverage.length).toBe(4293);
    expectStatuses(region.coverage, { [commune.id]: 'COVERED' });
  });

  it('counts nothing for a filter that no dispositif matches', async () => {
    const { coverageSummary } = await coverage({
      level: 'EPCI',
      within: 'reg:75',
      theme: T.region,
      public: 'public:test-cov-a',
    });
    expect(coverageSummary).toMatchObject({ covered: { cells: 0 }, partial: { cells: 0 }, dispositifs: 0 });
    expect(coverageSummary.none.cells).toBe(coverageSummary.cells);
    expect(coverageSummary.coveredPopulation).toBe(0);
  });
});

describe('coverage: dates and status', () => {
  const at = async (activeOn?: string, status?: ('active' | 'planned' | 'ended')[]) =>
    statuses(
      (await coverage({ level: 'DEPARTEMENT', within: 'reg:75', theme: T.dates, activeOn, status })).coverage,
    );

  it('counts every recorded dispositif when neither date nor status is given', async () => {
    expect(await at()).toMatchObject({ 'dep:86': 'COVERED', 'dep:87': 'COVERED', 'dep:79': 'COVERED' });
  });

  it('counts a dispositif from its start to its end date, both included', async () => {
    expect(await at('2019-01-01')).toMatchObject({ 'dep:86': 'COVERED', 'dep:87': 'NONE', 'dep:79': 'NONE' });
    expect(await at('2019-06-30')).toMatchObject({ 'dep:86': 'COVERED' });
    expect(await at('2017-12-31')).toMatchObject({ 'dep:86': 'NONE' });
  });

  it('does not count an ended dispositif after its end, nor an undated ended one at any date', async () => {
    expect(await at('2019-07-01')).toMatchObject({ 'dep:86': 'NONE', 'dep:87': 'NONE', 'dep:79': 'NONE' });
    expect(await at('2021-01-01')).toMatchObject({ 'dep:86': 'NONE', 'dep:87': 'COVERED', 'dep:79': 'NONE' });
  });

  it('filters by dispositif status, with or without a date', async () => {
    expect(await at(undefined, ['ended'])).toMatchObject({
      'dep:86': 'COVERED',
      'dep:87': 'NONE',
      'dep:79': 'COVERED',
    });
    expect(await at(undefined, ['planned', 'active'])).toMatchObject({
      'dep:86': 'NONE',
      'dep:87': 'COVERED',
    });
    expect(await at('2019-01-01', ['planned'])).toMatchObject({ 'dep:86': 'NONE', 'dep:87': 'NONE' });
  });

  it('compares one filter at two dates: the coverage lost when a dispositif ended', async () => {
    const { data, errors } = await api.execute(COMPARISON, {
      level: 'DEPARTEMENT',
      within: 'reg:75',
      left: { theme: T.dates, activeOn: '2019-01-01' },
      right: { theme: T.dates, activeOn: '2019-07-01' },
    });
    expect(errors).toBeUndefined();
    expect(data?.coverageComparison.changes).toEqual([
      {
        territory: { id: 'dep:86' },
        before: 'COVERED',
        after: 'NONE',
        lost: [{ id: 'dis:test-cov-ended' }],
        gained: [],
      },
    ]);
    expect(data?.coverageComparison.left.summary.covered.cells).toBe(1);
    expect(data?.coverageComparison.right.summary.covered.cells).toBe(0);
  });

  it('compares two themes side by side', async () => {
    const { data } = await api.execute(COMPARISON, {
      level: 'DEPARTEMENT',
      within: 'reg:75',
      left: { theme: T.bassin },
      right: { theme: T.commune },
    });
    // Both reach only the Creuse, partly: no status changes.
    expect(data?.coverageComparison.changes).toEqual([]);
    const other = await api.execute(COMPARISON, {
      level: 'EPCI',
      within: CREUSE,
      left: { theme: T.bassin },
      right: { theme: T.commune },
    });
    const changes = other.data?.coverageComparison.changes ?? [];
    expect(Object.fromEntries(changes.map((c) => [c.territory.id, `${c.before}>${c.after}`]))).toEqual({
      [e1.id]: 'COVERED>NONE',
      [e2.id]: 'PARTIAL>NONE',
      [e3.id]: 'NONE>PARTIAL',
    });
  });
});

describe('coverage: publics and carriers', () => {
  const who = async (variables: Partial<TestCoverageQueryVariables>) =>
    statuses(
      (await coverage({ level: 'DEPARTEMENT', within: 'reg:75', theme: T.who, ...variables })).coverage,
    );

  it('counts dispositifs for the public asked, and those for « tous publics »', async () => {
    expect(await who({ public: 'public:test-cov-a' })).toMatchObject({
      'dep:16': 'COVERED',
      'dep:17': 'COVERED',
      'dep:19': 'NONE',
    });
    expect(await who({ public: 'public:test-cov-b' })).toMatchObject({
      'dep:16': 'NONE',
      'dep:17': 'COVERED',
      'dep:19': 'COVERED',
    });
  });

  it('filters by the type of the carrying organisation', async () => {
    expect(await who({ carrierType: ['ML'] })).toMatchObject({
      'dep:16': 'NONE',
      'dep:17': 'NONE',
      'dep:19': 'COVERED',
    });
    expect(await who({ carrierType: ['ASSO', 'ML'] })).toMatchObject({
      'dep:16': 'COVERED',
      'dep:17': 'COVERED',
      'dep:19': 'COVERED',
    });
    expect(await who({ carrierType: ['CFA'] })).toMatchObject({
      'dep:16': 'NONE',
      'dep:17': 'NONE',
      'dep:19': 'NONE',
    });
  });
});

describe('coverage: the real dataset', () => {
  it('covers the Gironde for mobility, through its départemental platforms', async () => {
    const { coverage: cells } = await coverage({
      level: 'DEPARTEMENT',
      within: 'reg:75',
      theme: 'theme:mobilite',
    });
    const gironde = cellOf(cells, 'dep:33');
    expect(gironde.status).toBe('COVERED');
    expect(gironde.dispositifs.map((d) => d.id)).toContain('dis:plateformes-mobilite-gironde');
    // The Libournais bassin reaches into the Dordogne (CC du Pays Foyen).
    expect(cellOf(cells, 'dep:24').status).toBe('PARTIAL');
  });

  it('answers the whole région at commune level', async () => {
    const { coverage: cells, coverageSummary } = await coverage({ level: 'COMMUNE', within: 'reg:75' });
    expect(cells).toHaveLength(4293);
    expect(coverageSummary.population).toBe(cells.reduce((sum, c) => sum + c.population, 0));
  });

  it('gives the same cells in the compact form, item i of each list about cell i', async () => {
    for (const variables of [
      { level: 'COMMUNE' as const, within: 'reg:75', theme: 'theme:mobilite' },
      { level: 'EPCI' as const, within: 'reg:75' },
    ]) {
      const result = await api.execute(COVERAGE_MAP, variables);
      expect(result.errors).toBeUndefined();
      const { coverageMap: map, coverage: cells } = result.data!;
      expect(map.territories).toHaveLength(cells.length);
      const fromMap = map.territories.map((id, i) => ({
        territory: { id, name: map.names[i], code: map.codes[i] },
        departement: map.departements[i] ? { id: map.departements[i] } : null,
        status: map.statuses[i],
        population: map.populations[i],
        coveredPopulation: map.coveredPopulations[i],
        dispositifCount: map.dispositifCounts[i],
        dispositifs: cells[i]!.dispositifs,
      }));
      expect(fromMap).toEqual(cells);
      expect(cells.map((cell) => cell.dispositifCount)).toEqual(cells.map((cell) => cell.dispositifs.length));
    }
  });
});

describe('coverage: bad input', () => {
  it.each([
    [{ level: 'EPCI', within: 'dep:00' }, 'within'],
    [{ level: 'EPCI', within: 'org:wejob' }, 'within'],
    [{ level: 'EPCI', within: 'reg:11' }, 'within'],
    [{ level: 'EPCI', within: 'com:33243' }, 'within'],
    [{ level: 'DEPARTEMENT', within: 'dep:33' }, 'within'],
    [{ level: 'EPCI', within: 'bassin:libournais' }, 'within'],
    [{ level: 'REGION', within: 'reg:75' }, 'level'],
    [{ level: 'EPCI', within: 'reg:75', theme: 'theme:test-cov-unknown' }, 'theme'],
    [{ level: 'EPCI', within: 'reg:75', theme: 'dis:premiers-pas' }, 'theme'],
    [{ level: 'EPCI', within: 'reg:75', public: 'public:test-cov-unknown' }, 'public'],
    [{ level: 'EPCI', within: 'dep:33', territories: ['com:33243'] }, 'territories'],
    [{ level: 'EPCI', within: 'dep:33', territories: ['epci:200067254'] }, 'territories'],
  ] as [TestCoverageQueryVariables, string][])('%j is refused, naming %s', async (variables, argument) => {
    const result = await api.execute(COVERAGE, variables);
    expect(firstErrorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.argument).toBe(argument);
  });

  it('leaves an unknown carrier type to the schema: OrganisationType is a closed enum', async () => {
    const result = await api.execute(COVERAGE, {
      level: 'EPCI',
      within: 'reg:75',
      carrierType: ['NOPE' as never],
    });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toContain('OrganisationType');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a filter given both as flat arguments and as one input', async () => {
    const result = await api.execute(/* GraphQL */ `
      {
        coverageSummary(
          level: EPCI
          within: "reg:75"
          theme: "theme:mobilite"
          filter: { theme: "theme:mobilite" }
        ) {
          cells
        }
      }
    `);
    expect(firstErrorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.argument).toBe('theme');
  });

  it('names the side of a comparison whose filter is wrong', async () => {
    const result = await api.execute(COMPARISON, {
      level: 'DEPARTEMENT',
      within: 'reg:75',
      left: { theme: T.dates },
      right: { theme: 'theme:test-cov-unknown' },
    });
    expect(firstErrorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.argument).toBe('right.theme');
  });
});

describe('coverage: the dispositifs an answer shows', () => {
  it('gives each its whole row, as the node query does, and the row of the current graph version', async () => {
    const id = 'dis:test-cov-shown';
    const theme = 'theme:test-cov-shown';
    onTestFinished(() => removeSyntheticNodes(api.db, [id, theme]));
    await writeSyntheticGraph(
      api.db,
      new SyntheticGraph()
        .node(theme, {})
        .node(id, { name: 'Un dispositif montré', status: 'active', startDate: '2021-03-01', endDate: null })
        .link(id, 'ADDRESSES', theme)
        .link(id, 'DEPLOYED_IN', e3.communes[0]!.id)
        .link('org:test-cov-asso', 'CARRIES', id),
    );
    const shown = async () => {
      const { data, errors } = await api.execute(SHOWN_ROWS, { level: 'EPCI', within: CREUSE, theme });
      expect(errors).toBeUndefined();
      const cell = data!.coverage.find((c) => c.territory.id === e3.id)!;
      return { cell, applying: data!.coverageSummary.applying };
    };
    const node = async () => {
      const { data } = await api.execute(DISPOSITIF_NODE, { id });
      return data!.node as { id: string; name: string; status: string; startDate: string | null };
    };

    const before = await shown();
    const whole = await node();
    expect(whole).toMatchObject({ name: 'Un dispositif montré', status: 'active', startDate: '2021-03-01' });
    expect(before.cell.applications.map((a) => a.dispositif)).toEqual([whole]);
    expect(before.cell.dispositifs).toEqual([whole]);
    expect(before.applying.map((a) => a.dispositif)).toEqual([whole]);

    // An edit moves the graph version: the answer shows the row as it is now.
    await api.db.writeTransaction(async (tx) => {
      await tx.run(`MATCH (d:Dispositif {id: $id}) SET d.name = $name, d.status = $status`, {
        id,
        name: 'Un dispositif renommé',
        status: 'ended',
      });
      await bumpGraphVersion(tx);
    });
    const after = await shown();
    expect(after.cell.applications.map((a) => a.dispositif)).toEqual([await node()]);
    expect(after.applying.map((a) => a.dispositif)).toEqual([
      { ...whole, name: 'Un dispositif renommé', status: 'ended' },
    ]);
  });
});

describe('coverage: the grid across graph versions', () => {
  it('is read ahead of any request by what a server does before it listens, and then used', async () => {
    const id = 'bassin:test-cov-ahead';
    onTestFinished(async () => {
      await removeSyntheticNodes(api.db, [id]);
      // As an edit would: the index held at this version still holds the bassin.
      await api.db.writeTransaction((tx) => bumpGraphVersion(tx));
    });
    // A load that writes a territory: the grid held so far is stale.
    await writeSyntheticGraph(
      api.db,
      new SyntheticGraph()
        .node(id, { level: 'BASSIN', population: 0, outsideRegion: false, code: null })
        .link(id, 'PART_OF', 'dep:33'),
    );
    const lines: string[] = [];
    await prepareServer(api.db, (line) => lines.push(line));
    const ahead = await prepareCoverageGrid(api.db);
    expect(ahead.territories.get(id)?.containers).toContain('dep:33');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^Coverage grid read: ${ahead.territories.size} territories in \\d+\\.\\d s$`),
    );
    expect(lines[1]).toMatch(/^Coverage of the région prepared in \d+\.\d s$/);
    expect((await loadCoverageIndex(api.db)).grid).toBe(ahead);
  });

  it('keeps its grid while loads write no territory, and reads it again when territories change', async () => {
    const ids = ['dis:test-cov-grid-kept', 'dis:test-cov-grid-later', 'bassin:test-cov-grid'];
    onTestFinished(() => removeSyntheticNodes(api.db, ids));
    const first = await loadCoverageIndex(api.db);
    await writeSyntheticGraph(
      api.db,
      new SyntheticGraph().node(ids[0]!, { status: 'active' }).link(ids[0]!, 'DEPLOYED_IN', 'dep:33'),
    );
    const second = await loadCoverageIndex(api.db);
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.grid).toBe(first.grid);

    await writeSyntheticGraph(
      api.db,
      new SyntheticGraph()
        .node(ids[2]!, { level: 'BASSIN', population: 0, outsideRegion: false, code: null })
        .link(ids[2]!, 'PART_OF', 'dep:33'),
    );
    const third = await loadCoverageIndex(api.db);
    expect(third.grid).not.toBe(first.grid);
    expect(third.grid.territories.get(ids[2]!)?.containers).toContain('dep:33');

    // Deleted outside any load (nothing bumps the grid version): the count of territories tells.
    await removeSyntheticNodes(api.db, [ids[2]!]);
    await writeSyntheticGraph(api.db, new SyntheticGraph().node(ids[1]!, { status: 'active' }));
    const fourth = await loadCoverageIndex(api.db);
    expect(fourth.grid).not.toBe(third.grid);
    expect(fourth.grid.territories.has(ids[2]!)).toBe(false);
  });
});
