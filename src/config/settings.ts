/**
 * Everything a gate needs, typed once, from CLI flags or action inputs (and, later, the config
 * file). Every bad value becomes a Problem naming the flag/input and what was expected.
 */
import type { Problem } from '../core/problem.js';
import { BUILTIN_INDICATORS, INDICATOR_NAME_RULE, isIndicatorName } from '../core/indicators/names.js';
import { MERGE_STRATEGY_SYNTAX, parseMergeStrategy, type MergeStrategy } from '../core/indicators/strategy.js';
import { defaultRules, parseRules, rpsRule, type Rule } from '../core/rules.js';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../stores/fs.js';
import { didYouMean } from '../core/suggest.js';
import type { Config, JobConfig } from './file.js';
import type { StagingSection } from '../platforms/staging.js';

/** The config file read when --config is not given (here, not in file.ts: a gate without one never loads the YAML reader). */
export const DEFAULT_CONFIG = '.github/evalgate.yml';

export type { FailOn } from '../core/gate.js';
import type { FailOn, InconclusiveAs } from '../core/gate.js';
import { DEFAULT_CONFIRM_INDICATORS } from '../core/confirm.js';
export type CommentMode = 'always' | 'on-failure' | 'never' | 'on-change' | 'new';
export const COMMENT_MODES: readonly CommentMode[] = ['always', 'on-failure', 'never', 'on-change', 'new'];
export type BaselineSetting = { kind: 'none' } | { kind: 'auto' } | { kind: 'file'; path: string };

export interface Settings {
  name: string;
  platform: string;
  /** required indicators */
  indicators: string[];
  rules: Rule[];
  /** where the rules came from (`--thresholds`, the config file, or the defaults), as problems name it */
  rulesSource: string;
  failOn: FailOn;
  /** when the action posts its PR comment */
  comment: CommentMode;
  baseline: BaselineSetting;
  out: string;
  maxFileSizeMb: number;
  merge: Record<string, MergeStrategy>;
  results?: string;
  model?: string;
  data?: string;
  /** the jobs of the config, keyed by indicator (or job name) */
  jobs: Record<string, JobConfig>;
  /** per-job timeout unless the job sets its own */
  timeoutMinutes: number;
  /** local platform: jobs at once (default: the number of CPUs) */
  concurrency?: number;
  dryRun: boolean;
  /** the config file the settings came from, if any */
  configFile?: string;
  /** the config's top-level `staging` (part size and concurrency of uploads), each platform's own wins */
  staging?: StagingSection;
  /** platform sections of the config */
  platformConfig: Record<string, Record<string, unknown>>;
  /** a Prometheus Pushgateway to push report.prom to */
  pushgateway?: string;
  /** SPEC §9 `confirm`: reruns of the jobs behind a failing error-level rule (0: none) */
  confirm: number;
  /** the indicators `confirm` applies to */
  confirmIndicators: string[];
  /** what an inconclusive verdict counts as for the exit code */
  inconclusive: InconclusiveAs;
  /** SPEC §9 `history`: base-branch reports `baseline: auto` reads (the newest is `baseline`) */
  history: number;
}

/** Raw values as strings, as they come from argv or `INPUT_*` (names are the action's inputs). */
export interface RawSettings {
  name?: string;
  platform?: string;
  indicators?: string;
  thresholds?: string;
  'rps-target'?: string;
  baseline?: string;
  'fail-on'?: string;
  comment?: string;
  out?: string;
  'max-file-size'?: string;
  merge?: string[];
  results?: string;
  model?: string;
  data?: string;
  'timeout-minutes'?: string;
  'dry-run'?: string;
  pushgateway?: string;
}

export const DEFAULT_NAME = 'evalgate';
export const DEFAULT_OUT = 'evalgate-report';
export const DEFAULT_TIMEOUT_MINUTES = 60;
/** A gate name: it goes into the comment marker, the artifact name and report.prom labels. */
export const GATE_NAME = /^[A-Za-z0-9_.-]+$/;
export const PLATFORMS = ['local', 'azure', 'volc', 'bailian', 'dgx'] as const;

/**
 * Where each setting comes from, in one table: an input given in the workflow (or a flag) wins
 * over the config file, which wins over the default. "Given" is a value with something other than
 * blanks in it (the runner passes an input that a workflow leaves out as an empty string).
 */
export const PRECEDENCE = {
  name: 'name',
  platform: 'platform',
  indicators: 'indicators',
  thresholds: 'rules',
  'rps-target': 'rps_target',
  baseline: 'baseline',
  'fail-on': 'fail_on',
  comment: 'comment',
  results: 'results',
  model: 'model',
  data: 'data',
  'timeout-minutes': 'timeout_minutes',
  'max-file-size': 'max_file_size_mb',
  pushgateway: 'pushgateway',
} as const satisfies Partial<Record<keyof RawSettings, keyof Config>>;
type Precedent = keyof typeof PRECEDENCE;

/**
 * Flags (or action inputs) override the config file, which overrides the defaults. Config values
 * were validated when the file was read; flag values are validated here.
 */
export function resolveSettings(
  raw: RawSettings,
  source: { flag: (name: string) => string; defaultBaseline: 'none' | 'auto' },
  config?: Config,
): {
  settings: Settings;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const bad = (name: string, expected: string, found: string): void => {
    problems.push({ file: source.flag(name), expected, found: JSON.stringify(found) });
  };

  /**
   * The one precedence rule: the input's text when given (validated by `parse`, which reports a
   * bad one and returns undefined), else the config's value, else the default.
   */
  function pick<T>(
    name: Precedent,
    parse: (text: string) => T | undefined,
    fallback: T,
  ): { value: T; from: 'input' | 'config' | 'default' };
  function pick<T>(name: Precedent, parse: (text: string) => T | undefined): { value: T | undefined; from: 'input' | 'config' | 'default' };
  function pick<T>(name: Precedent, parse: (text: string) => T | undefined, fallback?: T) {
    const fromConfig = config?.[PRECEDENCE[name]] as T | undefined;
    const text = raw[name]?.trim();
    if (text) {
      const v = parse(text);
      if (v !== undefined) return { value: v, from: 'input' };
    }
    if (fromConfig !== undefined) return { value: fromConfig, from: 'config' };
    return { value: fallback, from: 'default' };
  }
  const oneOf =
    <T extends string>(name: Precedent, values: readonly T[], expected = `one of ${values.join(', ')}`) =>
    (text: string): T | undefined => {
      const v = text.toLowerCase();
      if ((values as readonly string[]).includes(v)) return v as T;
      bad(name, expected, text);
      return undefined;
    };
  /** a number > 0; a bad one is a problem */
  const positive = (name: Precedent, expected: string) => (text: string) => {
    const n = Number(text);
    if (Number.isFinite(n) && n > 0) return n;
    bad(name, expected, text);
    return undefined;
  };
  const text = (t: string): string => t;

  // a bad name must not reach the report (it goes into a comment marker): the default stands in
  const name = pick(
    'name',
    (t) => {
      if (GATE_NAME.test(t)) return t;
      bad('name', 'a gate name of letters, digits, ".", "_" and "-"', t);
      return DEFAULT_NAME;
    },
    DEFAULT_NAME,
  ).value;

  let platform = pick(
    'platform',
    (t) => {
      const p = t.toLowerCase() === 'bairui' ? 'bailian' : t.toLowerCase(); // the seed's name for it
      if ((PLATFORMS as readonly string[]).includes(p)) return p;
      problems.push({
        file: source.flag('platform'),
        expected: `one of ${PLATFORMS.join(', ')}`,
        found: `${JSON.stringify(t)}${didYouMean(p, PLATFORMS)}`,
      });
      return p;
    },
    'local' as string,
  ).value;
  if (platform === 'bairui') platform = 'bailian';

  // The list of required indicators is never empty (SPEC §3): a gate that holds nothing never passes.
  const NONE_REQUIRED = 'at least one indicator name';
  let indicators: string[];
  if (raw.indicators !== undefined && raw.indicators.split(/[,\s]+/).filter(Boolean).length === 0) {
    // given, and empty (`--indicators ''`, the input `' , '`)
    bad('indicators', NONE_REQUIRED, raw.indicators);
    indicators = [...BUILTIN_INDICATORS];
  } else {
    const picked = pick('indicators', (t) => {
      const list = [...new Set(t.split(/[,\s]+/).filter(Boolean))];
      for (const i of list) if (!isIndicatorName(i)) bad('indicators', `${INDICATOR_NAME_RULE}, separated by commas`, i);
      return list;
    });
    indicators = picked.value ? [...new Set(picked.value)] : [...BUILTIN_INDICATORS];
    if (indicators.length === 0) {
      problems.push({ file: config?.file ?? 'config', path: 'indicators', expected: NONE_REQUIRED, found: 'an empty list' });
      indicators = [...BUILTIN_INDICATORS];
    }
  }

  const rpsTarget = pick('rps-target', positive('rps-target', 'a number > 0')).value;

  let rules: Rule[];
  let rulesSource: string;
  const thresholds = raw.thresholds?.trim() ? raw.thresholds : undefined;
  if (thresholds !== undefined) {
    rulesSource = source.flag('thresholds');
    const parsed = parseRules(thresholds, rulesSource);
    problems.push(...parsed.problems);
    rules = parsed.rules;
    if (rpsTarget !== undefined) rules.push(rpsRule(rpsTarget));
  } else if (config?.rules) {
    rulesSource = config.file;
    rules = [...config.rules];
    if (rpsTarget !== undefined) rules.push(rpsRule(rpsTarget));
  } else {
    rulesSource = 'the default rules';
    rules = defaultRules(indicators, rpsTarget);
  }

  const failOn = pick('fail-on', oneOf<FailOn>('fail-on', ['error', 'warn', 'never']), 'error' as FailOn).value;
  const comment = pick('comment', oneOf<CommentMode>('comment', COMMENT_MODES), 'always' as CommentMode).value;

  const b = pick('baseline', text).value?.trim();
  let baseline: BaselineSetting = { kind: source.defaultBaseline };
  if (b === 'none') baseline = { kind: 'none' };
  else if (b === 'auto') baseline = { kind: 'auto' };
  else if (b) baseline = { kind: 'file', path: b };

  const maxFileSizeMb = pick('max-file-size', positive('max-file-size', 'a size in MiB > 0'), DEFAULT_MAX_FILE_SIZE_MB).value;

  const merge: Record<string, MergeStrategy> = { ...config?.merge };
  for (const m of raw.merge ?? []) {
    const eq = m.indexOf('=');
    const strategy = eq > 0 ? parseMergeStrategy(m.slice(eq + 1)) : null;
    if (!strategy || !isIndicatorName(m.slice(0, eq).trim())) bad('merge', `INDICATOR=STRATEGY with STRATEGY ${MERGE_STRATEGY_SYNTAX}`, m);
    else merge[m.slice(0, eq).trim()] = strategy;
  }

  const timeoutMinutes = pick('timeout-minutes', positive('timeout-minutes', 'a number of minutes > 0'), DEFAULT_TIMEOUT_MINUTES).value;

  const dryRunText = raw['dry-run']?.trim().toLowerCase();
  if (dryRunText && !['true', 'false'].includes(dryRunText)) bad('dry-run', 'true or false', raw['dry-run']!);

  const pushed = pick('pushgateway', text);
  const pushgateway = pushed.value?.trim();
  if (pushgateway) {
    let url: URL | null = null;
    try {
      url = new URL(pushgateway);
    } catch {
      // reported below
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      // the URL may carry a password: name only its scheme and host
      const shown = url ? `${url.protocol}//${url.host}` : 'not a URL';
      const file = pushed.from === 'config' ? (config?.file ?? 'config') : source.flag('pushgateway');
      problems.push({
        file,
        ...(pushed.from === 'config' ? { path: 'pushgateway' } : {}),
        expected: 'an http:// or https:// Pushgateway URL',
        found: shown,
      });
    }
  }

  const settings: Settings = {
    name,
    platform,
    indicators,
    rules,
    rulesSource,
    failOn,
    comment,
    baseline,
    out: raw.out?.trim() || DEFAULT_OUT,
    maxFileSizeMb,
    merge,
    jobs: config?.jobs ?? {},
    timeoutMinutes,
    dryRun: dryRunText === 'true',
    ...(config?.staging && { staging: config.staging }),
    confirm: config?.confirm ?? 0,
    confirmIndicators: [...(config?.confirm_indicators ?? DEFAULT_CONFIRM_INDICATORS)],
    inconclusive: config?.inconclusive ?? 'fail',
    history: config?.history ?? 1,
    platformConfig: {
      ...(config?.azure && { azure: config.azure }),
      ...(config?.volc && { volc: config.volc }),
      ...(config?.bailian && { bailian: config.bailian }),
      ...(config?.dgx && { dgx: config.dgx }),
    },
  };
  for (const k of ['results', 'model', 'data'] as const) {
    const v = pick(k, text).value?.trim();
    if (v) settings[k] = v;
  }
  if (config?.concurrency) settings.concurrency = config.concurrency;
  if (pushgateway) settings.pushgateway = pushgateway;
  if (config) settings.configFile = config.file;
  return { settings, problems };
}
