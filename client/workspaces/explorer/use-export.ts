import type { RefObject } from 'react';
import { ERROR_MESSAGES } from '../../api/graphql-client';
import { downloadBlob } from '../../export/download';
import { exportNotes, toExportGraph } from '../../features/canvas/export-graph';
import type { GraphCanvasHandle } from '../../features/canvas/GraphCanvas';
import type { CanvasModel } from '../../features/canvas/model';
import type { ExportFormat } from '../../features/canvas/Toolbar';
import { useAtlas } from '../../state/store';

/** Saves what the canvas shows in a format: the image from the canvas, the rest from the model. */
export function useExport(model: CanvasModel, canvas: RefObject<GraphCanvasHandle | null>) {
  const { dispatch } = useAtlas();
  return async function exportAs(format: ExportFormat) {
    const stamp = new Date().toISOString().slice(0, 10);
    const base = `atlas-des-acteurs-${stamp}`;
    if (format === 'png') {
      const png = canvas.current?.toPng(exportNotes(model, stamp));
      if (png) downloadBlob(`${base}.png`, png);
      return;
    }
    const graph = toExportGraph(model, canvas.current, stamp);
    try {
      // The writers load on first use.
      const { saveExport } = await import('../../features/canvas/save-export');
      saveExport(format, graph, base, stamp);
    } catch {
      dispatch({ type: 'notify', level: 'error', message: ERROR_MESSAGES.NETWORK });
    }
  };
}
