import { useMemo, useState } from 'react';
import { formatValue, KIND_LABELS } from '../../vocabulary';
import { metricsOfNode, type CanvasMetrics } from '../analysis/canvas-metrics';
import type { SliceEdge, SliceNode } from '../graph/types';
import { nextSort, sortRows, type TableColumn, type TableRow } from './sort';
import './table.css';

const METRIC_COLUMNS: readonly TableColumn[] = ['weightedDegree', 'betweenness', 'pageRank', 'community'];

const COLUMNS: { key: TableColumn; label: string }[] = [
  { key: 'name', label: 'Nom' },
  { key: 'kind', label: 'Type de nœud' },
  { key: 'degree', label: 'Liens' },
  { key: 'weightedDegree', label: 'Degré pondéré' },
  { key: 'betweenness', label: 'Intermédiarité' },
  { key: 'pageRank', label: 'PageRank' },
  { key: 'community', label: 'Communauté' },
  { key: 'detail', label: 'Précision' },
  { key: 'id', label: 'Identifiant' },
];

function detailOf(node: SliceNode): string {
  const { props } = node;
  if (node.kind === 'DISPOSITIF')
    return [
      props.type ? formatValue('type', props.type) : null,
      props.status ? formatValue('status', props.status) : null,
    ]
      .filter(Boolean)
      .join(', ');
  if (node.kind === 'TERRITORY') return formatValue('level', props.level);
  if (node.kind === 'ORGANISATION')
    return typeof props.type === 'string' ? formatValue('type', props.type) : '';
  if (node.kind === 'PERSON') return typeof props.role === 'string' ? props.role : '';
  if (node.kind === 'SOURCE') return typeof props.date === 'string' ? formatValue('date', props.date) : '';
  return '';
}

const formatMetric = (value: number | null) =>
  value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(4);

/** The canvas as a sortable table: the same visible nodes, readable without the picture. */
export function TableView(props: {
  nodes: readonly SliceNode[];
  edges: readonly SliceEdge[];
  /** The canvas's metrics of the same visible graph. */
  metrics: CanvasMetrics;
  /** Metric columns too: when the canvas is sized or coloured by a metric other than degree. */
  showMetrics: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const [sort, setSort] = useState<{ column: TableColumn; direction: 'ascending' | 'descending' }>({
    column: 'degree',
    direction: 'descending',
  });
  const rows = useMemo(() => {
    const all: TableRow[] = props.nodes.map((node) => ({
      id: node.id,
      name: node.label,
      kind: KIND_LABELS[node.kind].one,
      ...metricsOfNode(props.metrics, node.id),
      detail: detailOf(node),
    }));
    return sortRows(all, sort.column, sort.direction);
  }, [props.nodes, props.metrics, sort]);

  const columns = props.showMetrics
    ? COLUMNS
    : COLUMNS.filter((column) => !METRIC_COLUMNS.includes(column.key));
  return (
    <div className="table-view">
      {/* The canvas has no keyboard moves between nodes: this table stands in for it, and says so. */}
      <p className="hint table-view-note" id="table-view-note">
        Équivalent accessible du graphe : les mêmes nœuds, au clavier (Tab d’un nom à l’autre, Entrée ouvre
        ses détails).
      </p>
      <table aria-label="Nœuds affichés" aria-describedby="table-view-note">
        <caption>
          {rows.length} nœud{rows.length > 1 ? 's' : ''} affiché{rows.length > 1 ? 's' : ''}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={sort.column === column.key ? sort.direction : 'none'}
              >
                <button type="button" onClick={() => setSort((current) => nextSort(current, column.key))}>
                  {column.label}
                  <span aria-hidden="true">
                    {sort.column === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              aria-selected={row.id === props.selectedId}
              className={row.id === props.selectedId ? 'selected' : undefined}
            >
              <td>
                <button type="button" className="link" onClick={() => props.onSelect(row.id)}>
                  {row.name}
                </button>
              </td>
              <td>{row.kind}</td>
              <td className="number">{row.degree}</td>
              {props.showMetrics && (
                <>
                  <td className="metric">{formatMetric(row.weightedDegree)}</td>
                  <td className="metric">{formatMetric(row.betweenness)}</td>
                  <td className="metric">{formatMetric(row.pageRank)}</td>
                  <td className="metric">{row.community}</td>
                </>
              )}
              <td>{row.detail}</td>
              <td>
                <code>{row.id}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
