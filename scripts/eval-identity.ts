/**
 * Identity at scale: extracts a folder of real articles as one corpus (the
 * PolNeAR training set by default: 840 U.S. election articles from seven
 * publishers, 2015-2016) and reports how many nodes each well-known entity
 * ended up as (one is right), nodes that join names of different people or
 * countries (none is right), the entities with the most surface forms (for a
 * reader to check), how articles identified shared names, and time and memory.
 * The data stays where it is; nothing is written.
 *
 *   npx tsx scripts/eval-identity.ts [folder] [--jobs N] [--json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractCorpus, type Article } from '../src/corpus/index.js';
import { compatiblePersons } from '../src/identify/names.js';
import { graphRecords } from '../src/identify/index.js';
import { isEntityNode, type EntityNodeAttributes, type NewsGraph } from '../src/types.js';

const DEFAULT = join(import.meta.dirname, '..', '..', 'shared', 'data', 'polnear', 'train', 'text');

interface Args {
  folder: string;
  jobs?: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { folder: DEFAULT, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--jobs' || a === '-j') args.jobs = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx scripts/eval-identity.ts [folder] [--jobs N] [--json]');
      process.exit(0);
    } else args.folder = a;
  }
  return args;
}

/**
 * The entities every article of a U.S. election corpus keeps naming, each as
 * the test a node must pass to be (a form of) it: its kind and a surface form.
 */
const TARGETS: Array<{ entity: string; kind: string; forms: RegExp }> = [
  { entity: 'Donald Trump', kind: 'Person', forms: /^(Donald (J\. |John )?Trump|Trump|Mr\. Trump)$/ },
  { entity: 'Hillary Clinton', kind: 'Person', forms: /^(Hillary (Rodham )?Clinton|Hillary|Mrs\. Clinton)$/ },
  { entity: 'Bernie Sanders', kind: 'Person', forms: /^(Bernie Sanders|Bernard Sanders|Sanders)$/ },
  { entity: 'Ted Cruz', kind: 'Person', forms: /^(Ted Cruz|Cruz)$/ },
  { entity: 'Marco Rubio', kind: 'Person', forms: /^(Marco Rubio|Rubio)$/ },
  { entity: 'John Kasich', kind: 'Person', forms: /^(John Kasich|Kasich)$/ },
  { entity: 'Mike Pence', kind: 'Person', forms: /^(Mike Pence|Pence)$/ },
  { entity: 'Tim Kaine', kind: 'Person', forms: /^(Tim Kaine|Kaine)$/ },
  { entity: 'Congress', kind: 'Agency', forms: /^(U\.S\. )?Congress$/ },
  { entity: 'the Senate', kind: 'Agency', forms: /^(U\.S\. |United States )?Senate$/ },
  { entity: 'the House', kind: 'Agency', forms: /^(U\.S\. )?House( of Representatives)?$/ },
  { entity: 'the FBI', kind: 'Agency', forms: /^(FBI|Federal Bureau of Investigation)$/ },
  { entity: 'Democratic Party', kind: 'Party', forms: /^(Democrats?|Democratic( Party)?|Dems)$/ },
  { entity: 'Republican Party', kind: 'Party', forms: /^(Republicans?|Republican Party|GOP)$/ },
];

interface Node {
  key: string;
  attributes: EntityNodeAttributes;
  documents: number;
}

function entityNodes(graph: NewsGraph): Node[] {
  const documents = new Map<string, number>();
  graph.forEachEdge((_e, attrs, source) => {
    if (attrs.type === 'MENTIONED_IN') documents.set(source, (documents.get(source) ?? 0) + 1);
  });
  const nodes: Node[] = [];
  graph.forEachNode((key, attributes) => {
    if (isEntityNode(attributes)) nodes.push({ key, attributes, documents: documents.get(key) ?? 0 });
  });
  return nodes;
}

/** Two names that cannot be one person, among full person names. */
function clash(names: string[]): string[] | undefined {
  const full = [...new Set(names)].filter((a) => /\s/.test(a));
  for (const a of full) for (const b of full) if (a < b && !compatiblePersons(a, b)) return [a, b];
  return undefined;
}

/**
 * Nodes that join different entities. By the corpus fold: records of several
 * articles whose names cannot be one person, or bodies of different
 * countries. Within one article: a person node whose surface forms cannot be
 * one person (recognition and resolution, before identity).
 */
function wrongJoins(graph: NewsGraph, nodes: Node[]) {
  const byFold: Array<{ key: string; names: string[] }> = [];
  const recordsOf = new Map<string, Array<{ name: string; jurisdiction?: string }>>();
  for (const list of graphRecords(graph).values()) {
    for (const { node, record } of list) recordsOf.set(node, [...(recordsOf.get(node) ?? []), record]);
  }
  for (const [key, records] of recordsOf) {
    const countries = new Set(records.map((r) => r.jurisdiction).filter(Boolean));
    if (countries.size > 1) byFold.push({ key, names: [...countries] as string[] });
    else if (key.startsWith('Person:')) {
      const names = clash(records.map((r) => r.name));
      if (names) byFold.push({ key, names });
    }
  }
  // Candidates only: a two-word surname (`Van Dyke` beside `Jason Van Dyke`) reads as a second person here too.
  const inArticle = nodes.flatMap((n) => {
    if (n.attributes.kind !== 'Person') return [];
    const names = clash(n.attributes.aliases);
    return names ? [{ key: n.key, names }] : [];
  });
  return { byFold, inArticle };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const files = readdirSync(args.folder).filter((f) => f.endsWith('.txt')).sort();
  // PolNeAR file names carry the publication date: `nyt_2016-09-12_…`.
  const articles: Article[] = files.map((file) => {
    const article: Article = { id: basename(file, '.txt'), text: readFileSync(join(args.folder, file), 'utf8'), source: file };
    const date = /_(\d{4}-\d{2}-\d{2})_/.exec(file)?.[1];
    if (date) article.published = date;
    return article;
  });

  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let lastReport = 0;
  const promise = extractCorpus(articles, {
    progress: true,
    total: articles.length,
    ...(args.jobs ? { jobs: args.jobs } : {}),
    onProgress: (p) => {
      // A line every tenth when stderr is no terminal (the bar needs one).
      if (!process.stderr.isTTY && p.done - lastReport >= articles.length / 10) {
        lastReport = p.done;
        process.stderr.write(`${p.done}/${articles.length} articles, ${Math.round(p.elapsedMs / 1000)} s\n`);
      }
    },
  });
  void promise.then((graph) => report(graph, args, articles.length, performance.now() - started, process.cpuUsage(cpuStart)));
}

function report(graph: NewsGraph, args: Args, articleCount: number, ms: number, cpu: NodeJS.CpuUsage): void {
  const nodes = entityNodes(graph);
  const byKind = new Map<string, number>();
  for (const n of nodes) byKind.set(n.attributes.kind, (byKind.get(n.attributes.kind) ?? 0) + 1);

  const targets = TARGETS.map((t) => {
    const matching = nodes.filter((n) => n.attributes.kind === t.kind && n.attributes.aliases.some((a) => t.forms.test(a)));
    matching.sort((a, b) => b.documents - a.documents || (a.key < b.key ? -1 : 1));
    return { entity: t.entity, nodes: matching.map((n) => ({ key: n.key, documents: n.documents, aliases: n.attributes.aliases })) };
  });
  const clashes = wrongJoins(graph, nodes);
  const mostForms = [...nodes]
    .sort((a, b) => b.attributes.aliases.length - a.attributes.aliases.length || b.documents - a.documents || (a.key < b.key ? -1 : 1))
    .slice(0, 20)
    .map((n) => ({ key: n.key, documents: n.documents, forms: n.attributes.aliases }));

  const rules = new Map<string, number>();
  for (const list of graphRecords(graph).values()) {
    for (const { record } of list) {
      const rule = record.rule === 'jurisdiction' ? `jurisdiction (${record.cue})` : (record.rule ?? 'name');
      rules.set(rule, (rules.get(rule) ?? 0) + 1);
    }
  }
  const memory = { peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
  const time = { wallSeconds: +(ms / 1000).toFixed(1), mainThreadCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1) };
  const result = {
    corpus: args.folder,
    articles: articleCount,
    nodes: Object.fromEntries([...byKind].sort()),
    relationships: graph.size,
    targets,
    clashes,
    mostForms,
    identityRecords: Object.fromEntries([...rules].sort((a, b) => b[1] - a[1])),
    time,
    memory,
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`# Identity on ${articleCount} articles (${args.folder})\n`);
  console.log(`Entity nodes by kind: ${[...byKind].sort().map(([k, n]) => `${k} ${n}`).join(', ')}; ${graph.size} relationships.\n`);
  console.log('## Nodes for one real entity (1 is right)\n');
  for (const t of targets) {
    const list = t.nodes.map((n) => `${n.key} (${n.documents} docs)`).join('; ');
    console.log(`- ${t.entity}: ${t.nodes.length} node(s)${list ? `: ${list}` : ''}`);
  }
  console.log(`\n## Nodes joining different entities across articles (0 is right): ${clashes.byFold.length}\n`);
  for (const c of clashes.byFold) console.log(`- ${c.key}: ${c.names.join(' / ')}`);
  console.log(
    `\nWithin one article (recognition and resolution, before identity): ${clashes.inArticle.length} person nodes with forms that read as two people (two-word surnames included), e.g.:\n`,
  );
  for (const c of clashes.inArticle.slice(0, 10)) console.log(`- ${c.key}: ${c.names.join(' / ')}`);
  console.log('\n## The 20 entities with the most surface forms\n');
  for (const n of mostForms) console.log(`- ${n.key} (${n.documents} docs): ${n.forms.join(', ')}`);
  console.log('\n## How articles identified their entities (records)\n');
  for (const [rule, count] of Object.entries(result.identityRecords)) console.log(`- ${rule}: ${count}`);
  console.log(`\n## Cost\n\n- ${time.wallSeconds} s wall clock (${time.mainThreadCpuSeconds} s CPU in the main thread); peak RSS ${memory.peakRssMiB} MiB, heap ${memory.heapUsedMiB} MiB at the end`);
}

main();
