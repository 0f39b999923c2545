/**
 * What depends on whom (issue 14) on a small synthetic graph written over the
 * real grid (ids `…:test-wi-…`): every dispositif addresses a theme of its own,
 * so that each answer is known by construction.
 *
 *   dep:16  cofunded   carried by A, funded by REG and DEP
 *   dep:17  solefunded carried by A, funded by REG alone
 *   dep:19  x (B) and y (C): two carriers
 *   dep:24  ended      carried by A, status ended
 *   dep:23  creuse     carried by C (sub-theme, « tous publics »)
 *   bassin  bassin     carried by B (sub-theme, jeunes), one commune of a Creuse EPCI
 *   that commune: local carried by A (jeunes)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../../client/gql/index.js';
import { createTestApi, firstErrorCode } from '../../helpers/graphql.js';
import { removeSyntheticNodes, SyntheticGraph, writeSyntheticGraph } from '../../helpers/synthetic-graph.js';

const COMPARISON = graphql(`
  query TestWhatIfComparison(
    $level: TerritoryLevel!
    $within: ID!
    $left: CoverageFilter!
    $right: CoverageFilter!
  ) {
    coverageComparison(level: $level, within: $within, left: $left, right: $right) {
      uncovered {
        cells
        population
      }
      changes {
        territory {
          id
        }
        before
        after
        population
        lost {
          id
        }
      }
      right {
        summary {
          exclusion {
            dropped {
              dispositif {
                id
              }
            }
            kept {
              dispositif {
                id
              }
              excluded {
                id
              }
              carriers {
                id
              }
              funders {
                id
              }
            }
          }
        }
      }
    }
  }
`);

const COVERED = graphql(`
  query TestWhatIfCoverage($filter: CoverageFilter) {
    coverage(level: DEPARTEMENT, within: "reg:75", filter: $filter) {
      territory {
        id
        population
      }
      status
    }
  }
`);

const DEPENDENCIES = graphql(`
  query TestDependencies($organisation: ID!, $level: TerritoryLevel!, $within: ID!) {
    dependencies(organisation: $organisation, level: $level, within: $within) {
      territory {
        id
      }
      theme {
        id
      }
      population
      dispositifs {
        id
      }
    }
  }
`);

const FAILURES = graphql(`
  query TestSinglePointsOfFailure($level: TerritoryLevel!, $within: ID!, $theme: ID, $public: ID) {
    singlePointsOfFailure(level: $level, within: $within, theme: $theme, public: $public) {
      organisation {
        id
      }
      cells {
        id
      }
      population
      dispositifs {
        id
      }
    }
  }
`);

const OFFER = graphql(`
  query TestOfferFor($commune: ID!, $public: ID, $theme: ID, $activeOn: Date) {
    offerFor(commune: $commune, public: $public, theme: $theme, activeOn: $activeOn) {
      dispositif {
        id
      }
      distance
      through {
        id
      }
    }
  }
`);

const NETWORK = graphql(`
  query TestFunderNetwork($filter: DispositifFilter) {
    partnershipNetwork(filter: $filter) {
      edges {
        source
        target
      }
    }
  }
`);

const CREUSE_EPCI = graphql(`
  query TestWhatIfCreuseEpci {
    node(id: "dep:23") {
      ... on Territory {
        children(level: EPCI) {
          id
          children(level: COMMUNE) {
            id
          }
        }
      }
    }
  }
`);

const MAIN = 'theme:test-wi-main';
const SUB = 'theme:test-wi-sub';
const JEUNES = 'public:test-wi-jeunes';
const SENIORS = 'public:test-wi-seniors';
const BASSIN = 'bassin:test-wi';
const ORG = {
  reg: 'org:test-wi-reg',
  dep: 'org:test-wi-dep',
  a: 'org:test-wi-a',
  b: 'org:test-wi-b',
  c: 'org:test-wi-c',
};
const DIS = {
  cofunded: 'dis:test-wi-cofunded',
  solefunded: 'dis:test-wi-solefunded',
  x: 'dis:test-wi-x',
  y: 'dis:test-wi-y',
  ended: 'dis:test-wi-ended',
  creuse: 'dis:test-wi-creuse',
  bassin: 'dis:test-wi-bassin',
  local: 'dis:test-wi-local',
};

const api = createTestApi();
const fixture = new SyntheticGraph();
let epci: string;
/** A commune of that EPCI inside the bassin, and one outside it. */
let inBassin: string;
let outside: string;

async function data<R, V>(document: Parameters<typeof api.execute<R, V>>[0], variables: V): Promise<R> {
  const result = await api.execute(document, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const ours = (id: string) => id.includes(':test-wi-');

beforeAll(async () => {
  const { node } = await data(CREUSE_EPCI, {});
  const found = node && 'children' in node ? node.children.find((e) => e.children.length >= 2) : undefined;
  if (!found) throw new Error('expected an EPCI of the Creuse');
  epci = found.id;
  inBassin = found.children[0]!.id;
  outside = found.children[1]!.id;

  fixture
    .node(MAIN, {})
    .node(SUB, { parent: MAIN })
    .node(JEUNES, {})
    .node(SENIORS, {})
    .node(BASSIN, { level: 'BASSIN', population: 0, outsideRegion: false, code: null })
    .link(BASSIN, 'PART_OF', 'dep:23')
    .link(inBassin, 'PART_OF', BASSIN);
  for (const id of Object.values(ORG)) fixture.node(id, { type: 'ASSO' });
  const dispositif = (id: string, theme: string, places: string[], status = 'active') =>
    fixture.node(id, { status }).link(id, 'ADDRESSES', theme).link(id, 'DEPLOYED_IN', places);
  dispositif(DIS.cofunded, MAIN, ['dep:16']);
  dispositif(DIS.solefunded, MAIN, ['dep:17']);
  dispositif(DIS.x, MAIN, ['dep:19']);
  dispositif(DIS.y, MAIN, ['dep:19']);
  dispositif(DIS.ended, MAIN, ['dep:24'], 'ended');
  dispositif(DIS.creuse, SUB, ['dep:23']);
  dispositif(DIS.bassin, SUB, [BASSIN]);
  dispositif(DIS.local, MAIN, [inBassin]);
  fixture
    .link(ORG.a, 'CARRIES', [DIS.cofunded, DIS.solefunded, DIS.ended, DIS.local])
    .link(ORG.reg, 'FUNDS', [DIS.cofunded, DIS.solefunded])
    .link(ORG.dep, 'FUNDS', DIS.cofunded)
    .link(ORG.b, 'CARRIES', [DIS.x, DIS.bassin])
    .link(ORG.c, 'CARRIES', [DIS.y, DIS.creuse])
    .link(DIS.creuse, 'TARGETS', 'public:tous-publics')
    .link(DIS.bassin, 'TARGETS', JEUNES)
    .link(DIS.local, 'TARGETS', JEUNES);
  await writeSyntheticGraph(api.db, fixture);
  // Neo4j plans these long filtered queries once; on a loaded machine the first plan
  // alone may take seconds, which the assertions below are not about.
  await api.execute(COMPARISON, {
    level: 'DEPARTEMENT',
    within: 'reg:75',
    left: {},
    right: { without: { organisations: [ORG.reg] } },
  });
});

afterAll(async () => {
  await removeSyntheticNodes(api.db, fixture.ids);
  await api.close();
});

describe('coverage without an organisation', () => {
  it('keeps a dispositif with another funder left, and says so; drops the one funded alone', async () => {
    const { coverageComparison: result } = await data(COMPARISON, {
      level: 'DEPARTEMENT',
      within: 'reg:75',
      left: { theme: MAIN },
      right: { theme: MAIN, without: { organisations: [ORG.reg] } },
    });
    expect(result.changes.map((c) => [c.territory.id, c.before, c.after, c.lost.map((d) => d.id)])).toEqual([
      ['dep:17', 'COVERED', 'NONE', [DIS.solefunded]],
    ]);
    expect(result.uncovered).toEqual({ cells: 1, population: result.changes[0]!.population });
    expect(result.uncovered.population).toBeGreaterThan(600_000);
    const exclusion = result.right.summary.exclusion!;
    expect(exclusion.dropped.map((d) => d.dispositif.id)).toEqual([DIS.solefunded]);
    expect(exclusion.kept).toEqual([
      {
        dispositif: { id: DIS.cofunded },
        excluded: [{ id: ORG.reg }],
        carriers: [{ id: ORG.a }],
        funders: [{ id: ORG.dep }],
      },
    ]);
  });

  it('drops what an excluded carrier carries alone, and excluded dispositifs', async () => {
    const covered = async (filter: object) =>
      (await data(COVERED, { filter })).coverage
        .filter((cell) => cell.status !== 'NONE')
        .map((cell) => cell.territory.id);
    expect(await covered({ theme: MAIN })).toEqual(['dep:16', 'dep:17', 'dep:19', 'dep:23', 'dep:24']);
    // Two carriers in dep:19: removing one leaves the other.
    expect(await covered({ theme: MAIN, without: { organisations: [ORG.a, ORG.b] } })).toEqual([
      'dep:19',
      'dep:23',
    ]);
    expect(await covered({ theme: MAIN, without: { dispositifs: [DIS.x, DIS.solefunded] } })).toEqual([
      'dep:16',
      'dep:19',
      'dep:23',
      'dep:24',
    ]);
    // A funder filter: where what the funder pays for is deployed.
    expect(await covered({ theme: MAIN, funder: ORG.reg })).toEqual(['dep:16', 'dep:17']);
  });

  it('gives the partnership network around what a funder funds', async () => {
    const { partnershipNetwork } = await data(NETWORK, { filter: { funders: [ORG.dep] } });
    expect(partnershipNetwork.edges.map((e) => [e.source, e.target].sort().join(' ')).sort()).toEqual([
      `${ORG.a} ${ORG.dep}`,
      `${ORG.a} ${ORG.reg}`,
      `${ORG.dep} ${ORG.reg}`,
    ]);
  });
});

describe('dependencies and single points of failure', () => {
  it('lists where an organisation alone reaches, theme by theme, an ended dispositif not counting', async () => {
    const of = async (organisation: string) =>
      (await data(DEPENDENCIES, { organisation, level: 'DEPARTEMENT', within: 'reg:75' })).dependencies
        .filter((row) => row.theme.id === MAIN)
        .map((row) => [row.territory.id, row.dispositifs.map((d) => d.id)]);
    expect(await of(ORG.reg)).toEqual([['dep:17', [DIS.solefunded]]]);
    // Gironde has more people than Charente-Maritime, Charente fewer: sorted by population.
    expect(await of(ORG.a)).toEqual([
      ['dep:17', [DIS.solefunded]],
      ['dep:16', [DIS.cofunded]],
    ]);
    expect(await of(ORG.b)).toEqual([]);
    expect(await of(ORG.dep)).toEqual([]);
  });

  it('finds no single point of failure where two carriers reach, ranks the others by people', async () => {
    const { singlePointsOfFailure } = await data(FAILURES, {
      level: 'DEPARTEMENT',
      within: 'reg:75',
      theme: MAIN,
    });
    const found = singlePointsOfFailure.filter((row) => ours(row.organisation.id));
    expect(found.map((row) => [row.organisation.id, row.cells.map((c) => c.id)])).toEqual([
      [ORG.a, ['dep:16', 'dep:17']],
      [ORG.reg, ['dep:17']],
    ]);
    expect(found[0]!.population).toBeGreaterThan(found[1]!.population);
    expect(found[1]!.dispositifs.map((d) => d.id)).toEqual([DIS.solefunded]);
  });

  it('applies the sub-theme rule and counts partial reach as reach', async () => {
    const { singlePointsOfFailure } = await data(FAILURES, { level: 'EPCI', within: 'dep:23', theme: MAIN });
    const c = singlePointsOfFailure.find((row) => row.organisation.id === ORG.c);
    // C's Creuse-wide dispositif (a sub-theme) is alone everywhere but in the EPCI the others reach.
    expect(c?.cells.length).toBeGreaterThan(3);
    expect(c?.cells.map((cell) => cell.id)).not.toContain(epci);
    expect(singlePointsOfFailure.some((row) => row.organisation.id === ORG.b)).toBe(false);
  });
});

describe('the offer for a person', () => {
  const offer = async (variables: { commune: string; theme?: string; public?: string }) =>
    (await data(OFFER, { theme: MAIN, ...variables })).offerFor
      .filter((item) => ours(item.dispositif.id))
      .map((item) => [item.dispositif.id, item.distance, item.through.map((t) => t.id)]);

  it('lists what reaches the commune, nearest first; a bassin reaches only its communes', async () => {
    expect(await offer({ commune: inBassin })).toEqual([
      [DIS.local, 0, [inBassin]],
      [DIS.bassin, 1, [BASSIN]],
      [DIS.creuse, 2, ['dep:23']],
    ]);
    expect(await offer({ commune: outside })).toEqual([[DIS.creuse, 2, ['dep:23']]]);
  });

  it('counts « tous publics » for any public, and no ended dispositif', async () => {
    expect(await offer({ commune: inBassin, public: SENIORS })).toEqual([[DIS.creuse, 2, ['dep:23']]]);
    expect(await offer({ commune: inBassin, public: JEUNES, theme: SUB })).toEqual([
      [DIS.bassin, 1, [BASSIN]],
      [DIS.creuse, 2, ['dep:23']],
    ]);
    expect(await offer({ commune: 'com:24322' })).toEqual([]);
  });
});

describe('bad input', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any document of this file, any variables
  const refused = async (document: any, variables: object) => {
    const result = await api.execute(document as string, variables);
    return [firstErrorCode(result), result.errors?.[0]?.extensions?.argument];
  };
  it('names the argument', async () => {
    const dependencies = { level: 'DEPARTEMENT', within: 'reg:75' };
    expect(await refused(DEPENDENCIES, { ...dependencies, organisation: 'org:test-wi-nope' })).toEqual([
      'BAD_USER_INPUT',
      'organisation',
    ]);
    expect(await refused(DEPENDENCIES, { ...dependencies, organisation: DIS.x })).toEqual([
      'BAD_USER_INPUT',
      'organisation',
    ]);
    expect(
      await refused(DEPENDENCIES, { organisation: ORG.a, level: 'DEPARTEMENT', within: 'dep:16' }),
    ).toEqual(['BAD_USER_INPUT', 'within']);
    expect(await refused(FAILURES, { level: 'EPCI', within: epci })).toEqual(['BAD_USER_INPUT', 'within']);
    expect(await refused(FAILURES, { ...dependencies, theme: 'theme:test-wi-nope' })).toEqual([
      'BAD_USER_INPUT',
      'theme',
    ]);
    expect(await refused(OFFER, { commune: 'dep:16' })).toEqual(['BAD_USER_INPUT', 'commune']);
    expect(await refused(OFFER, { commune: 'com:00000' })).toEqual(['BAD_USER_INPUT', 'commune']);
    expect(await refused(OFFER, { commune: inBassin, public: 'public:test-wi-nope' })).toEqual([
      'BAD_USER_INPUT',
      'public',
    ]);
    expect(await refused(COVERED, { filter: { without: { organisations: ['org:test-wi-nope'] } } })).toEqual([
      'BAD_USER_INPUT',
      'filter.without.organisations',
    ]);
    expect(
      await refused(COMPARISON, {
        ...dependencies,
        left: {},
        right: { without: { dispositifs: [ORG.a] } },
      }),
    ).toEqual(['BAD_USER_INPUT', 'right.without.dispositifs']);
    expect(await refused(NETWORK, { filter: { funders: ['org:test-wi-nope'] } })).toEqual([
      'BAD_USER_INPUT',
      'filter.funders',
    ]);
  });
});
