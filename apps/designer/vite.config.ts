import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Served by the BankForge server at /designer (see apps/server/src/platform/web).
export default defineConfig({
  base: '/designer/',
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // Tests in the node environment read the workspace packages from their sources too, as the browser build does.
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  build: { outDir: 'dist', chunkSizeWarningLimit: 4096 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'jsdom',
    pool: 'threads',
    maxWorkers: 2,
    // The canvas and grid pages render React Flow and virtualised grids in jsdom: on two busy cores a page test takes seconds.
    testTimeout: 30_000,
  },
});
