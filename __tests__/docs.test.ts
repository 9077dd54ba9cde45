/**
 * The README and docs/ as a user reads them: every fenced block is something a user copies, so
 * every one is run or checked here, the way a user would use it, and none can rot.
 *
 * - `python` blocks and blocks marked `<!-- docs-test: file PATH -->` are written into a fresh
 *   sandbox under PATH (the quick start's script and config), and run when they are Python;
 * - `yaml` blocks are GitHub workflows (linted by workflows-lint.test.ts, which extracts the same
 *   blocks), a GitLab CI file marked `<!-- docs-test: gitlab-ci -->` (ci-examples.test.ts) or
 *   evalgate configs, loaded by the real config loader with no problem allowed;
 * - `json` blocks are indicator files, validated by the engine;
 * - `sh` blocks are commands: each line runs in the sandbox through bash, with `evalgate` (and
 *   `npx evalgate`) being the bundled CLI; `npm …` lines name scripts of package.json (CI runs
 *   `npm ci` and `npm test`, demo.test.ts runs `npm run demo`, pack.test.ts the global install);
 * - `text` blocks are grammar or output, shown, not run.
 * A block with no language, or one of another language, fails the test: nothing goes unchecked.
 * Every relative link must resolve to a file of the repository, and nothing links outside it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../src/config/file.js';
import { resolveSettings } from '../src/config/settings.js';
import { collect } from '../src/engine.js';
import { captureRuntime, tempDir } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');

function markdownFiles(): string[] {
  const out = ['README.md'];
  const walk = (dir: string): void => {
    for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.md')) out.push(rel);
    }
  };
  if (existsSync(path.join(ROOT, 'docs'))) walk('docs');
  return out;
}

export interface Block {
  file: string;
  line: number;
  lang: string;
  text: string;
  /** from `<!-- docs-test: … -->` on the line before the fence */
  directive: string | null;
}

/** Fenced blocks (``` or ~~~) with their info string and the directive comment before them. */
export function fencedBlocks(file: string, md: string): Block[] {
  const lines = md.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[j]!)) j++;
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const d = k >= 0 ? /^<!--\s*docs-test:\s*(.*?)\s*-->$/.exec(lines[k]!.trim()) : null;
    blocks.push({
      file,
      line: i + 1,
      lang: open[2]!.toLowerCase(),
      text: lines.slice(i + 1, j).join('\n') + '\n',
      directive: d ? d[1]! : null,
    });
    i = j;
  }
  return blocks;
}

const isWorkflow = (doc: unknown): boolean =>
  typeof doc === 'object' &&
  doc !== null &&
  'jobs' in doc &&
  ('on' in doc || (doc as Record<string, unknown>)[true as unknown as string] !== undefined);

/** The lines of a shell block as commands: comments and blank lines dropped, `\` continuations joined. */
export function commands(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = pending + raw;
    if (/\\$/.test(line)) {
      pending = line.slice(0, -1) + ' ';
      continue;
    }
    pending = '';
    const cmd = stripComment(line).trim();
    if (cmd) out.push(cmd);
  }
  return out;
}

/** A trailing `# comment` outside quotes is the shell's comment, not part of the command. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

/**
 * A sandbox like a user's repository: the shipped examples, the README quick start's script and
 * config, the files that script writes (`results/`), and a report of them (`main-report.json`,
 * a baseline). The docs' commands use these names.
 */
function sandbox(opts: { quickStart?: boolean } = { quickStart: true }): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir('evalgate-docs-');
  cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  const bin = path.join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'evalgate'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(path.join(bin, 'evalgate'), 0o755);
  const env: NodeJS.ProcessEnv = { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  if (opts.quickStart) {
    writeBlockFiles(fencedBlocks('README.md', readFileSync(path.join(ROOT, 'README.md'), 'utf8')), dir);
    const py = spawnSync('python3', ['eval/indicators.py', 'results'], { cwd: dir, encoding: 'utf8' });
    if (py.status !== 0) throw new Error(`the README's quick-start script failed: ${py.stderr}`);
    const gate = spawnSync(process.execPath, [CLI, 'gate', '--results', 'results', '--out', '.baseline'], { cwd: dir, encoding: 'utf8' });
    if (gate.status !== 0) throw new Error(`gating the README's quick-start files failed: ${gate.stdout}${gate.stderr}`);
    cpSync(path.join(dir, '.baseline', 'report.json'), path.join(dir, 'main-report.json'));
  }
  return { dir, env };
}

/** Blocks marked `<!-- docs-test: file PATH -->` written under `dir`. */
function writeBlockFiles(blocks: Block[], dir: string): void {
  for (const b of blocks) {
    const target = b.directive?.startsWith('file ') ? b.directive.slice(5).trim() : null;
    if (!target) continue;
    mkdirSync(path.dirname(path.join(dir, target)), { recursive: true });
    writeFileSync(path.join(dir, target), b.text);
  }
}

const packageScripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

function checkNpm(cmd: string): string | null {
  for (const part of cmd.split('&&').map((s) => s.trim())) {
    const m = /^npm\s+(ci|test|install -g \S+|i -g \S+|pack|run(?:\s+--silent)?\s+(\S+).*)$/.exec(part);
    if (!m) return `"${part}" is an npm command this test does not know`;
    if (m[2] && !(m[2] in packageScripts)) return `"${part}" names no script of package.json`;
  }
  return null;
}

function run(cmd: string, sb: { dir: string; env: NodeJS.ProcessEnv }) {
  const line = cmd.replace(/(^|&&\s*|\|\s*)npx evalgate\b/g, '$1evalgate');
  const r = spawnSync('bash', ['-c', line], { cwd: sb.dir, env: sb.env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const files = markdownFiles();

describe.each(files)('%s', (file) => {
  const md = readFileSync(path.join(ROOT, file), 'utf8');
  const blocks = fencedBlocks(file, md);

  it('every fenced block has a language this test knows how to check', () => {
    const unknown = blocks.filter((b) => !['python', 'yaml', 'yml', 'json', 'sh', 'bash', 'text'].includes(b.lang));
    expect(unknown.map((b) => `${b.file}:${b.line}: \`\`\`${b.lang}`)).toEqual([]);
  });

  it('every link stays inside the repository and resolves', () => {
    const bad: string[] = [];
    const prose = md.replace(/^ {0,3}(`{3,}|~{3,})[\s\S]*?^ {0,3}\1\s*$/gm, '');
    for (const m of prose.matchAll(/\]\(([^)\s]+)\)|<(https?:[^>]+)>|(?<![`(<\w])(https?:\/\/[^\s)`]+)/g)) {
      const target = m[1] ?? m[2] ?? m[3]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        bad.push(`${target}: links outside the repository`);
        continue;
      }
      const [p] = target.split('#');
      if (!p) continue; // an anchor in the same file
      const resolved = path.resolve(path.dirname(path.join(ROOT, file)), p);
      if (!resolved.startsWith(ROOT + path.sep)) bad.push(`${target}: outside the repository`);
      else if (!existsSync(resolved)) bad.push(`${target}: no such file`);
    }
    expect(bad).toEqual([]);
  });

  it.runIf(blocks.length > 0)('every block runs or validates as a user would use it', async () => {
    const sb = sandbox();
    const failures: string[] = [];
    const at = (b: Block) => `${b.file}:${b.line}`;
    for (const b of blocks) {
      const target = b.directive?.startsWith('file ') ? b.directive.slice(5).trim() : null;
      if (target) {
        mkdirSync(path.dirname(path.join(sb.dir, target)), { recursive: true });
        writeFileSync(path.join(sb.dir, target), b.text);
      }
      if (b.lang === 'python') {
        const r = spawnSync('python3', target ? [target] : ['-c', b.text], { cwd: sb.dir, env: sb.env, encoding: 'utf8' });
        if (r.status !== 0) failures.push(`${at(b)}: python exited ${r.status}: ${r.stderr}`);
      } else if (b.lang === 'yaml' || b.lang === 'yml') {
        const doc = parseYaml(b.text) as unknown;
        if (isWorkflow(doc)) continue; // workflows-lint.test.ts runs actionlint on this block
        if (b.directive === 'gitlab-ci') continue; // ci-examples.test.ts checks it against GitLab's schema
        const loaded = parseConfig(b.text, at(b));
        if (!loaded.ok || loaded.problems.length) failures.push(`${at(b)}: config problems: ${JSON.stringify(loaded.problems)}`);
        else {
          const { problems } = resolveSettings({ merge: [] }, { flag: (n) => `--${n}`, defaultBaseline: 'none' }, loaded.config);
          if (problems.length) failures.push(`${at(b)}: settings problems: ${JSON.stringify(problems)}`);
        }
      } else if (b.lang === 'json') {
        const f = path.join(tempDir(), 'block.json');
        writeFileSync(f, b.text);
        const { settings } = resolveSettings({ merge: [] }, { flag: (n) => `--${n}`, defaultBaseline: 'none' }, undefined);
        const result = await collect([f], settings, captureRuntime(sb.dir));
        if (result.problems.length) failures.push(`${at(b)}: indicator problems: ${JSON.stringify(result.problems)}`);
      } else if (b.lang === 'sh' || b.lang === 'bash') {
        const expected = /\bexit ([\d,]+)/
          .exec(b.directive ?? '')?.[1]
          ?.split(',')
          .map(Number) ?? [0];
        for (const cmd of commands(b.text)) {
          if (/^npm\b/.test(cmd)) {
            const bad = checkNpm(cmd);
            if (bad) failures.push(`${at(b)}: ${bad}`);
            continue;
          }
          const r = run(cmd, sb);
          if (!expected.includes(r.code ?? -1))
            failures.push(`${at(b)}: \`${cmd}\` exited ${r.code}, expected ${expected.join(' or ')}:\n${r.out}`);
          if (/internal error|TypeError|at .*\.js:\d+/.test(r.out)) failures.push(`${at(b)}: \`${cmd}\` printed a crash:\n${r.out}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('README.md', () => {
  const md = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('is written for the person who uses it: short, with the two commands and a quick start', () => {
    const words = md.split(/\s+/).filter(Boolean).length;
    expect(words).toBeLessThan(1500);
    expect(md).toContain('npm ci && npm run demo');
    expect(md).toContain('npm test');
    const blocks = fencedBlocks('README.md', md);
    // one example of each built-in indicator, written by a Python script (json.dump)
    const py = blocks.find((b) => b.lang === 'python')!;
    expect(py.text).toContain('json.dump');
    for (const ind of ['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity']) expect(py.text).toContain(`"${ind}"`);
    // a workflow to copy, with its permissions
    const wf = blocks
      .filter((b) => b.lang === 'yaml')
      .map((b) => parseYaml(b.text) as Record<string, unknown>)
      .find((d) => isWorkflow(d));
    expect(wf?.permissions).toBeTruthy();
  });

  it('the quick start works end to end: the script, the config, then evalgate run gates what the job wrote', () => {
    const sb = sandbox({ quickStart: false });
    writeBlockFiles(fencedBlocks('README.md', md), sb.dir);
    expect(existsSync(path.join(sb.dir, '.github/evalgate.yml'))).toBe(true);
    const r = run('evalgate run', sb);
    expect(r.out).toMatch(/verdict: pass/);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(sb.dir, 'evalgate-report', 'report.json'), 'utf8')) as {
      verdict: string;
      indicators: Record<string, unknown>;
      rules: { status: string }[];
    };
    expect(report.verdict).toBe('pass');
    expect(Object.keys(report.indicators).sort()).toEqual(['accuracy_f1', 'latency_p99', 'robustness_adv', 'throughput_rps', 'toxicity']);
    expect(report.rules.map((x) => x.status).sort()).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'skipped']); // no baseline yet
    expect(statSync(path.join(sb.dir, 'evalgate-report', 'report.md')).size).toBeGreaterThan(0);
  });

  it('the block checker itself catches a rotten command, config and indicator file', async () => {
    // a command that fails, a config with an unknown key, an invalid indicator file
    const sb = sandbox({ quickStart: false });
    expect(run('evalgate gate --results no-such-folder/', sb).code).not.toBe(0);
    const bad = parseConfig('jobz: {}\n', 'x.yml');
    expect(bad.ok && bad.problems.length === 0).toBe(false);
    const f = path.join(tempDir(), 'bad.json');
    writeFileSync(f, '{"indicator": "accuracy_f1", "f1": 2}');
    const { settings } = resolveSettings({ merge: [] }, { flag: (n) => `--${n}`, defaultBaseline: 'none' }, undefined);
    expect((await collect([f], settings, captureRuntime(sb.dir))).problems.length).toBeGreaterThan(0);
    expect(checkNpm('npm run no-such-script')).toMatch(/names no script/);
    expect(commands('a # c\nb \\\n  c\n# only\n')).toEqual(['a', 'b    c']);
  });
});

describe('docs/action.md', () => {
  it('describes every input and output that action.yml declares, and nothing it does not', () => {
    const manifest = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    const md = readFileSync(path.join(ROOT, 'docs', 'action.md'), 'utf8');
    /** the names in the first column of the table under `## <heading>` */
    const tableNames = (heading: string): string[] => {
      const section = md.split(new RegExp(`^## ${heading}\\s*$`, 'm'))[1]!.split(/^## /m)[0]!;
      return section
        .split('\n')
        .filter((l) => /^\| `/.test(l))
        .flatMap((l) => [...l.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    };
    expect(tableNames('Inputs').sort()).toEqual(Object.keys(manifest.inputs).sort());
    expect(tableNames('Outputs').sort()).toEqual(Object.keys(manifest.outputs).sort());
  });
});
