import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { S3Client } from '@aws-sdk/client-s3';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { resolveSource, pickFiles } from '../../../../src/stages/evaluate/sources.js';
import { dropColumn, writeFeatures } from '../../../../src/stages/evaluate/features.js';
import { siblingBase } from '../../../../src/stages/evaluate/transform-flow.js';
import { reportUriNextTo } from '../../../../src/stages/evaluate/report-file.js';
import { parseS3Uri } from '../../../../src/core/inputs.js';
import { fakeAws } from '../../../helpers/evaluate-fake-aws.js';
import { tempDir } from '../../../helpers/evaluate-data.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dir(): string {
  const d = tempDir('eval-src-');
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}
const noS3 = async (): Promise<S3Client> => {
  throw new Error('S3 must not be used for local paths');
};

describe('resolveSource', () => {
  it('a local folder: data files sorted by relative path, markers and hidden files skipped, .out preferred when asked', async () => {
    const d = dir();
    mkdirSync(join(d, 'b'));
    for (const f of ['b/part-1.csv', 'a.csv', '_SUCCESS', '.hidden', 'a.csv.out', 'b/part-1.csv.out'])
      writeFileSync(join(d, f), '1\n');
    const all = await resolveSource(d, { input: 'test-data', workDir: d, s3: noS3 });
    expect(all.files.map((f) => f.slice(d.length + 1))).toEqual([
      'a.csv',
      'a.csv.out',
      'b/part-1.csv',
      'b/part-1.csv.out',
    ]);
    const outs = await resolveSource(d, { input: 'predictions', workDir: d, s3: noS3, prefer: '.out' });
    expect(outs.files.map((f) => f.slice(d.length + 1))).toEqual(['a.csv.out', 'b/part-1.csv.out']);
  });

  it('a missing path or an empty folder is a configuration error naming the input', async () => {
    const d = dir();
    await expect(
      resolveSource(join(d, 'nope.csv'), { input: 'test-data', workDir: d, s3: noS3 }),
    ).rejects.toThrow(ConfigurationError);
    await expect(resolveSource(d, { input: 'predictions', workDir: d, s3: noS3 })).rejects.toThrow(
      /input 'predictions'.*no data files/,
    );
  });

  it('an S3 object, or a prefix (with or without the trailing slash) downloaded in key order', async () => {
    const aws = fakeAws({ predict: () => '' });
    cleanups.push(() => aws.restore());
    aws.objects.set('bkt/out/job/part-10.csv.out', '10\n');
    aws.objects.set('bkt/out/job/part-2.csv.out', '2\n');
    aws.objects.set('bkt/out/job/manifest.manifest', 'x');
    const d = dir();
    const s3 = async (): Promise<S3Client> => new S3Client({ region: 'us-east-1' });
    const one = await resolveSource('s3://bkt/out/job/part-2.csv.out', {
      input: 'predictions',
      workDir: d,
      s3,
    });
    expect(one.files.map((f) => readFileSync(f, 'utf8'))).toEqual(['2\n']);
    for (const uri of ['s3://bkt/out/job/', 's3://bkt/out/job']) {
      const r = await resolveSource(uri, { input: 'predictions', workDir: d, s3, prefer: '.out' });
      expect(r.s3!.keys).toEqual(['out/job/part-10.csv.out', 'out/job/part-2.csv.out']);
      expect(r.files.map((f) => readFileSync(f, 'utf8'))).toEqual(['10\n', '2\n']);
    }
    await expect(resolveSource('s3://bkt/none/', { input: 'test-data', workDir: d, s3 })).rejects.toThrow(
      /input 'test-data': nothing found at s3:\/\/bkt\/none\//,
    );
  });

  it('pickFiles never returns markers', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z_.]{1,6}(\/[a-z_.]{1,6})?$/)), (names) => {
        for (const n of pickFiles(names)) expect(n.split('/').pop()).not.toMatch(/^[._]/);
      }),
    );
  });
});

describe('features-only CSV', () => {
  it('dropColumn removes exactly the label field', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9.-]{1,5}$/), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        (fields, k) => {
          const col = k % fields.length;
          const expected = fields.filter((_, i) => i !== col).join(',');
          expect(dropColumn(fields.join(','), col)).toBe(expected);
        },
      ),
    );
    expect(dropColumn('1,2', 5)).toBeUndefined();
  });

  it('writeFeatures streams every row without the label and fails closed on a short row', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.csv'), '1,0.5,0.7\r\n0,0.1,0.2\n');
    writeFileSync(join(d, 'b.csv'), '1,0.9,0.3\n');
    expect(await writeFeatures([join(d, 'a.csv'), join(d, 'b.csv')], 0, join(d, 'f', 'part-0.csv'))).toBe(3);
    expect(readFileSync(join(d, 'f', 'part-0.csv'), 'utf8')).toBe('0.5,0.7\n0.1,0.2\n0.9,0.3\n');
    writeFileSync(join(d, 'c.csv'), '1,0.5\n0\n');
    await expect(writeFeatures([join(d, 'c.csv')], 0, join(d, 'g.csv'))).rejects.toThrow(/c\.csv:2/);
  });
});

describe('S3 locations', () => {
  it('features go beside (never inside) the test data prefix; the report goes next to the model', () => {
    expect(siblingBase('data/test/test.csv', false)).toBe('data/');
    expect(siblingBase('data/test/', true)).toBe('data/');
    expect(siblingBase('test.csv', false)).toBe('');
    expect(reportUriNextTo(parseS3Uri('m', 's3://bkt/jobs/x/output/model.tar.gz')).uri).toBe(
      's3://bkt/jobs/x/output/evaluation/evaluation.json',
    );
  });
});
