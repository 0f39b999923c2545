import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SeedGraph } from '../../graph/model.js';
import { buildSeedGraph } from '../build-seed-graph.js';
import { buildTerritorialGrid, expandEpciToCommunes, indexTerritorialGrid } from '../grid/build-grid.js';
import { mergeFacts } from './to-seed-graph.js';

const grid = buildTerritorialGrid();
const { graph, errors } = buildSeedGraph(fileURLToPath(new URL('./fixtures/valid', import.meta.url)), {
  grid,
});

function findNode(id: string) {
  return graph.nodes.find((node) => node.id === id);
}

function findRelationships(graphToSearch: SeedGraph, type: string, from: string, to: string) {
  return graphToSearch.relationships.filter((rel) => rel.type === type && rel.from === from && rel.to === to);
}

describe('mergeFacts', () => {
  it('merges one fact stated by several articles, keeping every source and distinct evidence', () => {
    const merged = mergeFacts([
      { fact: ['org:a', 'CARRIES', 'dis:b', 'Carries it.'], source: 'src:one' },
      { fact: ['org:a', 'CARRIES', 'dis:b', 'Runs it.'], source: 'src:two' },
      { fact: ['org:a', 'CARRIES', 'dis:b', 'Carries it.'], source: 'src:three' },
      { fact: ['org:a', 'CARRIES', 'dis:b', 'Carries it.'], source: 'src:one' },
    ]);
    expect(merged).toEqual([
      {
        type: 'CARRIES',
        from: 'org:a',
        to: 'dis:b',
        sources: ['src:one', 'src:two', 'src:three'],
        props: { evidence: 'Carries it. / Runs it.' },
      },
    ]);
  });

  it('keeps facts whose properties disagree apart, and fills unstated properties', () => {
    const merged = mergeFacts([
      { fact: ['org:a', 'FUNDS', 'dis:b', 'Funds it.'], source: 'src:one' },
      { fact: ['org:a', 'FUNDS', 'dis:b', 'Gives 10 k€.', { amount: '10 k€' }], source: 'src:two' },
      { fact: ['org:a', 'FUNDS', 'dis:b', 'Gives 20 k€.', { amount: '20 k€' }], source: 'src:three' },
      { fact: ['org:a', 'PARTNERS_IN', 'dis:b', 'Tutors.', { role: 'tutorat' }], source: 'src:one' },
    ]);
    expect(merged.map((rel) => [rel.type, rel.sources, rel.props])).toEqual([
      ['FUNDS', ['src:one', 'src:two'], { evidence: 'Funds it. / Gives 10 k€.', amount: '10 k€' }],
      ['FUNDS', ['src:three'], { evidence: 'Gives 20 k€.', amount: '20 k€' }],
      ['PARTNERS_IN', ['src:one'], { evidence: 'Tutors.', role: 'tutorat' }],
    ]);
  });

  it('does not merge facts of different types or directions', () => {
    const merged = mergeFacts([
      { fact: ['org:a', 'PARTNERS_WITH', 'org:b', 'Partners.'], source: 'src:one' },
      { fact: ['org:b', 'PARTNERS_WITH', 'org:a', 'Partners.'], source: 'src:one' },
      { fact: ['org:a', 'MEMBER_OF', 'org:b', 'Member.'], source: 'src:one' },
    ]);
    expect(merged).toHaveLength(3);
  });
});

describe('toSeedGraph on the valid fixture', () => {
  it('builds without errors, grid included', () => {
    expect(errors).toEqual([]);
    expect(graph.nodes.slice(0, grid.nodes.length)).toEqual(grid.nodes);
  });

  it('merges facts across articles', () => {
    const carries = findRelationships(graph, 'CARRIES', 'org:wejob', 'dis:jobeurs-seniors');
    expect(carries).toEqual([
      {
        type: 'CARRIES',
        from: 'org:wejob',
        to: 'dis:jobeurs-seniors',
        sources: ['src:2019-04-25-jobeurs-seniors', 'src:2019-06-01-wejob'],
        props: { evidence: 'WeJob carries the programme. / WeJob runs the programme.' },
      },
    ]);
    const funds = findRelationships(graph, 'FUNDS', 'org:region-nouvelle-aquitaine', 'dis:jobeurs-seniors');
    expect(funds.map((rel) => rel.props)).toEqual([
      { evidence: 'The Region funds it. / The Region is a funder.', amount: '50000' },
      { evidence: 'The Region funds it again in 2020.', amount: '30 000 €', period: '2020' },
    ]);
  });

  it('joins multi-line evidence into one line', () => {
    expect(findRelationships(graph, 'WORKS_AT', 'per:ingrid-berghman', 'org:wejob')[0]?.props).toEqual({
      evidence: 'Directs WeJob.',
      role: 'directrice',
    });
  });

  it('normalises partial dates and keeps what was written', () => {
    expect(findNode('dis:jobeurs-seniors')?.props).toMatchObject({
      startDate: '2019-01-01',
      endDate: '2020-02-29',
      startDateText: '2019',
      endDateText: '2020-02',
      aliases: [],
    });
    expect(findNode('dis:wejob')?.props).toMatchObject({
      startDate: '2018-09-03',
      endDate: null,
      aliases: ['We Job'],
    });
  });

  it('stores names, acronyms and aliases of organisations, aliases always as a list', () => {
    expect(findNode('org:wejob')?.props).toMatchObject({ name: 'WeJob', acronym: null, aliases: [] });
    expect(findNode('org:mission-locale-libournais')?.props).toMatchObject({
      acronym: 'MLL',
      aliases: ['MLL', 'Mission locale de Libourne'],
    });
  });

  it('links every node an article references to that article', () => {
    const article = 'src:2019-04-25-jobeurs-seniors';
    const mentioned = graph.relationships
      .filter((rel) => rel.type === 'MENTIONED_IN' && rel.to === article)
      .map((rel) => rel.from);
    expect(mentioned.sort()).toEqual(
      [
        'bassin:libournais',
        'com:33243',
        'dis:jobeurs-seniors',
        'org:region-nouvelle-aquitaine',
        'org:wejob',
        'per:ingrid-berghman',
        'place:barcelone',
        'public:seniors',
        'theme:emploi-seniors',
      ].sort(),
    );
  });

  it('sources vocabulary items to their referential, project tags to the project', () => {
    expect(
      findRelationships(graph, 'MENTIONED_IN', 'public:seniors', 'src:data-inclusion-publics'),
    ).toHaveLength(1);
    expect(
      findRelationships(graph, 'MENTIONED_IN', 'public:decrocheurs', 'src:atlas-project-tags'),
    ).toHaveLength(1);
    expect(findNode('theme:mobilite--preparer-un-permis')?.props).toEqual({
      name: 'Préparer un permis',
      parent: 'theme:mobilite',
    });
  });

  it('expands a bassin to its communes and links it to each of their départements', () => {
    const index = indexTerritorialGrid(grid);
    const communes = expandEpciToCommunes(index, ['epci:200070092', 'epci:243301371']);
    const members = graph.relationships
      .filter((rel) => rel.type === 'PART_OF' && rel.to === 'bassin:libournais')
      .map((rel) => rel.from);
    expect(members).toEqual(communes);
    expect(members.filter((id) => id === 'com:33243')).toHaveLength(1);
    const departements = graph.relationships
      .filter((rel) => rel.type === 'PART_OF' && rel.from === 'bassin:libournais')
      .map((rel) => rel.to);
    expect(departements).toEqual(['dep:24', 'dep:33']);
    const population = communes.reduce(
      (sum, id) => sum + Number(index.territories.get(id)?.props.population),
      0,
    );
    expect(findNode('bassin:libournais')?.props).toMatchObject({
      level: 'BASSIN',
      population,
      outsideRegion: false,
    });
  });

  it('keeps outside places as written, with the official population when there is one', () => {
    expect(findNode('com:31555')?.props).toMatchObject({
      name: 'Toulouse',
      code: '31555',
      outsideRegion: true,
    });
    expect(findNode('com:31555')?.props.population).toBeGreaterThan(400_000);
    // An unquoted 08019 is read as written, not as the number 8019
    expect(findNode('place:barcelone')?.props).toMatchObject({ code: '08019', population: null });
  });

  it('gives every relationship existing endpoints and existing sources', () => {
    const ids = new Set(graph.nodes.map((node) => node.id));
    const sources = new Set(graph.nodes.filter((node) => node.label === 'Source').map((node) => node.id));
    expect(ids.size).toBe(graph.nodes.length);
    for (const rel of graph.relationships) {
      expect(ids.has(rel.from) && ids.has(rel.to), `${rel.type} ${rel.from} → ${rel.to}`).toBe(true);
      expect(rel.sources.length).toBeGreaterThan(0);
      expect(rel.sources.every((source) => sources.has(source))).toBe(true);
    }
  });
});
