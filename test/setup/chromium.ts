/**
 * vitest globalSetup: Debian's Chromium for the viewer's browser test
 * (test/viz-browser.test.ts), before any test starts. Where it is missing
 * and this user may install packages (root with apt-get, as on CI), it runs
 * `apt-get install -y chromium`; otherwise the run stops with one line
 * saying what to run. Never a browser download. NEWSGRAPH_INSTALL_CHROMIUM=0
 * turns the install off.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../viz-sample.js';
import { selectsTests } from './select.js';

const INSTALL = ['apt-get', 'install', '-y', '-qq', 'chromium'];

function found(): boolean {
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
}

function mayInstall(): boolean {
  if (process.env.NEWSGRAPH_INSTALL_CHROMIUM === '0' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One line on stderr and the run ends: no test runs without what it needs. */
function stop(line: string): never {
  process.stderr.write(`\nnewsgraph tests: ${line}\n\n`);
  process.exit(1);
}

export default async function setup(project: TestProject): Promise<void> {
  if (!(await selectsTests(project, (file) => file.startsWith('viz-browser')))) return;
  if (found()) return;
  if (!mayInstall()) {
    stop("the viewer's browser test needs Debian's Chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM=/path/to/chromium), then `npm test` again");
  }
  process.stderr.write("newsgraph tests: Chromium is missing; installing Debian's package (apt-get install -y chromium)…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync(INSTALL[0]!, INSTALL.slice(1), { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch {
    stop(`\`${INSTALL.join(' ')}\` failed (see above): install Chromium, then run \`npm test\` again`);
  }
  if (!found()) stop(`\`${INSTALL.join(' ')}\` ran but no chromium is to be found: set CHROMIUM=/path/to/chromium`);
}
