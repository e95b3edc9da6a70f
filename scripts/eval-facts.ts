/**
 * Runs `extract()` on every fixture article (test/fixtures/**\/*.txt with a
 * sibling .expected.json, the seed included) and prints per-article and total
 * precision / recall for entities, quotes, roles and relations.
 *
 *   npx tsx scripts/eval-facts.ts [--verbose] [--json] [--check] [slug…]
 *
 *   --verbose  list each article's missing and wrong facts
 *   --check    only check that every expectation is literally in its text
 *   slug…      only these articles (substring of the file name)
 */
import type { NewsGraph } from '../src/types.js';
import { checkFixture, loadFixtures, scoreFacts, totalScore, type FactsScore, type Score } from '../test/helpers/score-facts.js';

/** `extract()` from src/extract.ts, loaded at run time so the fixture check works without it. */
type Extract = (text: string, options?: { id?: string; source?: string }) => NewsGraph;

interface Args {
  verbose: boolean;
  json: boolean;
  check: boolean;
  only: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { verbose: false, json: false, check: false, only: [] };
  for (const a of argv) {
    if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--json') args.json = true;
    else if (a === '--check') args.check = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx scripts/eval-facts.ts [--verbose] [--json] [--check] [slug…]');
      process.exit(0);
    } else args.only.push(a);
  }
  return args;
}

const CATEGORIES = ['entities', 'quotes', 'roles', 'relations'] as const;
type Category = (typeof CATEGORIES)[number];

const f2 = (x: number): string => x.toFixed(2);
const cell = (s: Score): string => `${f2(s.precision)}/${f2(s.recall)} (${s.found}/${s.expected})`;

function printTable(rows: Array<{ slug: string; score: FactsScore }>, totals: Record<Category, Score>, notEntities: number): void {
  const header = ['article', ...CATEGORIES.map((c) => `${c} P/R`), 'notEnt'];
  const table: string[][] = [header];
  for (const { slug, score } of rows) table.push([slug, ...CATEGORIES.map((c) => cell(score[c])), String(score.notEntities.length)]);
  table.push(['TOTAL', ...CATEGORIES.map((c) => cell(totals[c])), String(notEntities)]);
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  table.forEach((r, i) => {
    console.log(r.map((c, j) => c.padEnd(widths[j]!)).join('  '));
    if (i === 0 || i === table.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  console.log('\nP/R = precision/recall; (found/expected). Quote precision counts attributed quotes only.');
}

function printDetails(slug: string, score: FactsScore): void {
  console.log(`\n== ${slug}`);
  for (const c of CATEGORIES) {
    const s = score[c];
    if (s.missing.length) console.log(`  ${c} missing:\n    ${s.missing.join('\n    ')}`);
    if (s.wrong.length) console.log(`  ${c} wrong:\n    ${s.wrong.join('\n    ')}`);
  }
  if (score.quotes.directMismatch.length) console.log(`  quotes direct flag wrong:\n    ${score.quotes.directMismatch.join('\n    ')}`);
  if (score.quotes.unattributed) console.log(`  direct quotes with no speaker: ${score.quotes.unattributed}`);
  if (score.notEntities.length) console.log(`  not entities, yet nodes:\n    ${score.notEntities.join('\n    ')}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const fixtures = loadFixtures().filter((f) => args.only.length === 0 || args.only.some((o) => f.slug.includes(o)));
  if (fixtures.length === 0) throw new Error('no fixtures matched');

  if (args.check) {
    let bad = 0;
    for (const f of fixtures) {
      const problems = checkFixture(f.text, f.expected);
      bad += problems.length;
      console.log(`${f.slug}: ${problems.length === 0 ? 'ok' : `\n  ${problems.join('\n  ')}`}`);
    }
    process.exitCode = bad === 0 ? 0 : 1;
    return;
  }

  let extract: Extract;
  try {
    // A variable specifier: this script must also run (with --check) before src/extract.ts exists.
    const specifier = '../src/extract.js';
    ({ extract } = (await import(specifier)) as { extract: Extract });
  } catch (error) {
    console.error(`cannot load src/extract.ts: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }

  const rows = fixtures.map((f) => ({ slug: f.slug, score: scoreFacts(extract(f.text, { id: f.slug, source: f.path }), f.expected) }));
  const totals = Object.fromEntries(CATEGORIES.map((c) => [c, totalScore(rows.map((r) => r.score[c]))])) as Record<Category, Score>;
  const notEntities = rows.reduce((a, r) => a + r.score.notEntities.length, 0);

  if (args.json) {
    const strip = (s: Score): Omit<Score, 'missing' | 'wrong'> & { missing?: string[]; wrong?: string[] } => {
      const { missing, wrong, ...rest } = s;
      return args.verbose ? { ...rest, missing, wrong } : rest;
    };
    const out = {
      articles: Object.fromEntries(rows.map((r) => [r.slug, { ...Object.fromEntries(CATEGORIES.map((c) => [c, strip(r.score[c])])), notEntities: r.score.notEntities }])),
      total: { ...Object.fromEntries(CATEGORIES.map((c) => [c, strip(totals[c])])), notEntities },
    };
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  printTable(rows, totals, notEntities);
  if (args.verbose) for (const r of rows) printDetails(r.slug, r.score);
}

await main();
