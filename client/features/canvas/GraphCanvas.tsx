import cytoscape from 'cytoscape';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { applyElements, type CanvasElement } from '../../cytoscape/elements';
import { registerExtensions } from '../../cytoscape/extensions';
import { draftSpreadFactor, layoutOptions, unstackPositions, type LayoutName } from '../../cytoscape/layouts';
import type { Selection } from '../view/types';

const MAX_FIT_ZOOM = 1.4;

declare global {
  interface Window {
    /** The canvas's cytoscape instance, for browser tests and the console. */
    __atlasCy?: cytoscape.Core;
  }
}

/** Spreads a draft layout (packed tightly by fCoSE's spectral step) and unstacks nodes sharing a spot, then fits. */
function spreadDraft(cy: cytoscape.Core, eles: cytoscape.CollectionReturnValue) {
  const nodes = eles.nodes().filter((node) => !node.isParent() && !node.locked());
  const box = nodes.boundingBox();
  const factor = draftSpreadFactor(nodes.length, box);
  const cx = box.x1 + box.w / 2;
  const cy0 = box.y1 + box.h / 2;
  const spread = new Map(
    nodes.map((node) => {
      const position = (node as cytoscape.NodeSingular).position();
      return [
        node.id(),
        { x: cx + (position.x - cx) * factor, y: cy0 + (position.y - cy0) * factor },
      ] as const;
    }),
  );
  const placed = unstackPositions(spread);
  cy.batch(() => {
    nodes.forEach((node) => {
      const position = placed.get(node.id());
      if (position) node.position(position);
    });
  });
  cy.fit(eles, 30);
}

/**
 * Cytoscape's renderer flags for viewport gestures, read at every frame but only
 * settable at creation in its typed API: set on the live renderer instead, so
 * that they follow the size of the view.
 */
type ViewportGestureFlags = { hideEdgesOnViewport?: boolean; textureOnViewport?: boolean };

function setViewportGestureFlags(cy: cytoscape.Core, on: boolean) {
  const renderer = (cy as unknown as { renderer?: () => ViewportGestureFlags | undefined }).renderer?.();
  if (!renderer || !('textureOnViewport' in renderer)) return;
  renderer.textureOnViewport = on;
  renderer.hideEdgesOnViewport = on;
}

export interface GraphCanvasProps {
  elements: readonly CanvasElement[];
  stylesheet: cytoscape.StylesheetJson;
  /**
   * A large view: while the user pans or zooms, the canvas moves a snapshot of
   * the last frame and leaves edges out, rather than redrawing thousands of them.
   */
  large: boolean;
  layout: LayoutName;
  /** Changes when the layout must run again from scratch. */
  layoutRun: number;
  roots: readonly string[];
  pinned: readonly string[];
  selection: Selection;
  label: string;
  onSelect: (selection: Selection) => void;
  onOpen: (id: string) => void;
  onContextMenu: (id: string, position: { x: number; y: number }) => void;
  ref?: Ref<GraphCanvasHandle>;
}

/** What the rest of the page may ask of the canvas; it never gets `cy` itself (react-cytoscapejs). */
export interface GraphCanvasHandle {
  /** Fits the visible elements in the view. */
  fit(): void;
  /** Zooms by a factor around the centre of the view. */
  zoomBy(factor: number): void;
  /** The whole graph as a PNG image, or null before the canvas exists. */
  toPng(): Blob | null;
  /** Where a node is drawn (model coordinates), or null when it is not. */
  positionOf(id: string): { x: number; y: number } | null;
  /**
   * « Ajouter un lien » by drawing: a line follows the pointer from node `id` until
   * another node is tapped (its id) or the background is, or Escape pressed (null).
   */
  drawLinkFrom(id: string): Promise<string | null>;
}

const DRAW_END = '__draw-end';

/**
 * The one owner of the imperative cytoscape instance: created on mount,
 * destroyed on unmount, brought up to date by element diffs; the layout runs
 * again only when asked or when nodes arrive.
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const layoutRef = useRef<cytoscape.Layouts | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  // While a link is drawn, taps end the drawing instead of selecting.
  const drawing = useRef(false);

  useImperativeHandle(
    props.ref,
    () => ({
      fit() {
        const cy = cyRef.current;
        cy?.fit(cy.elements().not('.hidden'), 30);
      },
      zoomBy(factor) {
        const cy = cyRef.current;
        if (!cy) return;
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      toPng() {
        const cy = cyRef.current;
        return cy ? cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) : null;
      },
      positionOf(id) {
        const node = cyRef.current?.getElementById(id);
        return node && node.nonempty() && node.isNode() ? { ...node.position() } : null;
      },
      drawLinkFrom(id) {
        const cy = cyRef.current;
        const from = cy?.getElementById(id);
        if (!cy || !from || from.empty() || drawing.current) return Promise.resolve(null);
        drawing.current = true;
        const ghost = cy.add([
          {
            group: 'nodes',
            data: { id: DRAW_END },
            position: { ...from.position() },
            selectable: false,
            grabbable: false,
          },
          {
            group: 'edges',
            data: { id: `${DRAW_END}-edge`, source: id, target: DRAW_END },
            selectable: false,
          },
        ]);
        // `events: no`: the line's end sits under the pointer, and must not catch the tap.
        ghost.nodes().style({ width: 6, height: 6, label: '', 'background-color': '#333', events: 'no' });
        ghost.edges().style({
          events: 'no',
          'line-style': 'dashed',
          'line-color': '#333',
          'target-arrow-shape': 'triangle',
          label: '',
        });
        return new Promise((resolve) => {
          const move = (event: cytoscape.EventObject) => ghost.nodes().positions(() => event.position);
          const end = (target: string | null) => {
            cy.off('mousemove', move);
            cy.off('tap', onTap);
            window.removeEventListener('keydown', onKey);
            ghost.remove();
            // The tap that ended the drawing must not select what it fell on.
            setTimeout(() => (drawing.current = false), 0);
            resolve(target);
          };
          const onTap = (event: cytoscape.EventObject) => {
            const target = event.target as cytoscape.Core | cytoscape.NodeSingular | cytoscape.EdgeSingular;
            const other =
              target !== cy && 'isNode' in target && target.isNode() && !target.isParent()
                ? target.id()
                : null;
            end(other !== id && other !== DRAW_END ? other : null);
          };
          const onKey = (event: KeyboardEvent) => event.key === 'Escape' && end(null);
          cy.on('mousemove', move);
          cy.on('tap', onTap);
          window.addEventListener('keydown', onKey);
        });
      },
    }),
    [],
  );

  function runLayout(incremental: boolean) {
    const cy = cyRef.current;
    if (!cy) return;
    const eles = cy.elements().not('.hidden');
    if (eles.nodes().empty()) return;
    layoutRef.current?.stop();
    const fixed = cy
      .nodes('.pinned')
      .not('.hidden')
      .map((node) => ({ nodeId: node.id(), position: { ...(node as cytoscape.NodeSingular).position() } }));
    const options = layoutOptions(callbacks.current.layout, {
      nodeCount: eles.nodes().length,
      incremental,
      roots: callbacks.current.roots.filter((id) => cy.getElementById(id).nonempty()),
      grouped: cy.nodes(':parent').nonempty(),
      fixed,
    });
    const layout = eles.layout(options);
    // A few nodes fitted to the window would be drawn huge: cap the zoom once laid out.
    layout.one('layoutstop', () => {
      if ((options as { quality?: string }).quality === 'draft') spreadDraft(cy, eles);
      if (cy.zoom() > MAX_FIT_ZOOM)
        cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      if (cy.zoom() === MAX_FIT_ZOOM) cy.center(eles);
    });
    layoutRef.current = layout;
    try {
      layout.run();
    } catch (error) {
      // A layout extension failing must not take the page down: fall back to a grid.
      console.error(error);
      eles.layout({ name: 'grid', fit: true, padding: 30, avoidOverlap: true }).run();
    }
  }

  useEffect(() => {
    registerExtensions();
    // The canvas renderer. Cytoscape's WebGL mode only pays off on a real GPU
    // (software WebGL is slower than canvas) and draws dashed and dotted edges
    // solid; large views get a lighter stylesheet and gesture flags instead, which
    // meet the page bench's figures (tests/bench/page.bench.ts) in software.
    const cy = cytoscape({
      container: container.current,
      style: callbacks.current.stylesheet,
      elements: [],
      minZoom: 0.05,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cyRef.current = cy;
    window.__atlasCy = cy;
    cy.on('tap', (event) => {
      if (event.target === cy && !drawing.current) callbacks.current.onSelect({ type: 'none' });
    });
    cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.isParent() || drawing.current) return;
      callbacks.current.onSelect({ type: 'node', id: node.id() });
    });
    cy.on('tap', 'edge', (event) => {
      if (!drawing.current)
        callbacks.current.onSelect({ type: 'edge', id: (event.target as cytoscape.EdgeSingular).id() });
    });
    cy.on('dbltap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (!node.isParent()) callbacks.current.onOpen(node.id());
    });
    cy.on('cxttap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.isParent()) return;
      callbacks.current.onSelect({ type: 'node', id: node.id() });
      callbacks.current.onContextMenu(node.id(), event.renderedPosition ?? node.renderedPosition());
    });
    // The canvas changes size when panels open and close: cytoscape must be told.
    const observer = new ResizeObserver(() => cy.resize());
    if (container.current) observer.observe(container.current);
    return () => {
      observer.disconnect();
      layoutRef.current?.stop();
      if (window.__atlasCy === cy) delete window.__atlasCy;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (cyRef.current) setViewportGestureFlags(cyRef.current, props.large);
  }, [props.large]);

  // Restyling redoes every element's style: only when the stylesheet really changed.
  const styleKey = JSON.stringify(props.stylesheet);
  useEffect(() => {
    cyRef.current?.style(callbacks.current.stylesheet);
  }, [styleKey]);

  const wasEmpty = useRef(true);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const diff = applyElements(cy, props.elements);
    const added = diff.add.some((element) => element.group === 'nodes');
    // New nodes need a place: a first layout from scratch, then incremental ones.
    if (added) runLayout(!wasEmpty.current);
    wasEmpty.current = cy.nodes().empty();
  }, [props.elements]);

  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    runLayout(false);
  }, [props.layout, props.layoutRun]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const pinned = new Set(props.pinned);
    cy.nodes().forEach((node) => {
      if (pinned.has(node.id())) node.lock();
      else if (node.locked()) node.unlock();
    });
  }, [props.pinned, props.elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = props.selection.type === 'none' ? null : props.selection.id;
    cy.batch(() => {
      cy.$(':selected').forEach((element) => {
        if (element.id() !== wanted) element.unselect();
      });
      if (wanted) cy.getElementById(wanted).select();
    });
  }, [props.selection, props.elements]);

  return <div ref={container} className="graph-canvas" role="img" aria-label={props.label} tabIndex={0} />;
}
