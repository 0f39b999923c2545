import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphCanvasHandle } from '../../features/canvas/GraphCanvas';
import { createCanvasModelBuilder } from '../../features/canvas/model';
import { DetailsPanel } from '../../features/details/DetailsPanel';
import { useLendCanvasToEditing } from '../../features/editing/canvas-bridge';
import { isExpanded } from '../../features/graph/compose';
import { NodeMenu, type NodeMenuCommand } from '../../features/menu/NodeMenu';
import type { PathEnd } from '../../features/path/PathPanel';
import { useVocabulary } from '../../features/vocabulary/VocabularyProvider';
import { useAtlas } from '../../state/store';
import { CanvasArea } from './CanvasArea';
import { ExplorerSidebar, type Tab } from './ExplorerSidebar';
import { useExport } from './use-export';
import './explorer.css';

type Menu = { id: string; position: { x: number; y: number }; restoreFocus?: HTMLElement };

/** The graph explorer: tools on the left, the canvas, the selection's details on the right. */
export function ExplorerWorkspace() {
  const { state, dispatch } = useAtlas();
  const vocabulary = useVocabulary();
  // Each stage of the model is remembered by this workspace's builder (model.ts).
  const [buildModel] = useState(createCanvasModelBuilder);
  const model = useMemo(
    () => buildModel(state, vocabulary),
    // The model depends on these parts only (not on notices or selection).
    [
      buildModel,
      state.graph,
      state.view,
      state.facets,
      state.scopes,
      state.matching,
      state.highlight,
      vocabulary,
    ],
  );

  const canvas = useRef<GraphCanvasHandle>(null);
  useLendCanvasToEditing(canvas);
  // A link to a funder view or a partnership network reopens its panel, not only the graph.
  const [tab, setTab] = useState<Tab>(() =>
    state.graph.entries.some((entry) => entry.type === 'funder')
      ? 'funder'
      : state.graph.entries.some((entry) => entry.type === 'partners')
        ? 'partners'
        : 'filters',
  );
  const [menu, setMenu] = useState<Menu | null>(null);
  const [path, setPath] = useState<{ from: PathEnd | null; to: PathEnd | null }>({ from: null, to: null });
  const exportAs = useExport(model, canvas);

  const nameOf = useCallback(
    (id: string) => model.graph.nodes.get(id)?.label ?? vocabulary.names.get(id) ?? id,
    [model.graph, vocabulary],
  );

  // Escape closes an open menu first (document before window): the shell then leaves the selection.
  useEffect(() => {
    if (!menu) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setMenu(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menu]);

  function runCommand(id: string, command: NodeMenuCommand) {
    switch (command.type) {
      case 'expand':
        return dispatch({ type: 'openNode', id, relations: command.relations });
      case 'collapse':
        return dispatch({ type: 'collapseNode', id });
      case 'remove':
        return dispatch({ type: 'removeNode', id });
      case 'pin':
        return dispatch({ type: 'togglePin', id });
      case 'links':
        return dispatch({ type: 'showLinks' });
      case 'pathFrom':
      case 'pathTo':
        setPath((ends) => ({
          ...ends,
          [command.type === 'pathFrom' ? 'from' : 'to']: { id, name: nameOf(id) },
        }));
        setTab('path');
        return;
    }
  }

  const selection = state.selection;
  const menuNode = menu ? model.graph.nodes.get(menu.id) : undefined;

  return (
    <>
      <main className="app-main">
        <ExplorerSidebar
          tab={tab}
          onTab={setTab}
          model={model}
          vocabulary={vocabulary}
          nameOf={nameOf}
          path={path}
          onPath={(ends) => setPath((current) => ({ ...current, ...ends }))}
        />
        <CanvasArea
          model={model}
          canvas={canvas}
          onView={{
            fit: () => canvas.current?.fit(),
            zoomBy: (factor) => canvas.current?.zoomBy(factor),
          }}
          onExport={(format) => void exportAs(format)}
          onContextMenu={(id, position) => setMenu({ id, position })}
          onShowPartners={() => {
            setTab('partners');
            dispatch({
              type: 'replaceEntries',
              entries: [{ type: 'partners', territory: null, theme: null, public: null, activeOn: null }],
            });
          }}
        />
        {selection.type !== 'none' && (
          <aside className="details-panel" aria-label="Détails">
            <DetailsPanel
              selection={selection}
              graph={model.graph}
              expanded={selection.type === 'node' && isExpanded(state.graph, selection.id)}
              pinned={selection.type === 'node' && state.graph.pinned.includes(selection.id)}
              onOpen={(id) => dispatch({ type: 'openNode', id, select: true })}
              onMenu={(anchor) => {
                if (selection.type !== 'node') return;
                const rect = anchor.getBoundingClientRect();
                setMenu({
                  id: selection.id,
                  position: { x: rect.left - 180, y: rect.bottom + 4 },
                  restoreFocus: anchor,
                });
              }}
              onClose={() => dispatch({ type: 'select', selection: { type: 'none' } })}
            />
          </aside>
        )}
      </main>
      {menu && menuNode && (
        <NodeMenu
          key={menu.id}
          id={menu.id}
          name={menuNode.label}
          expanded={isExpanded(state.graph, menu.id)}
          pinned={state.graph.pinned.includes(menu.id)}
          position={menu.position}
          onCommand={(command) => runCommand(menu.id, command)}
          onClose={() => {
            menu.restoreFocus?.focus();
            setMenu(null);
          }}
        />
      )}
    </>
  );
}
