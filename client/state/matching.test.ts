import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from './defaults';
import { atlasReducer } from './reducer';

/** The server's verdicts on the canvas's dispositifs, kept per set of criteria. */
describe('matching verdicts', () => {
  const loading = atlasReducer(INITIAL_STATE, { type: 'matchingLoading', key: 'a', ids: ['dis:x', 'dis:y'] });

  it('records what the server said for the criteria asked', () => {
    const loaded = atlasReducer(loading, {
      type: 'matchingLoaded',
      key: 'a',
      ids: ['dis:x', 'dis:y'],
      matches: ['dis:x'],
    });
    expect(loaded.matching).toEqual({ key: 'a', verdicts: { 'dis:x': true, 'dis:y': false }, pending: [] });
  });

  it('drops an answer for criteria changed meanwhile, and starts afresh for new ones', () => {
    const changed = atlasReducer(loading, { type: 'matchingLoading', key: 'b', ids: ['dis:x'] });
    expect(changed.matching).toEqual({ key: 'b', verdicts: {}, pending: ['dis:x'] });
    const stale = atlasReducer(changed, { type: 'matchingLoaded', key: 'a', ids: ['dis:x'], matches: [] });
    expect(stale).toBe(changed);
  });

  it('on failure keeps the dispositifs visible, not asked again, and says so', () => {
    const failed = atlasReducer(loading, {
      type: 'matchingFailed',
      key: 'a',
      ids: ['dis:x', 'dis:y'],
      code: 'TIMEOUT',
    });
    expect(failed.matching?.verdicts).toEqual({ 'dis:x': true, 'dis:y': true });
    expect(failed.matching?.pending).toEqual([]);
    expect(failed.notices.at(-1)?.level).toBe('error');
  });
});
