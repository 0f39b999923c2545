import { useEffect, type RefObject } from 'react';
import type { GraphCanvasHandle } from '../canvas/GraphCanvas';

// The explorer's canvas, for the editing tools of the details panel (draw a link).
let canvas: RefObject<GraphCanvasHandle | null> | null = null;

/** The explorer lends its canvas handle to the editing tools while it is mounted. */
export function useLendCanvasToEditing(ref: RefObject<GraphCanvasHandle | null>) {
  useEffect(() => {
    canvas = ref;
    return () => {
      if (canvas === ref) canvas = null;
    };
  }, [ref]);
}

/** The canvas, when the explorer shows one. */
export const editingCanvas = (): GraphCanvasHandle | null => canvas?.current ?? null;
