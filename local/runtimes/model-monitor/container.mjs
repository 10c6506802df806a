// Entry of sagemaker-local's Model Monitor analyzer container (analyzer.ts), run with the
// server's node: the TypeScript sources load through tsx's ESM loader, as bin/sagemaker-local.js.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./analyzer.ts');
// exit explicitly: the loader's worker would otherwise keep the process around
process.exit(await main());
