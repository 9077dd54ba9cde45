import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../src/engine.js';
import { FIXTURES, captureRuntime } from './helpers.js';
import { formatProblem } from '../src/core/problem.js';

const dir = (kind: string) => path.join(FIXTURES, 'indicators', kind);
const files = (kind: string) =>
  readdirSync(dir(kind))
    .filter((f) => f.endsWith('.json') && f !== 'expected.json')
    .sort();

async function problemsOf(kind: string, file: string): Promise<string[]> {
  const rt = captureRuntime(dir(kind));
  const { problems } = await collect([file], { maxFileSizeMb: 64, merge: {} }, rt);
  return problems.map(formatProblem);
}

describe('valid indicator fixtures', () => {
  it.each(files('valid'))('%s has no problem', async (file) => {
    expect(await problemsOf('valid', file)).toEqual([]);
  });
});

describe('invalid indicator fixtures: each with its exact messages', () => {
  const expectedPath = path.join(dir('invalid'), 'expected.json');
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, string[]>;
  if (process.env.UPDATE_FIXTURES === '1') {
    it('updates expected.json', async () => {
      const all: Record<string, string[]> = {};
      for (const f of files('invalid')) all[f] = await problemsOf('invalid', f);
      writeFileSync(expectedPath, JSON.stringify(all, null, 2) + '\n');
    });
    return;
  }
  it('every invalid fixture has its expected messages written down', () => {
    expect(Object.keys(expected).sort()).toEqual(files('invalid'));
  });
  it.each(files('invalid'))('%s', async (file) => {
    const got = await problemsOf('invalid', file);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expected[file]);
  });
});
