/**
 * What an exported picture carries besides the drawing: the legend of what is
 * drawn (the canvas's own legend data) and a source line, laid out once for the
 * SVG and the PNG alike.
 */
import { SIZE_LABELS, type Legend } from '../cytoscape/legend';
import { shapePath, type NodeShapeName } from '../cytoscape/shapes';
import { EDGE_STYLES } from '../cytoscape/stylesheet';
import { formatDate } from '../vocabulary';
import { escapeXml } from './model';

export type NoteRow =
  | { type: 'title'; label: string }
  | { type: 'text'; label: string }
  | { type: 'shape'; label: string; color: string; shape: NodeShapeName }
  | { type: 'colour'; label: string; color: string }
  | { type: 'edge'; label: string; color: string; line: 'solid' | 'dashed' | 'dotted'; directed: boolean };

export interface ExportNotes {
  legend: NoteRow[];
  /** « Source : … » under the drawing. */
  source: string;
}

/** Room the notes take (pixels of the picture): the legend on the right, the source line below. */
export const NOTES_LAYOUT = { legendWidth: 240, rowHeight: 17, fontSize: 11, sourceHeight: 28, gap: 20 };

/** The legend's rows, as the page's legend shows them. */
export function legendRows(legend: Legend): NoteRow[] {
  const rows: NoteRow[] = [{ type: 'title', label: 'Légende' }];
  for (const entry of legend.shapes)
    rows.push({
      type: 'shape',
      label: `${entry.label} (${entry.count})`,
      color: entry.color,
      shape: entry.shape,
    });
  if (legend.colours.length) {
    rows.push({ type: 'title', label: 'Couleur : thème' });
    for (const entry of legend.colours) rows.push({ type: 'colour', label: entry.label, color: entry.color });
  }
  if (legend.edges.length) {
    rows.push({ type: 'title', label: 'Liens' });
    for (const entry of legend.edges)
      rows.push({
        type: 'edge',
        label: `${entry.label} (${entry.count})`,
        color: EDGE_STYLES[entry.type].color,
        line: entry.line,
        directed: entry.directed,
      });
  }
  rows.push({ type: 'text', label: SIZE_LABELS[legend.size] });
  return rows;
}

/**
 * « Source : … »: the sources cited by what is drawn (article years read from
 * their ids, `src:2019-04-25-…`), the official grid when territories are
 * drawn, and the export date.
 */
export function sourceLine(params: {
  sources: Iterable<string>;
  territories: boolean;
  date: string;
}): string {
  const ids = new Set(params.sources);
  const years = [...new Set([...ids].map((id) => /^src:(\d{4})-/.exec(id)?.[1]).filter(Boolean))].sort();
  const parts: string[] = [];
  if (ids.size) {
    const cited = `${ids.size} source${ids.size > 1 ? 's' : ''} citée${ids.size > 1 ? 's' : ''}`;
    parts.push(
      years.length ? `${cited} (articles de ${years.join(', ')}, Cap Métiers Nouvelle-Aquitaine)` : cited,
    );
  }
  if (params.territories) parts.push('découpage administratif officiel (etalab)');
  const what = parts.length ? parts.join(', ') : 'aucune source citée';
  return `Source : Atlas des acteurs — ${what} — exporté le ${formatDate(params.date)}`;
}

const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '5 3', dotted: '1.5 2.5' };

/** The notes as SVG markup, the legend's top-left corner at (x, y) and the source line at (sx, sy). */
export function notesSvg(notes: ExportNotes, at: { x: number; y: number; sx: number; sy: number }): string[] {
  const { rowHeight, fontSize } = NOTES_LAYOUT;
  const lines = ['  <g class="legend">'];
  notes.legend.forEach((row, index) => {
    const y = at.y + index * rowHeight + rowHeight / 2;
    const textX = at.x + (row.type === 'title' || row.type === 'text' ? 0 : 30);
    const weight = row.type === 'title' ? ' font-weight="bold"' : '';
    if (row.type === 'shape')
      lines.push(`    <path d="${shapePath(row.shape, at.x + 10, y, 6)}" fill="${row.color}"/>`);
    if (row.type === 'colour')
      lines.push(`    <rect x="${at.x + 4}" y="${y - 6}" width="12" height="12" fill="${row.color}"/>`);
    if (row.type === 'edge') {
      const dash = DASH[row.line];
      lines.push(
        // A path, not a line: the drawing's lines are its edges.
        `    <path d="M${at.x},${y} H${at.x + 20}" fill="none" stroke="${row.color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      );
      if (row.directed)
        lines.push(
          `    <path d="M${at.x + 20},${y - 4} L${at.x + 25},${y} L${at.x + 20},${y + 4} Z" fill="${row.color}"/>`,
        );
    }
    lines.push(
      `    <text x="${textX}" y="${y + 4}" font-size="${fontSize}"${weight} fill="#1c2833">${escapeXml(row.label)}</text>`,
    );
  });
  lines.push(
    '  </g>',
    `  <text class="source" x="${at.sx}" y="${at.sy}" font-size="${fontSize}" fill="#566573">${escapeXml(notes.source)}</text>`,
  );
  return lines;
}

/** The notes drawn on a 2D canvas in CSS pixels times `scale`, at the same places as `notesSvg`. */
export function drawNotes(
  context: CanvasRenderingContext2D,
  notes: ExportNotes,
  at: { x: number; y: number; sx: number; sy: number },
  scale: number,
): void {
  const { rowHeight, fontSize } = NOTES_LAYOUT;
  context.save();
  context.scale(scale, scale);
  context.textBaseline = 'alphabetic';
  notes.legend.forEach((row, index) => {
    const y = at.y + index * rowHeight + rowHeight / 2;
    const textX = at.x + (row.type === 'title' || row.type === 'text' ? 0 : 30);
    if (row.type === 'shape') {
      context.fillStyle = row.color;
      context.fill(new Path2D(shapePath(row.shape, at.x + 10, y, 6)));
    }
    if (row.type === 'colour') {
      context.fillStyle = row.color;
      context.fillRect(at.x + 4, y - 6, 12, 12);
    }
    if (row.type === 'edge') {
      context.strokeStyle = row.color;
      context.lineWidth = 2;
      context.setLineDash(DASH[row.line]?.split(' ').map(Number) ?? []);
      context.beginPath();
      context.moveTo(at.x, y);
      context.lineTo(at.x + 20, y);
      context.stroke();
      context.setLineDash([]);
      if (row.directed) {
        context.fillStyle = row.color;
        context.fill(new Path2D(`M${at.x + 20},${y - 4} L${at.x + 25},${y} L${at.x + 20},${y + 4} Z`));
      }
    }
    context.fillStyle = '#1c2833';
    context.font = `${row.type === 'title' ? 'bold ' : ''}${fontSize}px sans-serif`;
    context.fillText(row.label, textX, y + 4);
  });
  context.fillStyle = '#566573';
  context.font = `${fontSize}px sans-serif`;
  context.fillText(notes.source, at.sx, at.sy);
  context.restore();
}
