import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Before any test, each only when a test that needs it is selected: Chromium for the browser test
    // (installed where missing and allowed), a current dist/ for the CLI tests, and a real Neo4j server
    // for test/neo4j*.test.ts (not when NEO4J_URI is set).
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/neo4j*.test.ts'],
          globalSetup: ['test/setup/chromium.ts', 'test/setup/dist.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['test/neo4j*.test.ts'],
          // The files share the one database and count what is in it, so they run one at a time.
          globalSetup: ['test/setup/dist.ts', 'test/setup/neo4j.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
