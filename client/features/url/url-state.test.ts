import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeView, encodeView, isNewHistoryStep } from './url-state';
import type { UrlView } from '../../state/types';

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
