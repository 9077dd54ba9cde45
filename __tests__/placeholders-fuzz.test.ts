/**
 * Placeholders never become code: commands generated from a small grammar of shell contexts
 * (bare word, "…", $(…), backticks, "$(…)", heredoc bodies, arithmetic, nested), rendered by the
 * real plan code, run by both bash and dash with the job's environment. The value must arrive
 * byte for byte and no hostile value may run anything. Contexts where a value cannot be both safe
 * and correct (single quotes, quoted heredocs, strings run by sh -c / eval) are problems.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan, type PlannedJob, type RunIdentity } from '../src/core/plan.js';
import { placeholderProblems } from '../src/config/file.js';
import { tempDir } from './helpers.js';

const id: RunIdentity = { repository: 'acme/models', runId: '1', runAttempt: '1', gate: 'evalgate' };
const SHELLS = ['bash', 'dash'].filter((s) => spawnSync(s, ['-c', 'exit 0']).status === 0);

function planned(command: string, model: string, out: string, shards = 1): { jobs: PlannedJob[]; problems: unknown[] } {
  return plan({ jobs: { j: { command, shards } }, required: [], timeoutMinutes: 1 }, id, () => ({ model, data: `d ${model}`, out }));
}

/** A fragment of shell that expands to `expect(value)` (before the shell's last trailing-newline strip). */
interface Frag {
  text: string;
  expect: (v: string) => string;
}
const stripNl = (s: string): string => s.replace(/\n+$/, '');

/** Words that expand to (something derived from) the value, nested to `depth`. */
function word(depth: number, inBacktick = false): fc.Arbitrary<Frag> {
  const leaves: fc.Arbitrary<Frag>[] = [
    fc.constant({ text: '{model}', expect: (v: string) => v }),
    fc.constant({ text: '"{model}"', expect: (v: string) => v }),
    fc.constant({ text: '"<{model}>"', expect: (v: string) => `<${v}>` }),
    fc.constant({ text: '--m={model}/w', expect: (v: string) => `--m=${v}/w` }),
    fc.constant({ text: '"{data}"', expect: (v: string) => `d ${v}` }),
  ];
  if (depth <= 0) return fc.oneof(...leaves);
  const inner = word(depth - 1, inBacktick);
  const nested: fc.Arbitrary<Frag>[] = [
    // "$(…)": a fresh command inside double quotes
    inner.map((w) => ({ text: `"$(printf %s ${w.text})"`, expect: (v: string) => stripNl(w.expect(v)) })),
    // "…$(…)…"
    inner.map((w) => ({ text: `"[$(printf '%s' ${w.text})]"`, expect: (v: string) => `[${stripNl(w.expect(v))}]` })),
  ];
  if (!inBacktick) {
    // a heredoc body inside $(…)
    nested.push(
      fc.constant({ text: '"$(cat <<EOF\n({model})\nEOF\n)"', expect: (v: string) => `(${v})` }),
      // backticks (not nested in backticks: that needs escaping by hand)
      word(depth - 1, true).map((w) => ({
        text: `"$(x=\`printf %s ${w.text}\`; printf %s "$x")"`,
        expect: (v: string) => stripNl(w.expect(v)),
      })),
    );
  }
  return fc.oneof(...leaves, ...nested);
}

/** A whole command writing what it expanded to `{out}/res`. */
const commandArb: fc.Arbitrary<Frag> = fc.oneof(
  word(3).map((w) => ({ text: `printf %s ${w.text} > {out}/res`, expect: w.expect })),
  word(2).map((w) => ({ text: `M=${w.text}; printf %s "$M" > {out}/res`, expect: w.expect })),
  word(2).map((w) => ({
    text: `M="$(ls -d -- ${w.text} 2>/dev/null; printf %s ${w.text})"; printf %s "$M" > {out}/res`,
    expect: (v: string) => stripNl(w.expect(v)),
  })),
  // inside a heredoc body: no nested heredoc or backticks in the $(…) (the grammar's own limit)
  word(2, true).map((w) => ({
    text: `cat > {out}/res <<EOF\nbody {model} $(printf %s ${w.text}) \`printf %s {model}\`\nEOF`,
    expect: (v: string) => `body ${v} ${stripNl(w.expect(v))} ${stripNl(v)}\n`,
  })),
  word(2).map((w) => ({
    text: `cat > {out}/res <<-END\n\t"{model}"\n\tEND\nprintf %s ${w.text} >> {out}/res`,
    expect: (v: string) => `"${v}"\n${w.expect(v)}`,
  })),
);

const HOSTILE = [
  ';touch PWNED;',
  'm;touch PWNED;x',
  '$(touch PWNED)',
  '`touch PWNED`',
  '"$(touch PWNED)"',
  "'$(touch PWNED)'",
  `'"\`touch PWNED\`"'`,
  '\\"; touch PWNED; \\"',
  '${IFS}touch${IFS}PWNED',
  '$((1+1)) $(( $(touch PWNED) ))',
  'a\nEOF\ntouch PWNED\nEOF',
  '\nEND\ntouch PWNED',
  ')"; touch PWNED; echo "(',
  '* ? [a] ~ ~root',
  '  spaces  and\ttabs  ',
  '-n',
  '-e \\n',
  '%s %d %%',
  'ünïcødé ✓ 模型',
  '',
  '\\',
  'trailing newline\n',
  '!!',
  '${EVALGATE_MODEL}',
];
const valueArb = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc
    .array(fc.constantFrom(...HOSTILE, '"', "'", '`', '$', '(', ')', '\\', '\n', ';', '|', '&', '<', '>', ' '), { maxLength: 6 })
    .map((a) => a.join('')),
  fc.string({ maxLength: 20, unit: 'binary' }).filter((s) => !s.includes('\0')),
);

function runIn(shell: string, command: string, env: Record<string, string>, cwd: string): void {
  execFileSync(shell, ['-c', command], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
}

describe('placeholders reach the job as data in every shell context', () => {
  it('finds both shells', () => {
    expect(SHELLS).toEqual(['bash', 'dash']);
  });

  it('the value arrives byte for byte and nothing runs (property, bash and dash)', () => {
    const root = tempDir();
    let n = 0;
    fc.assert(
      fc.property(commandArb, valueArb, (cmd, value) => {
        const { jobs, problems } = planned(cmd.text, value, path.join(root, 'out'));
        expect(problems).toEqual([]);
        const job = jobs[0]!;
        expect(job.command).not.toContain('PWNED');
        for (const shell of SHELLS) {
          const dir = path.join(root, String(n++));
          mkdirSync(path.join(dir), { recursive: true });
          const out = path.join(dir, 'out');
          mkdirSync(out);
          runIn(shell, job.command, { ...job.env, EVALGATE_OUT: out }, dir);
          expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
          expect(readFileSync(path.join(out, 'res'), 'utf8'), `${shell}: ${cmd.text}`).toBe(cmd.expect(value));
          rmSync(dir, { recursive: true });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('shard numbers work in arithmetic', () => {
    const root = tempDir();
    const { jobs, problems } = planned('printf %s $(( {shard_index} * 10 + {shard_count} )) > {out}/res', '', root, 3);
    expect(problems).toEqual([]);
    for (const shell of SHELLS) {
      runIn(shell, jobs[2]!.command, jobs[2]!.env, root);
      expect(readFileSync(path.join(root, 'res'), 'utf8')).toBe('23');
    }
  });

  it.each([
    ["echo '{model}'", 'inside single quotes'],
    ["bash -c 'cat {model}'", 'inside single quotes'],
    ['sh -c "cat {model}"', 'another interpreter runs as code'],
    [`python3 -c "print('{model}')"`, 'another interpreter runs as code'],
    ['node -e "console.log({data})"', 'another interpreter runs as code'],
    ['eval "cat {model}"', 'another interpreter runs as code'],
    ['eval cat {model}', 'another interpreter runs as code'],
    ['sh -c "$(echo cat {model})"', 'another interpreter runs as code'],
    ["cat <<'EOF'\n{model}\nEOF", 'quoted heredoc'],
    ['cat <<"EOF"\n{out}\nEOF', 'quoted heredoc'],
    ['cat <<\\EOF\n{out}\nEOF', 'quoted heredoc'],
    ['echo $(( {model} + 1 ))', 'inside arithmetic'],
    ['(( {out} > 1 ))', 'inside arithmetic'],
  ])('rejects %j at config load and in the plan', (command, why) => {
    const load = placeholderProblems(command);
    expect(load).toHaveLength(1);
    expect(load[0]!.found).toContain(why);
    const { jobs, problems } = planned(command, 'm', '/o');
    expect(jobs).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ path: 'jobs.j.command', found: expect.stringContaining(why) })]);
  });

  it.each([
    ['printf %s {model}', 'printf %s "${EVALGATE_MODEL}"'],
    ['echo "x={model}"', 'echo "x=${EVALGATE_MODEL}"'],
    ['M="$(ls -d {model})"', 'M="$(ls -d "${EVALGATE_MODEL}")"'],
    ['echo `cat {data}`', 'echo `cat "${EVALGATE_DATA}"`'],
    ['cat <<EOF\n{out}\nEOF\necho {out}', 'cat <<EOF\n${EVALGATE_OUT}\nEOF\necho "${EVALGATE_OUT}"'],
    ['echo $(( {shard_index} + 1 ))', 'echo $(( ${EVALGATE_SHARD_INDEX} + 1 ))'],
    ['echo \'{"a":{"b":1}}\' ${HOME} # it\'s {model}', 'echo \'{"a":{"b":1}}\' ${HOME} # it\'s {model}'],
    ['bash -c \'cat "$EVALGATE_MODEL"\'', 'bash -c \'cat "$EVALGATE_MODEL"\''],
  ])('renders %j as references to the environment', (command, rendered) => {
    const { jobs, problems } = planned(command, 'm', '/o');
    expect(problems).toEqual([]);
    expect(jobs[0]!.command).toBe(rendered);
  });
});

describe('the original attack, through the CLI (local platform)', () => {
  const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
  const ACC = `printf '{"indicator":"accuracy_f1","precision":0.8,"recall":0.8,"f1":0.8,"samples":10,"tp":8,"fp":2,"fn":2}' > {out}/accuracy_f1.json`;
  it.each([
    ['M="$(ls -d {model})"; printf %s "$M" > {out}/seen'],
    ['printf %s "$(printf %s {model})" > {out}/seen'],
    ['M=`printf %s {model}`; printf %s "$M" > {out}/seen'],
    ['printf %s {model} > {out}/seen'],
    ['cat > {out}/seen <<EOF\n{model}\nEOF'],
  ])('model "m;touch PWNED;x" with %j runs nothing and arrives whole', (command) => {
    const dir = tempDir();
    const model = 'm;touch PWNED;x';
    writeFileSync(path.join(dir, model), 'weights');
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      `name: t\nmodel: ${JSON.stringify(model)}\nindicators: [accuracy_f1]\nthresholds: accuracy_f1.f1 >= 0.5\njobs:\n  accuracy_f1:\n    command: ${JSON.stringify(`${ACC}; ${command}`)}\n`,
    );
    const r = spawnSync(process.execPath, [CLI, 'run', '--config', 'evalgate.yml'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', CI: 'true' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    const seen = readFileSync(path.join(dir, 'evalgate-report', 'jobs', report.jobs[0].platform_id, 'out', 'seen'), 'utf8');
    expect(stripNl(seen)).toBe(path.join(dir, model));
  });

  it('a placeholder in single quotes is an invalid config (exit 2), naming the job', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      `name: t\nindicators: [accuracy_f1]\njobs:\n  accuracy_f1:\n    command: "bash -c 'cat {out}'"\n`,
    );
    const r = spawnSync(process.execPath, [CLI, 'run', '--config', 'evalgate.yml', '--dry-run'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain('jobs.accuracy_f1.command');
    expect(r.stdout + r.stderr).toContain('{out} inside single quotes');
  });
});
