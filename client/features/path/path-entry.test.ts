import { describe, expect, it } from 'vitest';
import { parseEntryKey, entryKey } from '../graph/entries';
import { crossedKinds } from './path-entry';

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

  it('refuse unknown kinds and ranks beyond the paths listed', () => {
    expect(parseEntryKey('path:org:wejob>reg:75~USER')).toBeNull();
    expect(parseEntryKey('path:org:wejob>reg:75@7')).toBeNull();
    expect(parseEntryKey('path:org:wejob>reg:75>dep:33')).toBeNull();
  });

  it('cross no kind the filters hide, and ask the default when nothing differs from it', () => {
    expect(crossedKinds(null, [])).toBeNull();
    expect(crossedKinds(null, ['PUBLIC'])).toBeNull();
    expect(crossedKinds(null, ['PERSON'])).toEqual(['ORGANISATION', 'DISPOSITIF', 'TERRITORY']);
    expect(crossedKinds(['ORGANISATION', 'DISPOSITIF', 'PUBLIC'], ['PUBLIC'])).toEqual([
      'ORGANISATION',
      'DISPOSITIF',
    ]);
  });
});
