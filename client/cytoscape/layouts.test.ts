import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import {
  draftSpreadFactor,
  DRAFT_QUALITY_ABOVE,
  hierarchyRoots,
  layoutOptions,
  unstackPositions,
} from './layouts';

cytoscape.use(fcose);

const context = { nodeCount: 10, incremental: true, roots: [], fixed: [] };

describe('layout options', () => {
  it('uses draft quality on big graphs, with a randomised start', () => {
    const big = layoutOptions('fcose', {
      ...context,
      nodeCount: DRAFT_QUALITY_ABOVE + 1,
    }) as unknown as Record<string, unknown>;
    expect(big.quality).toBe('draft');
    expect(big.randomize).toBe(true);
    const small = layoutOptions('fcose', context) as unknown as Record<string, unknown>;
    expect(small.quality).toBe('default');
    expect(small.randomize).toBe(false);
    const grouped = layoutOptions('fcose', {
      ...context,
      nodeCount: DRAFT_QUALITY_ABOVE + 1,
      grouped: true,
    }) as unknown as Record<string, unknown>;
    expect(grouped.quality).toBe('default');
  });

  it('starts the hierarchy at funders', () => {
    const nodes = [
      { id: 'org:region', kind: 'ORGANISATION' },
      { id: 'dis:x', kind: 'DISPOSITIF' },
      { id: 'org:op', kind: 'ORGANISATION' },
    ];
    const edges = [
      { source: 'org:region', target: 'dis:x', type: 'FUNDS' },
      { source: 'org:op', target: 'dis:x', type: 'CARRIES' },
    ];
    expect(hierarchyRoots(nodes, edges)).toEqual(['org:region']);
    expect(hierarchyRoots(nodes, edges.slice(1))).toEqual(['org:op']);
  });

  it('lays out a big disconnected graph in draft quality without failing (headless)', () => {
    const count = DRAFT_QUALITY_ABOVE + 200;
    const cy = cytoscape({
      headless: true,
      elements: [
        ...Array.from({ length: count }, (_, i) => ({ data: { id: `n${i}` }, position: { x: i, y: i % 7 } })),
        ...Array.from({ length: count - 300 }, (_, i) => ({
          data: { id: `e${i}`, source: `n${i}`, target: `n${(i * 7 + 1) % (count - 300)}` },
        })),
      ],
    });
    const options = layoutOptions('fcose', { ...context, nodeCount: count });
    expect(() => cy.layout({ ...options, animate: false } as cytoscape.LayoutOptions).run()).not.toThrow();
    cy.destroy();
  });
});

describe('draft spread', () => {
  it('spreads a packed draft to about the wanted spacing, never shrinks', () => {
    expect(draftSpreadFactor(2300, { w: 334, h: 303 })).toBeCloseTo((Math.sqrt(2300) * 55) / 334);
    expect(draftSpreadFactor(10, { w: 5000, h: 100 })).toBe(1);
    expect(draftSpreadFactor(1, { w: 0, h: 0 })).toBe(1);
  });
});

describe('unstacking', () => {
  it('moves nodes sharing a spot apart, leaves lone nodes where they are', () => {
    const positions = new Map([
      ['hub', { x: 0, y: 0 }],
      ['a', { x: 500, y: 500 }],
      ['b', { x: 500.5, y: 500 }],
      ['c', { x: 500, y: 499.8 }],
    ]);
    const result = unstackPositions(positions, 28);
    expect(result.get('hub')).toEqual({ x: 0, y: 0 });
    const spots = ['a', 'b', 'c'].map((id) => result.get(id)!);
    for (let i = 0; i < spots.length; i += 1) {
      for (let j = i + 1; j < spots.length; j += 1) {
        expect(Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.y - spots[j]!.y)).toBeGreaterThan(20);
      }
    }
  });
});
