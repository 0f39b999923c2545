import {
  attributeTypes,
  escapeXml,
  hexToRgb,
  valueText,
  type AttributeType,
  type ExportGraph,
} from './model';

const GEXF_TYPE: Record<AttributeType, string> = { string: 'string', double: 'double', boolean: 'boolean' };

/**
 * GEXF 1.3 (gexf.net): `<gexf xmlns="http://gexf.net/1.3" version="1.3">`, a
 * directed `<graph>` with node and edge `<attributes>`, then `<nodes>` and
 * `<edges>`; positions, colours and sizes in the viz namespace.
 */
export function toGexf(graph: ExportGraph, options: { date?: string; description?: string } = {}): string {
  const nodeRecords = graph.nodes.map((node) => ({ kind: node.kind, ...node.props }));
  const edgeRecords = graph.edges.map((edge) => ({
    relation: edge.type,
    sources: edge.sources,
    ...edge.props,
  }));
  const nodeTypes = attributeTypes(nodeRecords);
  nodeTypes.delete('id');
  nodeTypes.delete('name');
  const edgeTypes = attributeTypes(edgeRecords);
  // Attribute ids are positions; titles carry the property names.
  const nodeIds = new Map([...nodeTypes.keys()].map((name, index) => [name, String(index)]));
  const edgeIds = new Map([...edgeTypes.keys()].map((name, index) => [name, String(index)]));
  const date = options.date ?? new Date().toISOString().slice(0, 10);

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${date}">`,
    '    <creator>Atlas des acteurs</creator>',
    `    <description>${escapeXml(options.description ?? 'Acteurs de l’emploi, de la formation et de l’inclusion en Nouvelle-Aquitaine')}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node" mode="static">',
  ];
  for (const [name, type] of nodeTypes) {
    lines.push(
      `      <attribute id="${nodeIds.get(name)}" title="${escapeXml(name)}" type="${GEXF_TYPE[type]}"/>`,
    );
  }
  lines.push('    </attributes>', '    <attributes class="edge" mode="static">');
  for (const [name, type] of edgeTypes) {
    lines.push(
      `      <attribute id="${edgeIds.get(name)}" title="${escapeXml(name)}" type="${GEXF_TYPE[type]}"/>`,
    );
  }
  lines.push('    </attributes>', '    <nodes>');
  graph.nodes.forEach((node, index) => {
    lines.push(
      `      <node id="${escapeXml(node.id)}" label="${escapeXml(node.label)}">`,
      '        <attvalues>',
    );
    for (const [name, value] of Object.entries(nodeRecords[index]!)) {
      const id = nodeIds.get(name);
      if (id === undefined || value === null || value === undefined) continue;
      lines.push(`          <attvalue for="${id}" value="${escapeXml(valueText(value))}"/>`);
    }
    lines.push('        </attvalues>');
    const rgb = hexToRgb(node.color);
    if (rgb) lines.push(`        <viz:color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"/>`);
    if (node.x !== undefined && node.y !== undefined) {
      // GEXF's y axis points up, the canvas's down.
      lines.push(`        <viz:position x="${node.x.toFixed(2)}" y="${(-node.y).toFixed(2)}" z="0.0"/>`);
    }
    if (node.size !== undefined) lines.push(`        <viz:size value="${node.size}"/>`);
    if (node.shape)
      lines.push(
        `        <viz:shape value="${node.shape === 'ellipse' ? 'disc' : node.shape === 'triangle' ? 'triangle' : node.shape === 'diamond' ? 'diamond' : 'square'}"/>`,
      );
    lines.push('      </node>');
  });
  lines.push('    </nodes>', '    <edges>');
  graph.edges.forEach((edge, index) => {
    const weight = edge.weight !== undefined ? ` weight="${edge.weight}"` : '';
    lines.push(
      `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" label="${escapeXml(edge.label)}"${weight}>`,
      '        <attvalues>',
    );
    for (const [name, value] of Object.entries(edgeRecords[index]!)) {
      const id = edgeIds.get(name);
      if (id === undefined || value === null || value === undefined) continue;
      lines.push(`          <attvalue for="${id}" value="${escapeXml(valueText(value))}"/>`);
    }
    lines.push('        </attvalues>', '      </edge>');
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines.join('\n') + '\n';
}
