// Bundle the HTML viewer's browser code (src/viz/browser) with sigma and graphology into one
// minified script, dist/viewer/viewer.js, which src/viz/html.ts inlines into every page it writes.
// Runs after `tsc` in `npm run build` (and so on `npm install`, through `prepare`).
import { build } from 'esbuild';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'viz', 'browser', 'viewer.ts');
const outfile = join(root, 'dist', 'viewer', 'viewer.js');

const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});

const code = result.outputFiles[0].text;
// The bundle is inlined in a <script> element: it must not be able to end or comment out that element.
if (/<\/script|<!--|<script/i.test(code)) {
  throw new Error('viewer bundle contains "</script", "<script" or "<!--"; it cannot be inlined safely');
}

await mkdir(dirname(outfile), { recursive: true });
// Write then rename: a page generated concurrently never reads half a bundle.
const tmp = `${outfile}.${process.pid}.tmp`;
await writeFile(tmp, code);
await rename(tmp, outfile);
console.log(`viewer bundle: ${outfile} (${(code.length / 1024).toFixed(0)} KiB)`);
