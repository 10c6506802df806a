/**
 * Event payloads for rehearsals: real webhook examples from @octokit/webhooks-examples (what
 * GitHub sends), adjusted to the rehearsed repository, ref and inputs; `schedule` (which has no
 * webhook) is the runner's own `{ schedule: <cron> }`.
 */
import { createRequire } from 'node:module';
import { RehearsalError } from './errors.js';

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
let definitions: Definition[] | undefined;
function examples(): Definition[] {
  definitions ??= require('@octokit/webhooks-examples') as Definition[];
  return definitions;
}

export interface EventOptions {
  /** owner/name of the rehearsed repository. */
  repository: string;
  sha: string;
  defaultBranch: string;
  /** Overrides github.ref (e.g. refs/tags/v1.2.0 for a release push). */
  ref?: string;
  /** workflow_dispatch inputs as strings. */
  inputs?: Record<string, string>;
  /** The workflow's first cron, for schedule. */
  cron?: string;
  /** A pull request from a fork (head repository differs from the base). */
  fork?: boolean;
}

export interface RehearsalEvent {
  name: string;
  payload: Record<string, unknown>;
  ref: string;
  headRef: string;
  baseRef: string;
  actor: string;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function exampleFor(name: string): Record<string, unknown> {
  const def = examples().find((d) => d.name === name);
  if (!def || def.examples.length === 0) {
    const known = examples()
      .filter((d) => d.examples.length)
      .map((d) => d.name);
    throw new RehearsalError(
      `--event ${name}: no example payload for this event; use one of schedule, ${known.join(', ')}`,
    );
  }
  const opened = def.examples.find((e) => e['action'] === 'opened' || e['action'] === 'completed');
  return clone(opened ?? def.examples[0]!);
}

function retargetRepository(payload: Record<string, unknown>, repository: string): void {
  const repo = payload['repository'] as Record<string, unknown> | undefined;
  if (!repo) return;
  const [owner, name] = repository.split('/');
  repo['full_name'] = repository;
  repo['name'] = name;
  if (repo['owner'] && typeof repo['owner'] === 'object')
    (repo['owner'] as Record<string, unknown>)['login'] = owner;
}

export function buildEvent(name: string, opts: EventOptions): RehearsalEvent {
  const branchRef = `refs/heads/${opts.defaultBranch}`;
  if (name === 'schedule') {
    return {
      name,
      payload: { schedule: opts.cron ?? '0 0 * * *' },
      ref: opts.ref ?? branchRef,
      headRef: '',
      baseRef: '',
      actor: 'github-actions[bot]',
    };
  }
  const payload = exampleFor(name);
  retargetRepository(payload, opts.repository);
  const actor = String((payload['sender'] as Record<string, unknown> | undefined)?.['login'] ?? 'octocat');
  if (name === 'pull_request' || name === 'pull_request_target') {
    const pr = payload['pull_request'] as Record<string, Record<string, unknown>>;
    const head = pr['head']!;
    const base = pr['base']!;
    head['sha'] = opts.sha;
    const headRepo = head['repo'] as Record<string, unknown> | undefined;
    if (headRepo) {
      headRepo['full_name'] = opts.fork ? `fork-owner/${opts.repository.split('/')[1]}` : opts.repository;
      headRepo['fork'] = Boolean(opts.fork);
    }
    const number = Number(payload['number'] ?? 1);
    return {
      name,
      payload,
      ref: opts.ref ?? `refs/pull/${number}/merge`,
      headRef: String(head['ref'] ?? ''),
      baseRef: String(base['ref'] ?? opts.defaultBranch),
      actor,
    };
  }
  const ref =
    opts.ref ?? (typeof payload['ref'] === 'string' && name !== 'push' ? payload['ref'] : branchRef);
  if (name === 'push') {
    payload['ref'] = ref;
    payload['after'] = opts.sha;
  }
  if (name === 'workflow_dispatch') {
    payload['ref'] = ref;
    payload['inputs'] = { ...(opts.inputs ?? {}) };
  }
  return { name, payload, ref, headRef: '', baseRef: '', actor };
}
