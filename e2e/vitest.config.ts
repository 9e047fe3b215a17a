import { defineConfig } from 'vitest/config';

// One browser, one server, one file at a time: the machines are small and the flow is a story.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
