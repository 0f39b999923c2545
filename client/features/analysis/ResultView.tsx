import { useState } from 'react';
import { downloadText } from '../../export/download';
import { MAX_PREVIEW_NODES, ResultGraph, type ResultGraphData } from './ResultGraph';
import { cellText, sortRows, toResultCsv } from './result-table';

export interface ResultData {
  columns: string[];
  rows: unknown[];
  truncated: boolean;
  elapsedMs: number;
  graph: ResultGraphData;
}

/** A query's answer as a sortable table, with its CSV export and "open on the canvas". */
export function ResultView({
  result,
  onOpen,
  preview = true,
}: {
  result: ResultData;
  onOpen: (ids: string[]) => void;
  /** Draw the result's graph above the table. */
  preview?: boolean;
}) {
  const [sort, setSort] = useState<{ column: string | null; descending: boolean }>({
    column: null,
    descending: false,
  });
  const rows = sortRows(result.rows as Record<string, unknown>[], sort.column, sort.descending);
  const ids = result.graph.nodes.map((node) => node.id);
  return (
    <section className="analysis-result" aria-label="Résultat">
      <p>
        {result.rows.length} ligne{result.rows.length > 1 ? 's' : ''} en {result.elapsedMs} ms
        {result.truncated ? ' (tronqué)' : ''}
      </p>
      <div className="analysis-actions">
        <button
          type="button"
          onClick={() => downloadText('resultat.csv', toResultCsv(result.columns, rows), 'text/csv')}
        >
          Exporter en CSV
        </button>
        <button type="button" disabled={ids.length === 0} onClick={() => onOpen(ids)}>
          Ouvrir dans l’explorateur ({ids.length} nœuds)
        </button>
      </div>
      {preview && ids.length > 0 && ids.length <= MAX_PREVIEW_NODES && <ResultGraph graph={result.graph} />}
      <table className="analysis-table">
        <thead>
          <tr>
            {result.columns.map((column) => (
              <th
                key={column}
                aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  onClick={() =>
                    setSort({ column, descending: sort.column === column ? !sort.descending : false })
                  }
                >
                  {column}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {result.columns.map((column) => (
                <td key={column}>{cellText(row[column])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
