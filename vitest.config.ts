import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // A real Neo4j server for test/neo4j*.test.ts (skipped when NEO4J_URI is set or no such file runs).
    globalSetup: ['test/setup/neo4j.ts'],
  },
});
