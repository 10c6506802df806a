/**
 * sagemaker-local.yml: what the emulator cannot guess.
 *
 *   accountId: "000000000000"        # account in ARNs (default 000000000000)
 *   region: us-east-1                # region in ARNs (default: AWS_REGION or us-east-1)
 *   python: /usr/bin/python3         # python for XGBoost/script mode (else auto-detected)
 *   images:                          # image URI glob -> local command
 *     - match: "*.dkr.ecr.*.amazonaws.com/my-trainer:*"
 *       command: ["python3", "train.py"]        # run for training/processing (cwd: the job root)
 *       serve: ["python3", "serve.py", "--port", "{port}", "--model-dir", "{model_dir}"]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ImageMapping {
  match: string;
  command?: string[];
  serve?: string[];
}

export interface LocalConfig {
  accountId?: string;
  region?: string;
  python?: string;
  images?: ImageMapping[];
}

export class LocalConfigError extends Error {}

const strList = (v: unknown, where: string): string[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number') || v.length === 0) {
    throw new LocalConfigError(`${where} must be a non-empty list of strings, e.g. ["python3", "train.py"]`);
  }
  return v.map(String);
};

export function parseLocalConfig(raw: unknown, source = 'sagemaker-local.yml'): LocalConfig {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new LocalConfigError(`${source}: must be a mapping`);
  const r = raw as Record<string, unknown>;
  const known = new Set(['accountId', 'region', 'python', 'images']);
  for (const k of Object.keys(r)) {
    if (!known.has(k))
      throw new LocalConfigError(`${source}: unknown key '${k}' (known: ${[...known].join(', ')})`);
  }
  const cfg: LocalConfig = {};
  if (r['accountId'] !== undefined) {
    const a = String(r['accountId']);
    if (!/^\d{12}$/.test(a))
      throw new LocalConfigError(`${source}: accountId '${a}' must be 12 digits (quote it in YAML)`);
    cfg.accountId = a;
  }
  if (r['region'] !== undefined) {
    const region = String(r['region']);
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
      throw new LocalConfigError(`${source}: region '${region}' is not a region like us-east-1`);
    cfg.region = region;
  }
  if (r['python'] !== undefined) cfg.python = String(r['python']);
  if (r['images'] !== undefined) {
    if (!Array.isArray(r['images']))
      throw new LocalConfigError(`${source}: images must be a list of {match, command, serve}`);
    cfg.images = r['images'].map((item: unknown, i: number) => {
      if (typeof item !== 'object' || item === null)
        throw new LocalConfigError(`${source}: images[${i}] must be a mapping`);
      const it = item as Record<string, unknown>;
      if (typeof it['match'] !== 'string' || !it['match'])
        throw new LocalConfigError(`${source}: images[${i}].match must be an image URI glob`);
      const m: ImageMapping = { match: it['match'] };
      const command = strList(it['command'], `${source}: images[${i}].command`);
      const serve = strList(it['serve'], `${source}: images[${i}].serve`);
      if (command) m.command = command;
      if (serve) m.serve = serve;
      if (!command && !serve)
        throw new LocalConfigError(`${source}: images[${i}] needs a command and/or a serve list`);
      return m;
    });
  }
  return cfg;
}

export function loadLocalConfig(path: string): LocalConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new LocalConfigError(`cannot read config file ${path}: ${(err as Error).message}`);
  }
  return parseLocalConfig(parse(text), path);
}

/** Glob over an image URI: `*` matches any run of characters, `?` one character. */
export function globMatch(glob: string, value: string): boolean {
  const re = new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

export function findImageMapping(
  images: ImageMapping[] | undefined,
  image: string,
): ImageMapping | undefined {
  return images?.find((m) => globMatch(m.match, image));
}

/** Built-in XGBoost algorithm image: `<acct>.dkr.ecr.<region>.amazonaws.com[.cn]/sagemaker-xgboost:<version>`. */
export const XGBOOST_IMAGE_RE =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/sagemaker-xgboost:[\w.-]+$/;
export const isBuiltinXgboost = (image: string | undefined): boolean =>
  !!image && XGBOOST_IMAGE_RE.test(image);
