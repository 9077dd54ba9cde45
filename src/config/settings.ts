/**
 * Everything a gate needs, typed once, from CLI flags or action inputs (and, later, the config
 * file). Every bad value becomes a Problem naming the flag/input and what was expected.
 */
import type { Problem } from '../core/problem.js';
import { BUILTIN_INDICATORS, INDICATOR_NAME_RULE, isIndicatorName } from '../core/indicators/schemas.js';
import { MERGE_STRATEGY_SYNTAX, parseMergeStrategy, type MergeStrategy } from '../core/indicators/merge.js';
import { defaultRules, parseRules, rpsRule, type Rule } from '../core/rules.js';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../stores/fs.js';
import { didYouMean } from '../core/suggest.js';
import type { Config, JobConfig } from './file.js';

export type FailOn = 'error' | 'warn' | 'never';
export type BaselineSetting = { kind: 'none' } | { kind: 'auto' } | { kind: 'file'; path: string };

export interface Settings {
  name: string;
  platform: string;
  /** required indicators */
  indicators: string[];
  rules: Rule[];
  failOn: FailOn;
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
  /** platform sections of the config */
  platformConfig: Record<string, Record<string, unknown>>;
  /** a Prometheus Pushgateway to push report.prom to */
  pushgateway?: string;
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

  let name = raw.name?.trim() || config?.name || DEFAULT_NAME;
  if (!GATE_NAME.test(name)) {
    bad('name', 'a gate name of letters, digits, ".", "_" and "-"', name);
    name = DEFAULT_NAME; // the report still written must not carry it (it goes into a comment marker)
  }

  let platform = (raw.platform?.trim() || config?.platform || 'local').toLowerCase();
  if (platform === 'bairui') platform = 'bailian'; // the seed's name for it
  if (!(PLATFORMS as readonly string[]).includes(platform))
    problems.push({
      file: source.flag('platform'),
      expected: `one of ${PLATFORMS.join(', ')}`,
      found: `${JSON.stringify(platform)}${didYouMean(platform, PLATFORMS)}`,
    });

  let indicators: string[] = config?.indicators ? [...new Set(config.indicators)] : [...BUILTIN_INDICATORS];
  if (raw.indicators?.trim()) {
    indicators = [...new Set(raw.indicators.split(/[,\s]+/).filter(Boolean))];
    if (indicators.length === 0) {
      bad('indicators', 'at least one indicator name', raw.indicators);
      indicators = [...BUILTIN_INDICATORS];
    }
    for (const i of indicators) if (!isIndicatorName(i)) bad('indicators', `${INDICATOR_NAME_RULE}, separated by commas`, i);
  }

  /** A flag that must be a number > 0; a bad one is a problem and leaves `fallback`. */
  const positive = <T extends number | undefined>(name: keyof RawSettings, expected: string, fallback: T): number | T => {
    const text = (raw[name] as string | undefined)?.trim();
    if (!text) return fallback;
    const n = Number(text);
    if (Number.isFinite(n) && n > 0) return n;
    bad(name, expected, text);
    return fallback;
  };

  const rpsTarget = positive('rps-target', 'a number > 0', config?.rps_target);

  let rules: Rule[];
  if (raw.thresholds?.trim()) {
    const parsed = parseRules(raw.thresholds, source.flag('thresholds'));
    problems.push(...parsed.problems);
    rules = parsed.rules;
    if (rpsTarget !== undefined) rules.push(rpsRule(rpsTarget));
  } else if (config?.rules) {
    rules = [...config.rules];
    if (rpsTarget !== undefined) rules.push(rpsRule(rpsTarget));
  } else rules = defaultRules(indicators, rpsTarget);

  const failOn = (raw['fail-on']?.trim() || config?.fail_on || 'error') as FailOn;
  if (!['error', 'warn', 'never'].includes(failOn)) bad('fail-on', 'one of error, warn, never', failOn);

  let baseline: BaselineSetting = { kind: source.defaultBaseline };
  const b = raw.baseline?.trim() || config?.baseline?.trim();
  if (b === 'none') baseline = { kind: 'none' };
  else if (b === 'auto') baseline = { kind: 'auto' };
  else if (b) baseline = { kind: 'file', path: b };

  const maxFileSizeMb = positive('max-file-size', 'a size in MiB > 0', config?.max_file_size_mb ?? DEFAULT_MAX_FILE_SIZE_MB);

  const merge: Record<string, MergeStrategy> = { ...config?.merge };
  for (const m of raw.merge ?? []) {
    const eq = m.indexOf('=');
    const strategy = eq > 0 ? parseMergeStrategy(m.slice(eq + 1)) : null;
    if (!strategy || !isIndicatorName(m.slice(0, eq).trim())) bad('merge', `INDICATOR=STRATEGY with STRATEGY ${MERGE_STRATEGY_SYNTAX}`, m);
    else merge[m.slice(0, eq).trim()] = strategy;
  }

  const timeoutMinutes = positive('timeout-minutes', 'a number of minutes > 0', config?.timeout_minutes ?? DEFAULT_TIMEOUT_MINUTES);

  const dryRunText = raw['dry-run']?.trim().toLowerCase();
  if (dryRunText && !['true', 'false'].includes(dryRunText)) bad('dry-run', 'true or false', raw['dry-run']!);

  const pushgateway = raw.pushgateway?.trim();
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
      problems.push({ file: source.flag('pushgateway'), expected: 'an http:// or https:// Pushgateway URL', found: shown });
    }
  }

  const settings: Settings = {
    name,
    platform,
    indicators,
    rules,
    failOn,
    baseline,
    out: raw.out?.trim() || DEFAULT_OUT,
    maxFileSizeMb,
    merge,
    jobs: config?.jobs ?? {},
    timeoutMinutes,
    dryRun: dryRunText === 'true',
    platformConfig: {
      ...(config?.azure && { azure: config.azure }),
      ...(config?.volc && { volc: config.volc }),
      ...(config?.bailian && { bailian: config.bailian }),
      ...(config?.dgx && { dgx: config.dgx }),
    },
  };
  const results = raw.results?.trim() || config?.results;
  if (results) settings.results = results;
  const model = raw.model?.trim() || config?.model;
  if (model) settings.model = model;
  const data = raw.data?.trim() || config?.data;
  if (data) settings.data = data;
  if (config?.concurrency) settings.concurrency = config.concurrency;
  if (pushgateway) settings.pushgateway = pushgateway;
  if (config) settings.configFile = config.file;
  return { settings, problems };
}
