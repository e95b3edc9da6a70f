/**
 * End to end: viewers generated from real articles, opened from disk
 * (file://) in Debian's headless Chromium (never a downloaded browser). The
 * page must draw the graph with no overlapping labels, highlight a hovered
 * node's neighbours, open a node's panel on click, search, filter by kind,
 * fold and unfold quotes, fetch nothing, and never run article markup.
 * Pages and screenshots land in test-output/viz-browser/ (gitignored).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsGraph } from '../src/types.js';
import { toHtml, type HtmlOptions } from '../src/viz/html.js';
import { corpusGraph, findChromium, fixtureCorpusGraph, HOSTILE_TITLE, hostileGraph, publishedOn, seedGraph } from './viz-sample.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-output', 'viz-browser');

let browser: Browser;

beforeAll(async () => {
  // Rebuild the bundle so the page tests the browser code as it is now.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-viewer.mjs')], { stdio: 'pipe' });
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  /** Requests to anything but the page file itself and data:/blob: URLs. */
  network: string[];
  dialogs: string[];
  errors: string[];
}

async function open(graph: NewsGraph, name: string, options: HtmlOptions = {}): Promise<Opened> {
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, toHtml(graph, options));
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const opened: Opened = { page, network: [], dialogs: [], errors: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && url !== pathToFileURL(file).href) opened.network.push(url);
  });
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  page.on('console', (message) => {
    // A CSP violation (blocked script, blocked fetch) is reported on the console.
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => window.__newsgraph?.ready === true || window.__newsgraph?.error !== undefined);
  const error = await page.evaluate(() => window.__newsgraph?.error);
  expect(error).toBeUndefined();
  return opened;
}

/** The page fetched nothing, opened no dialog (no injected alert ran) and logged no error (no CSP violation). */
async function closeClean({ page, network, dialogs, errors }: Opened): Promise<void> {
  expect(network).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}

/** Pixels of the graph area that are not background, and Person-orange ones, counted from a screenshot decoded in a blank page. */
async function inkPixels(page: Page): Promise<{ ink: number; orange: number; total: number }> {
  const png = await page.locator('#graph').screenshot();
  const blank = await browser.newPage();
  try {
    return await blank.evaluate(async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, image.width, image.height);
      let ink = 0;
      let orange = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (r < 235 || g < 235 || b < 235) ink++;
        // Person nodes: #d55e00.
        if (Math.abs(r - 0xd5) < 20 && Math.abs(g - 0x5e) < 20 && b < 30) orange++;
      }
      return { ink, orange, total: data.length / 4 };
    }, `data:image/png;base64,${png.toString('base64')}`);
  } finally {
    await blank.close();
  }
}

const visibleNodes = (page: Page) => page.evaluate(() => window.__newsgraph!.visibleNodes());
const nodeState = (page: Page, key: string) => page.evaluate((k) => window.__newsgraph!.nodeState(k), key);

/** Labels drawn on the canvas, as boxes measured with the page's own font, that overlap another. */
async function overlappingLabels(page: Page): Promise<{ labelled: string[]; overlapping: string[] }> {
  const boxes = await page.evaluate(() => window.__newsgraph!.labelBoxes());
  const overlapping = boxes.flatMap((a, i) =>
    boxes.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).map((b) => `${a.label} × ${b.label}`),
  );
  return { labelled: boxes.map((b) => b.key).sort(), overlapping };
}

async function pointAt(page: Page, key: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((k) => window.__newsgraph!.nodeViewport(k), key);
  const box = (await page.locator('#graph').boundingBox())!;
  return { x: box.x + point.x, y: box.y + point.y };
}

async function clickNode(page: Page, key: string): Promise<void> {
  const { x, y } = await pointAt(page, key);
  await page.mouse.click(x, y);
}

const entityKeys = (graph: NewsGraph) => graph.filterNodes((_k, a) => a.kind !== 'Quote' && a.kind !== 'Document').sort();

describe('HTML viewer in headless Chromium', () => {
  it('seed article: draws every entity with its label, hover, click panel, search, filters, quote toggle, offline', async () => {
    const graph = seedGraph();
    const opened = await open(graph, 'seed');
    const { page } = opened;
    const entities = entityKeys(graph);

    // Drawn: every entity (quotes folded, the document hidden), in kind colours.
    expect((await visibleNodes(page)).sort()).toEqual(entities);
    const pixels = await inkPixels(page);
    expect(pixels.ink).toBeGreaterThan(3000);
    expect(pixels.orange).toBeGreaterThan(100);

    // Labels: every entity labelled, no two overlapping, measured in the browser.
    const labels = await overlappingLabels(page);
    expect(labels.labelled).toEqual(entities);
    expect(labels.overlapping).toEqual([]);
    expect(await page.evaluate(() => window.__newsgraph!.fontSize())).toBeGreaterThanOrEqual(9);
    await page.screenshot({ path: join(OUT, 'seed.png') });

    // Legend: one checkbox per kind, with its colour.
    expect(await page.locator('#filters input').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual([
      'Person',
      'Agency',
      'State',
      'Party',
      'Organization',
      'Quote',
      'Document',
    ]);

    // Hover highlights Musk's neighbours only.
    const musk = await pointAt(page, 'Person:Elon Musk');
    await page.mouse.move(musk.x, musk.y);
    await page.waitForFunction(() => window.__newsgraph!.nodeState('Person:Elon Musk').isHovered);
    expect((await nodeState(page, 'Person:Pierre Poilievre')).isActive).toBe(true);
    expect((await nodeState(page, 'Person:Laurie-Anne Kempton')).isActive).toBe(true); // she spoke about him (folded quote)
    expect((await nodeState(page, 'State:Pakistan')).isActive).toBe(false);

    // Click: the panel shows kind, aliases, roles, his quotes with speaker and source sentence, relations.
    await clickNode(page, 'Person:Elon Musk');
    const panel = page.locator('#panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const text = await panel.innerText();
    expect(await page.locator('#panel h2').innerText()).toBe('Elon Musk');
    expect(text).toMatch(/^Person · \d+ mentions/);
    expect(text).toContain('Also: Musk');
    expect(text).toMatch(/Roles \(\d+\)\s+[^]*senior advisor to Trump/i);
    expect(text).toContain('Trudeau “an insufferable tool.”\n— Elon Musk (called)');
    expect(text).toContain('reposted a tweet from December 2024 in which he had called Trudeau');
    expect(text).toMatch(/Quoted about \(\d+\)/i);
    expect(text).toContain('Laurie-Anne Kempton');
    expect(text).toMatch(/Relations \(\d+\)/i);
    expect(text).toContain('supports Pierre Poilievre');
    expect(text).toContain('opposes Justin Trudeau');
    // Links in the panel move to the other node.
    await panel.getByRole('button', { name: 'Pierre Poilievre' }).first().click();
    await expect.poll(() => page.locator('#panel h2').innerText()).toBe('Pierre Poilievre');

    // Two nodes clicked in quick succession (inside sigma's double-click window): the second is
    // selected, and the view does not zoom.
    const zoom = () => page.evaluate(() => (window.__newsgraph!.renderer as { getCamera(): { ratio: number } }).getCamera().ratio);
    await page.waitForTimeout(500); // the panel link's camera move ends
    // Back to the whole graph, so both nodes are on screen wherever the layout put them.
    await page.evaluate(() => (window.__newsgraph!.renderer as { getCamera(): { setState(s: object): void } }).getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
    await page.waitForTimeout(100);
    const before = await zoom();
    const [first, second] = [await pointAt(page, 'Person:Elon Musk'), await pointAt(page, 'Person:Justin Trudeau')];
    await page.mouse.click(first.x, first.y);
    await page.mouse.click(second.x, second.y);
    await expect.poll(() => page.locator('#panel h2').innerText()).toBe('Justin Trudeau');
    await page.waitForTimeout(400);
    expect(await zoom()).toBe(before);

    // Search by surname, pick the result with Enter.
    await page.fill('#search', 'galzada');
    await expect.poll(() => page.locator('#search-results button').allInnerTexts()).toEqual(['Larisa Galzada']);
    expect((await nodeState(page, 'Person:Larisa Galzada')).isHighlighted).toBe(true);
    await page.press('#search', 'Enter');
    await expect.poll(() => page.locator('#panel h2').innerText()).toBe('Larisa Galzada');
    expect(await panel.innerText()).toContain('director-general');
    await page.fill('#search', 'no such entity');
    await expect.poll(() => page.locator('#search-results').innerText()).toBe('No match');
    await page.fill('#search', '');

    // Kind filter: hide states.
    await page.locator('#filters input[data-kind="State"]').uncheck();
    await expect.poll(() => visibleNodes(page)).not.toContain('State:Canada');
    expect((await visibleNodes(page)).filter((k) => k.startsWith('State:'))).toEqual([]);
    await page.locator('#filters input[data-kind="State"]').check();
    await expect.poll(() => visibleNodes(page)).toContain('State:Canada');

    // Quote toggle: quotes unfold into nodes, and their folded speaker → topic edges give way to SAID/ABOUT.
    const folded = 'SAID_ABOUT:Person:Laurie-Anne Kempton->Person:Elon Musk';
    const quotes = graph.filterNodes((_k, a) => a.kind === 'Quote');
    expect(await page.evaluate((k) => window.__newsgraph!.edgeHidden(k), folded)).toBe(false);
    await page.locator('#filters input[data-kind="Quote"]').check();
    await expect.poll(async () => (await visibleNodes(page)).filter((k) => k.startsWith('Quote:')).length).toBe(quotes.length);
    expect(await page.evaluate((k) => window.__newsgraph!.edgeHidden(k), folded)).toBe(true);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'seed-quotes-shown.png') });
    await page.locator('#filters input[data-kind="Quote"]').uncheck();
    await expect.poll(async () => (await visibleNodes(page)).filter((k) => k.startsWith('Quote:')).length).toBe(0);
    expect(await page.evaluate((k) => window.__newsgraph!.edgeHidden(k), folded)).toBe(false);

    await closeClean(opened);
  });

  it('corpus of three articles: documents toggle on as a labelled row, labels stay apart, documents open a panel', async () => {
    const graph = corpusGraph();
    const opened = await open(graph, 'corpus');
    const { page } = opened;
    expect(await page.title()).toBe('newsgraph viewer');
    const entities = entityKeys(graph);
    expect((await visibleNodes(page)).sort()).toEqual(entities);
    let labels = await overlappingLabels(page);
    expect(labels.overlapping).toEqual([]);
    // A larger graph in the same window: sigma may leave labels out rather than overlap them, but most are shown.
    expect(labels.labelled.length).toBeGreaterThan(entities.length * 0.8);
    await page.screenshot({ path: join(OUT, 'corpus.png') });

    await page.locator('#filters input[data-kind="Document"]').check();
    const documents = graph.filterNodes((_k, a) => a.kind === 'Document').sort();
    expect(documents).toHaveLength(3);
    await expect.poll(async () => (await visibleNodes(page)).filter((k) => k.startsWith('Document:')).sort()).toEqual(documents);
    labels = await overlappingLabels(page);
    expect(labels.overlapping).toEqual([]);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'corpus-documents.png') });

    await clickNode(page, 'Document:france-no-confidence-budget');
    const france = graph.getNodeAttribute('Document:france-no-confidence-budget', 'name' as never) as string;
    expect(france).toMatch(/no-confidence/);
    await expect.poll(() => page.locator('#panel h2').innerText()).toBe(france);
    expect(await page.locator('#panel').innerText()).toMatch(/Words: \d+/);

    // Entities of each article still open with their own quotes.
    await clickNode(page, 'Person:Elon Musk');
    await expect.poll(() => page.locator('#panel').innerText()).toContain('“an insufferable tool.”');

    await closeClean(opened);
  });

  it('corpus of 27 articles: communities coloured and grouped, a relation legend, a date filter, central labels until zoomed', async () => {
    const graph = fixtureCorpusGraph();
    const opened = await open(graph, 'fixture-corpus');
    const { page } = opened;
    type Shown = { community?: number; rank: number; docs: number[]; kind: string };
    const attrs = (key: string) => page.evaluate((k) => window.__newsgraph!.graph.getNodeAttributes(k) as unknown as Shown, key);
    const color = (key: string) => page.evaluate((k) => window.__newsgraph!.nodeColor(k), key);

    // A corpus opens coloured by community, the legend listing the largest; Australia's Senate and Prime Minister
    // share one, the Philippines' Senate is in another.
    expect(await page.locator('input[name="color-by"][value="community"]').isChecked()).toBe(true);
    expect(await page.locator('#community-list button').count()).toBeGreaterThanOrEqual(5);
    const [senateAu, albanese, senatePh] = await Promise.all(['Agency:Senate (Australia)', 'Person:Anthony Albanese', 'Agency:Senate (Philippines)'].map(attrs));
    expect(senateAu!.community).toBe(albanese!.community);
    expect(senatePh!.community).not.toBe(senateAu!.community);
    expect(await color('Agency:Senate (Australia)')).toBe(await color('Person:Anthony Albanese'));
    expect(await color('Agency:Senate (Australia)')).not.toBe(await color('Agency:Senate (Philippines)'));
    // Grouped: a community's members are drawn nearer each other than to the rest.
    const mean = await page.evaluate(() => {
      const g = window.__newsgraph!.graph;
      let inside = 0, nIn = 0, across = 0, nAcross = 0;
      const nodes = g.filterNodes((_k, a) => a.kind !== 'Document' && a.kind !== 'Quote' && (a as unknown as { community?: number }).community !== undefined);
      for (let i = 0; i < nodes.length; i += 3) for (let j = i + 1; j < nodes.length; j += 7) {
        const a = g.getNodeAttributes(nodes[i]!) as unknown as { x: number; y: number; community: number };
        const b = g.getNodeAttributes(nodes[j]!) as unknown as { x: number; y: number; community: number };
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        if (a.community === b.community) { inside += d; nIn++; } else { across += d; nAcross++; }
      }
      return { inside: inside / nIn, across: across / nAcross };
    });
    expect(mean.inside).toBeLessThan(mean.across * 0.8);
    await page.screenshot({ path: join(OUT, 'fixture-corpus.png') });
    // By kind, as a single article opens.
    await page.locator('input[name="color-by"][value="kind"]').check();
    await expect.poll(() => color('Agency:Senate (Australia)')).toBe('#0072b2');
    expect(await page.locator('#communities').isHidden()).toBe(true);

    // Labels: only the most central nodes, more when zoomed in.
    const budget = await page.evaluate(() => window.__newsgraph!.labelBudget());
    expect(budget).toBeLessThan(100);
    const labelled = (await overlappingLabels(page)).labelled;
    expect(labelled.length).toBeGreaterThan(5);
    for (const key of labelled) expect(await page.evaluate((k) => window.__newsgraph!.shownRank(k), key), key).toBeLessThan(budget);
    await page.evaluate(() => (window.__newsgraph!.renderer as { getCamera(): { setState(s: { ratio: number }): void } }).getCamera().setState({ ratio: 0.25 }));
    await expect.poll(() => page.evaluate(() => window.__newsgraph!.labelBudget())).toBe(budget * 16);
    await page.evaluate(() => (window.__newsgraph!.renderer as { getCamera(): { setState(s: { ratio: number }): void } }).getCamera().setState({ ratio: 1 }));

    // The relation legend: the typed relations with their colours and counts; a type can be hidden.
    const types = await page.locator('#relations input').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).dataset.type));
    expect(types.slice(0, 5)).toEqual(['SUPPORTS', 'OPPOSES', 'TARGETED', 'MEMBER_OF', 'HOLDS_ROLE']);
    const opposes = graph.filterEdges((_e, a) => a.type === 'OPPOSES');
    expect(opposes.length).toBeGreaterThan(0);
    await page.locator('#relations input[data-type="OPPOSES"]').uncheck();
    for (const edge of opposes) expect(await page.evaluate((k) => window.__newsgraph!.edgeHidden(k), edge)).toBe(true);
    await page.locator('#relations input[data-type="OPPOSES"]').check();
    expect(await page.evaluate((k) => window.__newsgraph!.edgeHidden(k), opposes[0]!)).toBe(false);

    // The date filter: the two Australian articles' days leave only what they name.
    expect(await page.locator('#dates').isVisible()).toBe(true);
    const [first, second] = [publishedOn('australia-nature-laws-deal'), publishedOn('australia-senate-housing-bill')].sort();
    await page.fill('#date-from', first!);
    await page.fill('#date-to', second!);
    await expect.poll(() => visibleNodes(page)).not.toContain('Agency:Senate (Philippines)');
    const shown = await visibleNodes(page);
    expect(shown).toContain('Agency:Senate (Australia)');
    const australian = new Set(['australia-nature-laws-deal', 'australia-senate-housing-bill']);
    for (const key of shown) {
      const docs = graph.filterOutNeighbors(key, (n) => n.startsWith('Document:')).map((d) => d.slice(9));
      expect(docs.some((d) => australian.has(d)), key).toBe(true);
    }
    // Filtered, the most central of what is left are labelled.
    const left = (await overlappingLabels(page)).labelled;
    // The two most central are labelled, and at least half of the ten most central (sigma's grid drops those that collide).
    const ranked = (await Promise.all(shown.map(async (k) => ({ k, rank: await page.evaluate((kk) => window.__newsgraph!.shownRank(kk), k) }))))
      .sort((a, b) => a.rank - b.rank)
      .map((r) => r.k);
    expect(left).toEqual(expect.arrayContaining(ranked.slice(0, 2)));
    expect(ranked.slice(0, 10).filter((k) => left.includes(k)).length).toBeGreaterThanOrEqual(5);
    for (const key of left) expect(shown).toContain(key);
    await page.screenshot({ path: join(OUT, 'fixture-corpus-australia.png') });
    await closeClean(opened);
  });

  it('shows article markup as text and never runs it', async () => {
    const graph = hostileGraph();
    const opened = await open(graph, 'hostile', { title: HOSTILE_TITLE });
    const { page } = opened;
    expect(await page.title()).toBe(HOSTILE_TITLE);
    expect(await page.locator('#title').innerText()).toBe(HOSTILE_TITLE);
    await clickNode(page, 'Person:Jane Doe');
    await expect.poll(() => page.locator('#panel h2').innerText()).toBe('Jane Doe');
    const text = await page.locator('#panel').innerText();
    expect(text).toContain('“Someone posted <img src=x onerror=alert(1)> on the page');
    expect(text).toContain('the <svg onload=alert(2)> code was harmless');
    expect(text).toContain('Type </script><b>bold</b> & <!-- into a form');
    await page.locator('#filters input[data-kind="Quote"]').check();
    await page.locator('#filters input[data-kind="Document"]').check();
    await clickNode(page, 'Document:pasted-html');
    await expect.poll(() => page.locator('#panel').innerText()).toContain('Title: Pasted <script>alert(6)</script> HTML');
    // Hovering a quote shows its label (drawn on the canvas, never as markup).
    const quote = graph.filterNodes((_k, a) => a.kind === 'Quote')[0]!;
    const at = await pointAt(page, quote);
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(200);
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg').length,
      iframes: document.querySelectorAll('iframe').length,
      scripts: document.querySelectorAll('script').length,
      bold: document.querySelectorAll('b').length,
    }));
    expect(injected).toEqual({ images: 0, svgs: 0, iframes: 0, scripts: 2, bold: 0 });
    await page.screenshot({ path: join(OUT, 'hostile.png') });
    await closeClean(opened);
  });
});
