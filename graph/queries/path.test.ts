import { describe, expect, it } from 'vitest';
import { crossableLabels } from './path.js';

describe('crossableLabels', () => {
  it('leaves out generic hubs and the région by default', () => {
    expect(crossableLabels(null, null)).toEqual({
      crossable: ['Organisation', 'Dispositif', 'Territory', 'Person'],
      crossRegion: false,
    });
  });

  it('crosses only the kinds asked for, minus those excluded', () => {
    expect(crossableLabels(['Organisation', 'Dispositif'], null)).toEqual({
      crossable: ['Organisation', 'Dispositif'],
      crossRegion: false,
    });
    expect(crossableLabels(['Organisation', 'Territory'], ['Territory']).crossable).toEqual(['Organisation']);
  });

  it('crosses everything, the région included, when nothing is excluded', () => {
    const { crossable, crossRegion } = crossableLabels(null, []);
    expect(crossable).toContain('Public');
    expect(crossRegion).toBe(true);
  });
});
