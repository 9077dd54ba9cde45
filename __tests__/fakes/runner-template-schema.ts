/**
 * The runner's way of loading an action.yml, small enough to read: an interpreter of its "template
 * schema" format (actions/runner src/Sdk/WorkflowParser/ObjectTemplating: Schema/*Definition.cs,
 * TemplateSchema.cs, TemplateReader.cs) run on the schema the runner ships for action manifests
 * (src/Runner.Worker/action_yaml.json, copied to __tests__/fixtures/schemas/), followed by the
 * checks ActionManifestManager.cs makes on what it read (Load, ConvertRuns).
 *
 * Covered, as the C# does it: the built-in types (null, boolean, number, string, sequence, mapping,
 * any); definitions with `mapping` {properties (a type name or {type, required}), loose-key-type,
 * loose-value-type}, `sequence` {item-type}, `one-of`, `string` {constant, ignore-case,
 * require-non-empty}, `boolean`, `number`, `null`, `context`, `description`; one-of mappings
 * narrowed key by key; keys compared case-insensitively for duplicates; a scalar that is not a
 * string converted to one where only a string fits; `${{ }}` allowed only where a context is.
 * Simplified: an expression is checked for its named values and function names against the
 * allowed context (not for its full grammar). A schema keyword outside that list throws, so a
 * newer action_yaml.json that needs more fails loudly instead of passing unchecked.
 * Errors read as the runner prints them: `action.yml (Line: 13, Col: 5): Unexpected value 'mian'`.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

// ---------------------------------------------------------------------------------------------
// Tokens (the runner's TemplateToken), from YAML as its YamlObjectReader makes them

export type LiteralToken =
  | { type: 'null'; value: null; line: number; col: number }
  | { type: 'boolean'; value: boolean; line: number; col: number }
  | { type: 'number'; value: number; line: number; col: number }
  | { type: 'string'; value: string; line: number; col: number };
export type ExpressionToken = { type: 'expression'; expression: string; line: number; col: number };
export type ScalarToken = LiteralToken | ExpressionToken;
export type SequenceToken = { type: 'sequence'; items: Token[]; line: number; col: number };
export type MappingToken = { type: 'mapping'; pairs: { key: ScalarToken; value: Token }[]; line: number; col: number };
export type Token = ScalarToken | SequenceToken | MappingToken;

const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:null',
]);

class ReadError extends Error {}

/** YAML text -> tokens; anchors and aliases are refused, as YamlObjectReader (allowAnchors: false) does. */
export function yamlToToken(text: string): { token?: Token; errors: { line?: number; col?: number; message: string }[] } {
  const lineCounter = new LineCounter();
  // duplicate keys are the template reader's to report (case-insensitively), not the YAML parser's
  const doc = parseDocument(text, { strict: true, uniqueKeys: false, lineCounter, version: '1.2', schema: 'core' });
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => ({ line: e.linePos?.[0].line, col: e.linePos?.[0].col, message: e.message.split('\n')[0]! })) };
  }
  const pos = (node: { range?: [number, number, number] | null | undefined }) => {
    const p = lineCounter.linePos(node.range?.[0] ?? 0);
    return { line: p.line, col: p.col };
  };
  const convert = (node: unknown): Token => {
    if (isAlias(node)) throw new ReadError(`Unexpected parsing event type: AnchorAlias`);
    const n = node as Node;
    if (n.anchor) throw new ReadError(`Anchors are not currently supported. Remove the anchor '${n.anchor}'`);
    if (isScalar(n)) {
      if (n.tag && !CORE_TAGS.has(n.tag)) throw new ReadError(`Unexpected tag '${n.tag}'`);
      const at = pos(n);
      const v = n.value;
      if (v === null || v === undefined) return { type: 'null', value: null, ...at };
      if (typeof v === 'boolean') return { type: 'boolean', value: v, ...at };
      if (typeof v === 'number') return { type: 'number', value: v, ...at };
      if (typeof v === 'string') return { type: 'string', value: v, ...at };
      throw new ReadError(`Unexpected scalar ${String(v)}`);
    }
    if (isSeq(n)) return { type: 'sequence', items: n.items.map(convert), ...pos(n) };
    if (isMap(n)) {
      return {
        type: 'mapping',
        pairs: n.items.map((pair) => {
          const key: Token = pair.key === null ? { type: 'null', value: null, ...pos(n) } : convert(pair.key);
          if (key.type === 'sequence' || key.type === 'mapping') throw new ReadError('A mapping key must be a scalar');
          const value: Token = pair.value === null ? { type: 'null', value: null, line: key.line, col: key.col } : convert(pair.value);
          return { key, value };
        }),
        ...pos(n),
      };
    }
    throw new ReadError('Expected a scalar, a sequence or a mapping');
  };
  try {
    return { token: doc.contents === null ? { type: 'null', value: null, line: 1, col: 1 } : convert(doc.contents), errors: [] };
  } catch (e) {
    if (e instanceof ReadError) return { errors: [{ message: e.message }] };
    throw e;
  }
}

const literalText = (t: LiteralToken): string => (t.type === 'null' ? '' : String(t.value));

// ---------------------------------------------------------------------------------------------
// The schema

interface Base {
  name: string;
  context: string[];
}
type Definition = Base &
  (
    | { kind: 'null' | 'boolean' | 'number' }
    | { kind: 'string'; constant?: string; ignoreCase: boolean; requireNonEmpty: boolean }
    | { kind: 'sequence'; itemType: string }
    | { kind: 'mapping'; properties: Map<string, { type: string; required: boolean }>; looseKeyType?: string; looseValueType?: string }
    | { kind: 'one-of'; oneOf: string[] }
  );
type Of<K extends Definition['kind']> = Extract<Definition, { kind: K }>;
const SCALAR_KINDS = ['null', 'boolean', 'number', 'string'] as const;

class SchemaError extends Error {}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class TemplateSchema {
  readonly definitions = new Map<string, Definition>();

  constructor(json: unknown) {
    const builtin = (d: Definition) => this.definitions.set(d.name, d);
    builtin({ name: 'null', kind: 'null', context: [] });
    builtin({ name: 'boolean', kind: 'boolean', context: [] });
    builtin({ name: 'number', kind: 'number', context: [] });
    builtin({ name: 'string', kind: 'string', context: [], ignoreCase: false, requireNonEmpty: false });
    builtin({ name: 'sequence', kind: 'sequence', context: [], itemType: 'any' });
    builtin({ name: 'mapping', kind: 'mapping', context: [], properties: new Map(), looseKeyType: 'string', looseValueType: 'any' });
    builtin({ name: 'any', kind: 'one-of', context: [], oneOf: ['null', 'boolean', 'number', 'string', 'sequence', 'mapping'] });

    if (!isObject(json)) throw new SchemaError('template-schema: expected a mapping');
    for (const [key, value] of Object.entries(json)) {
      if (key === 'version') continue;
      if (key !== 'definitions') throw new SchemaError(`template-schema: unexpected key '${key}'`);
      if (!isObject(value)) throw new SchemaError('definitions: expected a mapping');
      for (const [name, body] of Object.entries(value)) {
        if (this.definitions.has(name)) throw new SchemaError(`definition '${name}' is defined twice (or shadows a built-in type)`);
        this.definitions.set(name, parseDefinition(name, body));
      }
    }
    for (const d of this.definitions.values()) this.validate(d);
  }

  get(name: string): Definition {
    const d = this.definitions.get(name);
    if (!d) throw new SchemaError(`Schema definition '${name}' not found`);
    return d;
  }

  /** The definitions of one kind a definition stands for: itself, or its one-of members (TemplateSchema.Get<T>). */
  of<K extends Definition['kind']>(d: Definition, kind: K): Of<K>[] {
    if (d.kind === kind) return [d as Of<K>];
    if (d.kind === 'one-of') return d.oneOf.map((n) => this.get(n)).filter((x): x is Of<K> => x.kind === kind);
    return [];
  }

  private validate(d: Definition): void {
    switch (d.kind) {
      case 'string':
        if (d.constant && d.requireNonEmpty) throw new SchemaError(`'${d.name}': 'constant' and 'require-non-empty' cannot both be set`);
        break;
      case 'sequence':
        this.get(d.itemType);
        break;
      case 'mapping':
        if (d.looseKeyType) {
          this.get(d.looseKeyType);
          if (!d.looseValueType) throw new SchemaError(`'${d.name}': 'loose-key-type' is defined but 'loose-value-type' is not`);
          this.get(d.looseValueType);
        } else if (d.looseValueType) throw new SchemaError(`'${d.name}': 'loose-value-type' is defined but 'loose-key-type' is not`);
        for (const p of d.properties.values()) this.get(p.type);
        break;
      case 'one-of': {
        if (d.oneOf.length === 0) throw new SchemaError(`'${d.name}' does not contain any references`);
        const mappings = d.oneOf.map((n) => this.get(n)).filter((n) => n.kind === 'mapping');
        for (const n of d.oneOf.map((x) => this.get(x))) {
          if (n.context.length > 0 && d.name !== 'any')
            throw new SchemaError(`'${d.name}' is a one-of definition and references another definition that defines context`);
        }
        if (mappings.length > 1 && mappings.some((m) => m.looseKeyType))
          throw new SchemaError(`'${d.name}' refers to two mappings that both set 'loose-key-type'`);
        break;
      }
      default:
        break;
    }
  }
}

function parseDefinition(name: string, body: unknown): Definition {
  if (!isObject(body)) throw new SchemaError(`definition '${name}': expected a mapping`);
  let context: string[] = [];
  const structure: [string, unknown][] = [];
  for (const [k, v] of Object.entries(body)) {
    if (k === 'description') continue;
    if (k === 'context') {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
        throw new SchemaError(`definition '${name}': context must be a list of strings`);
      context = v;
    } else structure.push([k, v]);
  }
  if (structure.length !== 1)
    throw new SchemaError(`definition '${name}': expected exactly one of null, boolean, number, string, sequence, mapping, one-of`);
  const [kind, spec] = structure[0]!;
  const keysOf = (allowed: string[]): Record<string, unknown> => {
    if (!isObject(spec)) throw new SchemaError(`definition '${name}' ${kind}: expected a mapping`);
    for (const k of Object.keys(spec))
      if (!allowed.includes(k)) throw new SchemaError(`definition '${name}' ${kind}: key '${k}' is not supported by this interpreter`);
    return spec;
  };
  const str = (v: unknown, what: string): string => {
    if (typeof v !== 'string') throw new SchemaError(`definition '${name}' ${what}: expected a string`);
    return v;
  };
  switch (kind) {
    case 'null':
    case 'boolean':
    case 'number':
      keysOf([]);
      return { name, context, kind };
    case 'string': {
      const s = keysOf(['constant', 'ignore-case', 'require-non-empty']);
      return {
        name,
        context,
        kind,
        ...(s.constant === undefined ? {} : { constant: str(s.constant, 'constant') }),
        ignoreCase: s['ignore-case'] === true,
        requireNonEmpty: s['require-non-empty'] === true,
      };
    }
    case 'sequence': {
      const s = keysOf(['item-type']);
      return { name, context, kind, itemType: str(s['item-type'], 'item-type') };
    }
    case 'mapping': {
      const s = keysOf(['properties', 'loose-key-type', 'loose-value-type']);
      const properties = new Map<string, { type: string; required: boolean }>();
      for (const [p, v] of Object.entries(isObject(s.properties) ? s.properties : {})) {
        if (typeof v === 'string') properties.set(p, { type: v, required: false });
        else if (isObject(v)) {
          for (const k of Object.keys(v))
            if (k !== 'type' && k !== 'required') throw new SchemaError(`definition '${name}' property '${p}': unexpected key '${k}'`);
          properties.set(p, { type: str(v.type, `property '${p}' type`), required: v.required === true });
        } else throw new SchemaError(`definition '${name}' property '${p}': expected a type name or {type, required}`);
      }
      return {
        name,
        context,
        kind,
        properties,
        ...(s['loose-key-type'] === undefined ? {} : { looseKeyType: str(s['loose-key-type'], 'loose-key-type') }),
        ...(s['loose-value-type'] === undefined ? {} : { looseValueType: str(s['loose-value-type'], 'loose-value-type') }),
      };
    }
    case 'one-of':
      if (!Array.isArray(spec) || !spec.every((x) => typeof x === 'string'))
        throw new SchemaError(`definition '${name}' one-of: expected a list of names`);
      return { name, context, kind, oneOf: spec };
    default:
      throw new SchemaError(`definition '${name}': key '${kind}' is not supported by this interpreter`);
  }
}

// ---------------------------------------------------------------------------------------------
// Expressions: named values and functions against the allowed context (ExpressionParser's checks)

const WELL_KNOWN_FUNCTIONS = ['case', 'contains', 'endswith', 'format', 'join', 'startswith', 'tojson', 'fromjson'];
const KEYWORDS = ['true', 'false', 'null', 'nan', 'infinity'];

function checkExpression(expression: string, allowed: string[]): string | undefined {
  const namedValues = allowed.filter((c) => !c.includes('(')).map((c) => c.toLowerCase());
  const functions = allowed.filter((c) => c.includes('(')).map((c) => c.slice(0, c.indexOf('(')).toLowerCase());
  let i = 0;
  let previous = '';
  while (i < expression.length) {
    const c = expression[i]!;
    if (c === "'") {
      const end = expression.indexOf("'", i + 1);
      // '' inside a string is an escaped quote: skip both and carry on in the string
      let j = end;
      while (j >= 0 && expression[j + 1] === "'") j = expression.indexOf("'", j + 2);
      i = j < 0 ? expression.length : j + 1;
      previous = "'";
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(expression.slice(i));
    if (word) {
      const name = word[0];
      const after = expression.slice(i + name.length).trimStart();
      const lower = name.toLowerCase();
      if (previous !== '.' && !KEYWORDS.includes(lower)) {
        if (after.startsWith('(')) {
          if (!WELL_KNOWN_FUNCTIONS.includes(lower) && !functions.includes(lower))
            return `Unrecognized function: '${name}'. Located at position ${i + 1} within expression: ${expression}`;
        } else if (!namedValues.includes(lower)) {
          return `Unrecognized named-value: '${name}'. Located at position ${i + 1} within expression: ${expression}`;
        }
      }
      previous = 'word';
      i += name.length;
      continue;
    }
    if (/\d/.test(c)) {
      const num = /^[0-9.eE+\-xXa-fA-F]+/.exec(expression.slice(i))!;
      i += num[0].length;
      previous = 'number';
      continue;
    }
    if (!/\s/.test(c)) previous = c;
    i++;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The reader (TemplateReader.ReadValue and friends)

interface Info {
  def: Definition;
  allowed: string[];
}

export class TemplateReader {
  readonly errors: string[] = [];

  constructor(
    private readonly schema: TemplateSchema,
    private readonly file: string,
  ) {}

  read(token: Token, type: string): Token {
    const def = this.schema.get(type);
    return this.readValue(token, { def, allowed: def.context });
  }

  private error(at: { line: number; col: number } | undefined, message: string): void {
    this.errors.push(at ? `${this.file} (Line: ${at.line}, Col: ${at.col}): ${message}` : `${this.file}: ${message}`);
  }

  private child(parent: Info, type: string): Info {
    const def = this.schema.get(type);
    if (def.context.length === 0) return { def, allowed: parent.allowed };
    const seen = new Set(parent.allowed.map((c) => c.toLowerCase()));
    return { def, allowed: [...parent.allowed, ...def.context.filter((c) => !seen.has(c.toLowerCase()))] };
  }

  private readValue(token: Token, info: Info): Token {
    if (token.type === 'sequence') {
      const seq = this.schema.of(info.def, 'sequence')[0];
      if (!seq) {
        this.error(token, 'A sequence was not expected');
        return token;
      }
      const item = this.child(info, seq.itemType);
      return { ...token, items: token.items.map((t) => this.readValue(t, item)) };
    }
    if (token.type === 'mapping') {
      const mappings = this.schema.of(info.def, 'mapping');
      if (mappings.length === 0) {
        this.error(token, 'A mapping was not expected');
        return token;
      }
      const first = mappings[0]!;
      if (mappings.length > 1 || first.properties.size > 0 || !first.looseKeyType) return this.wellKnown(token, info, [...mappings]);
      return this.allLoose(token, info, this.child(info, first.looseKeyType), this.child(info, first.looseValueType!));
    }
    const scalar = this.parseScalar(token, info.allowed);
    return this.validate(scalar, info);
  }

  private wellKnown(token: MappingToken, info: Info, mappings: Of<'mapping'>[]): MappingToken {
    const looseKeyType = mappings[0]!.looseKeyType;
    const looseValueType = mappings[0]!.looseValueType;
    const keys = new Set<string>();
    let hasExpressionKey = false;
    const pairs: MappingToken['pairs'] = [];
    for (const pair of token.pairs) {
      const key = this.parseScalar(pair.key, info.allowed);
      if (key.type === 'expression') {
        hasExpressionKey = true;
        if (info.allowed.length > 0) pairs.push({ key, value: this.readValue(pair.value, this.child(info, 'any')) });
        else this.error(key, 'A template expression is not allowed in this context');
        continue;
      }
      const name = literalText(key);
      const keyToken: LiteralToken = key.type === 'string' ? key : { type: 'string', value: name, line: key.line, col: key.col };
      if (keys.has(name.toLowerCase())) {
        this.error(keyToken, `'${name}' is already defined`);
        continue;
      }
      keys.add(name.toLowerCase());
      // TemplateSchema.TryMatchKey: a known property narrows the candidate mappings to those that have it
      const having = mappings.filter((m) => m.properties.has(name));
      if (having.length > 0) {
        const type = having[0]!.properties.get(name)!.type;
        mappings.splice(0, mappings.length, ...having);
        pairs.push({ key: keyToken, value: this.readValue(pair.value, this.child(info, type)) });
        continue;
      }
      if (looseKeyType) {
        this.validate(keyToken, this.child(info, looseKeyType));
        pairs.push({ key: keyToken, value: this.readValue(pair.value, this.child(info, looseValueType!)) });
        continue;
      }
      this.error(keyToken, `Unexpected value '${name}'`);
    }
    if (mappings.length > 1) {
      const hits = new Map<string, number>();
      for (const m of mappings) for (const k of m.properties.keys()) hits.set(k, (hits.get(k) ?? 0) + 1);
      const unique = [...hits].filter(([, n]) => n === 1).map(([k]) => k);
      unique.sort();
      this.error(token, `There's not enough info to determine what you meant. Add one of these properties: ${unique.join(', ')}`);
    } else if (mappings.length === 1 && !hasExpressionKey) {
      for (const [k, p] of mappings[0]!.properties)
        if (p.required && !keys.has(k.toLowerCase())) this.error(token, `Required property is missing: ${k}`);
    }
    return { ...token, pairs };
  }

  private allLoose(token: MappingToken, info: Info, keyInfo: Info, valueInfo: Info): MappingToken {
    const keys = new Set<string>();
    const pairs: MappingToken['pairs'] = [];
    for (const pair of token.pairs) {
      const key = this.parseScalar(pair.key, info.allowed);
      if (key.type === 'expression') {
        if (info.allowed.length > 0) pairs.push({ key, value: this.readValue(pair.value, valueInfo) });
        else this.error(key, 'A template expression is not allowed in this context');
        continue;
      }
      const name = literalText(key);
      const keyToken: LiteralToken = key.type === 'string' ? key : { type: 'string', value: name, line: key.line, col: key.col };
      if (keys.has(name.toLowerCase())) {
        this.error(keyToken, `'${name}' is already defined`);
        continue;
      }
      keys.add(name.toLowerCase());
      this.validate(keyToken, keyInfo);
      pairs.push({ key: keyToken, value: this.readValue(pair.value, valueInfo) });
    }
    return { ...token, pairs };
  }

  /** A string with `${{ }}` becomes an expression (TemplateReader.ParseScalar); anything else stays literal. */
  private parseScalar(token: ScalarToken, allowed: string[]): ScalarToken {
    if (token.type !== 'string' || !token.value.includes('${{')) return token;
    const raw = token.value;
    const segments: (string | { expression: string })[] = [];
    let i = 0;
    let start = raw.indexOf('${{');
    while (i < raw.length) {
      if (i === start) {
        let end = -1;
        let inString = false;
        for (i += 3; i < raw.length; i++) {
          if (raw[i] === "'") inString = !inString;
          else if (!inString && raw[i] === '}' && raw[i - 1] === '}') {
            end = i;
            i++;
            break;
          }
        }
        if (end < 0) {
          this.error(
            token,
            'The expression is not closed. An unescaped ${{ sequence was found, but the closing }} sequence was not found.',
          );
          return token;
        }
        const expression = raw.slice(start + 3, end - 1).trim();
        if (expression === '') {
          this.error(token, 'Expected an expression');
          return token;
        }
        const problem = checkExpression(expression, allowed);
        if (problem) {
          this.error(token, problem);
          return token;
        }
        segments.push({ expression });
        start = raw.indexOf('${{', i);
      } else if (start >= 0 && i < start) {
        segments.push(raw.slice(i, start));
        i = start;
      } else {
        segments.push(raw.slice(i));
        break;
      }
    }
    const only = segments.length === 1 ? segments[0] : undefined;
    // ${{ 'text' }} alone is the literal text
    if (typeof only === 'object' && /^'(?:[^']|'')*'$/.test(only.expression))
      return { type: 'string', value: only.expression.slice(1, -1).replace(/''/g, "'"), line: token.line, col: token.col };
    return { type: 'expression', expression: raw, line: token.line, col: token.col };
  }

  /** TemplateReader.Validate: returns the token, converted to a string where only a string fits. */
  private validate(scalar: ScalarToken, info: Info): ScalarToken {
    if (scalar.type === 'expression') {
      if (info.allowed.length === 0) this.error(scalar, 'A template expression is not allowed in this context');
      return scalar;
    }
    const matches = (d: Definition, t: LiteralToken): boolean => {
      if (d.kind !== t.type) return false;
      if (d.kind !== 'string' || t.type !== 'string') return true;
      if (d.constant) return d.ignoreCase ? d.constant.toLowerCase() === t.value.toLowerCase() : d.constant === t.value;
      return d.requireNonEmpty ? t.value !== '' : true;
    };
    if (SCALAR_KINDS.some((k) => this.schema.of(info.def, k).some((d) => matches(d, scalar)))) return scalar;
    if (scalar.type !== 'string') {
      const asString: LiteralToken = { type: 'string', value: literalText(scalar), line: scalar.line, col: scalar.col };
      if (this.schema.of(info.def, 'string').some((d) => matches(d, asString))) return asString;
    }
    this.error(scalar, `Unexpected value '${literalText(scalar)}'`);
    return scalar;
  }
}

// ---------------------------------------------------------------------------------------------
// ActionManifestManager.Load + ConvertInputs + ConvertRuns (the JavaScript and plugin actions;
// docker and composite are outside what this project needs and say so)

export interface LoadedAction {
  name?: string;
  description?: string;
  inputs: Map<string, { default?: ScalarToken | Token; deprecationMessage?: string }>;
  outputs: string[];
  runs?: { using: string; main: string; pre?: string; post?: string; preIf: string; postIf: string } | { plugin: string };
}

export function loadActionManifest(schema: TemplateSchema, text: string, file = 'action.yml'): { action?: LoadedAction; errors: string[] } {
  const parsed = yamlToToken(text);
  if (!parsed.token)
    return {
      errors: parsed.errors.map((e) => (e.line ? `${file} (Line: ${e.line}, Col: ${e.col}): ${e.message}` : `${file}: ${e.message}`)),
    };
  const reader = new TemplateReader(schema, file);
  const root = reader.read(parsed.token, 'action-root');
  if (reader.errors.length > 0) return { errors: reader.errors };
  if (root.type !== 'mapping')
    return {
      errors: [
        `${file}: Unexpected type '${root.type}' encountered while reading 'action manifest root'. The type 'MappingToken' was expected.`,
      ],
    };

  const str = (t: Token): string | undefined => (t.type === 'string' ? t.value : undefined);
  const action: LoadedAction = { inputs: new Map(), outputs: [] };
  let runs: Token | undefined;
  for (const { key, value } of root.pairs) {
    switch (key.type === 'string' ? key.value : '') {
      case 'name':
        action.name = str(value);
        break;
      case 'description':
        action.description = str(value);
        break;
      case 'outputs':
        if (value.type === 'mapping') action.outputs = value.pairs.map((p) => (p.key.type === 'string' ? p.key.value : ''));
        break;
      case 'inputs':
        if (value.type === 'mapping')
          for (const p of value.pairs) {
            const meta: { default?: Token; deprecationMessage?: string } = {};
            if (value.type === 'mapping' && p.value.type === 'mapping')
              for (const m of p.value.pairs) {
                const k = m.key.type === 'string' ? m.key.value.toLowerCase() : '';
                if (k === 'default') meta.default = m.value;
                else if (k === 'deprecationmessage') meta.deprecationMessage = str(m.value);
              }
            action.inputs.set(p.key.type === 'string' ? p.key.value : '', meta);
          }
        break;
      case 'runs':
        runs = value;
        break;
      default:
        break; // "Ignore action property"
    }
  }
  if (!runs) return { action, errors: [`Top level 'runs:' section is required for ${file}`] };
  if (runs.type !== 'mapping') return { action, errors: [`${file}: 'runs' must be a mapping`] };
  const r = new Map(runs.pairs.map((p) => [p.key.type === 'string' ? p.key.value : '', str(p.value)]));
  const using = r.get('using');
  if (using !== undefined) {
    const u = using.toLowerCase();
    if (['node12', 'node16', 'node20', 'node24'].includes(u)) {
      const main = r.get('main');
      if (!main)
        return { action, errors: [`You are using a JavaScript Action but there is not an entry JavaScript file provided in ${file}.`] };
      action.runs = {
        using,
        main,
        ...(r.has('pre') ? { pre: r.get('pre')! } : {}),
        ...(r.has('post') ? { post: r.get('post')! } : {}),
        preIf: r.get('pre-if') ?? 'always()',
        postIf: r.get('post-if') ?? 'always()',
      };
      return { action, errors: [] };
    }
    if (u === 'docker' || u === 'composite') throw new Error(`runs.using: ${using} is outside what this interpreter reads`);
    return { action, errors: [`'using: ${using}' is not supported, use 'docker', 'node12', 'node16', 'node20' or 'node24' instead.`] };
  }
  if (r.has('plugin')) {
    action.runs = { plugin: r.get('plugin')! };
    return { action, errors: [] };
  }
  return { action, errors: ["Missing 'using' value. 'using' requires 'composite', 'docker', 'node12', 'node16', 'node20' or 'node24'."] };
}
