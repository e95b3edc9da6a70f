/**
 * The benchmark corpus: the 216 documents of CoNLL-2003's eng.testa rebuilt
 * as plain text (tokens re-joined; fine for measuring speed, NOT for
 * training or scoring NER), plus the project's test fixture articles,
 * repeated under new ids until it holds the count asked for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Article } from '../../src/corpus/inputs.js';

export const CONLL_PATH = new URL('../../../shared/data/conll2003/eng.testa.conll', import.meta.url).pathname;
export const FIXTURES = new URL('../../test/fixtures/', import.meta.url).pathname;

/** Re-join CoNLL tokens into running text: no space before closing punctuation, none inside quotes. */
export function detokenize(tokens: string[]): string {
  let out = '';
  let openQuote = false;
  let glueNext = false;
  for (const token of tokens) {
    let glue = glueNext || out === '';
    glueNext = false;
    if (/^([.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|\.\.\.)$/.test(token)) glue = true;
    if (token === '"') {
      if (openQuote) glue = true;
      else glueNext = true;
      openQuote = !openQuote;
    }
    if (/^[([{$]$/.test(token)) glueNext = true;
    out += glue ? token : ` ${token}`;
  }
  return out;
}

/** The CoNLL documents as articles: headline as title, dateline and sentences as paragraphs. */
export function conllArticles(path = CONLL_PATH): Article[] {
  const docs: string[][][] = [];
  let sentence: string[] = [];
  const flush = (): void => {
    if (sentence.length > 0) docs.at(-1)?.push(sentence);
    sentence = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      docs.push([]);
    } else if (line.trim() === '') flush();
    else sentence.push(line.split(' ')[0]!);
  }
  flush();
  return docs.map((sentences, i) => {
    const [headline = '', ...body] = sentences.map(detokenize);
    const id = `conll-${String(i + 1).padStart(3, '0')}`;
    return { id, title: headline, text: body.join('\n'), source: `${basename(path)}#${i + 1}` };
  });
}

/** Every fixture article (test/fixtures/**.txt). */
export function fixtureArticles(root = FIXTURES): Article[] {
  const found: Article[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt')) found.push({ id: `fixture-${name.slice(0, -4)}`, text: readFileSync(path, 'utf8'), source: path });
    }
  };
  walk(root);
  return found;
}

/** The base articles, repeated under new ids (`r2/…`, `r3/…`) to at least `count`. */
export function benchCorpus(count = 300): Article[] {
  const base = [...conllArticles(), ...fixtureArticles()];
  const out: Article[] = [];
  for (let round = 1; out.length < count; round += 1) {
    for (const article of base) {
      if (out.length >= count) break;
      out.push(round === 1 ? article : { ...article, id: `r${round}/${article.id}` });
    }
  }
  return out;
}

/** An endless-looking stream of `count` generated articles, made one at a time. */
export function* generatedArticles(count: number, base?: Article[]): Generator<Article> {
  const articles = base ?? [...conllArticles(), ...fixtureArticles()];
  for (let i = 0; i < count; i += 1) {
    const article = articles[i % articles.length]!;
    yield { ...article, id: `gen-${String(i).padStart(6, '0')}`, source: `generated#${i}` };
  }
}

/** Words in a text, counted the one way every benchmark row uses. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
