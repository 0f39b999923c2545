import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
  compareLabelRanks,
  labelRules,
  labelScale,
  pickLabels,
  sizeLabels,
  wrapLabel,
  type LabelRank,
} from './labels';

describe('labels', () => {
  it('wraps names on two lines at word boundaries and cuts the rest with « … »', () => {
    expect(wrapLabel('WeJOB')).toBe('WeJOB');
    expect(wrapLabel('Les jobeurs seniors de WeJOB')).toBe('Les jobeurs seniors de\nWeJOB');
    const long = wrapLabel("Conseil en recrutement de WeJOB pour les entreprises de l'insertion");
    expect(long.split('\n')).toHaveLength(2);
    expect(long.endsWith('…')).toBe(true);
    expect(long.split('\n').every((line) => line.length <= 22)).toBe(true);
    expect(wrapLabel('Anticonstitutionnellementissimes')).toBe('Anticonstitutionnelle…');
  });

  it('keeps labels the same size on screen zoomed out, growing slower than the drawing zoomed in', () => {
    expect(labelScale(1)).toBe(1);
    expect(labelScale(0.25) * 0.25).toBeCloseTo(1);
    expect(labelScale(4) * 4).toBeCloseTo(2);
    // Quantised: a small zoom changes nothing.
    expect(labelScale(1.05)).toBe(labelScale(1));
  });

  it('keeps, in order, each label that meets none kept before it', () => {
    const kept = pickLabels([
      { id: 'a', box: { x1: 0, y1: 0, x2: 50, y2: 10 } },
      { id: 'b', box: { x1: 40, y1: 5, x2: 90, y2: 15 } },
      { id: 'c', box: { x1: 60, y1: 0, x2: 100, y2: 4 } },
      { id: 'd', box: { x1: 0, y1: 11, x2: 30, y2: 20 } },
    ]);
    expect([...kept].sort()).toEqual(['a', 'c', 'd']);
  });

  it('ranks groups, the selection, the hovered node, emphasis, then degree', () => {
    const rank = (id: string, extra: Partial<LabelRank>): LabelRank => ({
      id,
      group: false,
      selected: false,
      hovered: false,
      emphasised: false,
      degree: 0,
      ...extra,
    });
    const ranks = [
      rank('hub', { degree: 30 }),
      rank('hovered', { hovered: true }),
      rank('selected', { selected: true }),
      rank('pinned', { emphasised: true, degree: 1 }),
      rank('group', { group: true }),
      rank('leaf', { degree: 1 }),
    ].sort(compareLabelRanks);
    expect(ranks.map((r) => r.id)).toEqual(['group', 'selected', 'hovered', 'pinned', 'hub', 'leaf']);
  });

  it('sizes labels for a new zoom on nodes and groups alone, and only those not at that size', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'edge', style: { 'font-size': 8 } }, ...labelRules(1)],
      elements: [
        { data: { id: 'g' } },
        { data: { id: 'a', parent: 'g' } },
        { data: { id: 'b' } },
        { data: { id: 'a-b', source: 'a', target: 'b' } },
      ],
    });
    const restyled: string[] = [];
    cy.on('style', (event) => restyled.push((event.target as cytoscape.SingularElementArgument).id()));
    sizeLabels(cy, 2);
    expect(cy.getElementById('b').numericStyle('font-size')).toBe(22);
    expect(cy.getElementById('a').numericStyle('text-outline-width')).toBe(4);
    expect(cy.getElementById('g').numericStyle('font-size')).toBe(26);
    expect(cy.getElementById('a-b').numericStyle('font-size')).toBe(8);
    expect(restyled).not.toContain('a-b');
    expect(restyled).toEqual(expect.arrayContaining(['a', 'b', 'g']));
    // At that size already: nothing is restyled again.
    restyled.length = 0;
    sizeLabels(cy, 2);
    expect(restyled).toEqual([]);
    cy.destroy();
  });
});
