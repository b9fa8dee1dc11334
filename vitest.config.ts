import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // JUnit next to the Python suites' and the examples' (npm run test:python, test:examples), for CI.
    reporters: ['default', 'junit'],
    outputFile: { junit: 'reports/junit/vitest.xml' },
  },
})
