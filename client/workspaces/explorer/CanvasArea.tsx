import { lazy, Suspense, useRef, type Ref } from 'react';
import type { GraphCanvasHandle } from '../../features/canvas/GraphCanvas';
import type { CanvasModel } from '../../features/canvas/model';
import { Toolbar, type ExportFormat } from '../../features/canvas/Toolbar';
import { Legend } from '../../features/legend/Legend';
import { GROUPING_OFFER_ABOVE } from '../../features/view/types';
import { useAtlas } from '../../state/store';
import { Loading } from './Loading';

// Cytoscape and its layouts are most of the page's code: the page is usable (search,
// stats) before they arrive, in a chunk fetched as soon as the page renders.
const GraphCanvas = lazy(() =>
  import('../../features/canvas/GraphCanvas').then((module) => ({ default: module.GraphCanvas })),
);
const TableView = lazy(() =>
  import('../../features/table/TableView').then((module) => ({ default: module.TableView })),
);

export interface CanvasAreaProps {
  model: CanvasModel;
  canvas: Ref<GraphCanvasHandle>;
  /** Fit and zoom go through the canvas handle. */
  onView: { fit(): void; zoomBy(factor: number): void };
  onExport: (format: ExportFormat) => void;
  /** A node's context menu, at a position in the page. */
  onContextMenu: (id: string, position: { x: number; y: number }) => void;
  onShowPartners: () => void;
}

/** The toolbar, the canvas (with its legend and empty state) and the table of what it shows. */
export function CanvasArea({
  model,
  canvas,
  onView,
  onExport,
  onContextMenu,
  onShowPartners,
}: CanvasAreaProps) {
  const { state, dispatch } = useAtlas();
  const area = useRef<HTMLDivElement>(null);
  const { view, selection } = state;
  const elementCount = model.visibleNodes.length + model.visibleEdges.length;
  const empty = model.graph.nodes.size === 0;
  const select = (id: string) => dispatch({ type: 'select', selection: { type: 'node', id } });

  return (
    <section className="canvas-area" aria-label="Graphe" ref={area}>
      <Toolbar
        layout={view.layout}
        showTable={view.showTable}
        empty={empty}
        onLayout={(layout) => dispatch({ type: 'setLayout', layout })}
        onRerun={() => dispatch({ type: 'rerunLayout' })}
        onFit={onView.fit}
        onZoom={onView.zoomBy}
        onLinks={() => dispatch({ type: 'showLinks' })}
        onToggleTable={() => dispatch({ type: 'toggleTable' })}
        onClear={() => dispatch({ type: 'clearGraph' })}
        onExport={onExport}
      />
      {elementCount > GROUPING_OFFER_ABOVE && view.grouping === 'none' && (
        <p className="notice info grouping-offer" role="status">
          {elementCount.toLocaleString('fr-FR')} éléments affichés : le dessin devient illisible. Regrouper{' '}
          <button type="button" onClick={() => dispatch({ type: 'setGrouping', grouping: 'kind' })}>
            par type
          </button>{' '}
          <button type="button" onClick={() => dispatch({ type: 'setGrouping', grouping: 'territory' })}>
            par département
          </button>
        </p>
      )}
      <div className={`canvas-and-table ${view.showTable ? 'with-table' : ''}`}>
        <div className="canvas-wrapper">
          <Suspense fallback={<div className="graph-canvas" role="img" aria-label="Graphe : chargement" />}>
            <GraphCanvas
              ref={canvas}
              elements={model.elements}
              stylesheet={model.stylesheet}
              large={model.light}
              layout={view.layout}
              layoutRun={view.layoutRun}
              roots={model.hierarchyRoots}
              pinned={state.graph.pinned}
              selection={selection}
              label={`Graphe : ${model.visibleNodes.length} nœuds et ${model.visibleEdges.length} liens affichés`}
              onSelect={(next) => dispatch({ type: 'select', selection: next })}
              onOpen={(id) => dispatch({ type: 'openNode', id })}
              onContextMenu={(id, position) => {
                const rect = area.current?.querySelector('.graph-canvas')?.getBoundingClientRect();
                onContextMenu(id, { x: (rect?.left ?? 0) + position.x, y: (rect?.top ?? 0) + position.y });
              }}
            />
          </Suspense>
          {empty && (
            <div className="empty-state">
              <p>Cherchez un acteur, un dispositif ou un territoire pour commencer,</p>
              <p>
                ou affichez le{' '}
                <button type="button" className="link" onClick={onShowPartners}>
                  réseau partenarial
                </button>
                .
              </p>
            </div>
          )}
          {model.graph.loading && (
            <p className="loading" role="status">
              Chargement…
            </p>
          )}
          <Legend legend={model.legend} />
        </div>
        {view.showTable && (
          <Loading>
            <TableView
              nodes={model.visibleNodes}
              edges={model.visibleEdges}
              metrics={model.metrics}
              showMetrics={view.colorBy === 'community' || !['uniform', 'degree'].includes(view.sizeBy)}
              selectedId={selection.type === 'node' ? selection.id : null}
              onSelect={select}
            />
          </Loading>
        )}
      </div>
    </section>
  );
}
