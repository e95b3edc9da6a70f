/**
 * Sentences realized from the graph's facts rather than lifted from the
 * article, each citing the nodes and edges it states:
 *
 *   stances  SUPPORTS/OPPOSES edges of one actor, aggregated:
 *            `Okafor backed the union and Labour, and opposed the mayor.`
 *   speech   a Quote node and its SAID edge, the exact words in quotation marks:
 *            `Okafor said: “We will not back down …”`
 *
 * They follow the summary's faithfulness rules: a name only from a node the
 * edge names, a quote only with the speaker its SAID edge gives.
 */
import type { Article, ArticleSentence, EdgeFact, EntityInfo, QuoteInfo } from './article.js';
import { countWords } from './budget.js';
import { plainName } from './refer.js';
import { quotedSpans } from './text.js';

/** The words generated sentences add to the names and quoted words they carry (the summary checks hold them to this). */
export const GENERATED_WORDS: ReadonlySet<string> = new Set(['backed', 'opposed', 'and', 'said', 'the']);

export interface GeneratedSentence {
  text: string;
  /** Source sentences (article indexes) whose facts it states. */
  sentences: number[];
  nodes: string[];
  edges: string[];
}

/** `A`, `A and B`, `A, B and C`. */
function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** An actor's stance edges, one per target (the first the article states), in article order. */
function stances(article: Article, actor: string, type: 'SUPPORTS' | 'OPPOSES'): EdgeFact[] {
  const seen = new Set<string>();
  const out: EdgeFact[] = [];
  for (const s of article.sentences) {
    for (const f of s.facts) {
      if (f.type !== type || f.source !== actor || seen.has(f.target) || !article.entities.has(f.target)) continue;
      seen.add(f.target);
      out.push(f);
    }
  }
  return out;
}

/**
 * The stance sentence of the most central actor with at least `min` distinct
 * targets: whom it backed and whom it opposed, in one sentence.
 */
export function stanceSentence(article: Article, min = 3): GeneratedSentence | undefined {
  const actors = [...article.entities.values()].sort((a, b) => b.centrality - a.centrality || a.id.localeCompare(b.id));
  for (const actor of actors) {
    const backed = stances(article, actor.id, 'SUPPORTS');
    const opposed = stances(article, actor.id, 'OPPOSES').filter((f) => !backed.some((b) => b.target === f.target));
    if (backed.length + opposed.length < min) continue;
    const name = (f: EdgeFact): string => plainName(article, article.entities.get(f.target)!);
    const parts = [
      ...(backed.length > 0 ? [`backed ${list(backed.map(name))}`] : []),
      ...(opposed.length > 0 ? [`opposed ${list(opposed.map(name))}`] : []),
    ];
    const subject = plainName(article, actor).replace(/^the /, 'The ');
    const facts = [...backed, ...opposed];
    return {
      text: `${subject} ${parts.join(backed.length > 1 ? ', and ' : ' and ')}.`,
      sentences: [...new Set(facts.map((f) => f.sentence))].sort((a, b) => a - b),
      nodes: [actor.id, ...facts.map((f) => f.target)].sort(),
      edges: facts.map((f) => f.key).sort(),
    };
  }
  return undefined;
}

/** A quotation shorter than this is no sentence of speech to realize on its own. */
const SPEECH_WORDS = 4;

/** Reporting verbs kept as the graph gives them in a generated sentence; anything else is `said`. */
const PLAIN_VERB = /^(?:said|told [\p{L} ]+|wrote|warned|insisted|argued|stressed|explained)$/u;

/**
 * A sentence that is one direct quote and its attribution (`“…,” she said.`),
 * realized from the Quote node and its SAID edge: `Name said: “….”` The
 * quoted words are the article's, to the letter; nothing else is kept, so
 * the sentence must hold nothing else worth keeping.
 */
export function speechSentence(s: ArticleSentence, quote: QuoteInfo, speaker: EntityInfo, article: Article): GeneratedSentence | undefined {
  const spans = quotedSpans(s.text);
  if (spans.length !== 1 || !quote.saidEdge) return undefined;
  const span = spans[0]!;
  // Outside the quotation only the attribution: the mention, the verb, punctuation.
  const outside = `${s.text.slice(0, span.start)} ${s.text.slice(span.end)}`;
  const inside = quote.mention !== undefined && quote.mention.start >= s.textStart && quote.mention.end <= s.textEnd;
  const mentionWords = inside ? countWords(s.text.slice(quote.mention!.start - s.textStart, quote.mention!.end - s.textStart)) : 0;
  if (countWords(outside.replace(/[,.;:]/g, ' ')) > mentionWords + 2) return undefined;
  const words = s.text
    .slice(span.start, span.end)
    .replace(/^[“"]|[”"]$/g, '')
    .trim()
    .replace(/,$/, '.');
  // Only whole sentences of speech stand after a colon (`said: “Ms.”` is a misread quotation mark, not speech).
  if (!/^\p{Lu}/u.test(words) || !/[.!?]$/.test(words) || countWords(words) < SPEECH_WORDS) return undefined;
  const verb = quote.verb && PLAIN_VERB.test(quote.verb) ? quote.verb : 'said';
  return {
    text: `${plainName(article, speaker).replace(/^the /, 'The ')} ${verb}: “${words}”`,
    sentences: [s.index],
    nodes: [speaker.id, quote.id],
    edges: [quote.saidEdge],
  };
}
