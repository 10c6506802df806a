#!/usr/bin/env node
// sagemaker-local: SageMaker, S3 and CloudWatch on 127.0.0.1 (see local/README.md).
// Runs the TypeScript sources through tsx's ESM loader (no build step needed after npm ci).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../local/cli.ts');
// exit explicitly: the loader's worker would otherwise keep the process around after stop
process.exit(await main(process.argv.slice(2)));
