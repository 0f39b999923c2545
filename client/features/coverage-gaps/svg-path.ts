import type { Rect } from './treemap.js';

/**
 * Bounding box of an SVG path made of straight segments (M, L, H, V, Z, absolute
 * or relative), which is all the département outlines use; curves would be
 * measured by their end points only.
 */
export function pathBounds(d: string): Rect | null {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = 'M';
  const visit = () => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  let i = 0;
  const number = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[a-zA-Z]/.test(token)) {
      command = token;
      i += 1;
      if (command === 'Z' || command === 'z') {
        x = startX;
        y = startY;
      }
      continue;
    }
    const relative = command === command.toLowerCase();
    switch (command.toUpperCase()) {
      case 'M': {
        const nx = number();
        const ny = number();
        x = relative ? x + nx : nx;
        y = relative ? y + ny : ny;
        startX = x;
        startY = y;
        // Pairs after a moveto are linetos of the same kind.
        command = relative ? 'l' : 'L';
        break;
      }
      case 'L': {
        const nx = number();
        const ny = number();
        x = relative ? x + nx : nx;
        y = relative ? y + ny : ny;
        break;
      }
      case 'H': {
        const nx = number();
        x = relative ? x + nx : nx;
        break;
      }
      case 'V': {
        const ny = number();
        y = relative ? y + ny : ny;
        break;
      }
      case 'C':
      case 'S':
      case 'Q':
      case 'T':
      case 'A': {
        const arity = { C: 6, S: 4, Q: 4, T: 2, A: 7 }[command.toUpperCase() as 'C' | 'S' | 'Q' | 'T' | 'A'];
        const values = Array.from({ length: arity }, number);
        const nx = values[arity - 2]!;
        const ny = values[arity - 1]!;
        x = relative ? x + nx : nx;
        y = relative ? y + ny : ny;
        break;
      }
      default:
        i += 1;
        continue;
    }
    visit();
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

/** The union of several boxes, with a margin around it. */
export function unionBounds(boxes: readonly (Rect | null)[], margin = 0): Rect | null {
  const known = boxes.filter((box): box is Rect => box !== null);
  if (known.length === 0) return null;
  const minX = Math.min(...known.map((b) => b.x)) - margin;
  const minY = Math.min(...known.map((b) => b.y)) - margin;
  const maxX = Math.max(...known.map((b) => b.x + b.width)) + margin;
  const maxY = Math.max(...known.map((b) => b.y + b.height)) + margin;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
