/**
 * File exports of what the canvas shows. Loaded on the first export only
 * (App imports it dynamically): the serialisers are not needed to start.
 */
import { toEdgesCsv, toNodesCsv } from '../../export/csv';
import { downloadText } from '../../export/download';
import { toGexf } from '../../export/gexf';
import { toGraphML } from '../../export/graphml';
import type { ExportGraph } from '../../export/model';
import { toSvg } from '../../export/svg';
import { toCsvFileName } from './export-graph';
import type { ExportFormat } from './Toolbar';

/** Writes `graph` in a file format and hands it to the browser as a download named after `base`. */
export function saveExport(
  format: Exclude<ExportFormat, 'png'>,
  graph: ExportGraph,
  base: string,
  stamp: string,
): void {
  switch (format) {
    case 'svg':
      downloadText(`${base}.svg`, toSvg(graph), 'image/svg+xml');
      break;
    case 'csv-nodes':
      downloadText(toCsvFileName(base, 'noeuds'), toNodesCsv(graph), 'text/csv');
      break;
    case 'csv-edges':
      downloadText(toCsvFileName(base, 'liens'), toEdgesCsv(graph), 'text/csv');
      break;
    case 'graphml':
      downloadText(`${base}.graphml`, toGraphML(graph), 'application/graphml+xml');
      break;
    case 'gexf':
      downloadText(`${base}.gexf`, toGexf(graph, { date: stamp }), 'application/gexf+xml');
      break;
  }
}
