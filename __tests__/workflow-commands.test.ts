/**
 * src/action/workflow.ts writes what @actions/core writes, for every call the action makes and for
 * hostile text (CR, LF, %, :, ',', `::`), so that dropping @actions/core from the main step's
 * start-up changes nothing the runner sees. Both run in this process with stdout captured and
 * GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY pointing at files; file commands are compared
 * with their random delimiters normalised.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as ours from '../src/action/workflow.js';
import { tempDir } from './helpers.js';

type Lib = typeof ours;
const official = {
  ...core,
  appendSummary: async (raw: string) => {
    await core.summary.addRaw(raw, true).write();
  },
} as unknown as Lib;

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  process.exitCode = undefined;
});

/** what `act` writes to stdout and the three files, with core's own summary buffer emptied first */
async function capture(lib: Lib, act: (l: Lib) => void | Promise<void>, withFiles = true) {
  const dir = tempDir('evalgate-wf-');
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' } as const;
  for (const [k, f] of Object.entries(files)) {
    if (withFiles) {
      writeFileSync(path.join(dir, f), '');
      process.env[k] = path.join(dir, f);
    } else delete process.env[k];
  }
  core.summary.emptyBuffer();
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  let thrown: string | undefined;
  try {
    await act(lib);
  } catch (e) {
    thrown = (e as Error).message;
  } finally {
    process.stdout.write = write;
  }
  const norm = (s: string) => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
  const read = (f: string) => (withFiles ? norm(readFileSync(path.join(dir, f), 'utf8')) : null);
  return { out: norm(out), output: read('output'), state: read('state'), summary: read('summary'), exitCode: process.exitCode, thrown };
}

const same = async (act: (l: Lib) => void | Promise<void>, withFiles = true) => {
  const a = await capture(official, act, withFiles);
  const b = await capture(ours, act, withFiles);
  expect(b).toEqual(a);
  return b;
};

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'a\r\nb', '100%', 'x::y', 'a,b:c', '::add-mask::s', '%0A', 'é\u2028z', 'line1\r::error title=Spoof::X'),
);

describe('workflow commands: the same bytes as @actions/core', () => {
  it.each([
    ['info', (l: Lib) => l.info('hello %0A world')],
    ['debug', (l: Lib) => l.debug('a\nb')],
    ['warning with properties', (l: Lib) => l.warning('w: 1, 2', { title: 'T: x, y', file: 'a,b.json', startLine: 3, startColumn: 4 })],
    ['error with an Error', (l: Lib) => l.error(new Error('boom'))],
    ['notice without properties', (l: Lib) => l.notice('n')],
    ['setSecret', (l: Lib) => l.setSecret('s3cr%t\nline2')],
    ['setFailed', (l: Lib) => l.setFailed('failed\r\nhere')],
    ['setOutput of a string, a number and an object', (l: Lib) => (l.setOutput('verdict', 'pass'), l.setOutput('n', 3), l.setOutput('o', { a: [1] }))],
    ['saveState', (l: Lib) => l.saveState('evalgate-jobs', '[{"id":"1"}]')],
    ['the job summary', (l: Lib) => l.appendSummary('# evalgate\n\n| a |\n|---|')],
  ])('%s', async (_name, act) => {
    await same(act);
  });

  it('without the file commands: outputs and state fall back to stdout commands; the summary refuses', async () => {
    const r = await same((l) => (l.setOutput('verdict', 'fail'), l.saveState('s', 'v')), false);
    expect(r.out).toContain('::set-output name=verdict::fail');
    // (core's summary caches the file it found first, so it is compared with core's message as written)
    expect((await capture(ours, (l) => l.appendSummary('x'), false)).thrown).toBe(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  });

  it('inputs: trimmed, spaces to _, upper case, required', async () => {
    process.env['INPUT_GITHUB-TOKEN'] = '  ghs_x \n';
    process.env.INPUT_MY_INPUT = ' v ';
    for (const [name, opts] of [
      ['github-token', undefined],
      ['my input', undefined],
      ['my input', { trimWhitespace: false }],
      ['absent', undefined],
    ] as const) {
      expect(ours.getInput(name, opts)).toBe(core.getInput(name, opts));
    }
    expect(() => ours.getInput('absent', { required: true })).toThrow('Input required and not supplied: absent');
    process.env.STATE_x = 'y';
    expect(ours.getState('x')).toBe(core.getState('x'));
  });

  it('any text, in every command, the same (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, fc.string({ minLength: 1 }).filter((s) => !s.includes('<<')), async (msg, title, name) => {
        await same((l) => {
          l.info(msg);
          l.warning(msg, { title });
          l.error(msg, { title, file: title, startLine: 1 });
          l.setSecret(msg);
          l.setOutput(name, msg);
          l.saveState(name, msg);
        });
      }),
      { numRuns: 150 },
    );
  });
});
