/**
 * `newsgraph entities` through the compiled bin: which nodes of a corpus join
 * several articles, with the forms each article used and why they are one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityExplanation } from '../src/identify/explain.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'newsgraph.js');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const ARTICLES = [
  join(FIXTURES, 'seed', 'canada-election-interference.txt'),
  join(FIXTURES, 'corpus', 'musk-afd-rally-brief.txt'),
  ...['australia-nature-laws-deal', 'australia-senate-housing-bill', 'philippines-senate-impeachment-trial', 'us-senate-disaster-aid'].map((slug) =>
    join(FIXTURES, 'articles', `${slug}.txt`),
  ),
];

function newsgraph(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is not built: run `npm run build` first (CI does it in `npm ci`)');
});

describe('newsgraph entities', () => {
  it('lists the entities that join articles, each article’s forms and the reason, as text and JSON', () => {
    const text = newsgraph(['entities', ...ARTICLES, '--jobs', '1']);
    expect(text.status).toBe(0);
    expect(text.stderr).toBe('');
    // One Senate per country: Australia's joins its two articles, the Philippine and U.S. ones join nothing.
    expect(text.stdout).toContain('Senate (Australia)  [Agency:Senate (Australia)]  2 document(s)');
    expect(text.stdout).toMatch(/australia-senate-housing-bill +Senate +— same name in Australia \(country from the dateline\)/);
    expect(text.stdout).not.toContain('[Agency:Senate (Philippines)]');
    expect(text.stdout).not.toContain('[Agency:Senate (United States)]');

    const json = newsgraph(['entities', ...ARTICLES, '--json', '--jobs', '2']);
    expect(json.status).toBe(0);
    const entities = JSON.parse(json.stdout) as EntityExplanation[];
    const musk = entities.find((e) => e.key === 'Person:Elon Musk')!;
    // The brief only says "Musk": it joins the one Musk of the corpus by surname.
    expect(musk.documents.map((d) => [d.doc, d.articleKey, d.reason])).toEqual([
      ['canada-election-interference', 'Person:Elon Musk', 'same-key'],
      ['musk-afd-rally-brief', 'Person:Musk', 'surname'],
    ]);
    expect(musk.documents[1]!.why).toBe('surname of Elon Musk, the one person of that name in the corpus');
    expect(entities.find((e) => e.key === 'Agency:Senate (Australia)')).toMatchObject({ jurisdiction: 'Australia', name: 'Senate (Australia)' });
    // Without --all, every entity listed joins two documents or two names.
    for (const e of entities) expect(new Set(e.documents.map((d) => d.doc)).size + new Set(e.documents.map((d) => d.articleKey)).size).toBeGreaterThan(2);

    const all = JSON.parse(newsgraph(['entities', ...ARTICLES, '--json', '--all', '--jobs', '2']).stdout) as EntityExplanation[];
    expect(all.length).toBeGreaterThan(entities.length);
    expect(all.find((e) => e.key === 'Agency:Senate (Philippines)')?.documents).toHaveLength(1);
  });
});
