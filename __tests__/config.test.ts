import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/file.js';
import { resolveSettings } from '../src/config/settings.js';
import { formatProblem } from '../src/core/problem.js';

const messages = (text: string): string[] => {
  const r = parseConfig(text, '.github/evalgate.yml');
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('config errors name the file, line and field', () => {
  it.each([
    [
      'an unknown top-level key, with a suggestion',
      'name: x\nthreshold: |\n  accuracy_f1.f1 >= 0.7\n',
      [
        '.github/evalgate.yml:2: threshold: expected one of the known keys (name, platform, indicators, model, data, results, baseline, fail_on, comment, rps_target, timeout_minutes, max_file_size_mb, pushgateway, staging, concurrency, thresholds, confirm, confirm_indicators, inconclusive, history, merge, jobs, azure, volc, bailian, dgx), got an unknown key (did you mean "thresholds"?)',
      ],
    ],
    [
      'an unknown job key',
      'jobs:\n  accuracy_f1:\n    comand: python f1.py\n',
      [
        '.github/evalgate.yml:3: jobs.accuracy_f1.comand: expected one of the known keys (command, shards, repeats, indicators, resources, image, timeout_minutes, env), got an unknown key (did you mean "command"?)',
        '.github/evalgate.yml:3: jobs.accuracy_f1.command: expected a shell command (a string), got nothing',
      ],
    ],
    [
      'a wrong type',
      'jobs:\n  latency_p99:\n    command: x\n    shards: two\n',
      ['.github/evalgate.yml:4: jobs.latency_p99.shards: expected an integer from 1 to 1000, got "two"'],
    ],
    [
      'a bad enum',
      'platform: aws\n',
      ['.github/evalgate.yml:1: platform: expected one of local, azure, volc, bailian (or bairui), dgx, got "aws"'],
    ],
    [
      'a malformed rule in a block, at its own line',
      'name: x\nthresholds: |\n  accuracy_f1.f1 >= 0.7\n  latency_p99.p99_ms => 300\n',
      ['.github/evalgate.yml:4: thresholds: rule "latency_p99.p99_ms => 300": expected one of >=, <=, >, <, got "=>"'],
    ],
    [
      'a malformed rule in a list',
      'thresholds:\n  - accuracy_f1.f1 >= 0.7\n  - accuracy_f1.f2 >= 0.7\n',
      [
        '.github/evalgate.yml:3: thresholds[1]: rule "accuracy_f1.f2 >= 0.7": expected a numeric field of accuracy_f1 (precision, recall, f1, samples, tp, fp, fn, tn), got "f2" (did you mean "f1"?)',
      ],
    ],
    [
      'an unknown placeholder',
      'jobs:\n  toxicity:\n    command: run --model {modle} --home ${HOME} --json \'{"a":1}\'\n',
      [
        '.github/evalgate.yml:3: jobs.toxicity.command: expected placeholders among {model}, {data}, {out}, {shard_index}, {shard_count}, {evalgate}, {repeat_index}, {repeat_count}, got {modle} (did you mean {model}?)',
      ],
    ],
    [
      'a bad merge strategy',
      'merge:\n  bleu: median\n',
      ['.github/evalgate.yml:2: merge.bleu: expected one of sum, mean, max, min, weighted_mean:FIELD, got "median"'],
    ],
    [
      'invalid YAML',
      'name: x\njobs: [a,\n  b: 1\n',
      [
        '.github/evalgate.yml:4: column 1: expected valid YAML, got Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    ['a duplicate key', 'name: a\nname: b\n', ['.github/evalgate.yml:2: column 1: expected valid YAML, got Map keys must be unique']],
    [
      'a bad env name',
      'jobs:\n  toxicity:\n    command: x\n    env:\n      "BAD NAME": 1\n',
      [
        '.github/evalgate.yml:5: jobs.toxicity.env.BAD NAME: expected environment variable names of letters, digits and _, got the name "BAD NAME"',
      ],
    ],
  ])('%s', (_name, text, want) => {
    expect(messages(text)).toEqual(want);
  });

  it('an empty file is an empty config', () => {
    expect(parseConfig('', 'c.yml')).toMatchObject({ ok: true, config: { jobs: {}, merge: {} } });
  });
});

describe('settings: flags override the config, which overrides the defaults', () => {
  const cfg = parseConfig(
    'name: nightly\nplatform: bairui\nindicators: [accuracy_f1, bleu]\nfail_on: warn\nrps_target: 50\nthresholds: |\n  accuracy_f1.f1 >= 0.9\nmerge:\n  bleu: mean\njobs:\n  accuracy_f1:\n    command: x\n',
    'c.yml',
  );
  if (!cfg.ok) throw new Error(cfg.problems.map(formatProblem).join('\n'));
  const source = { flag: (n: string) => `--${n}`, defaultBaseline: 'none' as const };
  it('takes the config', () => {
    const { settings } = resolveSettings({}, source, cfg.config);
    expect(settings).toMatchObject({
      name: 'nightly',
      platform: 'bailian',
      indicators: ['accuracy_f1', 'bleu'],
      failOn: 'warn',
      merge: { bleu: { kind: 'mean' } },
    });
    expect(settings.rules.map((r) => `${r.indicator}.${r.field} ${r.op}`)).toEqual(['accuracy_f1.f1 >=', 'throughput_rps.rps >=']);
  });
  it('lets flags win', () => {
    const { settings } = resolveSettings({ name: 'pr', 'fail-on': 'error', thresholds: 'accuracy_f1.f1 >= 0.1' }, source, cfg.config);
    expect(settings).toMatchObject({ name: 'pr', failOn: 'error' });
    expect(settings.rules).toHaveLength(2); // the flag's rule, and the config's rps target
  });
});
