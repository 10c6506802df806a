/** reportJson: the text of the report files (indented JSON, number arrays on one line). */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { reportJson } from '../../../src/monitor/json-util.js';
import { parseStatistics, statisticsJson } from '../../../src/monitor/statistics.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = join(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  '../../fixtures/monitor',
);

describe('reportJson', () => {
  it('writes number arrays on one line and indents everything else like JSON.stringify(v, null, 2)', () => {
    const v = {
      name: 'freight',
      kll: { sketch: { parameters: { c: 0.64, k: 2048 }, data: [[3, 1.5, -0], [], [2e-7, 1e21]] } },
      buckets: [{ lower_bound: 0, count: 2 }],
      domains: ['SP', 'RJ'],
      mixed: [1, 'a'],
    };
    expect(reportJson(v)).toBe(
      [
        '{',
        '  "name": "freight",',
        '  "kll": {',
        '    "sketch": {',
        '      "parameters": {',
        '        "c": 0.64,',
        '        "k": 2048',
        '      },',
        '      "data": [',
        '        [3,1.5,0],',
        '        [],',
        '        [2e-7,1e+21]',
        '      ]',
        '    }',
        '  },',
        '  "buckets": [',
        '    {',
        '      "lower_bound": 0,',
        '      "count": 2',
        '    }',
        '  ],',
        '  "domains": [',
        '    "SP",',
        '    "RJ"',
        '  ],',
        '  "mixed": [',
        '    1,',
        '    "a"',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  it('is JSON.stringify(v, null, 2) when there is no number array', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const hasNumberArray = (x: unknown): boolean =>
          Array.isArray(x)
            ? (x.length > 0 && x.every((e) => typeof e === 'number')) || x.some(hasNumberArray)
            : x !== null && typeof x === 'object' && Object.values(x).some(hasNumberArray);
        fc.pre(!hasNumberArray(v));
        expect(reportJson(v)).toBe(JSON.stringify(v, null, 2));
      }),
    );
  });

  it('reads back as the same value as JSON.stringify, for any JSON value and for sketches', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.string(), fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })))),
        ),
        (v) => {
          expect(JSON.parse(reportJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
        },
      ),
    );
  });

  it('keeps text from outside as data: strings and keys that spell a placeholder stay themselves', () => {
    const tricky = ['\u0000#0#', '"\u0000#0#"', '\\u0000#0#', '#0#'];
    for (const t of tricky) {
      const v = { [t]: [1, 2], name: t, values: [t, 3], data: [[4, 5]] };
      const text = reportJson(v);
      expect(JSON.parse(text)).toEqual(v);
    }
  });

  it('writes a statistics file that parses back to the same statistics', () => {
    const s = parseStatistics(readFileSync(join(fixtures, 'statistics.json'), 'utf8'), 'statistics.json');
    const text = reportJson(statisticsJson(s));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(statisticsJson(s))));
    expect(parseStatistics(text, 'written')).toEqual(s);
    // each sketch level is one line
    expect(text).toMatch(/"data": \[\n\s+\[[^\n]*\]/);
  });
});
