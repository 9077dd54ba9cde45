/**
 * schema/*.json, the JSON Schemas editors use: generated from the zod schemas (src/schema.ts), so
 * the committed files must be what the code generates now, and they must agree with the CLI on
 * the fixtures and the shipped example configs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, INDICATOR_SCHEMA_FILE, configJsonSchema, indicatorJsonSchema, schemaFiles } from '../src/schema.js';
import { parseConfig } from '../src/config/file.js';
import { parseJsonText } from '../src/core/json.js';
import { validateIndicator } from '../src/core/indicators/validate.js';
import { parseDgxConfig } from '../src/platforms/dgx/config.js';
import { FIXTURES } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCHEMA_DIR = path.join(ROOT, 'schema');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function compile(schema: unknown) {
  // strict: an unknown keyword or format in the generated schema is an error, not ignored
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  return ajv.compile(schema as object);
}

const indicatorSchema = compile(readJson(path.join(SCHEMA_DIR, INDICATOR_SCHEMA_FILE)));
const configSchema = compile(readJson(path.join(SCHEMA_DIR, CONFIG_SCHEMA_FILE)));

describe('schema/ is generated from the zod schemas', () => {
  it.each(Object.keys(schemaFiles()))('schema/%s equals what npm run schema writes', (name) => {
    const committed = readJson(path.join(SCHEMA_DIR, name));
    const generated = JSON.parse(schemaFiles()[name]!);
    // compared as JSON values, so that reformatting the file does not make it stale
    expect(committed, 'schema/ is stale: run npm run schema').toEqual(generated);
  });

  it('names draft 2020-12 and has an $id, title and description', () => {
    for (const s of [configJsonSchema(), indicatorJsonSchema()]) {
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(String(s.$id)).toMatch(/^https:\/\/.+\/schema\/(evalgate|indicator)\.schema\.json$/);
      expect(s.title).toEqual(expect.any(String));
      expect(s.description).toEqual(expect.any(String));
    }
  });
});

describe('indicator.schema.json', () => {
  const valid = readdirSync(path.join(FIXTURES, 'indicators', 'valid')).filter((f) => f.endsWith('.json'));

  it.each(valid)('accepts the valid fixture %s', (file) => {
    const value = readJson(path.join(FIXTURES, 'indicators', 'valid', file));
    expect(indicatorSchema(value), JSON.stringify(indicatorSchema.errors)).toBe(true);
  });

  // Every invalid fixture, by what JSON Schema can say about it; the CLI rejects all of them.
  const INVALID: Record<string, 'rejected' | 'cli only' | 'not json'> = {
    'accuracy_non_integer.json': 'rejected', // samples 10.5: an integer; tp without fn
    'accuracy_out_of_range.json': 'rejected', // precision 1.2: outside [0, 1]
    'bad_indicator_name.json': 'rejected', // "has space": the name pattern
    'no_indicator.json': 'rejected', // the required indicator field
    'p99_string.json': 'rejected', // a string for a number
    'reserved_indicator_name.json': 'rejected', // "constructor": a reserved name
    'robustness_bad.json': 'rejected', // an empty attack_type, success_rate 2
    'samples_bad.json': 'rejected', // negative and non-number samples
    'samples_empty.json': 'rejected', // samples_ms: []
    'throughput_bad.json': 'rejected', // rps 0: must be > 0
    'top_level_array.json': 'rejected',
    'top_level_string.json': 'rejected',
    'overflow_literal.json': 'rejected', // 1e999 parses as Infinity, not a JSON number
    'percentiles_out_of_order.json': 'cli only', // p50 ≤ p90 ≤ p99 compares two fields
    'shard_index_out_of_range.json': 'cli only', // shard.index < shard.count
    'toxicity_count_over_total.json': 'cli only', // toxic_count ≤ total_samples
    'hdr_bad.json': 'cli only', // that the histogram decodes
    'proto_key.json': 'cli only', // the __proto__ key
    'empty.json': 'not json',
    'whitespace.json': 'not json',
    'not_json.json': 'not json',
    'syntax_missing_comma.json': 'not json',
    'python_nonfinite.json': 'not json',
  };

  it('classifies every invalid fixture', () => {
    const files = readdirSync(path.join(FIXTURES, 'indicators', 'invalid')).filter((f) => f.endsWith('.json') && f !== 'expected.json');
    expect(Object.keys(INVALID).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(INVALID).filter(([, how]) => how !== 'not json'))('%s: %s by the schema, rejected by the CLI', (file, how) => {
    const text = readFileSync(path.join(FIXTURES, 'indicators', 'invalid', file), 'utf8');
    const value = JSON.parse(text);
    expect(indicatorSchema(value)).toBe(how === 'cli only');
    const parsed = parseJsonText(text, file);
    expect(parsed.ok && validateIndicator(parsed.value, file).ok).toBe(false);
  });

  it.each([
    ['a custom indicator with any fields', { indicator: 'bleu', score: 31.2, extra: { nested: true } }, true],
    ['a custom indicator with a bad shard', { indicator: 'bleu', shard: { index: -1, count: 1 } }, false],
    ['a built-in name cannot pass as custom', { indicator: 'toxicity', score: 1 }, false],
    ['extra fields of a built-in are kept', { indicator: 'toxicity', toxic_ratio: 0, total_samples: 1, note: 'x' }, true],
    ['tp, fp and fn come together', { indicator: 'accuracy_f1', precision: 1, recall: 1, f1: 1, samples: 1, tp: 1, fp: 0 }, false],
  ])('%s', (_name, value, ok) => {
    expect(indicatorSchema(value)).toBe(ok);
    expect(validateIndicator(value, 'x.json').ok).toBe(ok);
  });
});

describe('evalgate.schema.json', () => {
  const examples = readdirSync(path.join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)(evalgate[^/]*|failing)\.yml$/.test(f))
    .sort();

  it('finds the example configs', () => {
    expect(examples).toEqual(expect.arrayContaining(['demo/evalgate.yml', 'demo/failing.yml']));
  });

  it.each(examples)('examples/%s is valid and names the shipped schema on its first line', (file) => {
    const full = path.join(ROOT, 'examples', file);
    const text = readFileSync(full, 'utf8');
    expect(configSchema(parseYaml(text)), JSON.stringify(configSchema.errors)).toBe(true);
    expect(parseConfig(text, file).ok).toBe(true);
    const m = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
    expect(m, 'first line: # yaml-language-server: $schema=<relative path to schema/evalgate.schema.json>').not.toBeNull();
    expect(path.resolve(path.dirname(full), m![1]!)).toBe(path.join(SCHEMA_DIR, CONFIG_SCHEMA_FILE));
  });

  // configs both the schema and the CLI refuse (the schema as the editor shows it, while typing)
  it.each([
    ['an unknown key', 'nmae: x\n'],
    ['an unknown platform', 'platform: gcp\n'],
    ['a bad gate name', 'name: "a b"\n'],
    ['a reserved indicator name in jobs', 'jobs:\n  constructor:\n    command: echo\n'],
    ['a job without command', 'jobs:\n  accuracy_f1:\n    shards: 2\n'],
    ['shards out of range', 'jobs:\n  accuracy_f1:\n    command: echo\n    shards: 0\n'],
    ['a bad env name', 'jobs:\n  accuracy_f1:\n    command: echo\n    env:\n      1X: y\n'],
    ['an unknown key in a platform section', 'dgx:\n  hots: a\n'],
    ['a relative dgx workdir', 'dgx:\n  workdir: tmp\n'],
    ['rps_target 0', 'rps_target: 0\n'],
  ])('rejects %s', (_name, yaml) => {
    expect(configSchema(parseYaml(yaml))).toBe(false);
    const cli = parseConfig(yaml, 'evalgate.yml');
    if (cli.ok) {
      // a platform section is checked by its platform when the run starts
      expect(yaml).toMatch(/^dgx:/);
      expect(
        parseDgxConfig(cli.config.dgx as Record<string, unknown>, 'evalgate.yml', { workdir: '/w', user: 'u' }).problems.length,
      ).toBeGreaterThan(0);
    }
  });
});
