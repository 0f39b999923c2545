import type { Page } from 'playwright-core';
import './browser.js';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A name drawn on the canvas: its node, text, cytoscape's own label box, and its size on screen. */
export interface DrawnLabel {
  id: string;
  text: string;
  full: string;
  box: Box;
  screenSize: number;
}

/**
 * The labels the canvas draws: visible nodes whose label style is not empty and
 * not transparent, with cytoscape's bounding box of the label alone.
 */
export function drawnLabels(page: Page): Promise<DrawnLabel[]> {
  return page.evaluate(() => {
    const cy = window.__atlasCy!;
    return cy
      .nodes()
      .filter(
        (node) =>
          node.visible() &&
          node.style('label') !== '' &&
          Number(node.style('text-opacity')) > 0 &&
          Number(node.style('opacity')) > 0,
      )
      .map((node) => {
        const box = node.boundingBox({
          includeNodes: false,
          includeEdges: false,
          includeLabels: true,
          includeMainLabels: true,
          includeSourceLabels: false,
          includeTargetLabels: false,
          includeOverlays: false,
        });
        return {
          id: node.id(),
          text: node.style('label') as string,
          full: node.data('label') as string,
          box: { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 },
          screenSize: parseFloat(node.style('font-size') as string) * cy.zoom(),
        };
      });
  });
}

const meet = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Pairs of drawn labels whose boxes intersect. */
export function overlappingLabels(labels: readonly DrawnLabel[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < labels.length; i += 1)
    for (let j = i + 1; j < labels.length; j += 1)
      if (meet(labels[i]!.box, labels[j]!.box)) pairs.push([labels[i]!.id, labels[j]!.id]);
  return pairs;
}
