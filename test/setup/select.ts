/** Which test files a vitest run selects, so a global setup starts only what they need. */
import { basename } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * True unless the run is filtered to files none of which `wanted` (given the
 * file's base name) accepts. A run with no filter selects every file.
 */
export async function selectsTests(project: TestProject, wanted: (file: string) => boolean): Promise<boolean> {
  // `filenamePattern` holds the CLI's file filters (internal to vitest, so read defensively).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters || filters.length === 0) return true;
  const specs = await project.vitest.globTestSpecifications(filters);
  return specs.some((spec) => wanted(basename(spec.moduleId)));
}
