/**
 * Write the benchmark corpus as JSONL (one article a line), the form
 * `newsgraph extract -` reads from stdin:
 *
 *   npx tsx scripts/corpus/build.ts [--count 300] [-o out/bench/corpus.jsonl]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCorpus, countWords } from './corpus.js';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '300' }, output: { type: 'string', short: 'o', default: 'out/bench/corpus.jsonl' } },
});
const articles = benchCorpus(Number(values.count));
const lines = articles.map(({ id, title, text }) => JSON.stringify({ id, title, text }));
mkdirSync(dirname(values.output!), { recursive: true });
writeFileSync(values.output!, lines.join('\n') + '\n');
const words = articles.reduce((sum, a) => sum + countWords(a.text), 0);
console.log(`${values.output}: ${articles.length} articles, ${words.toLocaleString('en-US')} words`);
