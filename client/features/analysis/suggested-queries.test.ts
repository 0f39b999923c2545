import { describe, expect, it } from 'vitest';
import type { Parameter } from './ParameterField';
import {
  decodeSavedQueryLink,
  encodeSavedQueryLink,
  fitsParameter,
  kindOfId,
  suggestedQueries,
} from './suggested-queries';

const parameter = (overrides: Partial<Parameter>): Parameter => ({
  name: 'x',
  label: 'X',
  type: 'NODE',
  required: true,
  default: null,
  kinds: [],
  levels: [],
  values: [],
  min: null,
  max: null,
  ...overrides,
});

describe('suggested queries', () => {
  it('reads the kind from the id', () => {
    expect(kindOfId('org:wejob')).toBe('ORGANISATION');
    expect(kindOfId('bassin:libournais')).toBe('TERRITORY');
    expect(kindOfId('nothing')).toBeNull();
  });

  it('fit a node to parameters by kind, level and vocabulary', () => {
    const funder = parameter({ name: 'funder', kinds: ['ORGANISATION'] });
    expect(fitsParameter(funder, 'org:region-nouvelle-aquitaine')).toBe(true);
    expect(fitsParameter(funder, 'dis:premiers-pas')).toBe(false);
    const departement = parameter({ type: 'TERRITORY', levels: ['DEPARTEMENT'] });
    expect(fitsParameter(departement, 'dep:33')).toBe(true);
    expect(fitsParameter(departement, 'com:33243')).toBe(false);
    expect(fitsParameter(parameter({ type: 'THEME' }), 'theme:mobilite')).toBe(true);
    expect(fitsParameter(parameter({ type: 'TEXT' }), 'org:wejob')).toBe(false);
  });

  it('offer the queries a node fits, naming the parameter it fills', () => {
    const queries = [
      { id: 'reach', parameters: [parameter({ name: 'funder', kinds: ['ORGANISATION'] })] },
      { id: 'offer', parameters: [parameter({ name: 'public', type: 'PUBLIC' })] },
    ];
    expect(suggestedQueries(queries, 'org:wejob')).toEqual([{ query: queries[0], parameter: 'funder' }]);
    expect(suggestedQueries(queries, 'dep:33')).toEqual([]);
  });

  it('round-trip a saved query link', () => {
    const link = { id: 'fund-reach', params: { funder: 'org:x', hops: '2' } };
    expect(decodeSavedQueryLink(encodeSavedQueryLink(link))).toEqual(link);
    expect(decodeSavedQueryLink('#q=RETURN+1')).toBeNull();
  });
});
