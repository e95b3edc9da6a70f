/**
 * End to end: the generated viewer in Debian's headless Chromium (never a
 * downloaded browser). It must draw the graph, open a node's panel on click,
 * search, filter by kind, fetch nothing, and never run article markup.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsGraph } from '../src/types.js';
import { toHtml } from '../src/viz/html.js';
import { sampleGraph } from './viz-sample.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-output');
const CHROMIUM = '/usr/bin/chromium';

let browser: Browser;

beforeAll(async () => {
  // Rebuild the bundle so the page tests the browser code as it is now.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-viewer.mjs')], { stdio: 'pipe' });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
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

async function open(graph: NewsGraph, name: string): Promise<Opened> {
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, toHtml(graph));
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
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => window.__newsgraph?.ready === true || window.__newsgraph?.error !== undefined);
  const error = await page.evaluate(() => window.__newsgraph?.error);
  expect(error).toBeUndefined();
  return opened;
}

/** Pixels of the graph area that are not background, counted from a screenshot decoded in a blank page. */
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

async function clickNode(page: Page, key: string): Promise<void> {
  const point = await page.evaluate((k) => window.__newsgraph!.nodeViewport(k), key);
  const box = (await page.locator('#graph').boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

describe('HTML viewer in headless Chromium', () => {
  it('draws the graph, shows a speaker’s quotes on click, searches and filters, offline', async () => {
    const graph = sampleGraph();
    const { page, network, dialogs, errors } = await open(graph, 'viewer-seed');
    const hook = () => page.evaluate(() => window.__newsgraph!.visibleNodes());

    // Drawn: every entity (quotes and the document start hidden), in kind colours.
    const entities = graph.filterNodes((_k, a) => a.kind !== 'Quote' && a.kind !== 'Document').sort();
    expect((await hook()).sort()).toEqual(entities);
    const pixels = await inkPixels(page);
    expect(pixels.ink).toBeGreaterThan(2000);
    expect(pixels.orange).toBeGreaterThan(100);

    // Labels: all shown, none overlapping.
    const boxes = await page.evaluate(() => window.__newsgraph!.labelBoxes());
    expect(boxes.map((b) => b.key).sort()).toEqual(entities);
    const overlapping = boxes.flatMap((a, i) =>
      boxes.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).map((b) => `${a.label} × ${b.label}`),
    );
    expect(overlapping).toEqual([]);
    await page.screenshot({ path: join(OUT, 'viewer-seed.png') });

    // Hover highlights neighbours only.
    const musk = await page.evaluate(() => window.__newsgraph!.nodeViewport('Person:Elon Musk'));
    const area = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(area.x + musk.x, area.y + musk.y);
    await page.waitForFunction(() => window.__newsgraph!.nodeState('Person:Elon Musk').isHovered);
    const state = (key: string) => page.evaluate((k) => window.__newsgraph!.nodeState(k), key);
    expect((await state('Person:Pierre Poilievre')).isActive).toBe(true);
    expect((await state('State:China')).isActive).toBe(false);

    // Click: the panel lists his quotes with the speaker and the source sentence.
    await clickNode(page, 'Person:Elon Musk');
    const panel = page.locator('#panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    const text = await panel.innerText();
    expect(text).toContain('Elon Musk');
    expect(text).toContain('“an insufferable tool.”');
    expect(text).toContain('reposted a tweet in which he had called Trudeau');
    expect(text).toMatch(/Quoted about \(2\)/i);
    expect(text).toContain('Laurie-Anne Kempton');

    // Search by alias, pick the result.
    await page.fill('#search', 'csis');
    await expect.poll(() => page.locator('#search-results button').allInnerTexts()).toEqual(['Canadian Security Intelligence Service']);
    expect((await state('Agency:Canadian Security Intelligence Service')).isHighlighted).toBe(true);
    await page.press('#search', 'Enter');
    await expect.poll(() => page.locator('#panel h2').innerText()).toBe('Canadian Security Intelligence Service');

    // Kind filters: hide states; show quotes (their folded edges give way to SAID/ABOUT).
    await page.locator('#filters input[data-kind="State"]').uncheck();
    await expect.poll(hook).not.toContain('State:Canada');
    await page.locator('#filters input[data-kind="Quote"]').check();
    await expect.poll(async () => (await hook()).filter((k) => k.startsWith('Quote:'))).toHaveLength(4);
    expect(await page.evaluate(() => window.__newsgraph!.edgeHidden('SAID_ABOUT:Person:Elon Musk->Person:Justin Trudeau'))).toBe(true);
    await page.locator('#filters input[data-kind="State"]').check();
    await page.mouse.move(area.x + 5, area.y + 5);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'viewer-seed-interactions.png') });

    expect(network).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows article markup as text and never runs it', async () => {
    const { page, network, dialogs, errors } = await open(sampleGraph({ hostile: true }), 'viewer-hostile');
    const evil = 'Person:<img src=x onerror=alert(1)>';
    expect(await page.title()).toBe('</title><script>alert(1)</script> — newsgraph');
    await clickNode(page, evil);
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    const text = await page.locator('#panel').innerText();
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<script>alert(1)</script> and </script><script>alert(2)</script>');
    expect(text).toContain('<i onmouseover=alert(3)>hates</i>');
    await page.locator('#filters input[data-kind="Quote"]').check();
    await page.locator('#filters input[data-kind="Document"]').check();
    await page.fill('#search', '<b>');
    await expect.poll(() => page.locator('#search-results button').allInnerTexts()).toEqual(['<img src=x onerror=alert(1)>']);
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      italics: document.querySelectorAll('i, b').length,
    }));
    expect(injected).toEqual({ images: 0, scripts: 2, italics: 0 });
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
