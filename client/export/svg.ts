import { shapePath, type NodeShapeName } from '../cytoscape/shapes';
import { EDGE_STYLES } from '../cytoscape/stylesheet';
import type { EdgeType } from '../vocabulary';
import { escapeXml, type ExportGraph, type ExportNode } from './model';
import { notesSvg, NOTES_LAYOUT } from './notes';

const PADDING = 40;
const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '6 4', dotted: '1.5 3' };

/**
 * The canvas as a standalone SVG: edges as lines (arrow for directed types),
 * nodes with the canvas's shapes and colours, labels below as the canvas draws
 * them (same wrapping, same names left out), the legend on the right and the
 * source line below. Nodes need positions.
 * Written here rather than taken from cytoscape-svg because that extension is
 * GPL-3.0, which would bind the whole page bundle.
 */
export function toSvg(graph: ExportGraph, options: { title?: string } = {}): string {
  const placed = graph.nodes.filter((node) => node.x !== undefined && node.y !== undefined);
  const byId = new Map(placed.map((node) => [node.id, node]));
  const labelSize = graph.labelSize ?? 10;
  const lineHeight = labelSize * 1.15;
  const linesOf = (node: ExportNode) =>
    node.display === null ? [] : (node.display ?? node.label).split('\n').filter(Boolean);
  const xs = placed.map((node) => node.x!);
  const ys = placed.map((node) => node.y!);
  const minX = (xs.length ? Math.min(...xs) : 0) - PADDING;
  const minY = (ys.length ? Math.min(...ys) : 0) - PADDING;
  const labelDepth = Math.max(1, ...placed.map((node) => linesOf(node).length)) * lineHeight;
  const drawingWidth = (xs.length ? Math.max(...xs) : 0) - minX + PADDING;
  const drawingHeight = (ys.length ? Math.max(...ys) : 0) - minY + PADDING + labelDepth;
  // Notes (legend on the right, source line below) at the scale of the labels.
  const notes = graph.notes;
  const k = labelSize / NOTES_LAYOUT.fontSize;
  const legendHeight = notes ? notes.legend.length * NOTES_LAYOUT.rowHeight * k : 0;
  const width = drawingWidth + (notes ? (NOTES_LAYOUT.legendWidth + NOTES_LAYOUT.gap) * k : 0);
  const height =
    Math.max(drawingHeight, legendHeight + PADDING) + (notes ? NOTES_LAYOUT.sourceHeight * k : 0);

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height.toFixed(0)}" viewBox="${minX.toFixed(1)} ${minY.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}" font-family="sans-serif">`,
    `  <title>${escapeXml(options.title ?? 'Atlas des acteurs')}</title>`,
    `  <rect x="${minX.toFixed(1)}" y="${minY.toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" fill="#ffffff"/>`,
    '  <g class="edges">',
  ];
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const style = EDGE_STYLES[edge.type as EdgeType] ?? { color: '#999999', line: 'solid', directed: false };
    const dash = DASH[style.line];
    const strokeWidth = edge.weight !== undefined ? Math.min(12, 1 + edge.weight * 1.5) : 1.5;
    lines.push(
      `    <line data-id="${escapeXml(edge.id)}" x1="${source.x!.toFixed(1)}" y1="${source.y!.toFixed(1)}" x2="${target.x!.toFixed(1)}" y2="${target.y!.toFixed(1)}" stroke="${style.color}" stroke-width="${strokeWidth}"${dash ? ` stroke-dasharray="${dash}"` : ''}><title>${escapeXml(edge.label)}</title></line>`,
    );
    if (style.directed) {
      const dx = target.x! - source.x!;
      const dy = target.y! - source.y!;
      const length = Math.hypot(dx, dy) || 1;
      const r = (target.size ?? 24) / 2;
      const tipX = target.x! - (dx / length) * r;
      const tipY = target.y! - (dy / length) * r;
      const baseX = tipX - (dx / length) * 8;
      const baseY = tipY - (dy / length) * 8;
      const nx = (-dy / length) * 4;
      const ny = (dx / length) * 4;
      lines.push(
        `    <path d="M${tipX.toFixed(1)},${tipY.toFixed(1)} L${(baseX + nx).toFixed(1)},${(baseY + ny).toFixed(1)} L${(baseX - nx).toFixed(1)},${(baseY - ny).toFixed(1)} Z" fill="${style.color}"/>`,
      );
    }
  }
  lines.push('  </g>', '  <g class="nodes">');
  for (const node of placed) {
    const r = (node.size ?? 24) / 2;
    const shape = (node.shape ?? 'ellipse') as NodeShapeName;
    lines.push(
      `    <g data-id="${escapeXml(node.id)}"><title>${escapeXml(node.label)}</title>`,
      `      <path d="${shapePath(shape, node.x!, node.y!, r)}" fill="${node.color ?? '#cccccc'}" stroke="#ffffff" stroke-width="1"/>`,
    );
    // The canvas's label rule: its wrapped lines, or nothing where the canvas left the name out.
    const text = linesOf(node);
    if (text.length) {
      const x = node.x!.toFixed(1);
      const tspans = text
        .map(
          (line, i) =>
            `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight.toFixed(2)}">${escapeXml(line)}</tspan>`,
        )
        .join('');
      lines.push(
        `      <text x="${x}" y="${(node.y! + r + labelSize * 1.1).toFixed(1)}" font-size="${labelSize.toFixed(2)}" text-anchor="middle" fill="#1c2833" stroke="#ffffff" stroke-width="${(labelSize / 5).toFixed(2)}" paint-order="stroke">${tspans}</text>`,
      );
    }
    lines.push('    </g>');
  }
  lines.push('  </g>');
  if (notes) {
    lines.push(
      `  <g class="notes" transform="translate(${minX.toFixed(1)} ${minY.toFixed(1)}) scale(${k.toFixed(4)})">`,
      ...notesSvg(notes, {
        x: drawingWidth / k + NOTES_LAYOUT.gap,
        y: PADDING / k,
        sx: PADDING / k,
        sy: height / k - NOTES_LAYOUT.sourceHeight / 2,
      }),
      '  </g>',
    );
  }
  lines.push('</svg>');
  return lines.join('\n') + '\n';
}
