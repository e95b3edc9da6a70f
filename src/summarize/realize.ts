/**
 * Realization: turn the chosen source sentences into summary sentences.
 * Each is the article's own sentence, compressed, with its speaker named
 * (a pronoun or missing attribution gets the name the graph holds), people
 * and acronyms introduced once, and its provenance listed.
 */
import { countWords } from './budget.js';
import { dropAdditives } from './coherence.js';
import { speechSentence, type GeneratedSentence } from './generate.js';
import { entityOccurrences, type Article } from './article.js';
import type { SentencePlan } from './plan.js';
import { applyLicences, attributeQuote, containsWord, plainName, referToEntities, type Discourse } from './refer.js';
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

/**
 * A sentence that opens a quote running on into the next (left out) sentence closes it here; one that
 * ends a quote opened in the sentence before (`For that reason he should go,” she said.`) opens it here.
 */
export function balanceQuotes(text: string): string {
  const opened = text.lastIndexOf('“');
  const closed = text.indexOf('”');
  if (closed >= 0 && (opened < 0 || closed < text.indexOf('“'))) text = `“${text}`;
  return opened >= 0 && text.indexOf('”', text.lastIndexOf('“')) < 0 ? `${text}”` : text;
}

interface Previous {
  plan: SentencePlan;
  /** Speaker this summary sentence names for its quote, if any. */
  speaker?: string;
}

function realizeSentence(plan: SentencePlan, article: Article, discourse: Discourse, prev: Previous | undefined): { sentence: SummarySentence; speaker?: string } {
  const s = plan.sentence;
  const followsSource = prev !== undefined && prev.plan.sentence.index === s.index - 1;
  // Speech realized from the graph, unless it continues the same speaker's words just before (then `… added`).
  const speech = followsSource && prev?.speaker === plan.speaker ? undefined : speechOf(plan, article);
  if (speech) return { sentence: realizeGenerated(speech, article, discourse), speaker: plan.speaker! };
  // Names only where the graph fixes the mention: each SAID edge's pronoun or description.
  const licensed = applyLicences(s.text, s.licences, article);
  let text = licensed.text;
  const continuing = (speaker: string): boolean => followsSource && prev?.speaker === speaker;
  for (const r of licensed.names) {
    // `she added` continues her words in the article; away from them, the summary says `said`.
    if (continuing(r.licence.entity)) continue;
    const name = escapeRegExp(text.slice(r.start, r.end));
    text = text.replace(new RegExp(`(${name}) added\\b|\\badded (${name})`), (_m, a?: string, b?: string) => (a ? `${a} said` : `said ${b}`));
  }
  // The planned compression, unless licensed names changed the words (then shortened the same way again).
  text = licensed.names.length === 0 ? plan.compressed : plan.shorten(text);
  if (!followsSource) text = dropAdditives(text);

  // The speaker of the sentence's direct words must be named in it: a sentence that is all quotation
  // (the middle or end of a quote attributed elsewhere) gets the speaker the graph gives it.
  let speakerNamed: string | undefined;
  let attributedBy: string | undefined;
  const speaker = plan.speaker === undefined ? undefined : article.entities.get(plan.speaker);
  // Only direct words need a speaker named beside them; reported speech carries its own (`He said …`).
  const direct = s.quotes.some((q) => q.direct && q.speaker === plan.speaker) || plan.continues?.speaker === plan.speaker;
  if (speaker && direct) {
    if (entityOccurrences(text, article.names).some((o) => !o.quoted && o.entity === speaker.id)) speakerNamed = speaker.id;
    else {
      const quote = s.quotes.find((q) => q.speaker === speaker.id) ?? plan.continues;
      const verb = continuing(speaker.id) ? 'added' : reportingVerb(quote?.verb);
      const attributed = attributeQuote(text, plainName(article, speaker), verb);
      if (attributed) {
        text = attributed;
        speakerNamed = speaker.id;
        if (quote?.saidEdge) attributedBy = quote.saidEdge;
      }
    }
  }

  const actors = new Set<string>();
  for (const q of s.quotes) if (q.speaker) actors.add(q.speaker);
  if (plan.speaker) actors.add(plan.speaker);
  for (const f of s.facts) actors.add(f.source);
  const borrowedBefore = discourse.borrowed.length;
  text = referToEntities(text, { article, discourse, sentence: s.index, actors });
  text = balanceQuotes(capitalizeFirst(tidy(invertLongAttribution(text))));

  // Provenance: the source sentence, any sentence a role appositive came from, and the graph elements stated.
  const sources = [{ doc: article.doc, sentence: s.index, start: s.start, end: s.end }];
  const edges = new Set<string>(attributedBy ? [attributedBy] : []);
  for (const b of discourse.borrowed.slice(borrowedBefore)) {
    if (b.edge) edges.add(b.edge);
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
  const replaced = licensed.names.map(({ licence: l }) => {
    edges.add(l.edge);
    nodes.add(l.entity);
    return { text: l.surface, start: l.originalStart, end: l.originalEnd, entity: l.entity, edge: l.edge };
  });
  sources.sort((a, b) => a.sentence - b.sentence);
  return {
    sentence: {
      text, sources, nodes: [...nodes].sort(), edges: [...edges].sort(), kind: text === s.text ? 'lifted' : 'edited',
      ...(replaced.length > 0 ? { replaced } : {}),
    },
    ...(speakerNamed ? { speaker: speakerNamed } : {}),
  };
}

/** A sentence that is one quote and its attribution, realized from the Quote node and SAID edge. */
function speechOf(plan: SentencePlan, article: Article): GeneratedSentence | undefined {
  const s = plan.sentence;
  const quote = s.quotes.find((q) => q.direct && q.speaker === plan.speaker) ?? plan.continues;
  // The speaker named is the quote's own, from its SAID edge.
  const speaker = quote?.speaker === undefined ? undefined : article.entities.get(quote.speaker);
  if (!quote?.confirmed || !speaker || s.quotes.filter((q) => q.direct).length > 1) return undefined;
  return speechSentence(s, quote, speaker, article);
}

/** A generated sentence with names as the summary's discourse wants them (full name and role first, then surname). */
function realizeGenerated(g: GeneratedSentence, article: Article, discourse: Discourse): SummarySentence {
  const borrowedBefore = discourse.borrowed.length;
  const text = capitalizeFirst(tidy(referToEntities(g.text, { article, discourse, sentence: -1, actors: new Set(g.nodes) })));
  const sentences = new Set(g.sentences);
  const edges = new Set(g.edges);
  for (const b of discourse.borrowed.slice(borrowedBefore)) {
    if (b.edge) edges.add(b.edge);
    sentences.add(b.sentence);
  }
  const sources = [...sentences]
    .sort((a, b) => a - b)
    .map((i) => article.sentences.find((x) => x.index === i)!)
    .map((src) => ({ doc: article.doc, sentence: src.index, start: src.start, end: src.end }));
  const nodes = new Set([...g.nodes, ...entityOccurrences(text, article.names).map((o) => o.entity)]);
  return { text, sources, nodes: [...nodes].sort(), edges: [...edges].sort(), kind: 'generated' };
}

/** Realize the chosen sentences, paragraph by paragraph, in article order. */
export function realize(
  article: Article,
  plans: SentencePlan[],
  paragraphs: number[][],
  options: { opener?: GeneratedSentence | undefined; roles: boolean },
): SummaryParagraph[] {
  const { opener, roles } = options;
  const discourse: Discourse = { introduced: new Set(), spelledOut: new Set(), acronymUsed: new Set(), borrowed: [], roles };
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
      // The opening paragraph: the lead, then what the graph says the central actor did.
      if (opener && out.length === 0 && sentences.length === 1) sentences.push(realizeGenerated(opener, article, discourse));
    }
    if (sentences.length > 0) out.push({ sentences, text: sentences.map((x) => x.text).join(' ') });
  }
  return out;
}

export function summaryWords(paragraphs: SummaryParagraph[]): number {
  return paragraphs.reduce((n, p) => n + countWords(p.text), 0);
}
