// Mutation testing of the gate decision and the metrics engine: `npm run mutation`
// (all of src/gates, src/metrics and src/stats), or a subset while iterating:
//   npx stryker run --mutate 'src/gates/**/*.ts'
// Not part of CI (it takes tens of minutes on 2 cores). The jest runner runs the unit tests of
// these folders through the same ts-jest ESM setup as `npm run test:unit` (jest.config.js).
// Incremental: results are kept in reports/stryker-incremental.json and reused for unchanged
// code and tests.
// STRYKER_TESTS=curves,fused,...: run only those unit test files (test/unit/**/<name>.test.ts)
// against every mutant, instead of every test related to the mutated file. For files that nearly
// every test imports (curves.ts, binary.ts: 600+ related tests, property tests among them) the
// full set takes hours; the named set is the file's own tests, so the score is a lower bound.
// README lists the sets used.
import jestConfig from './jest.config.js';

const unit = jestConfig.projects.find((p) => p.displayName === 'unit');
const { displayName: _name, ...unitConfig } = unit;
const only = (process.env.STRYKER_TESTS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    enableFindRelatedTests: only.length === 0,
    config: {
      ...unitConfig,
      rootDir: '.',
      testMatch:
        only.length > 0
          ? only.map((name) => `<rootDir>/test/unit/**/${name}.test.ts`)
          : [
              '<rootDir>/test/unit/gates/**/*.test.ts',
              '<rootDir>/test/unit/metrics/**/*.test.ts',
              '<rootDir>/test/unit/stats/**/*.test.ts',
            ],
      // These tests run real worker threads from the sources (src/workers/entry.ts through tsx),
      // outside Stryker's instrumented module graph: a worker never sees the active mutant, so
      // they would report the unmutated code's results (they assert that work went to a worker).
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/unit/metrics/parallel-scan.test.ts',
        '<rootDir>/test/unit/metrics/compute-parallel.test.ts',
      ],
    },
  },
  mutate: ['src/gates/**/*.ts', 'src/metrics/**/*.ts', 'src/stats/**/*.ts'],
  // Keep the sandbox small: bench data, bundles and the emulator's state are not needed.
  ignorePatterns: ['.bench-data', 'actions/*/dist', '.sagemaker-local', 'demo-report', 'reports', 'coverage'],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 10000,
  // Static mutants (module-level constants) re-run every test: ignored (reported as Ignored, not
  // in the score), or the run takes hours on a shared 2-core machine.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
