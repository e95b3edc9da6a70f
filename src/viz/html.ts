/**
 * The self-contained HTML viewer: one file holding the page, its styles, the
 * bundled viewer script (sigma + graphology + src/viz/browser) and the graph
 * data. Nothing is fetched: a Content-Security-Policy forbids every network
 * request and allows only this page's own script (by hash), so even a
 * crafted article cannot run code in it. Article strings travel only as JSON
 * data and are rendered with textContent.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsgraphError, type NewsGraph } from '../types.js';
import type { LayoutOptions } from './layout.js';
import type { ViewerPayload } from './payload.js';
import { buildViewerPayload } from './viewer-data.js';

/** Where `npm run build` (scripts/build-viewer.mjs) puts the browser bundle, relative to the package root. */
export const VIEWER_BUNDLE = join('dist', 'viewer', 'viewer.js');

let cachedBundle: { path: string; code: string } | undefined;

/** The package root: the nearest folder above this module holding newsgraph's package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && /"name"\s*:\s*"newsgraph"/.test(readFileSync(manifest, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new NewsgraphError('cannot find the newsgraph package folder to load the viewer bundle');
    dir = parent;
  }
}

/** The minified viewer bundle, read once per process. */
export function viewerBundle(): string {
  const path = join(packageRoot(), VIEWER_BUNDLE);
  if (cachedBundle?.path === path) return cachedBundle.code;
  if (!existsSync(path)) {
    throw new NewsgraphError(`the viewer bundle ${VIEWER_BUNDLE} is missing: run \`npm run build\``);
  }
  const code = readFileSync(path, 'utf8');
  cachedBundle = { path, code };
  return code;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside a `<script type="application/json">` element:
 * no `<` (so no `</script>` or `<!--`), `>` or `&`, and no line separators.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A script body that cannot close or comment out its own element. */
function assertInlineSafe(code: string): string {
  if (/<\/script|<!--|<script/i.test(code)) {
    throw new NewsgraphError('the viewer bundle contains "</script", "<script" or "<!--" and cannot be inlined');
  }
  return code;
}

const STYLES = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#fff}
#app{display:flex;height:100vh;width:100vw}
#stage{position:relative;flex:1 1 auto;min-width:0}
#graph{position:absolute;inset:0}
#graph-error{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;padding:2em;text-align:center;color:#8a1c1c}
#sidebar{flex:0 0 360px;border-left:1px solid #ddd;overflow-y:auto;padding:12px 14px;background:#fafafa}
h1{font-size:16px;margin:0 0 10px}
h2{font-size:17px;margin:4px 0 2px}
h3{font-size:13px;margin:14px 0 4px;text-transform:uppercase;letter-spacing:.04em;color:#555}
#search{width:100%;padding:6px 8px;font:inherit;border:1px solid #bbb;border-radius:4px}
#search-results{margin:4px 0 0;padding:0;list-style:none}
#search-results button{all:unset;cursor:pointer;display:block;padding:2px 4px;border-radius:3px}
#search-results button:hover,#search-results button:focus{background:#e8eef6}
fieldset{border:1px solid #ddd;border-radius:4px;margin:10px 0;padding:6px 10px}
legend{font-size:12px;color:#555;padding:0 4px}
.kind-filter{display:flex;align-items:center;gap:6px;margin:2px 0;cursor:pointer}
.swatch{display:inline-block;width:11px;height:11px;border-radius:50%;flex:0 0 auto}
.count{color:#777;font-size:12px}
#panel{border-top:1px solid #ddd;margin-top:10px;padding-top:6px}
.kind-badge{display:inline-flex;align-items:center;gap:5px;font-size:12px;color:#444}
.aliases{color:#555;font-size:13px}
ul.items{margin:0;padding-left:18px}
ul.items li{margin:4px 0}
blockquote{margin:2px 0;padding:0 0 0 8px;border-left:3px solid #ccc}
.source{color:#666;font-size:12px;margin-top:2px}
.who{font-size:13px}
.link{all:unset;cursor:pointer;color:#0b5cad;text-decoration:underline}
.link:focus{outline:2px solid #0b5cad}
.muted{color:#777}
#hint{color:#666;font-size:12px}
.line{display:inline-block;width:16px;height:3px;border-radius:2px;flex:0 0 auto}
#community-list{margin:0;padding:0;list-style:none}
#community-list button{all:unset;cursor:pointer;display:flex;align-items:center;gap:6px;padding:1px 2px;font-size:13px}
#community-list button:hover,#community-list button:focus{background:#e8eef6}
#dates label{display:flex;align-items:center;justify-content:space-between;gap:6px;margin:2px 0;font-size:13px}
.choice{display:inline-flex;align-items:center;gap:4px;margin-right:12px;cursor:pointer}
`;

/** The whole page for a payload. */
export function renderViewerHtml(payload: ViewerPayload, bundle: string = viewerBundle()): string {
  const script = assertInlineSafe(bundle);
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "font-src 'none'",
    "connect-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph">
<title>${escapeHtml(payload.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<div id="app">
<main id="stage" aria-label="Graph"><div id="graph"></div></main>
<aside id="sidebar">
<h1 id="title">${escapeHtml(payload.title)}</h1>
<label for="search" class="muted">Find an entity</label>
<input id="search" type="search" autocomplete="off" placeholder="Name or alias…">
<ul id="search-results" aria-live="polite"></ul>
<fieldset id="filters"><legend>Kinds shown</legend></fieldset>
<fieldset id="relations"><legend>Relations</legend></fieldset>
<fieldset id="color-by"><legend>Colour nodes by</legend>
<label class="choice"><input type="radio" name="color-by" value="kind">kind</label>
<label class="choice"><input type="radio" name="color-by" value="community">community</label>
</fieldset>
<fieldset id="communities" hidden><legend>Communities (click to highlight)</legend><ol id="community-list"></ol></fieldset>
<fieldset id="dates" hidden><legend>Published</legend>
<label>from <input id="date-from" type="date"></label>
<label>to <input id="date-to" type="date"></label>
</fieldset>
<p id="hint">Hover a node to highlight its neighbours; click it for its roles, quotes and relations.</p>
<section id="panel" hidden aria-live="polite"></section>
</aside>
</div>
<script type="application/json" id="newsgraph-data">${scriptSafeJson(payload)}</script>
<script>${script}</script>
</body>
</html>
`;
}

export interface HtmlOptions extends LayoutOptions {
  title?: string;
}

/** Lay the graph out and write it as a self-contained HTML page. */
export function toHtml(graph: NewsGraph, options: HtmlOptions = {}): string {
  return renderViewerHtml(buildViewerPayload(graph, options));
}
