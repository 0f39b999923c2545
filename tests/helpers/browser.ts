import { existsSync } from 'node:fs';
import type cytoscape from 'cytoscape';
import { chromium, type Browser } from 'playwright-core';

declare global {
  interface Window {
    /** The page's cytoscape instance (client/features/canvas/GraphCanvas.tsx). */
    __atlasCy?: cytoscape.Core;
    /** Draws a synthetic graph, on pages opened with `?bench` (client/features/bench/BenchHooks.tsx). */
    __atlasLoadSynthetic?: (nodes: number, edges: number) => void;
  }
}

/** The system Chromium (Debian's package); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One headless Chromium for a test file: no downloads of a browser of its own, no
 * network beyond the app. A missing Chromium fails the tests rather than skipping them.
 */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
