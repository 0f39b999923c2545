import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../features/url/url-state';
import { DEFAULT_VIEW, INITIAL_STATE, urlViewOf } from './defaults';
import { initialStateFromUrl } from './store';

describe('the default view', () => {
  it('is what the store starts from and what an empty URL means', () => {
    expect(urlViewOf(INITIAL_STATE)).toEqual(DEFAULT_VIEW);
    expect(decodeView('')).toEqual(DEFAULT_VIEW);
    expect(initialStateFromUrl('')).toEqual(INITIAL_STATE);
  });

  it('is left out of the URL entirely', () => {
    expect(encodeView(urlViewOf(INITIAL_STATE))).toBe('');
  });
});
