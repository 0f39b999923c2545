/**
 * Node shapes as SVG, so that the legend and the SVG export draw the same
 * outline as the canvas does for each kind.
 */
export type NodeShapeName =
  'ellipse' | 'round-rectangle' | 'hexagon' | 'triangle' | 'diamond' | 'star' | 'rectangle' | 'vee';

function polygon(points: readonly (readonly [number, number])[], cx: number, cy: number, r: number): string {
  return `M${points.map(([x, y]) => `${(cx + x * r).toFixed(2)},${(cy + y * r).toFixed(2)}`).join(' L')} Z`;
}

function regular(sides: number, rotation: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (2 * Math.PI * i) / sides;
    return [Math.cos(angle), Math.sin(angle)];
  });
}

function starPoints(): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (Math.PI * i) / 5;
    const radius = i % 2 === 0 ? 1 : 0.45;
    return [Math.cos(angle) * radius, Math.sin(angle) * radius];
  });
}

/** An SVG path `d` for a shape centred on (cx, cy) inside a square of half-side r. */
export function shapePath(shape: NodeShapeName, cx: number, cy: number, r: number): string {
  switch (shape) {
    case 'ellipse':
      return `M${cx - r},${cy} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0 Z`;
    case 'rectangle':
      return polygon(
        [
          [-1, -1],
          [1, -1],
          [1, 1],
          [-1, 1],
        ],
        cx,
        cy,
        r,
      );
    case 'round-rectangle': {
      const k = r * 0.35;
      return `M${cx - r + k},${cy - r} H${cx + r - k} Q${cx + r},${cy - r} ${cx + r},${cy - r + k} V${cy + r - k} Q${cx + r},${cy + r} ${cx + r - k},${cy + r} H${cx - r + k} Q${cx - r},${cy + r} ${cx - r},${cy + r - k} V${cy - r + k} Q${cx - r},${cy - r} ${cx - r + k},${cy - r} Z`;
    }
    case 'hexagon':
      return polygon(regular(6, 0), cx, cy, r);
    case 'triangle':
      return polygon(
        [
          [0, -1],
          [1, 1],
          [-1, 1],
        ],
        cx,
        cy,
        r,
      );
    case 'diamond':
      return polygon(
        [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
        ],
        cx,
        cy,
        r,
      );
    case 'star':
      return polygon(starPoints(), cx, cy, r);
    case 'vee':
      return polygon(
        [
          [-1, -1],
          [0, -0.33],
          [1, -1],
          [0, 1],
        ],
        cx,
        cy,
        r,
      );
  }
}
