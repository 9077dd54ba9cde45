/**
 * `gate --results azblob://<account>/<container>/<prefix>` against Azurite (the real Blob
 * emulator): the indicator files are downloaded and gated; a blob whose name would leave the
 * download folder is refused and fails the gate closed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { SEED, tempDir } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
let az: Azurite;

beforeAll(async () => {
  az = await startAzurite();
  const container = BlobServiceClient.fromConnectionString(az.connectionString).getContainerClient('results');
  await container.create();
  for (const [name, text] of Object.entries(SEED))
    await container.getBlockBlobClient(name.replace('results/', 'run1/')).upload(text, text.length);
  await container.getBlockBlobClient('run1/notes.txt').upload('not an indicator', 16);
  for (const [name, text] of Object.entries(SEED))
    await container.getBlockBlobClient(name.replace('results/', 'run2/')).upload(text, text.length);
  await container.getBlockBlobClient('run2/sub\\..\\..\\escape.json').upload('{}', 2);
});
afterAll(async () => {
  await az?.stop();
});

function gate(uri: string, env: Record<string, string>) {
  const dir = tempDir();
  const r = spawnSync(process.execPath, [CLI, 'gate', '--results', uri, '--baseline', 'none'], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { ...r, dir };
}

describe('results: azblob://', () => {
  it('downloads the .json blobs under the prefix and gates them', () => {
    const r = gate('azblob://devstoreaccount1/results/run1', { AZURE_STORAGE_CONNECTION_STRING: az.connectionString });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(path.join(r.dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.verdict).toBe('pass');
    expect(Object.keys(report.indicators).sort()).toEqual(['accuracy_f1', 'latency_p99', 'robustness_adv', 'throughput_rps', 'toxicity']);
    expect(report.indicators.accuracy_f1.sources).toEqual(['evalgate-report/results/accuracy_f1.json']);
    expect(existsSync(path.join(r.dir, 'evalgate-report', 'results', 'notes.txt'))).toBe(false);
  });

  it('refuses a blob name that is not a plain relative path, and fails closed', () => {
    const r = gate('azblob://devstoreaccount1/results/run2/', { AZURE_STORAGE_CONNECTION_STRING: az.connectionString });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('azblob://devstoreaccount1/results/run2/');
    expect(r.stderr).toContain('run2/sub/../../escape.json'); // the service turns \ into /
    expect(r.stderr).toContain('expected an object name that is a plain relative path below the prefix');
    expect(existsSync(path.join(r.dir, 'escape.json'))).toBe(false);
    const report = JSON.parse(readFileSync(path.join(r.dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.verdict).toBe('fail');
  });

  it('says what went wrong when the container cannot be read', () => {
    const r = gate('azblob://devstoreaccount1/nosuch/run1', { AZURE_STORAGE_CONNECTION_STRING: az.connectionString });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /azblob:\/\/devstoreaccount1\/nosuch\/run1: expected a readable azblob:\/\/<account>\/<container>\/<prefix>, got Blob storage answered 404 ContainerNotFound/,
    );
    const bad = gate('azblob://devstoreaccount1/results/run1', {
      AZURE_STORAGE_CONNECTION_STRING: az.connectionString.replace(
        /AccountKey=[^;]+/,
        'AccountKey=' + Buffer.from('wrong key').toString('base64'),
      ),
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Blob storage answered 403 AuthorizationFailure|Blob storage answered 403/);
    expect(bad.stderr).not.toContain('wrong key');
  });
});
