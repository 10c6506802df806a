/**
 * npm run olist:generate -- --out DIR [--orders 99441] [--seed 42]
 * Writes the nine Olist CSV files into DIR. Bad arguments: a message naming the argument, exit code 2.
 */
import { existsSync, statSync } from 'node:fs';
import { USAGE, UsageError, parseCli, type CliOptions } from './cli-args.js';
import { TABLES, generate, type TableName } from './generate.js';

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseCli(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) console.error(`olist:generate: ${err.message}`);
    console.error(USAGE);
    process.exit(err.message ? 2 : 0);
  }
  if (existsSync(opts.outDir) && !statSync(opts.outDir).isDirectory()) {
    console.error(
      `olist:generate: --out ${opts.outDir} is a file; pass a directory (it is created if missing)`,
    );
    process.exit(2);
  }
  const started = performance.now();
  const counts = await generate(opts);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `olist:generate: wrote ${Object.keys(TABLES).length} files to ${opts.outDir} in ${secs} s (seed ${opts.seed})`,
  );
  for (const [table, n] of Object.entries(counts)) {
    console.log(`  ${TABLES[table as TableName].file.padEnd(40)} ${String(n).padStart(9)} rows`);
  }
}

main().catch((err: unknown) => {
  console.error(`olist:generate: failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
