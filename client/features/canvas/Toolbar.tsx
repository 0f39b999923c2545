import { LAYOUT_LABELS, LAYOUT_NAMES, type LayoutName } from '../../cytoscape/layouts';

export type ExportFormat = 'png' | 'svg' | 'csv-nodes' | 'csv-edges' | 'graphml' | 'gexf';

export interface ToolbarProps {
  layout: LayoutName;
  showTable: boolean;
  empty: boolean;
  onLayout: (layout: LayoutName) => void;
  onRerun: () => void;
  onFit: () => void;
  onZoom: (factor: number) => void;
  onLinks: () => void;
  onToggleTable: () => void;
  onClear: () => void;
  onExport: (format: ExportFormat) => void;
}

const EXPORTS: { format: ExportFormat; label: string; title: string }[] = [
  { format: 'png', label: 'PNG', title: 'Exporter en image PNG' },
  { format: 'svg', label: 'SVG', title: 'Exporter en image vectorielle SVG' },
  { format: 'csv-nodes', label: 'CSV nœuds', title: 'Exporter les nœuds en CSV' },
  { format: 'csv-edges', label: 'CSV liens', title: 'Exporter les liens en CSV' },
  { format: 'graphml', label: 'GraphML', title: 'Exporter en GraphML' },
  { format: 'gexf', label: 'GEXF', title: 'Exporter en GEXF 1.3 (Gephi)' },
];

export function Toolbar(props: ToolbarProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Outils du graphe">
      <label className="inline">
        <span>Disposition</span>
        <select value={props.layout} onChange={(event) => props.onLayout(event.target.value as LayoutName)}>
          {LAYOUT_NAMES.map((name) => (
            <option key={name} value={name}>
              {LAYOUT_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onRerun} disabled={props.empty}>
        Relancer
      </button>
      <span className="separator" aria-hidden="true" />
      <button type="button" onClick={props.onFit} disabled={props.empty} aria-label="Ajuster à la fenêtre">
        Ajuster
      </button>
      <button type="button" onClick={() => props.onZoom(1.25)} disabled={props.empty} aria-label="Zoom avant">
        +
      </button>
      <button
        type="button"
        onClick={() => props.onZoom(0.8)}
        disabled={props.empty}
        aria-label="Zoom arrière"
      >
        −
      </button>
      <span className="separator" aria-hidden="true" />
      <button type="button" onClick={props.onLinks} disabled={props.empty}>
        Afficher les liens entre les nœuds affichés
      </button>
      <button type="button" onClick={props.onToggleTable} aria-pressed={props.showTable}>
        Tableau
      </button>
      <button type="button" onClick={props.onClear} disabled={props.empty}>
        Vider
      </button>
      <span className="separator" aria-hidden="true" />
      <div role="group" aria-label="Exporter" className="export-group">
        <span className="group-label">Exporter :</span>
        {EXPORTS.map((item) => (
          <button
            key={item.format}
            type="button"
            onClick={() => props.onExport(item.format)}
            disabled={props.empty}
            title={item.title}
            // The name holds the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
            aria-label={item.title.includes(item.label) ? item.title : `${item.label} : ${item.title}`}
            data-export={item.format}
          >
            {item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
