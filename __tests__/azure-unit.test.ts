/**
 * The azure platform's pure parts: the job.yml → REST conversion, the status map, the config
 * section, object names as paths, and the credential chain's messages.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restJobBody, renderAzureJob } from '../src/platforms/azure/job.js';
import { AZURE_STATUS, mapAzureStatus } from '../src/platforms/azure/azure.js';
import { parseAzureConfig } from '../src/platforms/azure/config.js';
import { azureCredential, credentialMessage } from '../src/platforms/azure/credential.js';
import { safeJoin } from '../src/stores/blob-safe.js';
import { parseAzblob } from '../src/stores/azblob.js';
import type { PlannedJob } from '../src/core/plan.js';
import { tempDir } from './helpers.js';

const WS = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1';
const job: PlannedJob = {
  key: 'accuracy_f1',
  indicators: ['accuracy_f1'],
  shard: { index: 1, count: 2 },
  name: 'evalgate-acme-m-7-1-demo-accuracy_f1-1',
  command: `node f1.mjs --model '\${{inputs.model}}' --out '\${{outputs.results}}' --note "a \\"b\\""`,
  env: { SEED: '1', EVALGATE_OUT: '${{outputs.results}}', EVALGATE_SHARD_INDEX: '1' },
  timeoutMinutes: 2.5,
  resources: { instance_type: 'Standard_NC6s_v3' },
};

describe('azure job.yml → ARM CommandJob body', () => {
  it('converts every field the template writes to its REST name', async () => {
    const { text, missing } = await renderAzureJob(job, 'demo', {
      compute: 'cpu-cluster',
      environment: 'azureml:evalgate-abc:1',
      experiment: 'evalgate',
      code: 'azureml:evalgate-code:0123456789abcdef',
      model: { type: 'uri_file', uri: 'azureml://datastores/workspaceblobstore/paths/evalgate/cas/aa/model.json' },
      data: { type: 'uri_folder', uri: 'azureml://datastores/workspaceblobstore/paths/evalgate/cas/bb/' },
      outUri: 'azureml://datastores/workspaceblobstore/paths/evalgate/runs/x/',
      instanceCount: 1,
    });
    expect(missing).toEqual([]);
    const { name, body } = restJobBody(text, WS);
    expect(name).toBe(job.name);
    expect(body.properties).toEqual({
      jobType: 'Command',
      displayName: 'evalgate demo accuracy_f1 1/2',
      experimentName: 'evalgate',
      description: 'evalgate demo: accuracy_f1, shard 1 of 2',
      command: `export EVALGATE_OUT="\${{outputs.results}}"; ${job.command}`,
      codeId: `${WS}/codes/evalgate-code/versions/0123456789abcdef`,
      environmentId: `${WS}/environments/evalgate-abc/versions/1`,
      computeId: `${WS}/computes/cpu-cluster`,
      // EVALGATE_OUT is exported by the command: Azure ML does not substitute ${{…}} in variables
      environmentVariables: { SEED: '1', EVALGATE_SHARD_INDEX: '1' },
      inputs: {
        model: {
          jobInputType: 'uri_file',
          uri: 'azureml://datastores/workspaceblobstore/paths/evalgate/cas/aa/model.json',
          mode: 'ReadOnlyMount',
        },
        data: { jobInputType: 'uri_folder', uri: 'azureml://datastores/workspaceblobstore/paths/evalgate/cas/bb/', mode: 'ReadOnlyMount' },
      },
      outputs: {
        results: {
          jobOutputType: 'uri_folder',
          uri: 'azureml://datastores/workspaceblobstore/paths/evalgate/runs/x/',
          mode: 'ReadWriteMount',
        },
      },
      resources: { instanceCount: 1, instanceType: 'Standard_NC6s_v3' },
      limits: { jobLimitsType: 'Command', timeout: 'PT150S' },
      tags: { evalgate: 'demo', evalgate_job: 'accuracy_f1', evalgate_shard: '1' },
    });
  });

  it('leaves out an input with no path, keeps registry and ARM ids, and refuses unknown forms', async () => {
    const { text } = await renderAzureJob(job, 'demo', {
      compute: `${WS}/computes/gpu`,
      environment: 'azureml://registries/azureml/environments/sklearn-1.5/versions/1',
      experiment: 'e',
      model: null,
      data: null,
      outUri: 'azureml://datastores/workspaceblobstore/paths/o/',
    });
    const { body } = restJobBody(text, WS);
    expect(body.properties.inputs).toEqual({});
    expect(body.properties.codeId).toBeUndefined();
    expect(body.properties.environmentId).toBe('azureml://registries/azureml/environments/sklearn-1.5/versions/1');
    expect(body.properties.computeId).toBe(`${WS}/computes/gpu`);
    expect(() => restJobBody(text.replace(/^environment: .*$/m, 'environment: "sklearn"'), WS)).toThrow(
      /environment: expected azureml:<name>:<version>/,
    );
    expect(() => restJobBody(text.replace('mode: rw_mount', 'mode: rw'), WS)).toThrow(/outputs.results.mode/);
    expect(() => restJobBody(text.replace('type: command', 'type: sweep'), WS)).toThrow(/type: expected command/);
  });
});

describe('azure job status', () => {
  it('maps every Azure ML JobStatus; only Completed, Failed and Canceled end a job', () => {
    const all = [
      'NotStarted',
      'Starting',
      'Provisioning',
      'Preparing',
      'Queued',
      'Running',
      'Finalizing',
      'CancelRequested',
      'Completed',
      'Failed',
      'Canceled',
      'NotResponding',
      'Paused',
      'Unknown',
    ];
    expect(Object.keys(AZURE_STATUS).sort()).toEqual([...all].sort());
    const terminal = all.filter((s) => ['succeeded', 'failed', 'cancelled'].includes(mapAzureStatus(s)));
    expect(terminal).toEqual(['Completed', 'Failed', 'Canceled']);
    expect(mapAzureStatus('Completed')).toBe('succeeded');
    expect(mapAzureStatus('Finalizing')).toBe('running');
    expect(mapAzureStatus('SomethingNew')).toBe('queued');
  });
});

describe('the azure config section', () => {
  const ok = { subscription: 's', resource_group: 'rg', workspace: 'ws1', compute: 'c', image: 'mcr.microsoft.com/x:1' };
  it('fills defaults and takes the subscription from the environment', () => {
    const { config } = parseAzureConfig({ ...ok, subscription: undefined }, 'f.yml', { AZURE_SUBSCRIPTION_ID: 'from-env' });
    expect(config).toMatchObject({
      subscription: 'from-env',
      datastore: 'workspaceblobstore',
      prefix: 'evalgate',
      experiment: 'evalgate',
      armEndpoint: 'https://management.azure.com',
      pollIntervalMs: 10_000,
      code: [],
    });
  });
  it('names each wrong key with what it expects', () => {
    const { problems } = parseAzureConfig({ ...ok, workspace: 'a', arm_endpoint: 'http://x', colour: 1 }, 'f.yml', {});
    expect(problems.map((p) => `${p.path}: ${p.expected} / ${p.found}`)).toEqual([
      'azure.workspace: a workspace name (3 to 33 letters, digits, - and _) / "a"',
      'azure.arm_endpoint: an https:// URL / "http://x"',
      expect.stringMatching(/^azure: one of the known keys .* \/ colour$/),
    ]);
    expect(parseAzureConfig({ ...ok, environment: 'azureml:e:1' }, 'f.yml', {}).problems[0]).toMatchObject({ path: 'azure.image' });
  });
});

describe('object names are never trusted as paths', () => {
  it('keeps plain relative names inside the folder and refuses the rest', () => {
    const dest = '/tmp/dl';
    expect(safeJoin(dest, 'a/b.json')).toBe('/tmp/dl/a/b.json');
    for (const bad of ['../x.json', 'a/../../x.json', '/etc/passwd', 'a//b.json', 'a\\..\\b.json', './a.json', '', 'a/./b'])
      expect(safeJoin(dest, bad), bad).toBeNull();
  });
  it('parses azblob:// URIs', () => {
    expect(parseAzblob('azblob://acct01/results/run/7')).toEqual({ account: 'acct01', container: 'results', prefix: 'run/7/' });
    expect(parseAzblob('azblob://acct01/results')).toEqual({ account: 'acct01', container: 'results', prefix: '' });
    expect(() => parseAzblob('azblob://Acct/results/x')).toThrow(/lower-case/);
  });
});

describe('the azure credential chain', () => {
  it('trims an Entra refusal to its AADSTS line', () => {
    const msg =
      'ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the one. Trace ID: 1 Correlation ID: 2 Timestamp: 3\nstack…';
    expect(credentialMessage(new Error(msg))).toBe(
      'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the one.',
    );
  });

  it('uses the Azure CLI login after azure/login', async () => {
    // az account get-access-token, as the Azure CLI answers it
    const bin = tempDir();
    const az = path.join(bin, 'az');
    writeFileSync(
      az,
      `#!/bin/sh\necho "$@" > "${bin}/args"\necho '{"accessToken":"cli-token","expiresOn":"2099-01-01 00:00:00.000000","expires_on":4070908800,"subscription":"s","tenant":"t","tokenType":"Bearer"}'\n`,
    );
    chmodSync(az, 0o755);
    // AzureCliCredential runs `az` from the process's own PATH
    const saved = process.env.PATH;
    process.env.PATH = `${bin}:${saved}`;
    const cred = azureCredential({ PATH: process.env.PATH });
    const token = await cred.getToken('https://management.azure.com/.default').finally(() => (process.env.PATH = saved));
    expect(token?.token).toBe('cli-token');
    expect(cred.label).toBe('Azure CLI (az login / azure/login)');
  });

  it('names what it tried when nothing signs in', async () => {
    const bin = tempDir();
    writeFileSync(path.join(bin, 'az'), `#!/bin/sh\necho "ERROR: Please run 'az login' to setup account." >&2\nexit 1\n`);
    chmodSync(path.join(bin, 'az'), 0o755);
    // no IMDS here: the managed identity probe is refused at once by a closed local port
    const cred = azureCredential({
      PATH: `${bin}:/usr/bin:/bin`,
      IDENTITY_ENDPOINT: 'http://127.0.0.1:9/token',
      IMDS_ENDPOINT: 'http://127.0.0.1:9',
    });
    const err = await cred.getToken('https://management.azure.com/.default').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /^no Azure credential is available \(set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run azure\/login first\); tried Azure CLI/,
    );
    expect((err as Error).message).toContain('managed identity');
  });
});

describe('armScope', () => {
  it.each([
    ['https://management.azure.com', 'https://management.azure.com/.default'],
    ['https://management.azure.com/', 'https://management.azure.com/.default'],
    ['https://management.chinacloudapi.cn', 'https://management.chinacloudapi.cn/.default'],
    ['https://management.usgovcloudapi.net/', 'https://management.usgovcloudapi.net/.default'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443/.default'],
  ])('%s -> %s', async (endpoint, scope) => {
    const { armScope } = await import('../src/platforms/azure/credential.js');
    expect(armScope(endpoint)).toBe(scope);
  });
});

