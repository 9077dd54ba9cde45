/**
 * Metamorphic properties of the verdict (fast-check), on the engine (runGate, as the CLI and the
 * action call it) and a few runs through the bundled CLI (dist/cli/index.js; `npm run build` first).
 * Verdict order: pass < warn < fail.
 *
 * - adding a failing shard, a failed job or an invalid file never makes a verdict better;
 * - removing a required indicator's file never makes it better (with shard-labelled sets, removing
 *   any one file leaves a gap; with unlabelled files, the indicator's files are its evidence; not
 *   covered: dropping a whole attack type of robustness_adv while others remain, since no attack
 *   type is required by name, the rows left are judged as they are);
 * - reordering files or the keys inside them never changes it;
 * - adding a commented rule never changes it.
 *
 * "Failing shard": a shard that fails every rule on its indicator. The merges this holds for are
 * the ones that combine shards by a worst case or a weighted mean (exact counts of accuracy_f1 and
 * toxicity, the maximum of approximate percentiles, sample-weighted robustness per attack type).
 * throughput_rps is left out of that one property on purpose: shards ran side by side, so their
 * rps add up, and a slow extra shard still adds throughput.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureRuntime, runCliAsync, tempDir } from './helpers.js';
import { resolveSettings } from '../src/config/settings.js';
import { runGate, type GateOptions } from '../src/engine.js';
import { VERDICT_ORDER, type Verdict } from '../src/core/gate.js';
import type { Report } from '../src/core/report/report.js';

type Indicator = 'accuracy_f1' | 'latency_p99' | 'throughput_rps' | 'robustness_adv' | 'toxicity';
const INDICATORS: Indicator[] = ['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity'];
/** fields whose merge is a worst case or a weighted mean (see above) */
const FIELDS: Record<Indicator, string[]> = {
  accuracy_f1: ['precision', 'recall', 'f1'],
  latency_p99: ['p50_ms', 'p90_ms', 'p99_ms'],
  throughput_rps: ['rps', 'duration_s'],
  robustness_adv: ['success_rate', 'f1_drop'],
  toxicity: ['toxic_ratio'],
};
/** limits near the values the files take, so that rules pass and fail */
const LIMITS: Record<Indicator, [number, number]> = {
  accuracy_f1: [0, 1],
  latency_p99: [0, 500],
  throughput_rps: [0, 400],
  robustness_adv: [-0.5, 1],
  toxicity: [0, 0.2],
};

type Doc = Record<string, unknown>;
const pos = (max: number) => fc.integer({ min: 1, max });

function accuracy(tp: number, fp: number, fn: number): Doc {
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { indicator: 'accuracy_f1', precision, recall, f1: (2 * tp) / (2 * tp + fp + fn), samples: tp + fp + fn, tp, fp, fn };
}
function latency(a: number, b: number, c: number, requests: number): Doc {
  const [p50, p90, p99] = [a, b, c].sort((x, y) => x - y);
  return { indicator: 'latency_p99', p50_ms: p50, p90_ms: p90, p99_ms: p99, requests };
}
const toxicityDoc = (toxic: number, total: number): Doc => ({
  indicator: 'toxicity',
  toxic_ratio: toxic / total,
  total_samples: total,
  toxic_count: toxic,
});
const adv = (attack: string, success: number, drop: number, samples: number): Doc => ({
  indicator: 'robustness_adv',
  attack_type: attack,
  success_rate: success,
  f1_drop: drop,
  samples,
});

const docArb: Record<Indicator, fc.Arbitrary<Doc>> = {
  accuracy_f1: fc.tuple(pos(500), fc.nat(300), fc.nat(300)).map(([tp, fp, fn]) => accuracy(tp, fp, fn)),
  latency_p99: fc.tuple(fc.nat(600), fc.nat(600), fc.nat(600), pos(10_000)).map(([a, b, c, n]) => latency(a, b, c, n)),
  throughput_rps: fc
    .tuple(fc.integer({ min: 1, max: 300 }), pos(64), pos(120))
    .map(([rps, concurrency, duration_s]) => ({ indicator: 'throughput_rps', rps, concurrency, duration_s })),
  robustness_adv: fc
    .tuple(fc.constantFrom('fgsm', 'pgd'), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -100, max: 100 }), pos(1000))
    .map(([a, s, d, n]) => adv(a, s / 100, d / 100, n)),
  toxicity: fc.tuple(pos(5000), fc.nat(1000)).map(([total, t]) => toxicityDoc(Math.min(t, total), total)),
};

interface RuleSpec {
  level: 'warn' | 'error';
  indicator: Indicator;
  field: string;
  op: '>=' | '<=' | '>' | '<';
  limit: number;
}
const ruleText = (r: RuleSpec): string => `${r.level === 'warn' ? 'warn ' : ''}${r.indicator}.${r.field} ${r.op} ${r.limit}`;

const ruleArb: fc.Arbitrary<RuleSpec> = fc.constantFrom(...INDICATORS).chain((indicator) =>
  fc.record({
    level: fc.constantFrom('warn' as const, 'error' as const),
    indicator: fc.constant(indicator),
    field: fc.constantFrom(...FIELDS[indicator]),
    op: fc.constantFrom('>=' as const, '<=' as const, '>' as const, '<' as const),
    limit: fc.integer({ min: 0, max: 100 }).map((x) => LIMITS[indicator][0] + ((LIMITS[indicator][1] - LIMITS[indicator][0]) * x) / 100),
  }),
);

interface Scenario {
  required: Indicator[];
  /** each indicator's shards (0 = none) */
  files: { indicator: Indicator; doc: Doc }[];
  rules: RuleSpec[];
  /** write shard {index, count} into every file of a set */
  labelled: boolean;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  required: fc.subarray(INDICATORS, { minLength: 1 }),
  files: fc
    .tuple(...INDICATORS.map((i) => fc.array(docArb[i], { maxLength: 3 })))
    .map((sets) => sets.flatMap((docs, k) => docs.map((doc) => ({ indicator: INDICATORS[k]!, doc })))),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 6 }),
  labelled: fc.boolean(),
});

/** The files of a scenario as (name, text), shard-labelled when asked; `order` shuffles keys. */
function render(s: Scenario, opts: { keyOrder?: (keys: string[]) => string[] } = {}): { name: string; text: string }[] {
  const counts = new Map<string, number>();
  const setOf = (f: { indicator: Indicator; doc: Doc }) => (f.indicator === 'robustness_adv' ? `adv:${f.doc.attack_type}` : f.indicator);
  for (const f of s.files) counts.set(setOf(f), (counts.get(setOf(f)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return s.files.map((f, i) => {
    const index = seen.get(setOf(f)) ?? 0;
    seen.set(setOf(f), index + 1);
    const doc: Doc = s.labelled ? { ...f.doc, shard: { index, count: counts.get(setOf(f)) } } : { ...f.doc };
    const keys = opts.keyOrder ? opts.keyOrder(Object.keys(doc)) : Object.keys(doc);
    const ordered: Doc = {};
    for (const k of keys) ordered[k] = doc[k];
    return { name: `r/${f.indicator}-${i}.json`, text: JSON.stringify(ordered) };
  });
}

interface Outcome {
  verdict: Verdict;
  statuses: string[];
  exitCode: number;
}

async function verdict(
  files: { name: string; text: string }[],
  thresholds: string,
  required: readonly string[],
  opts: Pick<GateOptions, 'jobs'> = {},
): Promise<Outcome & { report: Report }> {
  const dir = tempDir('evalgate-prop-');
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.name)), { recursive: true });
    writeFileSync(path.join(dir, f.name), f.text);
  }
  const { settings, problems } = resolveSettings(
    { thresholds, indicators: required.join(','), out: path.join(dir, 'out'), baseline: 'none' },
    { flag: (n) => `--${n}`, defaultBaseline: 'none' },
  );
  expect(problems).toEqual([]);
  const run = await runGate(settings, captureRuntime(dir), { files: files.map((f) => f.name), jobs: opts.jobs });
  return {
    verdict: run.report.verdict,
    statuses: run.report.rules.map((r) => r.status),
    exitCode: run.exitCode,
    report: run.report,
  };
}

const rulesOf = (s: Scenario): string => s.rules.map(ruleText).join('\n');
const notBetter = (after: Verdict, before: Verdict): void => expect(VERDICT_ORDER[after]).toBeGreaterThanOrEqual(VERDICT_ORDER[before]);

/** deterministic shuffle from a seed (fast-check shrinks the seed with the scenario) */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** a shard on the failing side of every rule on `indicator`: all low (for >=, >) or all high (for <=, <) */
function failingShard(indicator: Indicator, high: boolean, attack: string): Doc {
  switch (indicator) {
    case 'accuracy_f1':
      return high ? accuracy(100, 0, 0) : accuracy(0, 50, 50);
    case 'latency_p99':
      return high ? latency(1e6, 1e6, 1e6, 100) : latency(0, 0, 0, 100);
    case 'toxicity':
      return high ? toxicityDoc(100, 100) : toxicityDoc(0, 100);
    case 'robustness_adv':
      return high ? adv(attack, 1, 1, 1000) : adv(attack, 0, -1, 1000);
    case 'throughput_rps':
      throw new Error('not a worst-case merge (see the header)');
  }
}

const RUNS = { numRuns: 100 };
const VERDICTS: Verdict[] = ['pass', 'warn', 'fail'];

describe('verdict order', () => {
  it('pass < warn < fail', () => {
    expect([...VERDICTS].sort((a, b) => VERDICT_ORDER[a] - VERDICT_ORDER[b])).toEqual(['pass', 'warn', 'fail']);
  });
});

describe('metamorphic properties on the engine', () => {
  it('adding a failing shard never makes the verdict better', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb.map((s) => ({ ...s, labelled: false })),
        fc.constantFrom<Indicator>('accuracy_f1', 'latency_p99', 'toxicity', 'robustness_adv'),
        fc.constantFrom('fgsm', 'pgd', 'cw'),
        async (s, target, attack) => {
          const on = s.rules.filter((r) => r.indicator === target);
          const high = on.some((r) => r.op === '<=' || r.op === '<');
          const shard = failingShard(target, high, attack);
          // the shard alone must fail every rule on its indicator (mixed directions may not allow it)
          const alone = await verdict([{ name: 'r/x.json', text: JSON.stringify(shard) }], on.map(ruleText).join('\n'), [target]);
          // a shard joins a set: the indicator already has files (a first file is evidence, not a shard)
          const set = (f: { indicator: Indicator; doc: Doc }) =>
            f.indicator === target && (target !== 'robustness_adv' || f.doc.attack_type === attack);
          fc.pre(on.length > 0 && alone.statuses.every((st) => st === 'fail') && s.files.some(set));
          const before = await verdict(render(s), rulesOf(s), s.required);
          const after = await verdict(render({ ...s, files: [...s.files, { indicator: target, doc: shard }] }), rulesOf(s), s.required);
          notBetter(after.verdict, before.verdict);
        },
      ),
      RUNS,
    );
  });

  it('a failed, timed-out or cancelled job never makes it better; it fails the verdict (exit 3)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.constantFrom('failed', 'cancelled', 'queued'), async (s, status) => {
        const files = render(s);
        const ok = s.files.map((f, i) => ({
          indicator: f.indicator,
          shard: i,
          platform_id: null,
          platform_url: null,
          status: 'succeeded',
          duration_s: 1,
        }));
        const before = await verdict(files, rulesOf(s), s.required, { jobs: ok });
        const failed = { indicator: s.required[0]!, shard: 9, platform_id: 'p-9', platform_url: null, status, duration_s: null };
        const after = await verdict(files, rulesOf(s), s.required, { jobs: [...ok, failed] });
        notBetter(after.verdict, before.verdict);
        expect(after.verdict).toBe('fail');
        expect(after.exitCode).toBe(3);
      }),
      RUNS,
    );
  });

  const invalidArb = fc.constantFrom(
    '{"indicator":"latency_p99","p50_ms":1,"p90_ms":2,"p99_ms":"fast","requests":1}',
    '{"indicator":"accuracy_f1","precision":1.5,"recall":0.5,"f1":0.6,"samples":1}',
    'not json',
    '[]',
    '',
    '{"indicator":"toxicity","toxic_ratio":NaN,"total_samples":1}',
    '{"indicator":"throughput_rps","rps":1e999,"concurrency":1,"duration_s":1}',
  );
  it('adding an invalid file never makes it better (and fails it)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, invalidArb, fc.nat(), async (s, text, at) => {
        const files = render(s);
        const before = await verdict(files, rulesOf(s), s.required);
        const bad = [...files];
        bad.splice(at % (files.length + 1), 0, { name: 'r/zz-invalid.json', text });
        const after = await verdict(bad, rulesOf(s), s.required);
        notBetter(after.verdict, before.verdict);
        expect(after.verdict).toBe('fail');
      }),
      RUNS,
    );
  });

  it("removing a required indicator's file never makes it better", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (s, pick) => {
        const own = s.files.map((f, i) => ({ f, i })).filter(({ f }) => s.required.includes(f.indicator));
        fc.pre(own.length > 0);
        const { f: chosen, i: at } = own[pick % own.length]!;
        const before = await verdict(render(s), rulesOf(s), s.required);
        // a labelled set loses one shard (a gap); unlabelled files lose the indicator's evidence
        const files = s.labelled ? s.files.filter((_, i) => i !== at) : s.files.filter((f) => f.indicator !== chosen.indicator);
        // dropping the only file of one attack type while others remain is not covered: no attack
        // type is required by name, so the rows left are judged as they are
        const sameSet = (f: { indicator: Indicator; doc: Doc }) =>
          f.indicator === chosen.indicator && (f.indicator !== 'robustness_adv' || f.doc.attack_type === chosen.doc.attack_type);
        fc.pre(!(chosen.indicator === 'robustness_adv' && !files.some(sameSet) && files.some((f) => f.indicator === 'robustness_adv')));
        const kept = render(s).filter((_, i) => s.files[i] !== undefined && files.includes(s.files[i]!));
        const after = await verdict(kept, rulesOf(s), s.required);
        notBetter(after.verdict, before.verdict);
        // no evidence left of a required indicator, or a gap in a labelled set: fail
        if (!files.some((f) => f.indicator === chosen.indicator) || files.some(sameSet)) expect(after.verdict).toBe('fail');
      }),
      RUNS,
    );
  });

  it('reordering the files or the keys inside them never changes it', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), fc.nat(), async (s, fileSeed, keySeed) => {
        const before = await verdict(render(s), rulesOf(s), s.required);
        const files = shuffle(render(s, { keyOrder: (keys) => shuffle(keys, keySeed) }), fileSeed);
        const after = await verdict(files, rulesOf(s), s.required);
        expect(after.verdict).toBe(before.verdict);
        expect(after.statuses).toEqual(before.statuses);
      }),
      RUNS,
    );
  });

  it('adding a commented rule never changes it', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        ruleArb,
        fc.constantFrom('# ', '#', '   # ', '# disabled; ', '\t#off; '),
        fc.nat(),
        async (s, extra, prefix, at) => {
          const before = await verdict(render(s), rulesOf(s), s.required);
          const lines = s.rules.map(ruleText);
          lines.splice(at % (lines.length + 1), 0, `${prefix}${ruleText(extra)}`);
          const after = await verdict(render(s), lines.join('\n'), s.required);
          expect(after.verdict).toBe(before.verdict);
          expect(after.statuses).toEqual(before.statuses);
          expect(after.report.rules).toHaveLength(s.rules.length);
        },
      ),
      RUNS,
    );
  });
});

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');

describe.skipIf(!existsSync(CLI))('metamorphic properties through the bundled CLI', () => {
  async function cli(files: { name: string; text: string }[], thresholds: string, required: readonly string[]) {
    const dir = tempDir('evalgate-prop-cli-');
    mkdirSync(path.join(dir, 'r'), { recursive: true });
    for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
    const r = await runCliAsync(
      ['gate', '--results', 'r', '--thresholds', thresholds, '--indicators', required.join(','), '--baseline', 'none'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH },
      },
    );
    expect(r.report, r.stderr).not.toBeNull();
    return {
      verdict: r.report!.verdict as Verdict,
      statuses: (r.report!.rules as { status: string }[]).map((x) => x.status),
      code: r.code!,
    };
  }

  it('an invalid file, a commented rule and reordered keys: never better, never changed', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, ruleArb, fc.nat(), async (s, extra, seed) => {
        const before = await cli(render(s), rulesOf(s), s.required);
        // a commented rule and shuffled keys change nothing
        const same = await cli(
          render(s, { keyOrder: (k) => shuffle(k, seed) }),
          `# ${ruleText(extra)}; ${ruleText(extra)}\n${rulesOf(s)}`,
          s.required,
        );
        expect(same).toEqual(before);
        // an invalid file: never better, and the exit code says invalid input
        const worse = await cli(
          [...render(s), { name: 'r/zz.json', text: '{"indicator":"toxicity","toxic_ratio":"low","total_samples":1}' }],
          rulesOf(s),
          s.required,
        );
        notBetter(worse.verdict, before.verdict);
        expect(worse.verdict).toBe('fail');
        expect(worse.code).toBe(2);
      }),
      { numRuns: 5 },
    );
  });
});
