import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  injectedDriftMissed,
  issueLine,
  issueMarkdown,
  qualityThresholds,
  violationLines,
  violationsByCheck,
  // @ts-expect-error: plain ESM helper without type declarations
} from '../../../scripts/lib/demo-monitor.mjs';
import { endpointMarker, runMarker } from '../../../src/github/drift-issue.js';

const thresholds = qualityThresholds as (text: string) => { text: string; metrics: string[] };
const lines = violationLines as (json: string) => string[];
const grouped = violationsByCheck as (json: string) => string;
const missed = injectedDriftMissed as (json: string) => string;
interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
}
interface Comment {
  id: number;
  issue: number;
  body: string;
}
const issuePage = issueMarkdown as (issue: Issue, comments: Comment[]) => string;
const issueWords = issueLine as (
  before: { number: number; state: string; comments: number }[],
  issue: Issue | undefined,
  comments: Comment[],
) => string;

const v = (feature_name: string, constraint_check_type: string) => ({
  feature_name,
  constraint_check_type,
  description: 'd',
});

describe('demo monitoring stage helpers', () => {
  it("holds production to the evaluate section's thresholds, as monitor-gate quality-thresholds", () => {
    const config = readFileSync('templates/olist/sagemaker-actions.yml', 'utf8');
    const t = thresholds(config);
    const evaluate = (parse(config) as { evaluate: { thresholds: Record<string, string> } }).evaluate;
    expect(parse(t.text)).toEqual(evaluate.thresholds);
    expect(t.metrics).toEqual(Object.keys(evaluate.thresholds));
    expect(thresholds('evaluate:\n  thresholds: {auc: ">= 0.7"}\n').text).toBe('{auc: ">= 0.7"}');
  });

  it('fails closed when the config has no thresholds', () => {
    expect(() => thresholds('evaluate:\n  test-data: x\n')).toThrow(/no evaluate.thresholds/);
    expect(() => thresholds('evaluate:\n  thresholds: {}\n')).toThrow(/no evaluate.thresholds/);
  });

  it('lists each counted violation on one line without control characters', () => {
    expect(
      lines(
        JSON.stringify([
          {
            feature_name: 'total_freight',
            constraint_check_type: 'baseline_drift_check',
            description: 'd 0.3',
          },
          { feature_name: 'x\u001b[31m', constraint_check_type: 'model_quality_check', description: 'a\nb' },
        ]),
      ),
    ).toEqual(['total_freight: baseline_drift_check (d 0.3)', 'x [31m: model_quality_check (a b)']);
    expect(lines('')).toEqual([]);
    expect(() => lines('{oops')).toThrow(/not JSON/);
    expect(() => lines('{}')).toThrow(/not a list/);
  });

  it('groups violations by check', () => {
    expect(
      grouped(
        JSON.stringify([
          v('total_freight', 'baseline_drift_check'),
          v('auc', 'model_quality_check'),
          v('freight_ratio', 'baseline_drift_check'),
        ]),
      ),
    ).toBe('baseline_drift_check: total_freight, freight_ratio; model_quality_check: auc');
    expect(grouped('[]')).toBe('');
  });

  it('says which part of the injected drift the check missed (freight, ratio, a customer state)', () => {
    const all = [
      v('total_freight', 'baseline_drift_check'),
      v('freight_ratio', 'baseline_drift_check'),
      v('customer_state=SP', 'baseline_drift_check'),
      v('auc', 'model_quality_check'),
    ];
    expect(missed(JSON.stringify(all))).toBe('');
    expect(missed(JSON.stringify(all.slice(1)))).toBe('no baseline_drift_check violation on total_freight');
    expect(missed(JSON.stringify(all.slice(0, 2)))).toBe(
      'no baseline_drift_check violation on customer_state=*',
    );
    // Another check on the right feature is not the drift.
    expect(missed(JSON.stringify([v('total_freight', 'data_type_check')]))).toBe(
      'no baseline_drift_check violation on total_freight, freight_ratio, customer_state=*',
    );
    expect(missed('[]')).toMatch(/total_freight, freight_ratio, customer_state=\*/);
    expect(() => missed('{')).toThrow(/not JSON/);
  });

  it('renders the drift issue as GitHub shows it: title, state, body and comments, no hidden markers', () => {
    const issue: Issue = {
      number: 100,
      title: 'Model drift on endpoint olist-satisfaction',
      body: `${endpointMarker('olist-satisfaction')}\n${runMarker('171')}\n### ❌ monitor-gate: failed\n`,
      state: 'closed',
      labels: ['model-drift'],
    };
    const comments: Comment[] = [
      { id: 1, issue: 100, body: `${runMarker('172')}\n### ✅ monitor-gate: passed\n` },
      { id: 2, issue: 7, body: 'another issue' },
    ];
    const md = issuePage(issue, comments);
    expect(md).toMatch(/^# #100 Model drift on endpoint olist-satisfaction \(closed\)/);
    expect(md).toContain('`model-drift`');
    expect(md).toContain('### ❌ monitor-gate: failed');
    expect(md).toContain('## Comment 1\n\n### ✅ monitor-gate: passed');
    expect(md).not.toContain('<!--');
    expect(md).not.toContain('another issue');
  });

  it("words the issue's change made by a check", () => {
    const issue: Issue = { number: 100, title: 't', body: 'b', state: 'open', labels: [] };
    const c = (n: number): Comment[] =>
      Array.from({ length: n }, (_, i) => ({ id: i, issue: 100, body: '' }));
    expect(issueWords([], undefined, [])).toBe('no drift issue');
    expect(issueWords([], issue, [])).toBe('drift issue #100 opened (0 comments)');
    expect(
      issueWords([{ number: 100, state: 'open', comments: 0 }], { ...issue, state: 'closed' }, c(1)),
    ).toBe('drift issue #100 commented on and closed (1 comment)');
    expect(issueWords([{ number: 100, state: 'open', comments: 1 }], issue, c(2))).toBe(
      'drift issue #100 commented on, still open (2 comments)',
    );
    expect(issueWords([{ number: 100, state: 'open', comments: 2 }], issue, c(2))).toBe(
      'drift issue #100 unchanged, still open (2 comments)',
    );
  });
});
