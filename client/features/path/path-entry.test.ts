import { describe, expect, it } from 'vitest';
import { parseEntryKey, entryKey } from '../graph/entries';
import { chosenKinds, crossedKinds, followsFilters, hiddenOf } from './path-entry';

describe('path entries', () => {
  it('keep their kinds and rank in the key, and read back the same', () => {
    const entry = {
      type: 'path' as const,
      from: 'org:wejob',
      to: 'reg:75',
      kinds: ['ORGANISATION' as const, 'DISPOSITIF' as const],
      rank: 2,
    };
    expect(entryKey(entry)).toBe('path:org:wejob>reg:75~ORGANISATION.DISPOSITIF@2');
    expect(parseEntryKey(entryKey(entry))).toEqual(entry);
    expect(parseEntryKey('path:org:wejob>reg:75')).toEqual({ type: 'path', from: 'org:wejob', to: 'reg:75' });
  });

  it('keep k in the key only when it is not the default, and read it back', () => {
    const entry = { type: 'path' as const, from: 'org:wejob', to: 'reg:75', count: 7, rank: 5 };
    expect(entryKey(entry)).toBe('path:org:wejob>reg:75*7@5');
    expect(parseEntryKey(entryKey(entry))).toEqual(entry);
    expect(entryKey({ ...entry, count: 3, rank: 0 })).toBe('path:org:wejob>reg:75');
    expect(parseEntryKey('path:org:wejob>reg:75~ORGANISATION*10@9')).toEqual({
      type: 'path',
      from: 'org:wejob',
      to: 'reg:75',
      kinds: ['ORGANISATION'],
      count: 10,
      rank: 9,
    });
    expect(parseEntryKey('path:org:wejob>reg:75*11')).toBeNull();
    expect(parseEntryKey('path:org:wejob>reg:75*0')).toBeNull();
    expect(parseEntryKey('path:org:wejob>reg:75*2@2')).toBeNull();
  });

  it('refuse unknown kinds and ranks beyond the paths listed', () => {
    expect(parseEntryKey('path:org:wejob>reg:75~USER')).toBeNull();
    expect(parseEntryKey('path:org:wejob>reg:75@7')).toBeNull();
    expect(parseEntryKey('path:org:wejob>reg:75>dep:33')).toBeNull();
  });

  it('cross no kind the filters hide, and ask the default when nothing differs from it', () => {
    const entry = { type: 'path' as const, from: 'org:wejob', to: 'reg:75' };
    expect(crossedKinds(entry)).toBeNull();
    expect(hiddenOf(entry, ['PUBLIC'])).toEqual([]);
    expect(followsFilters(entry, ['PUBLIC'])).toBe(true);
    expect(hiddenOf(entry, ['PERSON', 'PUBLIC'])).toEqual(['PERSON']);
    expect(followsFilters(entry, ['PERSON'])).toBe(false);
    expect(crossedKinds({ ...entry, hidden: ['PERSON'] })).toEqual([
      'ORGANISATION',
      'DISPOSITIF',
      'TERRITORY',
    ]);
    const chosen = { ...entry, kinds: chosenKinds(['DISPOSITIF', 'ORGANISATION', 'PUBLIC']) };
    expect(chosen.kinds).toEqual(['ORGANISATION', 'DISPOSITIF', 'PUBLIC']);
    expect(crossedKinds({ ...chosen, hidden: hiddenOf(chosen, ['PUBLIC']) })).toEqual([
      'ORGANISATION',
      'DISPOSITIF',
    ]);
    expect(chosenKinds(['PERSON', 'TERRITORY', 'DISPOSITIF', 'ORGANISATION'])).toBeNull();
  });

  it('keep the hidden kinds in the key', () => {
    const entry = {
      type: 'path' as const,
      from: 'org:wejob',
      to: 'org:region-nouvelle-aquitaine',
      kinds: ['ORGANISATION' as const, 'DISPOSITIF' as const],
      hidden: ['DISPOSITIF' as const],
      rank: 1,
    };
    expect(entryKey(entry)).toBe(
      'path:org:wejob>org:region-nouvelle-aquitaine~ORGANISATION.DISPOSITIF!DISPOSITIF@1',
    );
    expect(parseEntryKey(entryKey(entry))).toEqual(entry);
  });
});
