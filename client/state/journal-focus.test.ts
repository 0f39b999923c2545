import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from './defaults';
import { atlasReducer } from './reducer';

/** The journal opened on one change (« Voir dans le journal » after an import). */
describe('journal focus', () => {
  it('opens the journal on the change', () => {
    const shown = atlasReducer(INITIAL_STATE, { type: 'showChange', id: 'chg:1' });
    expect(shown.workspace).toBe('journal');
    expect(shown.journalFocus).toBe('chg:1');
  });

  it('forgets the change once the user moves to another workspace, or back by the tabs', () => {
    const shown = atlasReducer(INITIAL_STATE, { type: 'showChange', id: 'chg:1' });
    const away = atlasReducer(shown, { type: 'setWorkspace', workspace: 'explorer' });
    expect(away.journalFocus).toBeNull();
    expect(atlasReducer(away, { type: 'setWorkspace', workspace: 'journal' }).journalFocus).toBeNull();
  });
});
