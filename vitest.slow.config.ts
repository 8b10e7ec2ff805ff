import {defineConfig} from 'vitest/config'

// The slow tests: a real browser (Debian's chromium), external validators and tools.
// Run with `npx vitest run --config vitest.slow.config.ts`; CI installs what they need.
export default defineConfig({
  test: {
    globalSetup: ['test/setup/vendor-bundles.ts'],
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 180000,
    hookTimeout: 180000,
    // One browser or validator at a time: they are heavy and some write shared files.
    fileParallelism: false
  }
})
