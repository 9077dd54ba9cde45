/**
 * The GitHub REST description the fake serves (__tests__/fixtures/github/openapi.json, extracted from
 * @octokit/openapi 23.0.2 by scripts/extract-github-openapi.mjs) and the checks derived from it:
 * route matching, path/query parameter parsing and ajv validators for request and response bodies.
 *
 * OpenAPI 3.0 schemas are not JSON Schema: `nullable: true` is converted to a `null` type (or an
 * `anyOf [..., {type: 'null'}]` when there is no `type`), `null` is added to a nullable `enum`, and the
 * formats used in the description (date-time, uri, email, int64) are defined here, so ajv runs with
 * `strict: false` only for the OpenAPI/x-github annotations it does not know.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  summary?: string;
  externalDocs?: { url: string };
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, unknown> }>;
}

export interface OpenApiDoc {
  openapi: string;
  info: { version: string; title: string };
  servers: { url: string }[];
  'x-extracted-from': { package: string; version: string; file: string };
  paths: Record<string, Record<string, Operation>>;
}

export const OPENAPI_FILE = path.join(import.meta.dirname, '..', 'fixtures', 'github', 'openapi.json');

let cached: OpenApiDoc | undefined;
export function loadOpenApi(): OpenApiDoc {
  cached ??= JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenApiDoc;
  return cached;
}

// ---------------------------------------------------------------------------------------------- routes

export interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  methods: Record<string, Operation>;
}

export function buildRoutes(doc: OpenApiDoc): Route[] {
  return Object.entries(doc.paths).map(([template, item]) => {
    const names: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{(.+)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      })
      .join('');
    const methods: Record<string, Operation> = {};
    for (const [k, v] of Object.entries(item)) if (k !== 'parameters') methods[k.toUpperCase()] = v;
    return { template, regex: new RegExp(`^${source}$`), names, methods };
  });
}

export function matchRoute(routes: Route[], pathname: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const m = route.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]!);
    });
    return { route, params };
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------ parameters

/**
 * Parses one path or query string value by its parameter schema (integer, boolean, string, enum,
 * oneOf). Returns the typed value or an error text.
 */
export function parseParam(raw: string, schema: JsonSchema): { ok: true; value: unknown } | { ok: false; error: string } {
  if (Array.isArray(schema.oneOf)) {
    for (const alt of schema.oneOf as JsonSchema[]) {
      const r = parseParam(raw, alt);
      if (r.ok) return r;
    }
    return { ok: false, error: `${JSON.stringify(raw)} matches none of the alternatives` };
  }
  let value: unknown = raw;
  switch (schema.type) {
    case 'integer':
      if (!/^-?\d+$/.test(raw)) return { ok: false, error: `${JSON.stringify(raw)} is not an integer` };
      value = Number(raw);
      if (!Number.isSafeInteger(value)) return { ok: false, error: `${raw} is out of range` };
      break;
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') return { ok: false, error: `${JSON.stringify(raw)} is not a boolean (true/false)` };
      value = raw === 'true';
      break;
    case 'string':
      if (schema.format === 'date-time' && !isDateTimeQuery(raw)) return { ok: false, error: `${JSON.stringify(raw)} is not a date-time` };
      break;
    default:
      break;
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    return { ok: false, error: `${JSON.stringify(raw)} is not one of ${(schema.enum as unknown[]).join(', ')}` };
  }
  return { ok: true, value };
}

/** Query date-times also allow GitHub's search ranges (`>=2024-01-01`, `a..b`); accept those loosely. */
function isDateTimeQuery(raw: string): boolean {
  return raw
    .split('..')
    .every((p) => /^(?:[<>]=?)?\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(p) || p === '*');
}

// ------------------------------------------------------------------------------------------- schemas

/** OpenAPI 3.0 schema → JSON Schema (draft-07 as ajv reads it). */
export function toJsonSchema(schema: unknown, inProperties = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s));
  if (schema === null || typeof schema !== 'object') return schema;
  const src = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    if (inProperties) {
      out[k] = toJsonSchema(v);
      continue;
    }
    if (k === 'nullable' || k === 'example' || k === 'examples' || k === 'description') continue;
    out[k] = toJsonSchema(v, k === 'properties');
  }
  if (inProperties || src.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  return ajv;
}

export class SchemaValidators {
  private readonly ajv = newAjv();
  private readonly cache = new Map<string, ValidateFunction>();

  /** Compiles (once per key) the JSON Schema form of an OpenAPI schema. */
  get(key: string, schema: JsonSchema): ValidateFunction {
    let v = this.cache.get(key);
    if (!v) {
      v = this.ajv.compile(toJsonSchema(schema) as JsonSchema);
      this.cache.set(key, v);
    }
    return v;
  }
}

export function formatAjvErrors(errors: ErrorObject[] | null | undefined, max = 5): string {
  if (!errors?.length) return '';
  const parts = errors
    .slice(0, max)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
  return parts.join('; ') + (errors.length > max ? `; … ${errors.length - max} more` : '');
}

/** `Basic Error` as the description defines it; used for statuses an operation does not list (401, 403…). */
export const BASIC_ERROR_SCHEMA: JsonSchema = {
  title: 'Basic Error',
  type: 'object',
  properties: { message: { type: 'string' }, documentation_url: { type: 'string' }, url: { type: 'string' }, status: { type: 'string' } },
};
