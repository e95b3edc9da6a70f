/**
 * A small hand-made NewsGraph with the shape extract() produces (node keys,
 * edge keys, attributes, provenance), for the viz tests that must not depend
 * on the NLP pass. `hostile` adds an entity and a quote made of HTML.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, EntityKind, GraphAttributes, NewsGraph, NodeAttributes } from '../src/types.js';

const DOC = 'seed';

const SENTENCES = [
  'Officials monitoring Canada’s federal election for foreign interference say they are focused on covert efforts, not the opinions shared by U.S. billionaire Elon Musk.',
  '“Mr. Musk, or anyone else working under him, does not fall into the category of foreign interference,” Laurie-Anne Kempton, assistant secretary to the cabinet for communications at the Privy Council Office, told reporters in French.',
  'Allen Sutherland, assistant secretary to the cabinet for democratic institutions, added that anything he posts online “is an expression of personal opinion.”',
  '“If we see the markers of a foreign-backed and particularly state-backed campaign, we will flag that,” said Larisa Galzada, director-general at Global Affairs Canada.',
  'Musk expressed support for Conservative Leader Pierre Poilievre and reposted a tweet in which he had called Trudeau “an insufferable tool.”',
  'The task force said China and India remain the most active threats, and the Canadian Security Intelligence Service (CSIS) is watching.',
];

export function sampleGraph(options: { hostile?: boolean } = {}): NewsGraph {
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  let offset = 0;
  const sentences = SENTENCES.map((text, index) => {
    const s = { index, start: offset, end: offset + text.length, text, paragraph: index };
    offset += text.length + 1;
    return s;
  });
  graph.replaceAttributes({ documents: [DOC], sentences: { [DOC]: sentences } });
  graph.addNode(`Document:${DOC}`, { kind: 'Document', name: DOC, id: DOC, title: 'Foreign interference briefing', words: 1100 });

  const entity = (kind: EntityKind, name: string, aliases: string[], mentions: number): string => {
    const key = `${kind}:${name}`;
    graph.addNode(key, { kind, name, aliases: [...new Set([name, ...aliases])].sort(), mentions });
    graph.addEdgeWithKey(`MENTIONED_IN:${key}->Document:${DOC}`, key, `Document:${DOC}`, { type: 'MENTIONED_IN', count: mentions });
    return key;
  };
  const prov = (sentence: number) => ({ doc: DOC, sentence, start: sentences[sentence]!.start, end: sentences[sentence]!.end });
  const edge = (type: EdgeAttributes['type'], source: string, target: string, sentence: number, extra: Partial<EdgeAttributes> = {}) => {
    const p = prov(sentence);
    graph.addEdgeWithKey(`${type}:${source}->${target}:${p.start}`, source, target, { type, ...p, ...extra });
  };
  const quote = (speaker: string, text: string, sentence: number, verb: string, about: string[], direct = true) => {
    const s = sentences[sentence]!;
    const start = s.start + Math.max(0, s.text.indexOf(text));
    const key = `Quote:${DOC}:${start}`;
    graph.addNode(key, { kind: 'Quote', text, direct, doc: DOC, sentence, start, end: start + text.length, context: s.text });
    graph.addEdgeWithKey(`SAID:${speaker}->${key}:${start}`, speaker, key, { type: 'SAID', verb, ...prov(sentence), start, end: start + text.length });
    for (const target of about) {
      graph.addEdgeWithKey(`ABOUT:${key}->${target}:${start}`, key, target, { type: 'ABOUT', ...prov(sentence), start, end: start + text.length });
    }
    return key;
  };

  const musk = entity('Person', 'Elon Musk', ['Musk', 'Mr. Musk'], 9);
  const kempton = entity('Person', 'Laurie-Anne Kempton', ['Kempton'], 2);
  const sutherland = entity('Person', 'Allen Sutherland', ['Sutherland'], 2);
  const galzada = entity('Person', 'Larisa Galzada', ['Galzada'], 1);
  const poilievre = entity('Person', 'Pierre Poilievre', ['Poilievre'], 2);
  const trudeau = entity('Person', 'Justin Trudeau', ['Trudeau'], 2);
  const pco = entity('Agency', 'Privy Council Office', [], 1);
  const gac = entity('Agency', 'Global Affairs Canada', [], 1);
  const csis = entity('Agency', 'Canadian Security Intelligence Service', ['CSIS'], 2);
  const canada = entity('State', 'Canada', ['Canadian', 'Canadians'], 6);
  const china = entity('State', 'China', ['Chinese'], 2);
  const india = entity('State', 'India', [], 1);
  const conservatives = entity('Party', 'Conservative Party', ['Conservative'], 1);
  const x = entity('Organization', 'X', [], 1);

  edge('HOLDS_ROLE', kempton, pco, 1, { title: 'assistant secretary to the cabinet for communications' });
  edge('HOLDS_ROLE', sutherland, pco, 2, { title: 'assistant secretary to the cabinet for democratic institutions' });
  edge('HOLDS_ROLE', galzada, gac, 3, { title: 'director-general' });
  edge('HOLDS_ROLE', poilievre, conservatives, 4, { title: 'Conservative Leader' });
  edge('SUPPORTS', musk, poilievre, 4, { verb: 'expressed support for' });
  edge('OPPOSES', musk, trudeau, 4, { verb: 'called' });
  edge('TARGETED', china, canada, 5, { verb: 'threatens' });
  edge('TARGETED', india, canada, 5, { verb: 'threatens' });
  edge('PART_OF', csis, canada, 5);
  edge('RELATED', musk, x, 0, { verb: 'owns' });

  quote(kempton, 'Mr. Musk, or anyone else working under him, does not fall into the category of foreign interference', 1, 'told reporters', [musk]);
  quote(sutherland, 'is an expression of personal opinion.', 2, 'added', [musk]);
  quote(galzada, 'If we see the markers of a foreign-backed and particularly state-backed campaign, we will flag that,', 3, 'said', []);
  quote(musk, 'an insufferable tool.', 4, 'called', [trudeau]);

  if (options.hostile) {
    const evil = entity('Person', '<img src=x onerror=alert(1)>', ['<b>bold</b>'], 3);
    graph.updateNodeAttribute(`Document:${DOC}`, 'title', () => '</title><script>alert(1)</script>');
    quote(evil, '<script>alert(1)</script> and </script><script>alert(2)</script>', 0, 'said', [musk]);
    edge('OPPOSES', evil, musk, 0, { verb: '<i onmouseover=alert(3)>hates</i>' });
  }
  return graph;
}
