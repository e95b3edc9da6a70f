import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/neo4j*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['test/neo4j*.test.ts'],
          // A real Neo4j server (skipped when NEO4J_URI is set or no such file runs). The files share its one
          // database and count what is in it, so they run one at a time.
          globalSetup: ['test/setup/neo4j.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
