/**
 * JSON Schemas (draft 2020-12) for editors, generated from the zod schemas the CLI validates with:
 * the config file (with each platform's section) and an indicator file. They are shipped in
 * schema/ and rewritten by `npm run schema`; __tests__/schema.test.ts fails when they are stale.
 * What JSON Schema cannot say (cross-field checks, rule syntax) is listed in each description:
 * the CLI still checks it.
 */
import { z } from 'zod';
import { configSchema } from './config/file.js';
import { BUILTIN_INDICATORS, INDICATOR_NAME, SCHEMAS, custom, isIndicatorName, isReservedName } from './core/indicators/schemas.js';
import { schema as azureSection } from './platforms/azure/config.js';
import { schema as bailianSection } from './platforms/bailian/config.js';
import { schema as dgxSection } from './platforms/dgx/config.js';
import { schema as volcSection } from './platforms/volc/config.js';

type JsonSchema = Record<string, unknown>;

const BASE_URI = 'https://raw.githubusercontent.com/evalgate/evalgate/main/schema/';
export const CONFIG_SCHEMA_FILE = 'evalgate.schema.json';
export const INDICATOR_SCHEMA_FILE = 'indicator.schema.json';

/** Names an indicator may not have: the properties of every JavaScript object (isReservedName). */
const RESERVED_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'].filter(isReservedName).sort();

const indicatorNameJson = (excluded: readonly string[]): JsonSchema => ({
  type: 'string',
  pattern: INDICATOR_NAME.source,
  not: { enum: [...excluded] },
});

/** The formats JSON Schema defines (zod names others, such as starts_with beside its pattern). */
const JSON_SCHEMA_FORMATS = new Set([
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'uuid',
  'regex',
]);

/**
 * zod's refinements are code, not JSON Schema: the one every indicator name goes through
 * (isIndicatorName) becomes its pattern and the reserved names; other refinements are dropped.
 */
const options: Parameters<typeof z.toJSONSchema>[1] = {
  target: 'draft-2020-12',
  io: 'input',
  unrepresentable: 'any',
  override: (ctx) => {
    const checks = (ctx.zodSchema._zod.def as { checks?: { _zod: { def: { check: string; fn?: unknown } } }[] }).checks ?? [];
    if (checks.some((c) => c._zod.def.check === 'custom' && c._zod.def.fn === isIndicatorName)) {
      Object.assign(ctx.jsonSchema, indicatorNameJson(RESERVED_NAMES));
    }
    if (typeof ctx.jsonSchema.format === 'string' && !JSON_SCHEMA_FORMATS.has(ctx.jsonSchema.format)) delete ctx.jsonSchema.format;
  },
};

function toJson(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, options) as JsonSchema;
  return rest;
}

export function configJsonSchema(): JsonSchema {
  const full = configSchema.extend({
    azure: azureSection.optional(),
    volc: volcSection.optional(),
    bailian: bailianSection.optional(),
    dgx: dgxSection.optional(),
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: BASE_URI + CONFIG_SCHEMA_FILE,
    title: 'evalgate config file',
    description:
      'The evalgate config file (.github/evalgate.yml by default, or --config). Not checked here, the CLI checks it: ' +
      'the rule syntax of thresholds, the merge strategy syntax, the placeholders in a job command, the volc endpoints, ' +
      'the https scheme of the azure URLs, and which keys a dgx mode needs together.',
    ...toJson(full),
  };
}

/** Fields validate.ts checks by hand (a zod check per sample would cost more than parsing). */
const HAND_CHECKED: Partial<Record<(typeof BUILTIN_INDICATORS)[number], (s: JsonSchema) => void>> = {
  accuracy_f1: (s) => {
    s.dependentRequired = { tp: ['fp', 'fn'], fp: ['tp', 'fn'], fn: ['tp', 'fp'] };
  },
  latency_p99: (s) => {
    (s.properties as Record<string, JsonSchema>).samples_ms = {
      description: 'every latency sample, in milliseconds',
      type: 'array',
      minItems: 1,
      items: { type: 'number', minimum: 0 },
    };
  },
};

export function indicatorJsonSchema(): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  for (const name of BUILTIN_INDICATORS) {
    const s = { title: name, ...toJson(SCHEMAS[name]) };
    HAND_CHECKED[name]?.(s);
    defs[name] = s;
  }
  const c = toJson(custom);
  (c.properties as Record<string, JsonSchema>).indicator = indicatorNameJson([...BUILTIN_INDICATORS, ...RESERVED_NAMES].sort());
  defs.custom = { title: 'a custom indicator', description: 'any other indicator name, with any fields', ...c };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: BASE_URI + INDICATOR_SCHEMA_FILE,
    title: 'evalgate indicator file',
    description:
      `One indicator file: one of the built-in indicators (${BUILTIN_INDICATORS.join(', ')}) or a custom one. ` +
      'Not checked here, the CLI checks it: p50_ms ≤ p90_ms ≤ p99_ms, errors ≤ requests, toxic_count ≤ total_samples, ' +
      'shard.index < shard.count, repeat.index < repeat.count, that hdr_histogram decodes, and no __proto__ key.',
    type: 'object',
    required: ['indicator'],
    oneOf: Object.keys(defs).map((k) => ({ $ref: `#/$defs/${k}` })),
    $defs: defs,
  };
}

/** file name in schema/ -> its text */
export function schemaFiles(): Record<string, string> {
  return {
    [CONFIG_SCHEMA_FILE]: JSON.stringify(configJsonSchema(), null, 2) + '\n',
    [INDICATOR_SCHEMA_FILE]: JSON.stringify(indicatorJsonSchema(), null, 2) + '\n',
  };
}
