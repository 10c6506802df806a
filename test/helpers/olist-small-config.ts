import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes the Olist kit config with a small data set (3000 orders) for fast rehearsals; ~300 test
 * rows are too noisy for the template's production thresholds, so the gate asks only for better
 * than chance. The seed caches its tables in a folder next to the config (tests never write to
 * the machine's ~/.cache), unless `seedCache: 'exported'` leaves it to SAGEMAKER_ACTIONS_CACHE_DIR
 * (what actions/setup-local exports).
 */
export function writeSmallOlistConfig(
  root: string,
  to: string,
  opts: { seedCache?: 'next-to-config' | 'exported' } = {},
): void {
  const cache = opts.seedCache === 'exported' ? '' : ` --cache-dir ${join(dirname(to), 'olist-seed-cache')}`;
  const text = readFileSync(join(root, 'templates/olist/sagemaker-actions.yml'), 'utf8')
    .replace('--orders 99441', `--orders 3000${cache}`)
    .replace(/ {4}auc: ">= 0\.65"\n {4}accuracy: ">= 0\.75"/, '    auc: ">= 0.5"');
  if (!text.includes('--orders 3000') || !text.includes('auc: ">= 0.5"'))
    throw new Error('the Olist config changed: update writeSmallOlistConfig');
  writeFileSync(to, text);
}
