/**
 * What Neo4j should hold of one article, computed from its graph, and the
 * Cypher that counts the same four numbers in the database: its Document,
 * its quotes, its facts (relationships whose provenance `doc` names it) and
 * the MENTIONED_IN relationships into its Document.
 */
import type { NewsGraph } from '../../src/types.js';

export interface DocumentCounts {
  documents: number;
  quotes: number;
  facts: number;
  mentioned: number;
}

/** Parameter `$doc`; returns one row with the four counts. */
export const DOCUMENT_COUNTS = `RETURN count { MATCH (d:Document {id: $doc}) } AS documents,
       count { MATCH (q:Quote {doc: $doc}) } AS quotes,
       count { MATCH ()-[r]->() WHERE r.doc = $doc } AS facts,
       count { MATCH ()-[:MENTIONED_IN]->(:Document {id: $doc}) } AS mentioned`;

/** The four numbers for a graph (of one article, or all of a merged graph's). */
export function graphCounts(graph: NewsGraph): DocumentCounts {
  const counts: DocumentCounts = { documents: 0, quotes: 0, facts: 0, mentioned: 0 };
  graph.forEachNode((_key, attributes) => {
    if (attributes.kind === 'Quote') counts.quotes += 1;
    if (attributes.kind === 'Document') counts.documents += 1;
  });
  graph.forEachEdge((_key, attributes) => {
    if (attributes.type === 'MENTIONED_IN') counts.mentioned += 1;
    else counts.facts += 1;
  });
  return counts;
}
