import { describe, expect, it } from 'vitest';
import { EXPORT_FIXTURE } from './fixture';
import { toSvg } from './svg';
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
});
