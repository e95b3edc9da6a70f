/**
 * vitest globalSetup: the CLI tests run the real bin, which runs the compiled
 * dist/. Build it (`npm run build`) when it is missing or older than any file
 * under src/, so `npm test` never tests yesterday's code or fails for want of
 * a build.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Newest modification time of any file under `dir` (0 when there is none). */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

function builtAt(): number {
  try {
    return statSync(join(root, 'dist', 'cli', 'main.js')).mtimeMs;
  } catch {
    return 0;
  }
}

export default function setup(): void {
  if (builtAt() >= newest(join(root, 'src'))) return;
  process.stderr.write('newsgraph tests: dist/ is missing or older than src/; building it (npm run build)…\n');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
