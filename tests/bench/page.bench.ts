/**
 * The page's figures, in headless Chromium against the production build
 * (dist/client: run `npx vite build` first) served by the bench's own app with
 * the full dataset. Times are taken inside the page with performance.now().
 *
 * Rendering is cytoscape's canvas renderer, as users get it: the browser runs
 * with --disable-gpu, so canvas drawing is done in software, a worst case
 * (cytoscape's WebGL mode would only pay off on a real GPU, which a headless
 * bench machine does not have).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import type { BenchResult, BenchSuite } from './harness.js';

const DIST = 'dist/client';
const VIEWPORT = { width: 1440, height: 900 };
const SYNTHETIC = { nodes: 2000, edges: 5000 };

declare global {
  interface Window {
    /** Set by the init script below: when the search box and the stats were first both there. */
    __benchInteractiveAt?: number;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** `runs` measures after `warmup` unrecorded ones. */
async function repeat(runs: number, warmup: number, measure: () => Promise<number>): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const value = await measure();
    if (i >= warmup) values.push(value);
  }
  return values;
}

/**
 * Runs in the page before its own scripts: notes the first moment the search box
 * and the stats are both there. (No named function inside: tsx would wrap it in
 * a helper the page does not have.)
 */
function watchInteractive() {
  new MutationObserver((_records, observer) => {
    const input = document.querySelector<HTMLInputElement>('.main-search input[role="combobox"]');
    const stats = document.querySelector('.stats summary');
    if (input && !input.disabled && stats?.textContent?.includes('nœuds')) {
      window.__benchInteractiveAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Navigation start → search box usable and stats shown, each time in a fresh context (empty cache). */
async function timeInteractive(browser: Browser, appUrl: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(watchInteractive);
    const page = await context.newPage();
    await page.goto(appUrl, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__benchInteractiveAt, undefined, {
      timeout: 30_000,
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

const waitForNode = (page: Page, id: string) =>
  page.waitForFunction((wanted) => window.__atlasCy?.getElementById(wanted).nonempty() ?? false, id, {
    timeout: 30_000,
  });

/** Double-click on a node of WeJOB's neighbourhood → the first frame drawn with its neighbours. */
async function timeExpand(context: BrowserContext, appUrl: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${appUrl}/?v=n:org:wejob`);
    await waitForNode(page, 'dis:jobeurs-seniors');
    // Let the first layout's animation end.
    await page.waitForTimeout(800);
    const elapsed = await page.evaluate(
      (id) =>
        new Promise<number>((resolve) => {
          const cy = window.__atlasCy!;
          const started = performance.now();
          cy.one('add', () => cy.one('render', () => resolve(performance.now() - started)));
          cy.getElementById(id).emit('dbltap');
        }),
      'dis:jobeurs-seniors',
    );
    await waitForNode(page, 'org:ag2r-la-mondiale');
    return elapsed;
  } finally {
    await page.close();
  }
}

/**
 * A saved query's form → its result drawn: « Lancer » clicked in the page, until
 * the result's graph is there and a frame has been drawn after it.
 */
async function timeSavedQuery(context: BrowserContext, appUrl: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${appUrl}/?ws=analysis`);
    const saved = page.getByRole('region', { name: 'Requêtes enregistrées' });
    const title = "Ce que l'argent d'un financeur atteint";
    await saved.getByRole('button', { name: title }).click({ timeout: 30_000 });
    const form = saved.getByRole('form', { name: title });
    await form.getByLabel('Financeur *').fill('org:region-nouvelle-aquitaine');
    await form.getByLabel('Pas au plus').fill('1');
    return await form.evaluate(
      (element) =>
        new Promise<number>((resolve) => {
          const region = document.querySelector('[aria-label="Requêtes enregistrées"]') ?? document.body;
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (!region.querySelector('[aria-label^="Graphe du résultat"]')) return;
            observer.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
          });
          observer.observe(region, { childList: true, subtree: true, attributes: true });
          [...element.querySelectorAll('button')].find((button) => button.textContent === 'Lancer')!.click();
        }),
    );
  } finally {
    await page.close();
  }
}

interface SyntheticTiming {
  /** Until the elements are in cytoscape (state, model, diff). */
  added: number;
  /** Until the layout stopped. */
  laidOut: number;
  /** Until the first frame drawn after the layout. */
  drawn: number;
}

async function openSyntheticPage(context: BrowserContext, appUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${appUrl}/?bench`);
  await page.waitForFunction(() => Boolean(window.__atlasLoadSynthetic && window.__atlasCy), undefined, {
    timeout: 30_000,
  });
  return page;
}

/** The synthetic graph loaded as if the API had sent it → laid out (fCoSE, draft above 1000 nodes) and drawn. */
async function drawSynthetic(page: Page): Promise<SyntheticTiming> {
  return page.evaluate(
    ({ nodes, edges }) =>
      new Promise<SyntheticTiming>((resolve) => {
        const cy = window.__atlasCy!;
        const started = performance.now();
        let added = 0;
        cy.one('add', () => (added = performance.now() - started));
        cy.one('layoutstop', () => {
          const laidOut = performance.now() - started;
          cy.one('render', () => resolve({ added, laidOut, drawn: performance.now() - started }));
        });
        window.__atlasLoadSynthetic!(nodes, edges);
      }),
    SYNTHETIC,
  );
}

/**
 * Step `i` of a gesture made through the API (zooming in about ×3, then out,
 * panning in between) → the next frame drawn. Every step reaches a new
 * viewport, as a gesture does, and the zoom crosses cytoscape's texture levels
 * (powers of two), so that frames drawn from cached layers and frames drawn
 * afresh are both counted.
 */
function timeViewportFrame(page: Page, i: number): Promise<number> {
  return page.evaluate(
    ({ i, zoomingIn }) =>
      new Promise<number>((resolve) => {
        const cy = window.__atlasCy!;
        const centre = { x: cy.width() / 2, y: cy.height() / 2 };
        const started = performance.now();
        cy.one('render', () => resolve(performance.now() - started));
        if (i % 2 === 0)
          cy.zoom({ level: cy.zoom() * (zoomingIn ? 1.2 : 1 / 1.22), renderedPosition: centre });
        else cy.panBy({ x: 30, y: i % 4 === 1 ? -20 : 20 });
      }),
    { i, zoomingIn: i < 12 },
  );
}

/** Step `i` of a mouse-wheel zoom (in, then out) → the next frame drawn: what a user's gesture gets. */
function timeWheelFrame(page: Page, i: number): Promise<number> {
  return page.evaluate(
    ({ deltaY }) =>
      new Promise<number>((resolve) => {
        const cy = window.__atlasCy!;
        const box = cy.container()!.getBoundingClientRect();
        const started = performance.now();
        cy.one('render', () => resolve(performance.now() - started));
        cy.container()!.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY,
            clientX: box.left + box.width / 2,
            clientY: box.top + box.height / 2,
            bubbles: true,
            cancelable: true,
          }),
        );
      }),
    { deltaY: i < 12 ? -60 : 70 },
  );
}

/** JavaScript the page loads at start (the entry and what it preloads), and all of it. */
function bundleSizes(): { initial: number; total: number } {
  const assets = join(DIST, 'assets');
  let files: string[];
  try {
    files = readdirSync(assets).filter((name) => name.endsWith('.js'));
  } catch {
    throw new Error(`No ${assets}: run \`npx vite build\` before the page bench.`);
  }
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const gzipped = (name: string) => gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
  const initial = files.filter((name) => html.includes(`/assets/${name}`));
  const sum = (names: string[]) => names.reduce((total, name) => total + gzipped(name), 0) / 1024;
  return { initial: sum(initial), total: sum(files) };
}

/** The figures the page issue asks for: start, expand, a large view and its viewport frames, bundle size. */
export const pageBench: BenchSuite = async ({ appUrl }) => {
  const bundle = bundleSizes();
  const browser = await launchBrowser();
  try {
    const interactive = await repeat(7, 1, () => timeInteractive(browser, appUrl));

    const context = await browser.newContext({ viewport: VIEWPORT });
    const expand = await repeat(7, 2, () => timeExpand(context, appUrl));
    const savedQuery = await repeat(5, 1, () => timeSavedQuery(context, appUrl));

    const synthetic: SyntheticTiming[] = [];
    const frames: number[] = [];
    const wheelFrames: number[] = [];
    for (let run = 0; run < 6; run += 1) {
      const page = await openSyntheticPage(context, appUrl);
      const timing = await drawSynthetic(page);
      if (run > 0) synthetic.push(timing);
      if (run === 1) {
        await page.waitForTimeout(500);
        let step = 0;
        frames.push(...(await repeat(21, 3, () => timeViewportFrame(page, step++))));
        await page.waitForTimeout(500);
        let tick = 0;
        wheelFrames.push(...(await repeat(21, 3, () => timeWheelFrame(page, tick++))));
      }
      await page.close();
    }
    await context.close();

    const drawn = median(synthetic.map((timing) => timing.drawn));
    const results: BenchResult[] = [
      { name: 'page: interactive (search + stats)', value: median(interactive), target: 1500 },
      { name: 'page: expand a node → drawn', value: median(expand), target: 200 },
      {
        name: 'page: saved query form → result drawn (funder reach, 1 hop)',
        value: median(savedQuery),
        target: 500,
      },
      {
        name: `page: ${SYNTHETIC.nodes} nodes, ${SYNTHETIC.edges} edges laid out and drawn`,
        value: drawn,
        target: 3000,
        note: `in cytoscape ${median(synthetic.map((t) => t.added)).toFixed(0)} ms, laid out ${median(synthetic.map((t) => t.laidOut)).toFixed(0)} ms`,
      },
      { name: 'page: pan/zoom frame on that view (cy.zoom/cy.pan)', value: median(frames), target: 100 },
      { name: 'page: mouse-wheel zoom frame on that view', value: median(wheelFrames), target: 100 },
      { name: 'page: JavaScript at start (gzip)', value: bundle.initial, unit: 'KB' },
      { name: 'page: JavaScript in all (gzip)', value: bundle.total, unit: 'KB' },
    ];
    return results;
  } finally {
    await browser.close();
  }
};
