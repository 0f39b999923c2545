import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../state/defaults';
import { decodeView, encodeView, isNewHistoryStep } from './url-state';
import type { UrlView } from '../../state/types';
import { DEFAULT_COVERAGE_VIEW, EMPTY_FILTER, type CoverageView } from '../coverage-gaps/types';

const VIEW: UrlView = {
  entries: [
    { type: 'node', id: 'org:wejob', relations: null },
    { type: 'node', id: 'dis:jobeurs-seniors', relations: ['FUNDS'] },
    { type: 'path', from: 'org:wejob', to: 'dep:33' },
    { type: 'partners', territory: 'dep:33', theme: null, public: 'public:jeunes', activeOn: '2019-05-01' },
  ],
  removed: ['src:2019-04-25-jobeurs-seniors-bordeaux'],
  pinned: ['org:wejob'],
  layout: 'concentric',
  sizeBy: 'betweenness',
  colorBy: 'theme',
  grouping: 'kind',
  filters: {
    hiddenKinds: ['SOURCE', 'PERSON'],
    hiddenRelations: ['MENTIONED_IN'],
    themes: ['theme:mobilite'],
    publics: ['public:seniors'],
    statuses: ['active'],
    activeOn: '2019-06-01',
    territory: 'dep:33',
  },
  showTable: true,
  selection: { type: 'node', id: 'org:wejob' },
  workspace: 'explorer',
  coverage: DEFAULT_COVERAGE_VIEW,
};

const COVERAGE: CoverageView = {
  level: 'EPCI',
  within: 'dep:87',
  mode: 'filters',
  left: {
    theme: 'theme:mobilite',
    public: 'public:jeunes',
    activeOn: '2019-06-01',
    carrierType: 'ML',
    status: ['active', 'planned'],
    funder: 'org:region-nouvelle-aquitaine',
    without: ['org:pole-emploi', 'dis:premiers-pas'],
  },
  right: EMPTY_FILTER,
  dates: DEFAULT_COVERAGE_VIEW.dates,
  selected: { side: 'right', id: 'epci:248719312' },
  tab: 'parcours',
  parcours: { commune: 'com:33243', public: 'public:jeunes', theme: '' },
};

describe('the view in the URL', () => {
  it('round-trips', () => {
    expect(decodeView(encodeView(VIEW))).toEqual(VIEW);
  });
  it('leaves defaults out', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('');
    expect(decodeView('')).toEqual(DEFAULT_VIEW);
  });
  it('stays readable', () => {
    const search = encodeView({ ...DEFAULT_VIEW, entries: VIEW.entries.slice(0, 2) });
    expect(search).toBe('?v=n:org:wejob&v=n:dis:jobeurs-seniors~FUNDS');
  });
  it('drops what is malformed', () => {
    const view = decodeView('?v=n:<x>&v=n:org:ok&layout=spiral&hk=ALIENS,SOURCE&date=tomorrow&sel=n:bad id');
    expect(view.entries).toEqual([{ type: 'node', id: 'org:ok', relations: null }]);
    expect(view.layout).toBe('fcose');
    expect(view.filters.hiddenKinds).toEqual(['SOURCE']);
    expect(view.filters.activeOn).toBeNull();
    expect(view.selection).toEqual({ type: 'none' });
  });
  it('makes a history step for a change of view, not of selection', () => {
    expect(isNewHistoryStep('?v=n:org:a', '?v=n:org:a&sel=n:org:a')).toBe(false);
    expect(isNewHistoryStep('?v=n:org:a', '?v=n:org:a&v=n:org:b')).toBe(true);
  });
});

describe('the coverage view in the URL', () => {
  const inCoverage = (coverage: CoverageView): UrlView => ({
    ...DEFAULT_VIEW,
    workspace: 'coverage',
    coverage,
  });

  it('round-trips, with both filters when comparing them', () => {
    expect(decodeView(encodeView(inCoverage(COVERAGE)))).toEqual(inCoverage(COVERAGE));
    const dates: CoverageView = {
      ...DEFAULT_COVERAGE_VIEW,
      mode: 'dates',
      dates: { before: '2018-01-01', after: '' },
      selected: { side: 'left', id: 'dep:87' },
    };
    expect(decodeView(encodeView(inCoverage(dates)))).toEqual(inCoverage(dates));
    const withGraph = { ...VIEW, workspace: 'coverage' as const, coverage: COVERAGE };
    expect(decodeView(encodeView(withGraph))).toEqual(withGraph);
  });
  it('names the workspace, leaves defaults out and stays readable', () => {
    expect(encodeView(inCoverage(DEFAULT_COVERAGE_VIEW))).toBe('?ws=coverage');
    expect(
      encodeView(
        inCoverage({
          ...DEFAULT_COVERAGE_VIEW,
          level: 'EPCI',
          left: { ...EMPTY_FILTER, theme: 'theme:mobilite' },
          selected: { side: 'left', id: 'epci:200071512' },
        }),
      ),
    ).toBe('?ws=coverage&level=EPCI&a.theme=theme:mobilite&a.cell=epci:200071512');
    expect(
      encodeView(inCoverage({ ...COVERAGE, mode: 'filters', right: DEFAULT_COVERAGE_VIEW.right })),
    ).not.toMatch(/b\.theme/);
  });
  it('reads the coverage view in the coverage workspace only', () => {
    const explorer = decodeView('?level=EPCI&a.theme=theme:mobilite');
    expect(explorer.workspace).toBe('explorer');
    expect(explorer.coverage).toEqual(DEFAULT_COVERAGE_VIEW);
    expect(encodeView({ ...DEFAULT_VIEW, coverage: COVERAGE })).toBe('');
  });
  it('ignores what is unknown or malformed', () => {
    const { workspace, coverage } = decodeView(
      '?ws=coverage&level=REGION&within=dep:75&cmp=maps&a.theme=public:jeunes&a.public=x y' +
        '&a.date=soon&a.carrier=PIRATE&a.status=active,gone,active&b.theme=theme:mobilite&b.cell=dep:33',
    );
    expect(workspace).toBe('coverage');
    expect(coverage).toEqual({ ...DEFAULT_COVERAGE_VIEW, left: { ...EMPTY_FILTER, status: ['active'] } });
    expect(decodeView('?ws=elsewhere&level=EPCI').workspace).toBe('explorer');
    expect(decodeView('?ws=analysis').workspace).toBe('analysis');
    expect(encodeView({ ...decodeView(''), workspace: 'analysis' })).toBe('?ws=analysis');
    expect(decodeView('?ws=coverage&a.cell=<x>').coverage.selected).toBeNull();
  });
  it('makes a history step for a change of view, not of opened cell', () => {
    expect(isNewHistoryStep('?ws=coverage', '?ws=coverage&a.cell=dep:24')).toBe(false);
    expect(isNewHistoryStep('?ws=coverage&a.cell=dep:24', '?ws=coverage&b.cell=dep:24')).toBe(false);
    expect(isNewHistoryStep('?ws=coverage', '?ws=coverage&level=EPCI')).toBe(true);
    expect(isNewHistoryStep('?ws=coverage&a.cell=dep:24', '?v=n:dis:x&sel=n:dis:x')).toBe(true);
  });
});
