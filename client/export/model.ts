import type { ExportNotes } from './notes';

/** The graph as exported: what is on the canvas, with positions and drawing attributes when known. */
export interface ExportNode {
  id: string;
  label: string;
  kind: string;
  props: Record<string, unknown>;
  x?: number;
  y?: number;
  size?: number;
  /** `#RRGGBB` */
  color?: string;
  shape?: string;
  /**
   * The name as the canvas draws it (wrapped and cut), null when the canvas
   * leaves it out so that labels do not overlap; unknown: the full label.
   */
  display?: string | null;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  sources: string[];
  props: Record<string, unknown>;
  weight?: number;
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
  /** Label size in the drawing's units, as on the canvas. */
  labelSize?: number;
  /** The legend and source line a picture carries. */
  notes?: ExportNotes;
}

/** Characters XML 1.0 forbids, even escaped. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A property value as text for tabular and XML formats: lists joined with " | ". */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join(' | ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type AttributeType = 'string' | 'double' | 'boolean';

/** Property keys of a set of records with one type each: numbers and booleans only when every value is one. */
export function attributeTypes(records: readonly Record<string, unknown>[]): Map<string, AttributeType> {
  const types = new Map<string, AttributeType>();
  const keys = new Set(records.flatMap((record) => Object.keys(record)));
  for (const key of [...keys].sort()) {
    const values = records
      .map((record) => record[key])
      .filter((value) => value !== null && value !== undefined);
    if (values.length && values.every((value) => typeof value === 'number' && Number.isFinite(value)))
      types.set(key, 'double');
    else if (values.length && values.every((value) => typeof value === 'boolean')) types.set(key, 'boolean');
    else types.set(key, 'string');
  }
  return types;
}

/** `#RRGGBB` → [r, g, b]; null when not that form. */
export function hexToRgb(color: string | undefined): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!match) return null;
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}
