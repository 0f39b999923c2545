import { describe, expect, it } from 'vitest';
import { expandItems } from './degrees';

describe('expandItems', () => {
  it("lists only the node's types, in the vocabulary's order, worded by direction", () => {
    expect(
      expandItems([
        { type: 'WORKS_AT', direction: 'IN', count: 1 },
        { type: 'CARRIES', direction: 'OUT', count: 3 },
        { type: 'FUNDS', direction: 'IN', count: 2 },
      ]),
    ).toEqual([
      { type: 'CARRIES', label: '« porte »', count: 3 },
      { type: 'FUNDS', label: '« financé par »', count: 2 },
      { type: 'WORKS_AT', label: expect.stringMatching(/^« .+ »$/), count: 1 },
    ]);
  });

  it('merges both directions of a type into one entry, since expansion follows both', () => {
    expect(
      expandItems([
        { type: 'PARTNERS_WITH', direction: 'IN', count: 1 },
        { type: 'PARTNERS_WITH', direction: 'OUT', count: 2 },
        { type: 'CARRIES', direction: 'IN', count: 2 },
        { type: 'CARRIES', direction: 'OUT', count: 1 },
      ]),
    ).toEqual([
      { type: 'CARRIES', label: '« porte » / « porté par »', count: 3 },
      { type: 'PARTNERS_WITH', label: '« partenaire de »', count: 3 },
    ]);
  });

  it('skips empty counts', () => {
    expect(expandItems([{ type: 'FUNDS', direction: 'OUT', count: 0 }])).toEqual([]);
  });
});
