import type cytoscape from 'cytoscape';
import { drawNotes, NOTES_LAYOUT, type ExportNotes } from './notes';

/** Pixels of the picture per pixel on screen. */
const PNG_SCALE = 2;
/** A picture bigger than this (pixels a side) is drawn smaller. */
const PNG_MAX_SIDE = 6000;

/** cytoscape's renderer draws the picture on a canvas of its own before encoding it: that canvas is used here. */
interface BufferRenderer {
  bufferCanvasImage(options: { full: boolean; scale: number; bg: string }): HTMLCanvasElement;
}

function dataUrlToBlob(url: string): Blob {
  const [head, body] = url.split(',');
  const type = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/png';
  const bytes = atob(body ?? '');
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) array[i] = bytes.charCodeAt(i);
  return new Blob([array], { type });
}

/**
 * The whole graph as the canvas draws it — at the view's zoom, so that the
 * same labels are drawn, at the same size — with the legend on the right and
 * the source line below.
 */
export function pngWithNotes(cy: cytoscape.Core, notes: ExportNotes): Blob {
  const renderer = (cy as unknown as { renderer(): BufferRenderer }).renderer();
  const box = cy.elements().not('.hidden').boundingBox();
  const wanted = PNG_SCALE * cy.zoom();
  const scale = Math.min(wanted, PNG_MAX_SIDE / Math.max(1, box.w), PNG_MAX_SIDE / Math.max(1, box.h));
  const drawing = renderer.bufferCanvasImage({ full: true, scale, bg: '#ffffff' });
  const { legendWidth, rowHeight, sourceHeight, gap } = NOTES_LAYOUT;
  const cssWidth = drawing.width / PNG_SCALE;
  const cssHeight = drawing.height / PNG_SCALE;
  const legendHeight = notes.legend.length * rowHeight + gap;
  const width = cssWidth + gap + legendWidth;
  const height = Math.max(cssHeight, legendHeight) + sourceHeight;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * PNG_SCALE);
  canvas.height = Math.ceil(height * PNG_SCALE);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(drawing, 0, 0);
  drawNotes(
    context,
    notes,
    { x: cssWidth + gap, y: gap / 2, sx: gap / 2, sy: height - sourceHeight / 2 + 4 },
    PNG_SCALE,
  );
  return dataUrlToBlob(canvas.toDataURL('image/png'));
}
