import { attributeTypes, escapeXml, valueText, type AttributeType, type ExportGraph } from './model';

const GRAPHML_TYPE: Record<AttributeType, string> = {
  string: 'string',
  double: 'double',
  boolean: 'boolean',
};

/** GraphML (graphdrawing.org): keys for label, kind and every property, directed edges. */
export function toGraphML(graph: ExportGraph): string {
  const nodeRecords = graph.nodes.map((node) => ({
    label: node.label,
    kind: node.kind,
    ...node.props,
    ...(node.x !== undefined ? { x: node.x, y: node.y } : {}),
    ...(node.color ? { color: node.color } : {}),
  }));
  const edgeRecords = graph.edges.map((edge) => ({
    type: edge.type,
    label: edge.label,
    sources: edge.sources,
    ...edge.props,
    ...(edge.weight !== undefined ? { weight: edge.weight } : {}),
  }));
  const nodeTypes = attributeTypes(nodeRecords);
  nodeTypes.delete('id');
  const edgeTypes = attributeTypes(edgeRecords);
  const nodeKeys = new Map([...nodeTypes.keys()].map((name, index) => [name, `n${index}`]));
  const edgeKeys = new Map([...edgeTypes.keys()].map((name, index) => [name, `e${index}`]));

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of nodeTypes) {
    lines.push(
      `  <key id="${nodeKeys.get(name)}" for="node" attr.name="${escapeXml(name)}" attr.type="${GRAPHML_TYPE[type]}"/>`,
    );
  }
  for (const [name, type] of edgeTypes) {
    lines.push(
      `  <key id="${edgeKeys.get(name)}" for="edge" attr.name="${escapeXml(name)}" attr.type="${GRAPHML_TYPE[type]}"/>`,
    );
  }
  lines.push('  <graph id="atlas-des-acteurs" edgedefault="directed">');
  graph.nodes.forEach((node, index) => {
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    for (const [name, value] of Object.entries(nodeRecords[index]!)) {
      const key = nodeKeys.get(name);
      if (!key || value === null || value === undefined) continue;
      lines.push(`      <data key="${key}">${escapeXml(valueText(value))}</data>`);
    }
    lines.push('    </node>');
  });
  graph.edges.forEach((edge, index) => {
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
    );
    for (const [name, value] of Object.entries(edgeRecords[index]!)) {
      const key = edgeKeys.get(name);
      if (!key || value === null || value === undefined) continue;
      lines.push(`      <data key="${key}">${escapeXml(valueText(value))}</data>`);
    }
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}
