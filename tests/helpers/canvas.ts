import type cytoscape from 'cytoscape';
import type { Download, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import './browser.js';

declare global {
  interface Window {
    /** Layouts that stopped on the page's canvas since the probe was installed (tests only). */
    __atlasLayoutStops?: number;
    /** The last positions `settle` saw, to tell when the canvas stopped moving (tests only). */
    __atlasLastSnapshot?: string;
  }
}

/** What the canvas holds: real (non-group) nodes, those drawn, the edges drawn, the highlighted path. */
export interface CanvasState {
  nodes: string[];
  visible: string[];
  edges: { id: string; source: string; target: string; type: string }[];
  path: string[];
}

export function canvas(page: Page): Promise<CanvasState> {
  return page.evaluate(() => {
    const cy = window.__atlasCy!;
    const real = cy.nodes().filter((node: cytoscape.NodeSingular) => !node.isParent());
    return {
      nodes: real.map((node: cytoscape.NodeSingular) => node.id()),
      visible: real
        .filter((node: cytoscape.NodeSingular) => !node.hasClass('hidden'))
        .map((node: cytoscape.NodeSingular) => node.id()),
      edges: cy
        .edges()
        .filter((edge: cytoscape.EdgeSingular) => !edge.hasClass('hidden'))
        .map((edge: cytoscape.EdgeSingular) => ({
          id: edge.id(),
          source: edge.source().id(),
          target: edge.target().id(),
          type: edge.data('type') as string,
        })),
      path: cy.elements('.path').map((element: cytoscape.SingularElementArgument) => element.id()),
    };
  });
}

export const hasNode = (page: Page, id: string) =>
  page.waitForFunction((wanted) => window.__atlasCy?.getElementById(wanted).nonempty() ?? false, id, {
    timeout: 15_000,
  });

/** Model positions of the real nodes. */
export function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const cy = window.__atlasCy!;
    const result: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((node) => {
      if (!node.isParent()) result[node.id()] = { ...node.position() };
    });
    return result;
  });
}

/** Counts the layouts that stop from now on (window.__atlasLayoutStops). */
export async function watchLayouts(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__atlasCy), undefined, { timeout: 15_000 });
  await page.evaluate(() => {
    const cy = window.__atlasCy! as cytoscape.Core & { __probe?: boolean };
    if (cy.__probe) return;
    cy.__probe = true;
    window.__atlasLayoutStops = 0;
    cy.on('layoutstop', () => {
      window.__atlasLayoutStops = (window.__atlasLayoutStops ?? 0) + 1;
    });
  });
}

export const layoutStops = (page: Page) => page.evaluate(() => window.__atlasLayoutStops ?? 0);

/**
 * Waits until nothing is loading and the canvas stopped moving: the same
 * positions, viewport and element count at two polls in a row.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__atlasLastSnapshot = undefined;
  });
  await page.waitForFunction(
    () => {
      const cy = window.__atlasCy;
      if (!cy || document.querySelector('.canvas-wrapper .loading')) return false;
      const snapshot = JSON.stringify([
        cy.elements().length,
        cy.zoom(),
        cy.pan(),
        cy.nodes().map((node) => [Math.round(node.position('x')), Math.round(node.position('y'))]),
      ]);
      const same = snapshot === window.__atlasLastSnapshot;
      window.__atlasLastSnapshot = snapshot;
      return same;
    },
    undefined,
    { polling: 250, timeout: 20_000 },
  );
}

/** Runs `action`, then waits for a layout to stop and the canvas to settle. */
export async function afterLayout(page: Page, action: () => Promise<unknown>): Promise<void> {
  await watchLayouts(page);
  const before = await layoutStops(page);
  await action();
  await page.waitForFunction((count) => (window.__atlasLayoutStops ?? 0) > count, before, {
    timeout: 20_000,
  });
  await settle(page);
}

/** A node's position on the page, for mouse events. */
export function renderedPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((wanted) => {
    const cy = window.__atlasCy!;
    const position = cy.getElementById(wanted).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + position.x, y: box.top + position.y };
  }, id);
}

/** Clicks a button and returns the file the page downloads as a result. */
export async function download(
  page: Page,
  click: () => Promise<unknown>,
): Promise<{ name: string; data: Buffer }> {
  const [event] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, unknown];
  return { name: event.suggestedFilename(), data: await readFile((await event.path())!) };
}
