/**
 * The config file (`.github/evalgate.yml` by default): YAML parsed with positions kept, validated
 * with zod; every problem names the file, the line and the field, and what was expected (an
 * unknown key gets a "did you mean" when a known one is close).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { describeValue, type Problem } from '../core/problem.js';
import { INDICATOR_NAME_RULE, isIndicatorName } from '../core/indicators/names.js';
import { MERGE_STRATEGY_SYNTAX, parseMergeStrategy, type MergeStrategy } from '../core/indicators/strategy.js';
import { parseRules, type Rule } from '../core/rules.js';
import { closest } from '../core/suggest.js';
import { placeholderContextProblems } from '../core/plan.js';
import { GATE_NAME } from './settings.js';
import { stagingSchema } from '../platforms/staging.js';
import { MAX_CONFIRM } from '../core/confirm.js';
import { MAX_HISTORY } from '../core/baseline.js';

export { DEFAULT_CONFIG } from './settings.js';
import { DEFAULT_CONFIG } from './settings.js';

const indicatorName = z.string({ error: 'an indicator name' }).refine(isIndicatorName, { error: INDICATOR_NAME_RULE });
const positive = (what = 'a number > 0') => z.number({ error: what }).gt(0, { error: what });
const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'a string, number or boolean' });

const jobSchema = z.strictObject(
  {
    command: z.string({ error: 'a shell command (a string)' }).min(1, { error: 'a non-empty shell command' }),
    shards: z
      .number({ error: 'an integer from 1 to 1000' })
      .int({ error: 'an integer from 1 to 1000' })
      .min(1, { error: 'an integer from 1 to 1000' })
      .max(1000, { error: 'an integer from 1 to 1000' })
      .optional(),
    // SPEC §9: the job and all its shards run this many times, each an independent measurement
    repeats: z
      .number({ error: 'an integer from 1 to 100' })
      .int({ error: 'an integer from 1 to 100' })
      .min(1, { error: 'an integer from 1 to 100' })
      .max(100, { error: 'an integer from 1 to 100' })
      .optional(),
    indicators: z
      .array(indicatorName, { error: 'a list of the indicators this job writes' })
      .min(1, { error: 'at least one indicator' })
      .optional(),
    resources: z
      .strictObject(
        {
          cpu: positive().optional(),
          memory_gb: positive().optional(),
          gpus: z.number({ error: 'an integer ≥ 0' }).int({ error: 'an integer ≥ 0' }).min(0, { error: 'an integer ≥ 0' }).optional(),
          gpu_type: z.string({ error: 'a string' }).optional(),
          instance_type: z.string({ error: 'a string' }).optional(),
        },
        { error: 'a mapping of cpu, memory_gb, gpus, gpu_type, instance_type' },
      )
      .optional(),
    image: z.string({ error: 'a container image reference' }).optional(),
    timeout_minutes: positive('a number of minutes > 0').optional(),
    env: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'an environment variable name (letters, digits, _)' }), scalar, {
        error: 'a mapping of NAME: value',
      })
      .optional(),
  },
  { error: 'a mapping with command (and shards, repeats, indicators, resources, image, timeout_minutes, env)' },
);
export type JobConfig = z.infer<typeof jobSchema>;

const platformSection = z.record(z.string(), z.unknown(), { error: 'a mapping' });

export const configSchema = z.strictObject(
  {
    name: z.string({ error: 'a gate name' }).regex(GATE_NAME, { error: 'a gate name of letters, digits, ".", "_" and "-"' }).optional(),
    platform: z
      .enum(['local', 'azure', 'volc', 'bailian', 'bairui', 'dgx'], { error: 'one of local, azure, volc, bailian (or bairui), dgx' })
      .optional(),
    indicators: z.union([z.array(indicatorName), z.string()], { error: 'a list of indicator names' }).optional(),
    model: z.string({ error: 'a path or URI' }).optional(),
    data: z.string({ error: 'a path or URI' }).optional(),
    results: z.string({ error: 'a folder, glob or URI' }).optional(),
    baseline: z.string({ error: 'auto, none or a path to a report.json' }).optional(),
    fail_on: z.enum(['error', 'warn', 'never'], { error: 'one of error, warn, never' }).optional(),
    comment: z.enum(['always', 'on-failure', 'never', 'on-change', 'new'], { error: 'one of always, on-failure, never, on-change, new' }).optional(),
    rps_target: positive().optional(),
    timeout_minutes: positive('a number of minutes > 0').optional(),
    max_file_size_mb: positive('a size in MiB > 0').optional(),
    pushgateway: z.string({ error: 'a URL' }).optional(),
    staging: stagingSchema.optional(),
    concurrency: z.number({ error: 'an integer ≥ 1' }).int({ error: 'an integer ≥ 1' }).min(1, { error: 'an integer ≥ 1' }).optional(),
    thresholds: z.union([z.string(), z.array(z.string())], { error: 'rule lines (a block of text or a list)' }).optional(),
    // noise (SPEC §9): confirm before fail, and a baseline over the last reports
    confirm: z
      .number({ error: `an integer from 0 to ${MAX_CONFIRM} (reruns of a failing job)` })
      .int({ error: `an integer from 0 to ${MAX_CONFIRM} (reruns of a failing job)` })
      .min(0, { error: `an integer from 0 to ${MAX_CONFIRM} (reruns of a failing job)` })
      .max(MAX_CONFIRM, { error: `an integer from 0 to ${MAX_CONFIRM} (reruns of a failing job)` })
      .optional(),
    confirm_indicators: z
      .array(indicatorName, { error: 'a list of the indicators confirm reruns' })
      .min(1, { error: 'at least one indicator (or leave confirm_indicators out)' })
      .optional(),
    inconclusive: z.enum(['fail', 'warn'], { error: 'fail (the default) or warn' }).optional(),
    history: z
      .number({ error: `an integer from 1 to ${MAX_HISTORY} (base-branch reports to read)` })
      .int({ error: `an integer from 1 to ${MAX_HISTORY} (base-branch reports to read)` })
      .min(1, { error: `an integer from 1 to ${MAX_HISTORY} (base-branch reports to read)` })
      .max(MAX_HISTORY, { error: `an integer from 1 to ${MAX_HISTORY} (base-branch reports to read)` })
      .optional(),
    merge: z.record(indicatorName, z.string({ error: MERGE_STRATEGY_SYNTAX }), { error: 'a mapping of indicator: strategy' }).optional(),
    jobs: z.record(indicatorName, jobSchema, { error: 'a mapping of indicator: job' }).optional(),
    azure: platformSection.optional(),
    volc: platformSection.optional(),
    bailian: platformSection.optional(),
    dgx: platformSection.optional(),
  },
  { error: 'a mapping of evalgate settings' },
);
type RawConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'thresholds' | 'merge' | 'indicators' | 'platform'> {
  /** the config file, as the user named it */
  file: string;
  platform?: 'local' | 'azure' | 'volc' | 'bailian' | 'dgx';
  indicators?: string[];
  /** the parsed `thresholds` (absent when the file has none) */
  rules?: Rule[];
  merge: Record<string, MergeStrategy>;
  jobs: Record<string, JobConfig>;
}

const TOP_KEYS = Object.keys(configSchema.shape);
const JOB_KEYS = Object.keys(jobSchema.shape);

/** 1-based line of the node at `p` (or of the nearest existing parent). */
function lineAt(doc: Document, lc: LineCounter, p: readonly PropertyKey[]): number | undefined {
  for (let n = p.length; n >= 0; n--) {
    const node = doc.getIn(p.slice(0, n) as (string | number)[], true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

/** 1-based line of the key `key` in the mapping at `p`. */
function keyLine(doc: Document, lc: LineCounter, p: readonly PropertyKey[], key: string): number | undefined {
  const map = p.length ? doc.getIn(p as (string | number)[], true) : doc.contents;
  if (isMap(map)) {
    let index = keyIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const it of map.items) if (isScalar(it.key) && !index.has(String(it.key.value))) index.set(String(it.key.value), it.key);
      keyIndexes.set(map, index);
    }
    const k = index.get(key);
    if (k?.range) return lc.linePos(k.range[0]).line;
  }
  return lineAt(doc, lc, p);
}

const byLine = (ps: Problem[]): Problem[] =>
  [...ps].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.path ?? '').localeCompare(b.path ?? ''));

const fieldName = (p: readonly PropertyKey[]): string => p.map(String).join('.') || '(top level)';

/** The config file's size cap, inclusive: a config is a page of YAML, not data. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/**
 * Aliases a config may expand: YAML anchors are handy for repeated job sections, but each alias
 * of a billion-laughs document multiplies the work; the yaml package refuses beyond this count.
 */
export const MAX_CONFIG_ALIASES = 100;

/** key -> line index of each mapping, built once per mapping (a lookup per key was quadratic) */
const keyIndexes = new WeakMap<object, Map<string, Node>>();

export type ConfigLoad = { ok: true; config: Config; problems: Problem[] } | { ok: false; problems: Problem[] };

export function parseConfig(text: string, file: string): ConfigLoad {
  if (text.length > MAX_CONFIG_BYTES || Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
    const bytes = Buffer.byteLength(text, 'utf8');
    return {
      ok: false,
      problems: [{ file, expected: `a config file of at most ${MAX_CONFIG_BYTES / 1024} KiB`, found: `${bytes} bytes` }],
    };
  }
  const lc = new LineCounter();
  // uniqueKeys: false: the yaml package compares each key with every earlier one (quadratic in a
  // 40,000-key mapping); duplicates are found below with one set per mapping instead
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: false });
  if (!doc.errors.length) {
    const dup = duplicateKeys(doc.contents, lc, file);
    if (dup.length) return { ok: false, problems: dup };
  }
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line,
        expected: 'valid YAML',
        found: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        path: e.linePos?.[0] ? `column ${e.linePos[0].col}` : undefined,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
  } catch (e) {
    // a billion-laughs document: the yaml package stops expanding it and says why
    return {
      ok: false,
      problems: [
        { file, expected: `YAML whose aliases expand at most ${MAX_CONFIG_ALIASES} times`, found: (e as Error).message.split('\n')[0]! },
      ],
    };
  }
  const parsed = configSchema.safeParse(value);
  const problems: Problem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const known = issue.path.length === 0 ? TOP_KEYS : issue.path.length === 2 && issue.path[0] === 'jobs' ? JOB_KEYS : [];
        for (const key of issue.keys) {
          const hint = closest(key, known);
          problems.push({
            file,
            line: keyLine(doc, lc, issue.path, key),
            path: fieldName([...issue.path, key]),
            expected: known.length ? `one of the known keys (${known.join(', ')})` : 'a known key',
            found: `an unknown key${hint ? ` (did you mean "${hint}"?)` : ''}`,
          });
        }
        continue;
      }
      if (issue.code === 'invalid_key') {
        // a bad key of a mapping (an env var name): the key is what was found
        const key = String(issue.path[issue.path.length - 1]);
        const expected = issue.path.includes('env')
          ? 'environment variable names of letters, digits and _'
          : 'names of letters, digits, "_" and "-"';
        problems.push({
          file,
          line: keyLine(doc, lc, issue.path.slice(0, -1), key),
          path: fieldName(issue.path),
          expected,
          found: `the name ${JSON.stringify(key)}`,
        });
        continue;
      }
      let found: unknown = value;
      for (const seg of issue.path) found = found && typeof found === 'object' ? (found as Record<PropertyKey, unknown>)[seg] : undefined;
      problems.push({
        file,
        line: lineAt(doc, lc, issue.path),
        path: fieldName(issue.path),
        expected: issue.message,
        found: describeValue(found),
      });
    }
    return { ok: false, problems: byLine(problems) };
  }
  const raw = parsed.data;

  let rules: Rule[] | undefined;
  if (raw.thresholds !== undefined) {
    rules = [];
    const node = doc.get('thresholds', true) as Node | undefined;
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const line = (item as Node).range ? lc.linePos((item as Node).range![0]).line : undefined;
        const r = parseRules((raw.thresholds as string[])[i]!, file, line ?? 1);
        rules!.push(...r.rules);
        problems.push(...r.problems.map((p) => ({ ...p, path: `thresholds[${i}]: ${p.path}` })));
      });
    } else {
      const start = node?.range ? lc.linePos(node.range[0]).line : 1;
      // a block scalar's text starts on the line after its `|` or `>`
      const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
      const r = parseRules(raw.thresholds as string, file, start + (block ? 1 : 0));
      rules.push(...r.rules);
      problems.push(...r.problems.map((p) => ({ ...p, path: `thresholds: ${p.path}` })));
    }
  }

  const merge: Record<string, MergeStrategy> = {};
  for (const [k, v] of Object.entries(raw.merge ?? {})) {
    const s = parseMergeStrategy(v);
    if (s) merge[k] = s;
    else
      problems.push({
        file,
        line: lineAt(doc, lc, ['merge', k]),
        path: `merge.${k}`,
        expected: MERGE_STRATEGY_SYNTAX,
        found: JSON.stringify(v),
      });
  }

  for (const [name, job] of Object.entries(raw.jobs ?? {})) {
    for (const p of placeholderProblems(job.command)) {
      problems.push({ file, line: lineAt(doc, lc, ['jobs', name, 'command']), path: `jobs.${name}.command`, ...p });
    }
  }

  const indicators = typeof raw.indicators === 'string' ? raw.indicators.split(/[,\s]+/).filter(Boolean) : raw.indicators;
  if (indicators?.length === 0) {
    const expected = 'at least one indicator name';
    problems.push({ file, line: lineAt(doc, lc, ['indicators']), path: 'indicators', expected, found: describeValue(raw.indicators) });
  }
  const config: Config = {
    ...raw,
    file,
    platform: raw.platform === 'bairui' ? 'bailian' : raw.platform,
    indicators,
    rules,
    merge,
    jobs: raw.jobs ?? {},
  };
  if (rules === undefined) delete config.rules;
  return problems.length ? { ok: false, problems: byLine(problems) } : { ok: true, config, problems };
}

/** Keys that appear twice in one mapping, with their lines; iterative, one set per mapping. */
function duplicateKeys(root: unknown, lc: LineCounter, file: string): Problem[] {
  const out: Problem[] = [];
  const stack: { node: unknown; path: string }[] = [{ node: root, path: '' }];
  while (stack.length && out.length < 20) {
    const { node, path: at } = stack.pop()!;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const it of node.items) {
        const key = isScalar(it.key) ? String(it.key.value) : String(it.key);
        const p = at ? `${at}.${key}` : key;
        if (seen.has(key)) {
          const k = it.key as Node | null;
          const pos = k?.range ? lc.linePos(k.range[0]) : undefined;
          // worded as the yaml package words it (uniqueKeys), with the key's line and column
          out.push({
            file,
            line: pos?.line,
            path: pos ? `column ${pos.col}` : p,
            expected: 'valid YAML',
            found: 'Map keys must be unique',
          });
        } else seen.add(key);
        stack.push({ node: it.value, path: p });
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, path: `${at}[${i}]` }));
  }
  return out;
}

export const PLACEHOLDERS = ['model', 'data', 'out', 'shard_index', 'shard_count', 'evalgate', 'repeat_index', 'repeat_count'] as const;

/**
 * Unknown placeholders, and known ones where the shell would not expand them as data (single
 * quotes, quoted heredocs, arithmetic on a path, strings run by `sh -c`/`eval`: see placeholderSites).
 */
export function placeholderProblems(command: string): { expected: string; found: string }[] {
  const out: { expected: string; found: string }[] = [];
  for (const m of command.matchAll(/(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    const name = m[1]!;
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      const hint = closest(name, PLACEHOLDERS);
      out.push({
        expected: `placeholders among {${PLACEHOLDERS.join('}, {')}}`,
        found: `{${name}}${hint ? ` (did you mean {${hint}}?)` : ''}`,
      });
    }
  }
  for (const problem of placeholderContextProblems(command)) {
    out.push({ expected: 'placeholders where the shell expands them as data', found: problem });
  }
  return out;
}

/** Reads the config at `file`; a missing default config is not an error, a missing named one is. */
export async function loadConfig(file: string | undefined, cwd: string): Promise<ConfigLoad | null> {
  const name = file ?? DEFAULT_CONFIG;
  let text: string;
  try {
    const abs = path.resolve(cwd, name);
    const size = (await fs.stat(abs)).size;
    if (size > MAX_CONFIG_BYTES) {
      return {
        ok: false,
        problems: [{ file: name, expected: `a config file of at most ${MAX_CONFIG_BYTES / 1024} KiB`, found: `${size} bytes` }],
      };
    }
    text = await fs.readFile(abs, 'utf8');
  } catch (e) {
    if (file === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return {
      ok: false,
      problems: [
        {
          file: name,
          expected: 'a readable config file (--config)',
          found: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((e as Error).message),
        },
      ],
    };
  }
  return parseConfig(text, name);
}
