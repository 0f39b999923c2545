import { svgPathBbox } from 'svg-path-bbox';
import { describe, expect, it } from 'vitest';
import { nouvelleAquitaineMap } from './departements-map.js';
import { NOUVELLE_AQUITAINE_DEPARTEMENTS } from './types.js';

describe('nouvelleAquitaineMap', () => {
  it('keeps the twelve départements of the région, fitted in a view box inside the map of France', () => {
    const { shapes, viewBox } = nouvelleAquitaineMap();
    expect(shapes.map((shape) => shape.code)).toEqual(NOUVELLE_AQUITAINE_DEPARTEMENTS);
    expect(shapes.find((shape) => shape.id === 'dep:33')?.name).toBe('Gironde');
    // The packaged map of France is 613 × 585; the région is its south-west quarter or so.
    expect(viewBox.x).toBeGreaterThan(0);
    expect(viewBox.y).toBeGreaterThan(100);
    expect(viewBox.width).toBeLessThan(350);
    expect(viewBox.height).toBeLessThan(400);
    for (const shape of shapes) expect(shape.bounds?.width).toBeGreaterThan(10);
  });

  it('computes a view box that contains every département path', () => {
    const { shapes, viewBox } = nouvelleAquitaineMap();
    expect(shapes).toHaveLength(12);
    for (const shape of shapes) {
      const [minX, minY, maxX, maxY] = svgPathBbox(shape.path);
      expect(minX).toBeGreaterThanOrEqual(viewBox.x);
      expect(minY).toBeGreaterThanOrEqual(viewBox.y);
      expect(maxX).toBeLessThanOrEqual(viewBox.x + viewBox.width);
      expect(maxY).toBeLessThanOrEqual(viewBox.y + viewBox.height);
      expect(shape.bounds).toEqual({ x: minX, y: minY, width: maxX - minX, height: maxY - minY });
    }
  });
});
