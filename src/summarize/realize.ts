/**
 * Realization: turn the chosen source sentences into summary sentences.
 * Each is the article's own sentence, compressed, with its speaker named
 * (a pronoun or missing attribution gets the name the graph holds), people
 * and acronyms introduced once, and its provenance listed.
 */
import { countWords } from './budget.js';
import { compress, dropOrphanConnective } from './compress.js';
import { entityOccurrences, type Article } from './article.js';
import type { SentencePlan } from './plan.js';
import {
  attributeQuote,
  containsWord,
  nameLeadingPronoun,
  nameSpeakerDescriptor,
  nameSpeakerPronoun,
  nameSubjectPronoun,
  plainName,
  referToEntities,
  type Discourse,
} from './refer.js';
import { capitalizeFirst, escapeRegExp, tidy } from './text.js';
import type { SummaryParagraph, SummarySentence } from './types.js';

/** Plain reporting verbs kept as the graph gives them; anything else becomes `said`. */
const PLAIN_VERB = /^(?:said|added|told [\p{L} ]+|noted|stated|warned|explained|argued|insisted|wrote|asked|acknowledged|confirmed|replied|stressed|continued)$/u;

function reportingVerb(verb: string | undefined): string {
  return verb && PLAIN_VERB.test(verb) ? verb : 'said';
}

/** `“…,” Ann Lee, chief engineer at X, said.` reads better as `“…,” said Ann Lee, chief engineer at X.` */
function invertLongAttribution(text: string): string {
  return text.replace(
    /([,?!]”)\s+(\p{Lu}[^“”,]*?),\s+([^“”]+?),\s+(said|added)\.$/u,
    '$1 $4 $2, $3.',
  );
}

/** A sentence that opens a quote running on into the next (left out) sentence closes it here. */
function closeOpenQuote(text: string): string {
  const opened = text.lastIndexOf('“');
  return opened >= 0 && text.indexOf('”', opened) < 0 ? `${text}”` : text;
}

interface Previous {
  plan: SentencePlan;
  /** Speaker this summary sentence names for its quote, if any. */
  speaker?: string;
}

function realizeSentence(plan: SentencePlan, article: Article, discourse: Discourse, prev: Previous | undefined): { sentence: SummarySentence; speaker?: string } {
  const s = plan.sentence;
  const followsSource = prev !== undefined && prev.plan.sentence.index === s.index - 1;
  let text = s.text;
  if (!followsSource) text = dropOrphanConnective(text);
  text = compress(text);

  if (!followsSource && plan.pronounReferent) {
    const e = article.entities.get(plan.pronounReferent);
    if (e) text = nameLeadingPronoun(text, plainName(article, e));
  }

  // The speaker of the sentence's direct words must be named in it.
  let speakerNamed: string | undefined;
  if (plan.speaker) {
    const speaker = article.entities.get(plan.speaker);
    const quote = s.quotes.find((q) => q.speaker === plan.speaker) ?? plan.continues;
    if (speaker) {
      const named = entityOccurrences(text, [speaker]).some((o) => !o.quoted);
      if (named) speakerNamed = speaker.id;
      else {
        const others = s.occurrences
          .filter((o) => !o.quoted && o.entity !== speaker.id && article.entities.get(o.entity)?.kind === 'Person')
          .map((o) => o.surface);
        const withName =
          nameSpeakerPronoun(text, plainName(article, speaker)) ??
          nameSpeakerDescriptor(text, plainName(article, speaker)) ??
          nameSubjectPronoun(text, plainName(article, speaker), others);
        if (withName) {
          // `she added` continues her words in the article; away from them, the summary says `said`.
          const continuing = followsSource && prev?.speaker === speaker.id;
          const name = escapeRegExp(plainName(article, speaker));
          text = continuing
            ? withName
            : withName.replace(new RegExp(`(${name}) added\\b|\\badded (${name})`), (_m, a?: string, b?: string) =>
                a ? `${a} said` : `said ${b}`,
              );
          speakerNamed = speaker.id;
        } else {
          // Right after the same speaker's words, `added` reads as the continuation it is.
          const continuing = followsSource && prev?.speaker === speaker.id;
          const verb = continuing ? 'added' : reportingVerb(quote?.verb);
          const attributed = attributeQuote(text, plainName(article, speaker), verb);
          if (attributed) {
            text = attributed;
            speakerNamed = speaker.id;
          }
        }
      }
    }
  }

  const actors = new Set<string>();
  for (const q of s.quotes) if (q.speaker) actors.add(q.speaker);
  if (plan.speaker) actors.add(plan.speaker);
  for (const f of s.facts) actors.add(f.source);
  if (plan.pronounReferent) actors.add(plan.pronounReferent);
  const borrowedBefore = discourse.borrowed.length;
  text = referToEntities(text, { article, discourse, sentence: s.index, actors });
  text = closeOpenQuote(capitalizeFirst(tidy(invertLongAttribution(text))));

  // Provenance: the source sentence, any sentence a role appositive came from, and the graph elements stated.
  const sources = [{ doc: article.doc, sentence: s.index, start: s.start, end: s.end }];
  const edges = new Set<string>();
  for (const b of discourse.borrowed.slice(borrowedBefore)) {
    edges.add(b.edge);
    const src = article.sentences.find((x) => x.index === b.sentence);
    if (src && src.index !== s.index) sources.push({ doc: article.doc, sentence: src.index, start: src.start, end: src.end });
  }
  const present = new Set(entityOccurrences(text, article.names).map((o) => o.entity));
  if (speakerNamed) present.add(speakerNamed);
  const nodes = new Set<string>(present);
  const quotes = [...s.quotes, ...(plan.continues ? [plan.continues] : [])];
  for (const q of quotes) {
    if (!text.includes(q.text.slice(0, Math.min(q.text.length, 40)))) continue;
    nodes.add(q.id);
    if (q.saidEdge && q.speaker && present.has(q.speaker)) edges.add(q.saidEdge);
    q.about.forEach((target, i) => present.has(target) && edges.add(q.aboutEdges[i]!));
  }
  for (const f of s.facts) {
    if (!present.has(f.source) || !present.has(f.target)) continue;
    edges.add(f.key);
  }
  sources.sort((a, b) => a.sentence - b.sentence);
  return {
    sentence: { text, sources, nodes: [...nodes].sort(), edges: [...edges].sort() },
    ...(speakerNamed ? { speaker: speakerNamed } : {}),
  };
}

/** Realize the chosen sentences, paragraph by paragraph, in article order. */
export function realize(article: Article, plans: SentencePlan[], paragraphs: number[][]): SummaryParagraph[] {
  const discourse: Discourse = { introduced: new Set(), spelledOut: new Set(), acronymUsed: new Set(), borrowed: [] };
  for (const para of paragraphs) {
    for (const i of para) {
      for (const o of plans[i]!.sentence.occurrences) {
        const e = article.entities.get(o.entity);
        if (e?.acronym && containsWord(o.surface, e.acronym)) discourse.acronymUsed.add(e.id);
      }
    }
  }
  const seen = new Set<string>();
  const out: SummaryParagraph[] = [];
  for (const para of paragraphs) {
    const sentences: SummarySentence[] = [];
    let prev: Previous | undefined;
    for (const i of para) {
      const plan = plans[i]!;
      const { sentence, speaker } = realizeSentence(plan, article, discourse, prev);
      const key = sentence.text.toLowerCase();
      if (seen.has(key)) continue; // an article that repeats itself is summarized once
      seen.add(key);
      sentences.push(sentence);
      prev = { plan, ...(speaker ? { speaker } : {}) };
    }
    if (sentences.length > 0) out.push({ sentences, text: sentences.map((x) => x.text).join(' ') });
  }
  return out;
}

export function summaryWords(paragraphs: SummaryParagraph[]): number {
  return paragraphs.reduce((n, p) => n + countWords(p.text), 0);
}
