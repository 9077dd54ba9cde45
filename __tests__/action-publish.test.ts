/** What the action publishes, as pure functions: annotations within GitHub's caps, the summary within 1 MiB. */
import { describe, expect, it } from 'vitest';
import { annotations, ANNOTATIONS_PER_LEVEL, SUMMARY_LIMIT } from '../src/action/main.js';
import { renderMarkdown } from '../src/core/report/md.js';
import type { Report } from '../src/core/report/report.js';
import type { RuleResult } from '../src/core/gate.js';
import { emptyReport } from './helpers.js';

function report(rules: RuleResult[], problems: string[] = [], missing: string[] = []): Report {
  return { ...emptyReport(), name: 'nightly', rules, problems, missing_indicators: missing };
}

const rule = (i: number, level: 'error' | 'warn', status: RuleResult['status']): RuleResult => ({
  indicator: `custom_${i}`,
  field: 'score',
  op: '>=',
  expr: '1',
  level,
  status,
  actual: status === 'missing' ? null : 0.5,
  limit: 1,
  baseline: null,
  delta: null,
  detail: '',
});

describe('annotations', () => {
  it('one per failed or missing rule, by level, titled with the gate and the rule', () => {
    const a = annotations(
      report([rule(1, 'error', 'fail'), rule(2, 'warn', 'missing'), rule(3, 'error', 'pass'), rule(4, 'error', 'skipped')]),
    );
    expect(a).toEqual([
      { level: 'error', title: 'evalgate nightly: custom_1.score failed', text: 'custom_1.score >= 1: fail (found 0.5)' },
      { level: 'warning', title: 'evalgate nightly: custom_2.score missing', text: 'custom_2.score >= 1: missing' },
    ]);
  });

  it('an absent indicator is one annotation, not one more per rule on it', () => {
    const a = annotations(report([rule(1, 'error', 'missing')], [], ['custom_1']));
    expect(a).toEqual([
      {
        level: 'error',
        title: 'evalgate nightly: custom_1 absent',
        text: 'required indicator custom_1 is absent: no file reported it (its rules count as missing)',
      },
    ]);
  });

  it('GitHub shows 10 per level and drops the rest silently: room is left for the step failure and the publishing warnings', () => {
    const rules = [
      ...Array.from({ length: 14 }, (_, i) => rule(i, 'error', 'fail')),
      ...Array.from({ length: 3 }, (_, i) => rule(100 + i, 'warn', 'fail')),
    ];
    const a = annotations(report(rules, ['bad file x.json'], ['toxicity']));
    const errors = a.filter((x) => x.level === 'error');
    // 9 of 10 (setFailed adds the 10th): 1 problem + 14 rules + 1 absent indicator = 16, 8 shown, the 9th counts 8 more
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL - 1);
    expect(errors[0]!.text).toBe('bad file x.json');
    expect(errors[8]).toEqual({
      level: 'error',
      title: 'evalgate nightly: 8 more',
      text: '8 more errors; every one is in the job summary and report.json',
    });
    expect(a.filter((x) => x.level === 'warning')).toHaveLength(3);
    const many = annotations(report(Array.from({ length: 12 }, (_, i) => rule(i, 'warn', 'fail'))));
    expect(many).toHaveLength(ANNOTATIONS_PER_LEVEL - 3);
    expect(many.at(-1)!.title).toBe('evalgate nightly: 6 more');
  });
});

describe('job summary', () => {
  it('keeps every detail a comment would cut, and stays under 1 MiB', () => {
    const r = report(
      [rule(1, 'error', 'fail')],
      Array.from({ length: 5000 }, (_, i) => `problem ${i} ${'x'.repeat(100)}`),
    );
    const comment = renderMarkdown(r);
    const summary = renderMarkdown(r, SUMMARY_LIMIT);
    expect(comment).toContain('more cut to fit');
    expect(summary).not.toContain('more cut to fit');
    expect(summary).toContain('problem 4999');
    const huge = report(
      [rule(1, 'error', 'fail')],
      Array.from({ length: 20000 }, (_, i) => `problem ${i} ${'x'.repeat(100)}`),
    );
    const capped = renderMarkdown(huge, SUMMARY_LIMIT);
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(1024 * 1024);
    expect(capped).toContain('more cut to fit');
  });
});
