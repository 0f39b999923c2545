import { describe, expect, it } from 'vitest';
import { EXPORT_FIXTURE } from './fixture';
import { toGraphML } from './graphml';
import { children, parseXml } from './xml.test-helper';

describe('GraphML export', () => {
  const root = parseXml(toGraphML(EXPORT_FIXTURE)).documentElement!;
  const graph = children(root, 'graph')[0]!;
  const keys = children(root, 'key');

  it('is GraphML with a directed graph', () => {
    expect(root.localName).toBe('graphml');
    expect(root.namespaceURI).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(graph.getAttribute('edgedefault')).toBe('directed');
  });

  it('declares each key before use and uses only declared keys', () => {
    const declared = new Set(keys.map((key) => key.getAttribute('id')));
    for (const element of [...children(graph, 'node'), ...children(graph, 'edge')]) {
      for (const data of children(element, 'data')) expect(declared.has(data.getAttribute('key'))).toBe(true);
    }
  });

  it('keeps nodes, edges and text intact', () => {
    expect(children(graph, 'node').map((element) => element.getAttribute('id'))).toEqual(
      EXPORT_FIXTURE.nodes.map((n) => n.id),
    );
    expect(children(graph, 'edge')).toHaveLength(2);
    const labelKey = keys.find(
      (key) => key.getAttribute('attr.name') === 'label' && key.getAttribute('for') === 'node',
    )!;
    const label = children(children(graph, 'node')[1]!, 'data').find(
      (data) => data.getAttribute('key') === labelKey.getAttribute('id'),
    );
    expect(label!.textContent).toBe(EXPORT_FIXTURE.nodes[1]!.label);
    const evidenceKey = keys.find((key) => key.getAttribute('attr.name') === 'evidence')!;
    const evidence = children(children(graph, 'edge')[0]!, 'data').find(
      (data) => data.getAttribute('key') === evidenceKey.getAttribute('id'),
    );
    expect(evidence!.textContent).toBe('WeJOB forme, chaque mois; un groupe\nde jobeurs.');
  });
});
