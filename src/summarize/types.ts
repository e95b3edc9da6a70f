/**
 * The summary's typed values. A summary is M paragraphs of sentences, and
 * every sentence names where it came from: the source sentences (with their
 * original offsets) and the graph nodes and edges whose facts it carries.
 */

export interface SummarizeOptions {
  /** Paragraph count M (1..20). Overrides the article's instruction line. */
  paragraphs?: number;
  /** Word ceiling N (> 0). Overrides the article's instruction line. */
  words?: number;
  /** Which document of a merged graph to summarize (default: the first). */
  doc?: string;
}

/** One source sentence a summary sentence was built from. */
export interface SourceRef {
  doc: string;
  /** Sentence index within the document. */
  sentence: number;
  /** Original offsets of that sentence. */
  start: number;
  end: number;
}

/** A pronoun or description the summary replaced with a name, and the graph element that licenses it. */
export interface Replacement {
  /** The words the article has there (`she`, `the minister`). */
  text: string;
  /** Their original offsets: the SAID edge's mentionStart/mentionEnd. */
  start: number;
  end: number;
  /** The entity whose name stands there now. */
  entity: string;
  /** The SAID edge whose speaker mention is exactly those words. */
  edge: string;
}

export interface SummarySentence {
  text: string;
  /**
   * How it was made: `lifted` (an article sentence as written), `edited` (an article sentence
   * compressed or with names put in), `generated` (realized from the graph's facts).
   */
  kind: 'lifted' | 'edited' | 'generated';
  /** Pronouns and descriptions replaced with names, each with its licence. */
  replaced?: Replacement[];
  sources: SourceRef[];
  /** Graph node keys whose facts the sentence states (speakers, quotes, entities). */
  nodes: string[];
  /** Graph edge keys whose facts the sentence states (SAID, HOLDS_ROLE, relations…). */
  edges: string[];
}

export interface SummaryParagraph {
  sentences: SummarySentence[];
  text: string;
}

export interface Summary {
  doc: string;
  paragraphs: SummaryParagraph[];
  /** Paragraphs joined by one blank line. */
  text: string;
  words: number;
  /** The shape asked for (after options > instruction > defaults). */
  requested: { paragraphs: number; words: number };
  /** Why the summary differs from the request, when it must (e.g. too few sentences for M paragraphs). */
  messages: string[];
}
