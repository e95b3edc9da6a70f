import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Before any test: Chromium for the browser test (installed where missing and allowed),
    // a current dist/ for the CLI tests, and a real Neo4j server for test/neo4j*.test.ts
    // (each only when a test that needs it is selected; Neo4j not when NEO4J_URI is set).
    globalSetup: ['test/setup/chromium.ts', 'test/setup/dist.ts', 'test/setup/neo4j.ts'],
  },
});
