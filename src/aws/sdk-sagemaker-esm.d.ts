// Types for the deep ESM imports in sdk-sagemaker.ts. The dist-es modules ship no .d.ts of their
// own; each re-exports a subset of the package root, so they take the root's (public) types.
// A name imported from the wrong module is caught by test/unit/aws/sdk-sagemaker.test.ts.
declare module '@aws-sdk/client-sagemaker/dist-es/*' {
  export * from '@aws-sdk/client-sagemaker';
}
