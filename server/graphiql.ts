import { createRequire } from 'node:module';
import path from 'node:path';
import type { GraphiQLOptions } from 'graphql-yoga';

/** Where the app serves GraphiQL's own files: nothing is fetched from a CDN, so it works offline. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql/assets';
export const GRAPHIQL_BOOT_PATH = '/graphiql/boot.js';

/** The dist folder of @graphql-yoga/graphiql, the build yoga's default page loads from unpkg. */
export const GRAPHIQL_DIST = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')),
  'dist',
);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Sets up Monaco's workers from the app, then loads and renders GraphiQL with
 * the options the page carries: an external script, so the CSP needs no inline code.
 */
export const GRAPHIQL_BOOT_SCRIPT = /* js */ `
const assets = ${JSON.stringify(GRAPHIQL_ASSETS_PATH)};
const workers = {
  editorWorkerService: assets + '/monacoeditorwork/editor.worker.bundle.js',
  json: assets + '/monacoeditorwork/json.worker.bundle.js',
  graphql: assets + '/monacoeditorwork/graphql.worker..bundle.js',
};
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_id, label) => workers[label] || workers.editorWorkerService,
};
const root = document.getElementById('root');
const script = document.createElement('script');
script.src = assets + '/yoga-graphiql.umd.js';
script.onload = () => YogaGraphiQL.renderYogaGraphiQL(root, JSON.parse(root.dataset.options));
document.head.append(script);
`;

/** yoga's `renderGraphiQL`: the same GraphiQL as yoga's default page, from local files. */
export function renderGraphiQL(options: GraphiQLOptions): string {
  const title = escapeHtml(options.title ?? 'GraphiQL');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<div id="root" data-options="${escapeHtml(JSON.stringify(options))}">Chargement de ${title}…</div>
<script src="${GRAPHIQL_BOOT_PATH}"></script>
</body>
</html>`;
}
