import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node; `browser` opens the HTML report in headless Chromium
// (Debian's chromium package). `npm test` runs both; `npx vitest run --project unit` runs the rest alone.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'] } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});
