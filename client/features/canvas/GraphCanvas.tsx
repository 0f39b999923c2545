import cytoscape from 'cytoscape';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { applyElements, type CanvasElement } from '../../cytoscape/elements';
import { registerExtensions } from '../../cytoscape/extensions';
import { cullLabels, LABEL_SCREEN_SIZE, labelRules, labelScale, sizeLabels } from '../../cytoscape/labels';
import { pngWithNotes } from '../../export/png';
import type { ExportNotes } from '../../export/notes';
import {
  draftSpreadFactor,
  layoutOptions,
  runGroupedLayout,
  unstackPositions,
  type LayoutName,
} from '../../cytoscape/layouts';
import type { Selection } from '../view/types';
import './canvas.css';

const MAX_FIT_ZOOM = 1.4;
/** How long the zoom must rest before labels are sized and sorted again (a gesture redraws nothing else). */
const LABEL_REFRESH_DELAY = 150;

/** The node the pointer is on: its full name, where it is drawn in the canvas. */
interface Tooltip {
  text: string;
  x: number;
  y: number;
}

/**
 * Pans the least that brings a node back into the view, with a margin: the
 * canvas narrows when the details panel opens, and the node clicked must stay
 * in sight (cytoscape keeps the top-left corner where it is on resize).
 */
export function keepInView(cy: cytoscape.Core, id: string | null) {
  if (!id) return;
  const node = cy.getElementById(id);
  if (node.empty() || !node.isNode() || node.hasClass('hidden')) return;
  const { x, y } = node.renderedPosition();
  const width = cy.width() - coveredOnTheRight(cy);
  const height = cy.height();
  if (width <= 0 || height <= 0) return;
  const marginX = Math.min(80, width / 4);
  const marginY = Math.min(60, height / 4);
  const shift = (value: number, size: number, margin: number) =>
    value < margin ? margin - value : value > size - margin ? size - margin - value : 0;
  const dx = shift(x, width, marginX);
  const dy = shift(y, height, marginY);
  if (dx || dy) cy.panBy({ x: dx, y: dy });
}

/**
 * How much of the canvas's right side a panel lying over it hides (the details
 * panel overlays the canvas on middle widths instead of narrowing it).
 */
function coveredOnTheRight(cy: cytoscape.Core): number {
  const canvas = cy.container()?.getBoundingClientRect();
  const panel = document.querySelector('.details-panel')?.getBoundingClientRect();
  if (!canvas || !panel || panel.width === 0) return 0;
  const overlapsVertically = panel.top < canvas.bottom && panel.bottom > canvas.top;
  const covered = canvas.right - Math.max(panel.left, canvas.left);
  return overlapsVertically && panel.left > canvas.left && covered > 0 ? Math.min(covered, canvas.width) : 0;
}

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
  /** The whole graph as a PNG image, at the view's label size, with its notes; null before the canvas exists. */
  toPng(notes: ExportNotes): Blob | null;
  /** Where a node is drawn (model coordinates), or null when it is not. */
  positionOf(id: string): { x: number; y: number } | null;
  /** The label size (model units) and the nodes whose names are drawn. */
  drawnLabels(): { size: number; shown: Set<string> } | null;
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
  const scaleRef = useRef(1);
  const hovered = useRef<string | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);

  const selectedId = () =>
    callbacks.current.selection.type === 'node' ? callbacks.current.selection.id : null;

  /** The stylesheet with labels sized for the zoom. */
  function applyStyle(cy: cytoscape.Core) {
    cy.style([...callbacks.current.stylesheet, ...labelRules(scaleRef.current)]);
    sizeLabels(cy, scaleRef.current);
  }

  /** Sizes labels for the zoom (restyling nodes only, when the size changes), then keeps them apart. */
  function refreshLabels() {
    const cy = cyRef.current;
    if (!cy) return;
    const scale = labelScale(cy.zoom());
    if (scale !== scaleRef.current) {
      scaleRef.current = scale;
      sizeLabels(cy, scale);
    }
    sortLabels(cy);
  }

  /** Once the zoom rests: label boxes only change with their size, so nothing to do when it stays. */
  function refreshLabelsAfterZoom() {
    const cy = cyRef.current;
    if (cy && labelScale(cy.zoom()) !== scaleRef.current) refreshLabels();
  }

  /** Keeps labels apart: measured by cytoscape, or estimated from their text on a large view. */
  function sortLabels(cy: cytoscape.Core, hover: string | null = hovered.current) {
    const size = LABEL_SCREEN_SIZE * scaleRef.current;
    cullLabels(
      cy,
      { selected: selectedId(), hovered: hover },
      callbacks.current.large ? { size } : undefined,
    );
  }
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
      toPng(notes) {
        const cy = cyRef.current;
        return cy ? pngWithNotes(cy, notes) : null;
      },
      drawnLabels() {
        const cy = cyRef.current;
        if (!cy) return null;
        const shown = new Set<string>();
        cy.nodes()
          .not('.hidden')
          .not('.label-hidden')
          .forEach((node) => {
            if (node.data('display')) shown.add(node.id());
          });
        return { size: LABEL_SCREEN_SIZE * scaleRef.current, shown };
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
    const context = {
      nodeCount: eles.nodes().length,
      incremental,
      roots: callbacks.current.roots.filter((id) => cy.getElementById(id).nonempty()),
      grouped: eles.nodes(':parent').nonempty(),
      fixed,
    };
    const options = { grouped: context.grouped, layout: layoutOptions(callbacks.current.layout, context) };
    // A few nodes fitted to the window would be drawn huge: cap the zoom once laid out.
    const capZoom = () => {
      if (cy.zoom() > MAX_FIT_ZOOM)
        cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      if (cy.zoom() === MAX_FIT_ZOOM) cy.center(eles);
      // A large view is drawn first, its labels sorted right after.
      if (callbacks.current.large) cy.one('render', () => setTimeout(refreshLabels, 0));
      else refreshLabels();
    };
    // Groups drawn with a layout that knows nothing of compounds: each group laid
    // out on its own, then the groups packed side by side (layouts.ts).
    if (options.grouped && callbacks.current.layout !== 'fcose') {
      layoutRef.current = null;
      runGroupedLayout(cy, eles, (groupEles) =>
        layoutOptions(callbacks.current.layout, {
          ...context,
          nodeCount: groupEles.nodes().length,
          roots: context.roots.filter((id) => groupEles.getElementById(id).nonempty()),
        }),
      );
      cy.fit(eles, 30);
      capZoom();
      return;
    }
    const layout = eles.layout(options.layout);
    layout.one('layoutstop', () => {
      if ((options.layout as { quality?: string }).quality === 'draft') spreadDraft(cy, eles);
      capZoom();
    });
    layoutRef.current = layout;
    try {
      layout.run();
    } catch (error) {
      // A layout extension failing must not take the page down: fall back to a grid.
      console.error(error);
      eles.layout({ name: 'grid', fit: true, padding: 30, avoidOverlap: true }).run();
      refreshLabels();
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
      style: [...callbacks.current.stylesheet, ...labelRules(scaleRef.current)],
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
      // A fold has no actions but opening (double click, or its details).
      if (node.isParent() || node.data('folded') !== undefined) return;
      callbacks.current.onSelect({ type: 'node', id: node.id() });
      callbacks.current.onContextMenu(node.id(), event.renderedPosition ?? node.renderedPosition());
    });
    // Labels: sized and sorted again once the zoom rests; the hovered one first, with its full name.
    let labelTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('zoom', () => {
      clearTimeout(labelTimer);
      labelTimer = setTimeout(
        refreshLabelsAfterZoom,
        LABEL_REFRESH_DELAY * (callbacks.current.large ? 3 : 1),
      );
    });
    cy.on('mouseover', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      hovered.current = node.id();
      const position = node.renderedPosition();
      const text = node.data('label') as string;
      if (text) setTooltip({ text, x: position.x, y: position.y + node.renderedOuterHeight() / 2 + 4 });
      if (node.hasClass('label-hidden')) sortLabels(cy, node.id());
    });
    cy.on('mouseout', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (hovered.current !== node.id()) return;
      hovered.current = null;
      setTooltip(null);
    });
    cy.on('viewport', () => setTooltip(null));
    // The canvas changes size when panels open and close: cytoscape must be told,
    // and the selected node brought back into view.
    const observer = new ResizeObserver(() => {
      cy.resize();
      keepInView(cy, selectedId());
    });
    if (container.current) observer.observe(container.current);
    return () => {
      clearTimeout(labelTimer);
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
    const cy = cyRef.current;
    if (!cy) return;
    applyStyle(cy);
    sortLabels(cy);
  }, [styleKey]);

  const wasEmpty = useRef(true);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const diff = applyElements(cy, props.elements);
    const added = diff.add.some((element) => element.group === 'nodes');
    // On a large view, new nodes' names wait for the sort after the first frame: not
    // measured nor drawn thousands at a time for the sort to leave most of them out.
    if (added && callbacks.current.large) {
      cy.batch(() => {
        for (const element of diff.add) {
          if (element.group === 'nodes') cy.getElementById(element.data.id).addClass('label-hidden');
        }
      });
    }
    // New nodes (and new groups) take the labels' size of the zoom.
    sizeLabels(cy, scaleRef.current);
    // New nodes need a place: a first layout from scratch, then incremental ones.
    if (added) runLayout(!wasEmpty.current);
    // Otherwise labels may have changed (shown, hidden, renamed): sort them again.
    else if (diff.remove.length || diff.update.length) refreshLabels();
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

  const lastSelected = useRef<string | null>(null);
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
    if (lastSelected.current === wanted) return;
    lastSelected.current = wanted;
    // The selected node's name comes first, and the node stays in sight.
    sortLabels(cy);
    keepInView(cy, selectedId());
    // Again once the details panel has been drawn over or beside the canvas.
    const again = window.setTimeout(() => keepInView(cy, selectedId()), 250);
    return () => window.clearTimeout(again);
  }, [props.selection, props.elements]);

  return (
    <>
      <div ref={container} className="graph-canvas" role="img" aria-label={props.label} tabIndex={0} />
      {tooltip && (
        <div className="canvas-tooltip" role="tooltip" style={{ left: tooltip.x, top: tooltip.y }}>
          {tooltip.text}
        </div>
      )}
    </>
  );
}
