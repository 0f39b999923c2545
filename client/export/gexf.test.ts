import { describe, expect, it } from 'vitest';
import { EXPORT_FIXTURE } from './fixture';
import { toGexf } from './gexf';
import { children, parseXml } from './xml.test-helper';

const GEXF_NS = 'http://gexf.net/1.3';

describe('GEXF 1.3 export', () => {
  const document = parseXml(toGexf(EXPORT_FIXTURE, { date: '2024-01-02' }));
  const root = document.documentElement!;
  const graph = children(root, 'graph')[0]!;

  it('has the GEXF 1.3 root', () => {
    expect(root.localName).toBe('gexf');
    expect(root.namespaceURI).toBe(GEXF_NS);
    expect(root.getAttribute('version')).toBe('1.3');
    expect(children(root, 'meta')[0]!.getAttribute('lastmodifieddate')).toBe('2024-01-02');
  });

  it('has a directed graph with attributes, nodes and edges in that order', () => {
    expect(graph.getAttribute('defaultedgetype')).toBe('directed');
    const order = Array.from(graph.childNodes as unknown as ArrayLike<Element>)
      .filter((child) => child.nodeType === 1)
      .map((child) => child.localName);
    expect(order).toEqual(['attributes', 'attributes', 'nodes', 'edges']);
    const classes = children(graph, 'attributes').map((element) => element.getAttribute('class'));
    expect(classes).toEqual(['node', 'edge']);
  });

  it('declares every attribute it uses, with a type', () => {
    for (const [index, cls] of (['node', 'edge'] as const).entries()) {
      const declared = new Map(
        children(children(graph, 'attributes')[index]!, 'attribute').map((attribute) => [
          attribute.getAttribute('id'),
          attribute.getAttribute('title'),
        ]),
      );
      const container = children(graph, cls === 'node' ? 'nodes' : 'edges')[0]!;
      for (const element of children(container, cls)) {
        for (const value of children(children(element, 'attvalues')[0]!, 'attvalue')) {
          expect(declared.has(value.getAttribute('for'))).toBe(true);
        }
      }
    }
  });

  it('keeps ids, labels, values and weights intact', () => {
    const nodes = children(children(graph, 'nodes')[0]!, 'node');
    expect(nodes.map((element) => element.getAttribute('id'))).toEqual([
      'org:wejob',
      'dis:jobeurs-seniors',
      'com:33063',
    ]);
    expect(nodes[1]!.getAttribute('label')).toBe(EXPORT_FIXTURE.nodes[1]!.label);
    const titles = new Map(
      children(children(graph, 'attributes')[0]!, 'attribute').map((attribute) => [
        attribute.getAttribute('title'),
        attribute,
      ]),
    );
    expect(titles.get('population')!.getAttribute('type')).toBe('double');
    expect(titles.get('outsideRegion')!.getAttribute('type')).toBe('boolean');
    const aliasesId = titles.get('aliases')!.getAttribute('id');
    const aliases = children(children(nodes[1]!, 'attvalues')[0]!, 'attvalue').find(
      (value) => value.getAttribute('for') === aliasesId,
    );
    expect(aliases!.getAttribute('value')).toBe('Jobeurs | JS');
    const edges = children(children(graph, 'edges')[0]!, 'edge');
    expect(edges.map((element) => [element.getAttribute('source'), element.getAttribute('target')])).toEqual([
      ['org:wejob', 'dis:jobeurs-seniors'],
      ['com:33063', 'org:wejob'],
    ]);
    expect(edges[1]!.getAttribute('weight')).toBe('2');
    expect(edges[0]!.getAttribute('label')).toBe('porte');
  });

  it('writes positions and colours in the viz namespace', () => {
    const first = children(children(graph, 'nodes')[0]!, 'node')[0]!;
    const position = first.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'position')[0]!;
    expect(position.getAttribute('x')).toBe('10.00');
    expect(position.getAttribute('y')).toBe('-20.00');
    const colour = first.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'color')[0]!;
    expect([colour.getAttribute('r'), colour.getAttribute('g'), colour.getAttribute('b')]).toEqual([
      '0',
      '114',
      '178',
    ]);
  });

  it('exports an empty canvas as a valid empty graph', () => {
    const empty = parseXml(toGexf({ nodes: [], edges: [] }));
    expect(empty.getElementsByTagName('node').length).toBe(0);
  });
});
