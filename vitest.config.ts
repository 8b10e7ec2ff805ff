import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['test/setup/vendor-bundles.ts'],
    include: ['test/**/*.test.ts'],
    // Browser, pandoc/biber and SARIF-multitool checks are slow and need Debian tools:
    // they live in test/slow and run through `npm run test:slow` (CI runs both).
    exclude: ['test/slow/**', 'node_modules/**'],
    testTimeout: 20000
  }
})
