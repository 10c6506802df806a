/** Jest runs TypeScript as native ESM through ts-jest (run with --experimental-vm-modules). */
const tsJest = {
  '^.+\\.ts$': [
    'ts-jest',
    { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } },
  ],
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: tsJest,
  moduleNameMapper: {
    // src/aws/sdk-sagemaker.ts imports the SDK's ESM modules for the bundler; jest loads the
    // package root instead (the same classes, so aws-sdk-client-mock mocks what the code sends).
    '^@aws-sdk/client-sagemaker/dist-es/.*$': '@aws-sdk/client-sagemaker',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  restoreMocks: true,
  // Stryker's sandbox copies of the repository (npm run mutation).
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
};
export default {
  // testTimeout is a global option (jest ignores it per project): integration tests run real jobs.
  testTimeout: 180000,
  // Many ESM suites in one worker grow its heap past V8's limit: recycle a worker above 1 GB.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
  ],
};
