/**
 * action.yml as GitHub loads it: valid YAML to a strict parser, accepted by the runner's own
 * manifest template (and the checks ActionManifestManager makes after it), valid against
 * SchemaStore's schema, and in step with the inputs the code reads and the outputs it sets.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse, parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { Inputs, Outputs } from '../src/action/constants.js';
import { loadActionManifest, TemplateSchema } from './fakes/runner-template-schema.js';
import { writeFiles } from './helpers.js';
import { scanActionIo, type ActionIo } from './source-io.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCHEMAS = path.join(import.meta.dirname, 'fixtures', 'schemas');
const ACTION_TEXT = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');

interface Manifest {
  inputs: Record<string, { description?: unknown; required?: unknown; default?: unknown }>;
  outputs: Record<string, { description?: unknown }>;
  runs: { using: string; main: string; post?: string };
}
const manifest = (): Manifest => parse(ACTION_TEXT) as Manifest;

/** The YAML problems of a text to a strict parser: errors and warnings alike. */
function strictYamlProblems(text: string): string[] {
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true });
  return [...doc.errors, ...doc.warnings].map((e) => `${e.code}: ${e.message.split('\n')[0]}`);
}

const runnerSchemaText = (): string => readFileSync(path.join(SCHEMAS, 'action_yaml.json'), 'utf8');
// the runner's copy starts with a byte order mark (kept, so the file is byte for byte its blob)
const runnerSchema = (): TemplateSchema => new TemplateSchema(JSON.parse(runnerSchemaText().replace(/^\uFEFF/, '')));

describe('the stored schemas', () => {
  const sources = JSON.parse(readFileSync(path.join(SCHEMAS, 'SOURCES.json'), 'utf8')) as Record<
    string,
    { blob?: string; commit?: string; repo?: string }
  >;
  it.each(['action_yaml.json', 'github-action.json'])('%s is the blob SOURCES.json names', (file) => {
    const body = readFileSync(path.join(SCHEMAS, file));
    const blob = createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
    expect(sources[file]?.repo).toBeTruthy();
    expect(sources[file]?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(blob).toBe(sources[file]?.blob);
  });
});

describe('action.yml is YAML', () => {
  it('a strict parser (yaml, strict + uniqueKeys) reads it without an error or a warning', () => {
    expect(strictYamlProblems(ACTION_TEXT)).toEqual([]);
  });

  // The descriptions as they were before they were quoted: each one made the whole file unreadable.
  it.each([
    ['platform', 'Where the evaluation jobs run: local (default), azure, volc, bailian (alias bairui), dgx.'],
    ['comment', 'When to post the sticky PR comment: always (default), on-failure, never.'],
    ['fail-on', 'Which verdict fails the step: error (default), warn, never.'],
  ])('the parser is strict: the old unquoted %s description is an error', (input, description) => {
    const text = `inputs:\n  ${input}:\n    description: ${description}\n    required: false\n`;
    expect(strictYamlProblems(text).join('\n')).toMatch(
      /^BLOCK_AS_IMPLICIT_KEY: Nested mappings are not allowed in compact mappings at line 3, column 18/,
    );
  });

  it.each([
    ['a duplicate key', 'inputs:\n  model:\n    description: a\n  model:\n    description: b\n', /DUPLICATE_KEY/],
    ['a tab for indentation', 'inputs:\n\tmodel: {}\n', /TAB_AS_INDENT|BAD_INDENT|UNEXPECTED_TOKEN/],
  ])('and it refuses %s', (_name, text, error) => {
    expect(strictYamlProblems(text).join('\n')).toMatch(error);
  });
});

describe("action.yml to the runner's manifest template (actions/runner action_yaml.json)", () => {
  it('loads without an error, as a node24 action with main and post', () => {
    const { action, errors } = loadActionManifest(runnerSchema(), ACTION_TEXT);
    expect(errors).toEqual([]);
    expect(action?.runs).toEqual({
      using: 'node24',
      main: 'dist/main/index.js',
      post: 'dist/post/index.js',
      preIf: 'always()',
      postIf: 'always()',
    });
    expect([...action!.inputs.keys()]).toEqual(Object.keys(manifest().inputs));
    expect(action!.outputs).toEqual(Object.keys(manifest().outputs));
    // ${{ github.token }} is allowed in an input default (its context has github)
    expect(action!.inputs.get('github-token')?.default).toMatchObject({ type: 'expression', expression: '${{ github.token }}' });
  });

  const edit = (from: string | RegExp, to: string): string => {
    const text = ACTION_TEXT.replace(from, to);
    if (text === ACTION_TEXT) throw new Error(`the edit ${String(from)} changed nothing`);
    return text;
  };
  const line = (pattern: RegExp, text: string): number => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

  // What the runner refuses, each with the message it prints (TemplateStrings, ActionManifestManager.cs).
  it.each<[string, () => string, (text: string) => string]>([
    [
      'an unknown key in runs',
      () => edit('  main:', '  mian:'),
      (t) => `action.yml (Line: ${line(/^  mian:/, t)}, Col: 3): Unexpected value 'mian'`,
    ],
    [
      'runs with using only (which kind of runs cannot be told)',
      () => edit(/^  main: .*\n  post: .*\n/m, ''),
      (t) =>
        `action.yml (Line: ${line(/^  using:/, t)}, Col: 3): There's not enough info to determine what you meant. Add one of these properties: args, entrypoint, env, image, main, post, post-entrypoint, pre, pre-entrypoint, steps`,
    ],
    [
      'an unknown runtime',
      () => edit('using: node24', 'using: node99'),
      () => "'using: node99' is not supported, use 'docker', 'node12', 'node16', 'node20' or 'node24' instead.",
    ],
    [
      'a node action without main',
      () => edit(/^  main: .*\n/m, ''),
      () => 'You are using a JavaScript Action but there is not an entry JavaScript file provided in action.yml.',
    ],
    [
      'runs without using',
      () => edit(/^  using: .*\n/m, ''),
      () => "Missing 'using' value. 'using' requires 'composite', 'docker', 'node12', 'node16', 'node20' or 'node24'.",
    ],
    ['no runs at all', () => edit(/^runs:[\s\S]*$/m, ''), () => "Top level 'runs:' section is required for action.yml"],
    ['an empty main', () => edit(/main: .*/, "main: ''"), (t) => `action.yml (Line: ${line(/^  main:/, t)}, Col: 9): Unexpected value ''`],
    [
      'an output with a key outputs do not have',
      () => edit(/^( {4}description: .pass, warn, inconclusive or fail..)$/m, '$1\n    default: pass'),
      (t) => `action.yml (Line: ${line(/^    default: pass/, t)}, Col: 5): Unexpected value 'default'`,
    ],
    [
      'inputs as a list',
      () => edit(/^inputs:\n[\s\S]*?(?=^outputs:)/m, 'inputs:\n  - platform\n'),
      (t) => `action.yml (Line: ${line(/^  - platform/, t)}, Col: 3): A sequence was not expected`,
    ],
    [
      'an input that is not a mapping',
      () => edit(/^  config:\n    description: .*\n    required: false\n/m, '  config: yes please\n'),
      (t) => `action.yml (Line: ${line(/^  config:/, t)}, Col: 11): Unexpected value 'yes please'`,
    ],
    [
      'two inputs differing in case only',
      () => edit(/^  config:/m, '  Platform:'),
      (t) => `action.yml (Line: ${line(/^  Platform:/, t)}, Col: 3): 'Platform' is already defined`,
    ],
    [
      'a name that is a mapping',
      () => edit(/^name: evalgate$/m, 'name: {a: b}'),
      () => 'action.yml (Line: 1, Col: 7): A mapping was not expected',
    ],
    [
      'an expression in an input description (no context there)',
      () => edit('Config file', 'Config file ${{ github.workspace }}'),
      (t) =>
        `action.yml (Line: ${line(/github.workspace/, t)}, Col: 18): Unrecognized named-value: 'github'. Located at position 1 within expression: github.workspace`,
    ],
    [
      'a secret in an input default (secrets is not in its context)',
      () => edit('${{ github.token }}', '${{ secrets.TOKEN }}'),
      (t) =>
        `action.yml (Line: ${line(/secrets.TOKEN/, t)}, Col: 14): Unrecognized named-value: 'secrets'. Located at position 1 within expression: secrets.TOKEN`,
    ],
    [
      'a YAML anchor',
      () => edit(/^  config:\n/m, '  config: &cfg\n'),
      () => "action.yml: Anchors are not currently supported. Remove the anchor 'cfg'",
    ],
  ])('refuses %s', (_name, make, message) => {
    const text = make();
    const { errors } = loadActionManifest(runnerSchema(), text);
    expect(errors).toEqual([message(text)]);
  });

  // Loose on purpose in the runner (action-root has loose-key-type any): these load there, and
  // only SchemaStore's schema below refuses the first.
  it.each([
    ['an unknown top-level key', () => ACTION_TEXT + 'brandng: {icon: x}\n'],
    ['author and branding', () => ACTION_TEXT],
    ['a number as a default (converted to a string)', () => ACTION_TEXT.replace("default: 'false'", 'default: 60')],
  ])('accepts %s', (_name, make) => {
    expect(loadActionManifest(runnerSchema(), make()).errors).toEqual([]);
  });

  it('the interpreter refuses a schema keyword it does not implement instead of ignoring it', () => {
    expect(() => new TemplateSchema({ definitions: { x: { string: { 'allowed-values': ['a'] } } } })).toThrow(
      "definition 'x' string: key 'allowed-values' is not supported by this interpreter",
    );
    expect(() => new TemplateSchema({ definitions: { x: { mapping: { properties: { a: 'nope' } } } } })).toThrow(
      "Schema definition 'nope' not found",
    );
  });
});

describe("action.yml to SchemaStore's github-action.json", () => {
  // The schema is draft-07, ajv's default draft. ajv's strictTypes/strictRequired are lints of the
  // schema's own style (an `if` without `type: object`, `required` naming properties defined in a
  // sibling); they are off, and the validation keywords all apply.
  const validate = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false }).compile(
    JSON.parse(readFileSync(path.join(SCHEMAS, 'github-action.json'), 'utf8')),
  );
  const errors = (value: unknown): string[] =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);

  it('is valid', () => {
    expect(errors(parse(ACTION_TEXT))).toEqual([]);
  });

  it.each<[string, (m: Record<string, any>) => void, string]>([
    ['an unknown top-level key', (m) => (m.brandng = { icon: 'x' }), '/ must NOT have additional properties'],
    ['runs.using node99', (m) => (m.runs.using = 'node99'), '/runs/using must be equal to one of the allowed values'],
    ['no description', (m) => delete m.description, "/ must have required property 'description'"],
    ['an unknown input key', (m) => (m.inputs.model.requried = true), '/inputs/model must NOT have additional properties'],
    ['an unknown branding colour', (m) => (m.branding.color = 'mauve'), '/branding/color must be equal to one of the allowed values'],
  ])('refuses %s', (_name, change, message) => {
    const m = parse(ACTION_TEXT) as Record<string, any>;
    change(m);
    expect(errors(m)).toContain(message);
  });
});

describe('action.yml and the code agree', () => {
  let io: ActionIo;
  beforeAll(() => {
    io = scanActionIo(ROOT);
  });
  const names = (uses: { name: string }[]) => [...new Set(uses.map((u) => u.name))].sort();

  it('every core.getInput/setOutput in src/ names an input or output it can be told', () => {
    expect(io.unresolved).toEqual([]);
    expect(io.inputs.length).toBeGreaterThan(0);
    expect(io.outputs.length).toBeGreaterThan(0);
  });

  it('the inputs the code reads are exactly the inputs action.yml declares', () => {
    const declared = Object.keys(manifest().inputs).sort();
    const read = names(io.inputs);
    expect({
      readButNotDeclared: read.filter((n) => !declared.includes(n)),
      declaredButNeverRead: declared.filter((n) => !read.includes(n)),
    }).toEqual({
      readButNotDeclared: [],
      declaredButNeverRead: [],
    });
  });

  it('the outputs the code sets are exactly the outputs action.yml declares', () => {
    const declared = Object.keys(manifest().outputs).sort();
    const set = names(io.outputs);
    expect({
      setButNotDeclared: set.filter((n) => !declared.includes(n)),
      declaredButNeverSet: declared.filter((n) => !set.includes(n)),
    }).toEqual({
      setButNotDeclared: [],
      declaredButNeverSet: [],
    });
  });

  it('src/action/constants.ts names the same inputs and outputs (no stale constant)', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(manifest().inputs).sort());
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(manifest().outputs).sort());
  });

  it('every input and output has a non-empty description', () => {
    const m = manifest();
    const blank = [
      ...Object.entries(m.inputs).map(([k, v]) => [`inputs.${k}`, v?.description] as const),
      ...Object.entries(m.outputs).map(([k, v]) => [`outputs.${k}`, v?.description] as const),
    ].filter(([, d]) => typeof d !== 'string' || d.trim() === '');
    expect(blank).toEqual([]);
  });

  it('the scan sees a read through a wrapper', () => {
    // the wrapper in src/action/inputs.ts: `get(Inputs.Model)` is found through `const get = (name) => core.getInput(name)`
    const model = io.inputs.filter((u) => u.name === 'model').map((u) => u.at);
    expect(model.length).toBeGreaterThan(0);
    for (const at of model) expect(at).toMatch(/^src\/action\/inputs\.ts:\d+$/);
    expect(io.outputs.find((u) => u.name === 'comment-url')?.at).toMatch(/^src\/action\/main\.ts:\d+$/);
  });
});

describe('the source scan itself', () => {
  it('reports what it cannot resolve, and sees INPUT_ variables, wrappers and literals', () => {
    const root = writeFiles({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, types: [] },
        include: ['src/**/*.ts'],
      }),
      'src/a.ts': [
        "import * as core from '@actions/core';",
        "import { getBooleanInput as flag } from '@actions/core';",
        'declare const process: { env: Record<string, string | undefined> };',
        'const some = process.env.X as string;',
        'core.getInput(some);',
        'const read = (name: string) => core.getMultilineInput(name);',
        "read('lines');",
        "flag('dry');",
        "core.setOutput('done', 1);",
        'const raw = process.env.INPUT_RAW_NAME;',
        "const file = process.env['GITHUB_OUTPUT'];",
        '',
      ].join('\n'),
    });
    const scanned = scanActionIo(root);
    expect(scanned.inputs.map((u) => u.name).sort()).toEqual(['dry', 'lines', 'raw_name']);
    expect(scanned.outputs.map((u) => u.name)).toEqual(['done']);
    expect(scanned.unresolved).toEqual([
      'src/a.ts:11: writes outputs without core.setOutput ("GITHUB_OUTPUT")',
      'src/a.ts:5: cannot tell which input core.getInput(some) names',
    ]);
  });
});

describe('runs', () => {
  it('uses node24, and main and post are bundles in dist/', () => {
    const { runs } = manifest();
    expect(runs.using).toBe('node24');
    for (const file of [runs.main, runs.post]) {
      expect(file).toMatch(/^dist\/.+\.js$/);
      const full = path.join(ROOT, file!);
      expect(existsSync(full), `${file} exists`).toBe(true);
      expect(statSync(full).size).toBeGreaterThan(0);
    }
  });
});
