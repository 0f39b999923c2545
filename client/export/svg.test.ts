import { describe, expect, it } from 'vitest';
import { EXPORT_FIXTURE } from './fixture';
import { toSvg } from './svg';
import { legendRows, sourceLine } from './notes';
import { parseXml } from './xml.test-helper';

describe('SVG export', () => {
  const root = parseXml(toSvg(EXPORT_FIXTURE)).documentElement!;
  it('is an SVG document sized to the drawing', () => {
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.getAttribute('width'))).toBeGreaterThan(100);
  });
  it('draws every node with its colour and every edge', () => {
    const nodes = Array.from(root.getElementsByTagName('g')).filter((g) => g.getAttribute('data-id'));
    expect(nodes.map((g) => g.getAttribute('data-id'))).toEqual(EXPORT_FIXTURE.nodes.map((node) => node.id));
    expect(nodes[0]!.getElementsByTagName('path')[0]!.getAttribute('fill')).toBe('#0072B2');
    expect(root.getElementsByTagName('line').length).toBe(2);
    expect(Array.from(root.getElementsByTagName('text')).map((text) => text.textContent)).toContain(
      EXPORT_FIXTURE.nodes[1]!.label,
    );
  });

  it("draws the canvas's labels only, wrapped as drawn, with the legend and the source line", () => {
    const [wejob, jobeurs] = EXPORT_FIXTURE.nodes;
    const graph = {
      ...EXPORT_FIXTURE,
      nodes: [
        { ...wejob!, display: null },
        { ...jobeurs!, display: 'Les « jobeurs »\nseniors…' },
      ],
      labelSize: 22,
      notes: {
        legend: legendRows({
          shapes: [
            { key: 'ORGANISATION', label: 'Organisations', color: '#0072B2', shape: 'ellipse', count: 1 },
          ],
          colours: [],
          edges: [
            { type: 'FUNDS', label: 'finance', color: '#1E8449', line: 'solid', directed: true, count: 2 },
          ],
          size: 'degree',
        }),
        source: sourceLine({
          sources: ['src:2019-04-25-jobeurs-seniors-bordeaux'],
          territories: true,
          date: '2026-12-01',
        }),
      },
    };
    const svg = parseXml(toSvg(graph)).documentElement!;
    const groups = Array.from(svg.getElementsByTagName('g'));
    const node = (id: string) => groups.find((g) => g.getAttribute('data-id') === id)!;
    expect(node('org:wejob').getElementsByTagName('text')).toHaveLength(0);
    const lines = Array.from(node('dis:jobeurs-seniors').getElementsByTagName('tspan')).map(
      (t) => t.textContent,
    );
    expect(lines).toEqual(['Les « jobeurs »', 'seniors…']);
    expect(node('dis:jobeurs-seniors').getElementsByTagName('text')[0]!.getAttribute('font-size')).toBe(
      '22.00',
    );
    const legend = groups.find((g) => g.getAttribute('class') === 'legend')!;
    expect(Array.from(legend.getElementsByTagName('text')).map((t) => t.textContent)).toEqual([
      'Légende',
      'Organisations (1)',
      'Liens',
      'finance (2)',
      'Taille : nombre de liens (degré)',
    ]);
    const source = Array.from(svg.getElementsByTagName('text')).find(
      (t) => t.getAttribute('class') === 'source',
    );
    expect(source?.textContent).toBe(
      'Source : Atlas des acteurs — 1 source citée (articles de 2019, Cap Métiers Nouvelle-Aquitaine), découpage administratif officiel (etalab) — exporté le 1 décembre 2026',
    );
  });
});
