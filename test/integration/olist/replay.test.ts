/**
 * templates/olist/replay.ts: rows, ids and injected drift over a small hand-written split (the
 * layout preprocess.py writes), and the CLI against a sagemaker-local endpoint with data capture:
 * every row is one request whose capture carries the record id as inferenceId, and the ground
 * truth written to S3 carries the same ids with the labels.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import {} from '@aws-sdk/client-sagemaker';
import { groundTruthLine, loadSplit } from '../../../templates/olist/replay.js';
import { createCaptureEndpoint, createScriptModel } from '../../helpers/endpoint-models.js';
import { eventually, removeDir, startEnv, type Env } from '../local/helpers.js';

jest.setTimeout(180_000);

const FEATURES = ['total_price', 'total_freight', 'freight_ratio', 'customer_state=RJ', 'customer_state=SP'];
let dir: string;
let splits: string;

/**
 * Runs the CLI without blocking this process: sagemaker-local serves from this process's event
 * loop, so a spawnSync would deadlock against it.
 */
function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve('node_modules/.bin/tsx'), ['templates/olist/replay.ts', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'olist-replay-'));
  splits = join(dir, 'out', 'splits');
  mkdirSync(join(splits, 'production'), { recursive: true });
  mkdirSync(join(dir, 'out', 'features'), { recursive: true });
  writeFileSync(join(dir, 'out', 'features', 'features.json'), JSON.stringify({ features: FEATURES }));
  const rows = Array.from({ length: 10 }, (_, i) => {
    const price = 100 + i;
    const freight = 10 + i;
    return `${i % 2},${price},${freight},${(freight / (price + freight)).toFixed(6)},${i % 2},${1 - (i % 2)}`;
  });
  writeFileSync(join(splits, 'production', 'production.csv'), `${rows.join('\n')}\n`);
  // index.csv lists every split; production rows are not in file order here (row column decides)
  const index = [
    'record_id,split,row,event_time,label',
    'aaaa,train,0,2017-01-01 00:00:00,1',
    ...Array.from({ length: 10 }, (_, i) => 9 - i).map(
      (r) => `rec${r},production,${r},2018-0${1 + (r % 9)}-01 00:00:00,${r % 2}`,
    ),
  ];
  writeFileSync(join(splits, 'index.csv'), `${index.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSplit', () => {
  test('rows in split order with their record ids and labels; limit spreads over the split', () => {
    const all = loadSplit({ splitsDir: splits });
    expect(all.features).toEqual(FEATURES);
    expect(all.rows.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `rec${i}`));
    expect(all.rows[3]).toEqual({ id: 'rec3', label: 1, features: ['103', '13', '0.112069', '1', '0'] });
    const some = loadSplit({ splitsDir: splits, limit: 4, idPrefix: 'run7-' });
    expect(some.rows.map((r) => r.id)).toEqual(['run7-rec0', 'run7-rec2', 'run7-rec5', 'run7-rec7']);
  });

  test('injected drift: freight multiplied with its ratio recomputed, an unseen state is all zeros', () => {
    const { rows } = loadSplit({ splitsDir: splits, drift: { freightFactor: 2, unseenState: true } });
    expect(rows[3]!.features).toEqual(['103', '26', String(Number((26 / 129).toFixed(6))), '0', '0']);
    expect(rows.every((r) => r.features[3] === '0' && r.features[4] === '0')).toBe(true);
    expect(rows[3]!.label).toBe(1);
  });

  test('a split whose rows do not match index.csv, or rows of the wrong width, fail with the reason', () => {
    const bad = join(dir, 'bad', 'splits');
    mkdirSync(join(bad, 'production'), { recursive: true });
    mkdirSync(join(dir, 'bad', 'features'), { recursive: true });
    writeFileSync(join(dir, 'bad', 'features', 'features.json'), JSON.stringify({ features: FEATURES }));
    writeFileSync(join(bad, 'index.csv'), 'record_id,split,row,event_time,label\nx,production,0,t,1\n');
    writeFileSync(join(bad, 'production', 'production.csv'), '1,2,3\n0,1,2\n');
    expect(() => loadSplit({ splitsDir: bad })).toThrow(/production.csv has 2 rows but index.csv lists 1/);
    writeFileSync(join(bad, 'production', 'production.csv'), '1,2,3\n');
    expect(() => loadSplit({ splitsDir: bad })).toThrow(/row 1: 2 features, features.json names 5/);
  });

  test('ground truth in SageMaker format', () => {
    expect(JSON.parse(groundTruthLine('rec1', 1))).toEqual({
      groundTruthData: { data: '1', encoding: 'CSV' },
      eventMetadata: { eventId: 'rec1' },
      eventVersion: '0',
    });
  });
});

describe('the replay CLI against a sagemaker-local endpoint', () => {
  let env: Env;
  const BUCKET = 'replay-it';
  beforeAll(async () => {
    env = await startEnv();
    await createScriptModel(env.sm, env.s3, BUCKET, 'replay-model', { mode: 'ok', value: 0.5 });
    await createCaptureEndpoint(env.sm, {
      endpoint: 'replay-ep',
      model: 'replay-model',
      destination: `s3://${BUCKET}/capture`,
      csv: true,
    });
  });
  afterAll(async () => {
    await env?.close();
    if (env) removeDir(env.dataDir);
  });

  const text = async (key: string) =>
    (await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();
  const keys = async (prefix: string) =>
    ((await env.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map(
      (o) => o.Key!,
    );

  test('sends every row with its record id, writes the ground truth, prints a JSON summary', async () => {
    const cli = await runCli(
      [
        '--splits-dir',
        splits,
        '--endpoint-name',
        'replay-ep',
        '--limit',
        '6',
        '--freight-factor',
        '2',
        '--ground-truth-uri',
        `s3://${BUCKET}/ground-truth`,
      ],
      {
        ...process.env,
        AWS_ENDPOINT_URL: env.local.url,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
        AWS_SECRET_ACCESS_KEY: 'secret',
      },
    );
    expect(cli.stderr).not.toMatch(/replay:/);
    expect(cli.status).toBe(0);
    const summary = JSON.parse(cli.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(summary).toMatchObject({ split: 'production', sent: 6, failed: 0 });
    const gtKey = (summary['groundTruthUri'] as string).slice(`s3://${BUCKET}/`.length);
    expect(gtKey).toMatch(/^ground-truth\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/[0-9a-f-]{36}\.jsonl$/);
    const gt = (await text(gtKey))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { eventMetadata: { eventId: string }; groundTruthData: { data: string } });
    expect(gt.map((g) => g.eventMetadata.eventId)).toEqual(['rec0', 'rec1', 'rec3', 'rec5', 'rec6', 'rec8']);
    expect(gt.map((g) => g.groundTruthData.data)).toEqual(['0', '1', '1', '1', '0', '0']);

    const captured = await eventually(async () => {
      const lines: {
        eventMetadata: { inferenceId?: string };
        captureData: { endpointInput: { data: string } };
      }[] = [];
      for (const k of await keys('capture/replay-ep/'))
        for (const l of (await text(k)).trim().split('\n')) lines.push(JSON.parse(l));
      return lines.length >= 6 ? lines : undefined;
    });
    const byId = new Map(
      captured.map((c) => [c.eventMetadata.inferenceId, c.captureData.endpointInput.data]),
    );
    expect([...byId.keys()].sort()).toEqual(['rec0', 'rec1', 'rec3', 'rec5', 'rec6', 'rec8']);
    expect(byId.get('rec3')).toBe(`103,26,${Number((26 / 129).toFixed(6))},1,0\n`);
  });

  test('bad options exit 1 with the reason', async () => {
    const cli = await runCli(['--splits-dir', splits, '--endpoint-name', 'x', '--limit', 'lots']);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/replay: --limit must be a positive number, got "lots"/);
  });
});
