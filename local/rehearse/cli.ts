/**
 * `sagemaker-local rehearse <workflow.yml> [--event E] [--input name=value]... [--job NAME]`:
 * runs a workflow on this machine as GitHub would, against sagemaker-local, and exits 0 only
 * when the workflow would have succeeded.
 */
import { RehearsalError } from './errors.js';
import { consolePrinter } from './printer.js';
import { rehearse, type RehearseOptions } from './rehearse.js';

export const REHEARSE_USAGE = `usage:
  sagemaker-local rehearse <workflow.yml> [--event pull_request|push|schedule|workflow_dispatch|...]
                           [--input name=value]... [--secret name=value]... [--var name=value]...
                           [--job NAME] [--ref refs/tags/v1.0.0] [--fork] [--report DIR] [--quiet]
  Runs the workflow's jobs here: the kit's actions through their committed bundles, run: steps in
  bash, third-party actions replaced by local equivalents, AWS calls against sagemaker-local (its
  own, or AWS_ENDPOINT_URL when set). Exit 0 only when the workflow would have succeeded.
`;

export class RehearseUsageError extends Error {}

export interface RehearseArgs {
  workflow: string;
  event: string;
  inputs: Record<string, string>;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  job?: string;
  ref?: string;
  fork: boolean;
  report?: string;
  quiet: boolean;
}

function pair(flag: string, v: string): [string, string] {
  const eq = v.indexOf('=');
  if (eq <= 0) throw new RehearseUsageError(`${flag} ${v}: expected name=value`);
  return [v.slice(0, eq), v.slice(eq + 1)];
}

/** Parses the arguments after `rehearse`. Pure. */
export function parseRehearseArgs(argv: string[]): RehearseArgs {
  const out: RehearseArgs = {
    workflow: '',
    event: 'pull_request',
    inputs: {},
    secrets: {},
    vars: {},
    fork: false,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new RehearseUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--event':
        out.event = value();
        break;
      case '--input': {
        const [k, v] = pair(flag, value());
        out.inputs[k] = v;
        break;
      }
      case '--secret': {
        const [k, v] = pair(flag, value());
        out.secrets[k] = v;
        break;
      }
      case '--var': {
        const [k, v] = pair(flag, value());
        out.vars[k] = v;
        break;
      }
      case '--job':
        out.job = value();
        break;
      case '--ref':
        out.ref = value();
        break;
      case '--report':
        out.report = value();
        break;
      case '--fork':
        out.fork = true;
        break;
      case '--quiet':
        out.quiet = true;
        break;
      default:
        if (arg.startsWith('-')) throw new RehearseUsageError(`unknown option '${arg}'`);
        if (out.workflow)
          throw new RehearseUsageError(`one workflow at a time (got ${out.workflow} and ${arg})`);
        out.workflow = arg;
    }
  }
  if (!out.workflow) throw new RehearseUsageError('name the workflow file to rehearse');
  if (!/^[a-z_]+$/.test(out.event)) throw new RehearseUsageError(`--event ${out.event}: not an event name`);
  return out;
}

export async function main(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let args: RehearseArgs;
  try {
    args = parseRehearseArgs(argv);
  } catch (e) {
    if (e instanceof RehearseUsageError) {
      err.write(`sagemaker-local rehearse: ${e.message}\n${REHEARSE_USAGE}`);
      return 2;
    }
    throw e;
  }
  const color = (out as NodeJS.WriteStream).isTTY === true && !process.env['NO_COLOR'];
  const printer = consolePrinter({ write: (t) => out.write(t), color, quiet: args.quiet });
  const opts: RehearseOptions = {
    workflow: args.workflow,
    event: args.event,
    inputs: args.inputs,
    secrets: args.secrets,
    vars: args.vars,
    fork: args.fork,
    printer,
    ...(args.job ? { job: args.job } : {}),
    ...(args.ref ? { ref: args.ref } : {}),
    ...(args.report ? { reportDir: args.report } : {}),
  };
  try {
    const r = await rehearse(opts);
    for (const c of r.comments)
      out.write(
        `\nPR #${c.issue} comment (as it would be posted):\n${c.body.split('\n').slice(0, 12).join('\n')}\n`,
      );
    for (const i of r.issues) out.write(`\nissue #${i.number}: ${i.title}\n`);
    const outputs = Object.entries(r.outputs);
    if (outputs.length)
      out.write(`\noutputs:\n${outputs.map(([k, v]) => `  ${k}: ${v.split('\n')[0]}`).join('\n')}\n`);
    out.write(
      `\n${args.workflow} (${args.event}): ${r.result.toUpperCase()} in ${(r.ms / 1000).toFixed(1)} s${r.detail ? ` (${r.detail})` : ''}\n`,
    );
    if (args.report) out.write(`job summaries, comments and rehearsal.json in ${args.report}/\n`);
    return r.result === 'success' ? 0 : 1;
  } catch (e) {
    if (e instanceof RehearsalError) {
      err.write(`sagemaker-local rehearse: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
