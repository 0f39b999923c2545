import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS, RELATION_TYPES } from '../vocabulary';
import { buildLegend } from './legend';
import {
  buildStylesheet,
  colourEntries,
  EDGE_STYLES,
  kindColourKey,
  NODE_KIND_STYLES,
  NO_THEME_KEY,
  THEME_PALETTE,
} from './stylesheet';

describe('stylesheet data', () => {
  it('gives every kind its own colour and its own shape', () => {
    const colours = NODE_KINDS.map((kind) => NODE_KIND_STYLES[kind].color);
    const shapes = NODE_KINDS.map((kind) => NODE_KIND_STYLES[kind].shape);
    expect(new Set(colours).size).toBe(NODE_KINDS.length);
    expect(new Set(shapes).size).toBe(NODE_KINDS.length);
  });

  it('styles every relationship type', () => {
    for (const type of [...RELATION_TYPES, 'PARTNERS' as const]) expect(EDGE_STYLES[type]).toBeDefined();
  });

  it('draws each kind with the legend’s colour and shape (headless cytoscape)', () => {
    const entries = colourEntries('kind');
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet(entries),
      elements: NODE_KINDS.map((kind) => ({
        data: { id: kind, kind, label: kind, colorKey: kindColourKey(kind), size: 20 },
      })),
    });
    const legend = buildLegend({
      colorBy: 'kind',
      entries,
      sizeBy: 'degree',
      nodes: NODE_KINDS.map((kind) => ({ kind, colorKey: kindColourKey(kind) })),
      edges: [],
    });
    expect(legend.shapes).toHaveLength(NODE_KINDS.length);
    for (const entry of legend.shapes) {
      const drawn = cy.getElementById(entry.key);
      expect(drawn.style('shape')).toBe(entry.shape);
      expect(drawn.style('background-color')).toBe(cssRgb(entry.color));
    }
    cy.destroy();
  });

  it('colours by theme with one palette colour per theme present, the rest neutral', () => {
    const themes = [
      { id: 'theme:mobilite', name: 'Mobilité' },
      { id: 'theme:numerique', name: 'Numérique' },
    ];
    const entries = colourEntries('theme', themes);
    expect(entries.map((entry) => entry.key)).toEqual(['theme:mobilite', 'theme:numerique', NO_THEME_KEY]);
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet(entries),
      elements: [
        { data: { id: 'd1', kind: 'DISPOSITIF', label: 'a', colorKey: 'theme:numerique', size: 20 } },
        { data: { id: 'o1', kind: 'ORGANISATION', label: 'b', colorKey: NO_THEME_KEY, size: 20 } },
      ],
    });
    const legend = buildLegend({
      colorBy: 'theme',
      entries,
      sizeBy: 'uniform',
      nodes: [
        { kind: 'DISPOSITIF', colorKey: 'theme:numerique' },
        { kind: 'ORGANISATION', colorKey: NO_THEME_KEY },
      ],
      edges: [{ type: 'CARRIES' }],
    });
    // Only the colours drawn are in the legend, each as the canvas draws it.
    expect(legend.colours.map((entry) => entry.key)).toEqual(['theme:numerique', NO_THEME_KEY]);
    expect(cy.getElementById('d1').style('background-color')).toBe(cssRgb(legend.colours[0]!.color));
    expect(cy.getElementById('o1').style('background-color')).toBe(cssRgb(legend.colours[1]!.color));
    expect(legend.edges.map((entry) => entry.type)).toEqual(['CARRIES']);
    cy.destroy();
  });

  it('draws a large view’s edges as plain straight lines', () => {
    const elements = [
      { data: { id: 'o1', kind: 'ORGANISATION', label: 'a', colorKey: 'kind:ORGANISATION', size: 20 } },
      { data: { id: 'd1', kind: 'DISPOSITIF', label: 'b', colorKey: 'kind:DISPOSITIF', size: 20 } },
      { data: { id: 'e1', source: 'o1', target: 'd1', type: 'PARTNERS_IN', label: 'x', width: 1.8 } },
    ];
    const styleOf = (light: boolean) => {
      const cy = cytoscape({
        headless: true,
        styleEnabled: true,
        style: buildStylesheet(colourEntries('kind'), { light }),
        elements,
      });
      const edge = cy.getElementById('e1');
      const style = {
        curve: edge.style('curve-style') as string,
        line: edge.style('line-style') as string,
        arrow: edge.style('target-arrow-shape') as string,
      };
      cy.destroy();
      return style;
    };
    expect(styleOf(false)).toEqual({ curve: 'bezier', line: 'dashed', arrow: 'triangle' });
    expect(styleOf(true)).toMatchObject({ curve: 'haystack', line: 'solid' });
  });

  it('caps the theme palette and groups the overflow with the neutral colour', () => {
    const many = Array.from({ length: THEME_PALETTE.length + 3 }, (_, i) => ({
      id: `theme:t${i}`,
      name: `T${String(i).padStart(2, '0')}`,
    }));
    const entries = colourEntries('theme', many);
    expect(entries).toHaveLength(THEME_PALETTE.length + 1);
    expect(entries.at(-1)?.label).toMatch(/Autres/);
  });
});

function cssRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r},${g},${b})`;
}
