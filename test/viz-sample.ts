/**
 * Graphs the viz tests draw, all made by the real pipeline (`extract()` on
 * article text, `mergeGraphs` for a corpus), and the Chromium the browser
 * test drives. Graphs are built once per test file and copied on each call.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeGraphs } from '../src/corpus/index.js';
import { extract } from '../src/extract.js';
import type { NewsGraph } from '../src/types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SEED_FILE = join(FIXTURES, 'seed', 'canada-election-interference.txt');
/** The two fixture articles merged with the seed into a three-document corpus. */
export const CORPUS_FILES = [
  SEED_FILE,
  join(FIXTURES, 'articles', 'france-no-confidence-budget.txt'),
  join(FIXTURES, 'articles', 'germany-afd-surveillance-vote.txt'),
];

const docId = (file: string) => file.replace(/^.*\//, '').replace(/\.txt$/, '');

/**
 * Plain text with markup in it. Normalization strips what looks like pasted
 * HTML (a `<script>` element, `<p>`…), so this article carries only markup it
 * keeps: quoted tags, `</script>`, `<!--`, entities; the `<script>` travels in
 * the title, which comes from outside the text (JSONL, --title).
 */
export const HOSTILE_ARTICLE = [
  'Officials in Ottawa said on Tuesday that a fake news site had targeted the election campaign.',
  '“Someone posted <img src=x onerror=alert(1)> on the page,” said Jane Doe, a spokeswoman for the Canadian Civil Liberties Association.',
  'Doe said the <svg onload=alert(2)> code was harmless.',
  '“Type </script><b>bold</b> & <!-- into a form and see what happens,” Doe told reporters.',
  'Prime Minister Mark Carney criticized the Canadian Civil Liberties Association for publishing the code.',
].join('\n\n');
export const HOSTILE_TITLE = '</title><script>alert(4)</script>';

/** An article pasted as HTML, `<script>` element included: normalization must drop the script. */
export const HTML_ARTICLE =
  '<p>Officials in Ottawa said on Tuesday that a fake news site had targeted the election campaign.</p>\n' +
  '<script>alert(5)</script>\n' +
  '<p>Prime Minister Mark Carney criticized the Canadian Civil Liberties Association for publishing the code.</p>\n';

const cache = new Map<string, NewsGraph>();
function cached(name: string, make: () => NewsGraph): NewsGraph {
  let graph = cache.get(name);
  if (!graph) cache.set(name, (graph = make()));
  return graph.copy();
}

export const seedGraph = (): NewsGraph =>
  cached('seed', () => extract(readFileSync(SEED_FILE, 'utf8'), { id: docId(SEED_FILE), source: SEED_FILE }));

export const corpusGraph = (): NewsGraph =>
  cached('corpus', () =>
    mergeGraphs(CORPUS_FILES.map((file) => extract(readFileSync(file, 'utf8'), { id: docId(file), source: file }))),
  );

/**
 * Every fixture article and the seed as one corpus, each published on its own
 * day of January 2025 in file-name order (the seed last), so the viewer's
 * date filter has dates to filter by.
 */
export const FIXTURE_SLUGS = [
  ...readdirSync(join(FIXTURES, 'articles'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort(),
  'canada-election-interference',
];
export const publishedOn = (slug: string): string => `2025-01-${String(FIXTURE_SLUGS.indexOf(slug) + 1).padStart(2, '0')}`;

export const fixtureCorpusGraph = (): NewsGraph =>
  cached('fixture-corpus', () =>
    mergeGraphs(
      FIXTURE_SLUGS.map((slug) => {
        const file = slug === 'canada-election-interference' ? SEED_FILE : join(FIXTURES, 'articles', `${slug}.txt`);
        return extract(readFileSync(file, 'utf8'), { id: slug, source: file, published: publishedOn(slug) });
      }),
    ),
  );

export const hostileGraph = (): NewsGraph =>
  cached('hostile', () =>
    mergeGraphs([
      extract(HOSTILE_ARTICLE, { id: 'hostile', title: HOSTILE_TITLE }),
      extract(HTML_ARTICLE, { id: 'pasted-html', title: 'Pasted <script>alert(6)</script> HTML' }),
    ]),
  );

/**
 * Debian's Chromium: $CHROMIUM if set, else /usr/bin/chromium (Debian's
 * package; `.ci/run` installs it), else whatever `chromium` is on PATH.
 * Never a downloaded browser. Throws a one-paragraph fix when none is found.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
  try {
    candidates.push(execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim());
  } catch {
    // not on PATH
  }
  for (const path of candidates) {
    if (!path) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    'The viewer end-to-end test needs Debian\'s Chromium and found none (looked at $CHROMIUM, /usr/bin/chromium, ' +
      '/usr/lib/chromium/chromium and `chromium` on PATH). Install it with `apt-get install -y chromium` ' +
      '(.ci/run does), or set CHROMIUM=/path/to/chromium.',
  );
}
