// Proves that the fake Azure (__tests__/fakes/azure.ts) behaves like Entra ID and Azure Resource Manager for
// Microsoft.MachineLearningServices, as seen by the real clients evalgate uses: @azure/identity's credentials (MSAL),
// @azure-rest/core-client's pipeline (bearer token, retry, throttling policies) and @azure/storage-blob against Azurite
// (__tests__/fakes/azurite.ts). Bodies are checked against the vendored spec (__tests__/fixtures/azure/mfe.reduced.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity';
import { getClient, type Client } from '@azure-rest/core-client';
import { BlobServiceClient, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import {
  azureValidator,
  githubOidcToken,
  liveGroupMembers,
  parseIsoDuration,
  startFakeAzure,
  type FakeAzure,
  type JobStatus,
} from './fakes/azure.js';

const V = '2025-09-01';
const ARM_SCOPE = 'https://management.azure.com/.default';
const FED = githubOidcToken('repo:acme/models:environment:ci');
const EXAMPLES = path.join(import.meta.dirname, 'fixtures', 'azure', 'examples');
const TERMINAL: JobStatus[] = ['Completed', 'Failed', 'Canceled'];

let az: Azurite;
let fake: FakeAzure;
let credential: ClientSecretCredential;
let client: Client;
let blobs: ContainerClient;

beforeAll(async () => {
  az = await startAzurite();
  fake = await startFakeAzure({ azurite: az, stepMs: 60, federatedTokens: [FED] });
  credential = new ClientSecretCredential(fake.tenantId, fake.clientId, fake.clientSecret, {
    authorityHost: fake.url,
    disableInstanceDiscovery: true,
  });
  client = getClient(fake.url, credential, { credentials: { scopes: [ARM_SCOPE] } });
});

afterAll(async () => {
  await fake?.stop();
  await az?.stop();
});

beforeEach(() => {
  fake.violations.length = 0;
});

// ---------------------------------------------------------------------------------------------- helpers

interface Res {
  status: number;
  headers: Record<string, string>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An ARM call through the core-client pipeline; `p` is relative to the workspace unless it starts with /subscriptions or https. */
async function arm(
  method: 'get' | 'put' | 'post',
  p: string,
  o: { body?: unknown; query?: Record<string, string> | null } = {},
): Promise<Res> {
  const full = p.startsWith('/subscriptions') || p.startsWith('https://') ? p : `${fake.workspaceId}${p}`;
  const queryParameters = o.query === null ? undefined : { 'api-version': V, ...o.query };
  const r = await client
    .pathUnchecked(full)
    [method]({ ...(queryParameters ? { queryParameters } : {}), ...(o.body === undefined ? {} : { body: o.body }) });
  return { status: Number(r.status), headers: r.headers as Record<string, string>, body: r.body };
}

/** A raw HTTPS request (no pipeline: no token, no retries) */
async function raw(method: string, p: string, headers: Record<string, string> = {}, body?: string): Promise<Res> {
  const r = await fetch(`${fake.url}${p}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await r.text();
  return { status: r.status, headers: Object.fromEntries(r.headers), body: text ? JSON.parse(text) : undefined };
}

async function armToken(): Promise<string> {
  return (await credential.getToken(ARM_SCOPE)).token;
}

function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function waitFor(name: string, pred: (s: JobStatus) => boolean, ms = 20_000): Promise<JobStatus> {
  const deadline = Date.now() + ms;
  for (;;) {
    const s = fake.job(name)?.status;
    if (s && pred(s)) return s;
    if (Date.now() > deadline) throw new Error(`job ${name} is ${s} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** GET the job through ARM until it is terminal; returns the last body */
async function pollJob(name: string, ms = 20_000): Promise<any> {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await arm('get', `/jobs/${name}`);
    expect(r.status).toBe(200);
    if (TERMINAL.includes(r.body.properties.status)) return r.body;
    if (Date.now() > deadline) throw new Error(`job ${name} is ${r.body.properties.status} after ${ms} ms`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

async function text(container: ContainerClient, blob: string): Promise<string> {
  return (await container.getBlobClient(blob).downloadToBuffer()).toString('utf8');
}

const uri = (p: string): string => `azureml://datastores/workspaceblobstore/paths/${p}`;

let envId: string;
let codeId: string;

/** the datastore, its key, an environment and a code snapshot: what the adapter sets up before its first job */
async function setUp(): Promise<void> {
  if (codeId) return;
  const ds = await arm('get', '/datastores/workspaceblobstore');
  const secrets = await arm('post', '/datastores/workspaceblobstore/listSecrets');
  const key = new StorageSharedKeyCredential(ds.body.properties.accountName, secrets.body.key);
  blobs = new BlobServiceClient(az.blobEndpoint, key).getContainerClient(ds.body.properties.containerName);
  const up = (name: string, content: string) => blobs.getBlockBlobClient(name).upload(content, Buffer.byteLength(content));
  await up(
    'code/v1/eval.sh',
    'set -e\ntr a-z A-Z < "$1/data.txt" > "$2/result.txt"\nmkdir -p "$2/sub" && cp "$3" "$2/sub/cfg.json"\necho "run=$AZUREML_RUN_ID shard=$EVALGATE_SHARD"\n',
  );
  await up('data/set1/data.txt', 'hello azure\n');
  await up('data/set1/nested/ignored.txt', 'x');
  await up('data/cfg.json', '{"k":1}');
  const env = await arm('put', '/environments/evalgate-env/versions/1', {
    body: { properties: { image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest' } },
  });
  expect(env.status).toBe(201);
  envId = env.body.id;
  const code = await arm('put', '/codes/evalgate-code/versions/1', {
    body: { properties: { codeUri: `${az.blobEndpoint}/${fake.datastore.container}/code/v1` } },
  });
  expect(code.status).toBe(201);
  codeId = code.body.id;
}

function commandJob(command: string, extra: Record<string, unknown> = {}): { properties: Record<string, unknown> } {
  return {
    properties: {
      jobType: 'Command',
      displayName: 'evalgate test',
      experimentName: 'evalgate',
      command,
      environmentId: envId,
      computeId: fake.armId('computes', 'cpu-cluster'),
      ...(codeId ? { codeId } : {}),
      ...extra,
    },
  };
}

// ---------------------------------------------------------------------------------------------- Entra ID

describe('Entra ID token endpoint, driven by @azure/identity', () => {
  it('issues a JWT-shaped ARM token to the registered client secret, after the openid-configuration MSAL fetches', async () => {
    const before = fake.requests.length;
    const c = new ClientSecretCredential(fake.tenantId, fake.clientId, fake.clientSecret, {
      authorityHost: fake.url,
      disableInstanceDiscovery: true,
    });
    const t = await c.getToken(ARM_SCOPE);
    expect(t.token.split('.')).toHaveLength(3);
    const claims = jwtPayload(t.token);
    expect(claims).toMatchObject({
      aud: 'https://management.azure.com',
      iss: `https://sts.windows.net/${fake.tenantId}/`,
      tid: fake.tenantId,
      appid: fake.clientId,
      appidacr: '1',
      idtyp: 'app',
      ver: '1.0',
    });
    expect(typeof claims.oid).toBe('string');
    expect(Number(claims.exp) - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
    // MSAL computes expiresOn from its own clock and expires_in
    expect(Math.abs(t.expiresOnTimestamp - Number(claims.exp) * 1000)).toBeLessThanOrEqual(2000);
    const mine = fake.requests.slice(before).map((r) => `${r.kind} ${r.method} ${r.path} ${r.status}`);
    expect(mine).toEqual([
      `token GET /${fake.tenantId}/v2.0/.well-known/openid-configuration 200`,
      `token POST /${fake.tenantId}/oauth2/v2.0/token 200`,
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('refuses a wrong secret with AADSTS7000215, in the message the credential throws', async () => {
    const c = new ClientSecretCredential(fake.tenantId, fake.clientId, 'not-the-secret', {
      authorityHost: fake.url,
      disableInstanceDiscovery: true,
    });
    await expect(c.getToken(ARM_SCOPE)).rejects.toThrow(/AADSTS7000215: Invalid client secret provided/);
    expect(fake.requests.at(-1)).toMatchObject({ kind: 'token', status: 401 });
  });

  it.each<[string, { tenantId?: string; clientId?: string }, RegExp]>([
    [
      'an unknown client id',
      { clientId: '11111111-2222-3333-4444-555555555555' },
      /AADSTS700016: Application with identifier '11111111-2222-3333-4444-555555555555' was not found/,
    ],
    // MSAL's authority resolution fails on the 400 of the openid-configuration: the AADSTS text does not reach the caller
    ['an unknown tenant', { tenantId: '99999999-2222-3333-4444-555555555555' }, /endpoints_resolution_error/],
  ])('refuses %s', async (_name, o, re) => {
    const c = new ClientSecretCredential(o.tenantId ?? fake.tenantId, o.clientId ?? fake.clientId, fake.clientSecret, {
      authorityHost: fake.url,
      disableInstanceDiscovery: true,
    });
    await expect(c.getToken(ARM_SCOPE)).rejects.toThrow(re);
    expect(fake.requests.at(-1)!.status).toBe(400);
  });

  it('refuses a scope that is not <resource>/.default (client credentials), as Entra does', async () => {
    const body = new URLSearchParams({
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      grant_type: 'client_credentials',
      scope: 'https://management.azure.com/user_impersonation',
    });
    const r = await raw(
      'POST',
      `/${fake.tenantId}/oauth2/v2.0/token`,
      { 'content-type': 'application/x-www-form-urlencoded' },
      body.toString(),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    expect(r.body.error_description).toMatch(
      /^AADSTS1002012: .*\r\nTrace ID: .*\r\nCorrelation ID: .*\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s,
    );
  });

  it('accepts a listed federated assertion (ClientAssertionCredential) and refuses any other with AADSTS70021', async () => {
    const ok = new ClientAssertionCredential(fake.tenantId, fake.clientId, async () => FED, {
      authorityHost: fake.url,
      disableInstanceDiscovery: true,
    });
    const t = await ok.getToken(ARM_SCOPE);
    expect(jwtPayload(t.token)).toMatchObject({ appidacr: '2', aud: 'https://management.azure.com' });
    const bad = new ClientAssertionCredential(fake.tenantId, fake.clientId, async () => githubOidcToken('repo:evil/fork:pull_request'), {
      authorityHost: fake.url,
      disableInstanceDiscovery: true,
    });
    await expect(bad.getToken(ARM_SCOPE)).rejects.toThrow(
      /AADSTS70021: No matching federated identity record found for presented assertion\. Assertion Issuer: 'https:\/\/token\.actions\.githubusercontent\.com'\. Assertion Subject: 'repo:evil\/fork:pull_request'/,
    );
  });
});

// ---------------------------------------------------------------------------------------------- ARM: auth, versions, routing

describe('Resource Manager: authentication, api-version, routing', () => {
  const p = (): string => `${fake.workspaceId}/datastores/workspaceblobstore?api-version=${V}`;

  it('wants a bearer token: missing → 401 AuthenticationFailed with a WWW-Authenticate challenge', async () => {
    const r = await raw('GET', p());
    expect(r.status).toBe(401);
    expect(r.body.error).toEqual({
      code: 'AuthenticationFailed',
      message: "Authentication failed. The 'Authorization' header is missing.",
    });
    expect(r.headers['www-authenticate']).toMatch(
      /^Bearer authorization_uri=".*", error="invalid_token", error_description=".*missing 'Authorization' header\."$/,
    );
    expect(fake.violations).toHaveLength(1);
  });

  it.each([
    [
      'a token it did not issue',
      () => 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.c2ln',
      'InvalidAuthenticationToken',
      /^The access token is invalid\.$/,
    ],
    [
      'an expired token',
      () => fake.mintToken({ expiresInS: -60 }),
      'ExpiredAuthenticationToken',
      /^The access token expiry UTC time '.*' is earlier than current UTC time '.*'\.$/,
    ],
    [
      'a token for Storage',
      () => fake.mintToken({ audience: 'https://storage.azure.com' }),
      'InvalidAuthenticationTokenAudience',
      /wrong audience or resource 'https:\/\/storage\.azure\.com'/,
    ],
  ])('refuses %s with 401 %s', async (_name, token, code, message) => {
    const r = await raw('GET', p(), { authorization: `Bearer ${token()}` });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(message);
    expect(r.headers['www-authenticate']).toMatch(/^Bearer authorization_uri=/);
  });

  it('wants api-version 2025-09-01 or 2026-09-01', async () => {
    const missing = await arm('get', '/datastores/workspaceblobstore', { query: null });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({
      code: 'MissingApiVersionParameter',
      message: 'The api-version query parameter (?api-version=) is required for all requests.',
    });
    const old = await arm('get', '/datastores/workspaceblobstore', { query: { 'api-version': '2022-10-01' } });
    expect(old.status).toBe(400);
    expect(old.body.error.code).toBe('NoRegisteredProviderFound');
    expect(old.body.error.message).toContain("The supported api-versions are '2025-09-01, 2026-09-01'");
    const newer = await arm('get', '/datastores/workspaceblobstore', { query: { 'api-version': '2026-09-01' } });
    expect(newer.status).toBe(200);
    expect(fake.violations).toHaveLength(2);
  });

  it('matches resourceGroups/providers segments case-insensitively; unknown subscription, group, workspace → 404', async () => {
    const lower = `/subscriptions/${fake.subscriptionId}/resourcegroups/${fake.resourceGroup.toUpperCase()}/providers/microsoft.machinelearningservices/workspaces/${fake.workspace}/datastores/workspaceblobstore`;
    expect((await arm('get', lower)).status).toBe(200);
    const sub = await arm(
      'get',
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${fake.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${fake.workspace}/jobs`,
    );
    expect(sub).toMatchObject({ status: 404, body: { error: { code: 'SubscriptionNotFound' } } });
    const rg = await arm(
      'get',
      `/subscriptions/${fake.subscriptionId}/resourceGroups/other-rg/providers/Microsoft.MachineLearningServices/workspaces/${fake.workspace}/jobs`,
    );
    expect(rg).toMatchObject({
      status: 404,
      body: { error: { code: 'ResourceGroupNotFound', message: "Resource group 'other-rg' could not be found." } },
    });
    const ws = await arm(
      'get',
      `/subscriptions/${fake.subscriptionId}/resourceGroups/${fake.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/other-ws/jobs`,
    );
    expect(ws).toMatchObject({ status: 404, body: { error: { code: 'ResourceNotFound' } } });
    expect(ws.body.error.message).toContain("'Microsoft.MachineLearningServices/workspaces/other-ws' under resource group");
    expect(fake.violations).toEqual([]);
  });

  it('failNext: 429 with Retry-After and x-ms-ratelimit-remaining-*: 0, which the pipeline honours; 503 only where matched', async () => {
    fake.failNext(1, { status: 429, retryAfter: 2 });
    const token = await armToken();
    const r = await raw('GET', p(), { authorization: `Bearer ${token}` });
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('2');
    expect(r.headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('0');
    expect(r.body.error.code).toBe('TooManyRequests');

    fake.failNext(2, { status: 429, retryAfter: 1 });
    const before = fake.requests.length;
    const t0 = Date.now();
    const ok = await arm('get', '/datastores/workspaceblobstore');
    expect(ok.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
    expect(
      fake.requests
        .slice(before)
        .filter((q) => q.kind === 'arm')
        .map((q) => q.status),
    ).toEqual([429, 429, 200]);

    fake.failNext(1, { status: 503, match: (method) => method === 'POST' });
    expect((await arm('get', '/datastores/workspaceblobstore')).status).toBe(200);
    const secrets = await raw('POST', `${fake.workspaceId}/datastores/workspaceblobstore/listSecrets?api-version=${V}`, {
      authorization: `Bearer ${token}`,
    });
    expect(secrets.status).toBe(503);
    expect(secrets.body.error.code).toBe('ServiceUnavailable');
    expect(fake.violations).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------- datastores, assets

describe('datastores, environments, code versions', () => {
  it('GET workspaceblobstore: an AzureBlob datastore over an Azurite container; listSecrets gives its key', async () => {
    const ds = await arm('get', '/datastores/workspaceblobstore');
    expect(ds.status).toBe(200);
    expect(ds.body).toMatchObject({
      id: fake.armId('datastores', 'workspaceblobstore'),
      name: 'workspaceblobstore',
      type: 'Microsoft.MachineLearningServices/workspaces/datastores',
      properties: {
        datastoreType: 'AzureBlob',
        accountName: az.account,
        containerName: fake.datastore.container,
        endpoint: 'core.windows.net',
        protocol: 'https',
        isDefault: true,
        credentials: { credentialsType: 'AccountKey', secrets: { secretsType: 'AccountKey' } },
      },
    });
    expect(fake.datastore.container).toMatch(/^azureml-blobstore-[0-9a-f-]{36}$/);
    expect(JSON.stringify(ds.body)).not.toContain(az.accountKey);
    const s = await arm('post', '/datastores/workspaceblobstore/listSecrets');
    expect(s).toMatchObject({ status: 200, body: { secretsType: 'AccountKey', key: az.accountKey } });
    const none = await arm('get', '/datastores/other');
    expect(none.status).toBe(404);
    expect(fake.violations).toEqual([]);
  });

  it('PUT environment and code versions: 201, then 200 for the same content, 409 for other content; GET them', async () => {
    await setUp();
    const again = await arm('put', '/environments/evalgate-env/versions/1', {
      body: { properties: { image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest' } },
    });
    expect(again.status).toBe(200);
    const other = await arm('put', '/environments/evalgate-env/versions/1', { body: { properties: { image: 'python:3.12' } } });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain('asset versions are immutable');
    expect(fake.violations).toHaveLength(1); // reusing a version for other content is the caller's bug
    fake.violations.length = 0;
    const env = await arm('get', '/environments/evalgate-env/versions/1');
    expect(env.body).toMatchObject({
      id: envId,
      properties: { image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', provisioningState: 'Succeeded' },
    });
    const code = await arm('get', '/codes/evalgate-code/versions/1');
    expect(code.body.properties.codeUri).toBe(`${az.blobEndpoint}/${fake.datastore.container}/code/v1`);
    expect(
      (await arm('put', '/codes/evalgate-code/versions/1', { body: { properties: { codeUri: code.body.properties.codeUri } } })).status,
    ).toBe(200);
    expect((await arm('get', '/environments/nope/versions/1')).status).toBe(404);
    expect(fake.violations).toEqual([]);
    const elsewhere = await arm('put', '/codes/evalgate-code/versions/2', {
      body: { properties: { codeUri: 'https://example.com/code' } },
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details[0].target).toBe('properties.codeUri');
    expect(fake.violations).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------- jobs

describe('command jobs run for real', () => {
  beforeAll(setUp);

  it('PUT → 201 NotStarted … Completed; inputs downloaded, command substituted, outputs and std_log.txt in Azurite; re-PUT → 200, runs once', async () => {
    const name = 'evalgate-acme-models-1-1-demo-eval-0';
    const body = commandJob("sh eval.sh '${{inputs.data}}' '${{outputs.results}}' ${{inputs.cfg}}; echo '${{inputs.shard}}'", {
      tags: { evalgate: '1' },
      environmentVariables: { EVALGATE_SHARD: '0' },
      inputs: {
        data: { jobInputType: 'uri_folder', uri: uri('data/set1/'), mode: 'ReadOnlyMount' },
        cfg: { jobInputType: 'uri_file', uri: uri('data/cfg.json') },
        shard: { jobInputType: 'literal', value: 'shard-zero' },
      },
      outputs: { results: { jobOutputType: 'uri_folder', uri: uri('evalgate/run-1/eval-0/'), mode: 'ReadWriteMount' } },
      resources: { instanceCount: 1 },
      limits: { jobLimitsType: 'Command', timeout: 'PT5M' },
      identity: { identityType: 'AMLToken' },
    });
    const created = await arm('put', `/jobs/${name}`, { body });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBeUndefined();
    expect(created.body).toMatchObject({
      id: fake.armId('jobs', name),
      name,
      type: 'Microsoft.MachineLearningServices/workspaces/jobs',
      properties: {
        jobType: 'Command',
        status: 'NotStarted',
        command: body.properties.command,
        environmentId: envId,
        tags: { evalgate: '1' },
      },
    });
    expect(created.body.properties.services.Studio).toMatchObject({ jobServiceType: 'Studio', endpoint: fake.studioUrl(name) });
    expect(fake.studioUrl(name)).toBe(
      `https://ml.azure.com/runs/${name}?wsid=/subscriptions/${fake.subscriptionId}/resourcegroups/${fake.resourceGroup}/workspaces/${fake.workspace}&tid=${fake.tenantId}`,
    );
    expect(created.body.systemData.createdAt).toMatch(/Z$/);

    const done = await pollJob(name);
    expect(done.properties.status).toBe('Completed');
    expect(done.properties.inputs.data).toEqual({ jobInputType: 'uri_folder', uri: uri('data/set1/'), mode: 'ReadOnlyMount' });
    expect(fake.job(name)!.history).toEqual(['NotStarted', 'Starting', 'Preparing', 'Queued', 'Running', 'Finalizing', 'Completed']);
    expect(fake.job(name)).toMatchObject({ runs: 1, exitCode: 0 });

    expect(await text(blobs, 'evalgate/run-1/eval-0/result.txt')).toBe('HELLO AZURE\n');
    expect(await text(blobs, 'evalgate/run-1/eval-0/sub/cfg.json')).toBe('{"k":1}');
    const logs = new BlobServiceClient(az.blobEndpoint, new StorageSharedKeyCredential(az.account, az.accountKey)).getContainerClient(
      fake.logsContainer,
    );
    const log = await text(logs, fake.logBlob(name));
    expect(log).toContain(`run=${name} shard=0`);
    expect(log).toContain('shard-zero');
    expect(fake.logBlob(name)).toBe(`ExperimentRun/dcid.${name}/user_logs/std_log.txt`);

    const again = await arm('put', `/jobs/${name}`, {
      body: { properties: { ...body.properties, tags: { evalgate: '1', retried: 'yes' } } },
    });
    expect(again.status).toBe(200);
    expect(again.body.properties).toMatchObject({ status: 'Completed', tags: { evalgate: '1', retried: 'yes' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.job(name)).toMatchObject({ runs: 1, puts: 2, status: 'Completed' });
    expect(fake.violations).toEqual([]);
  });

  it('a failing command → Failed, its stderr in std_log.txt, no outputs uploaded', async () => {
    const name = 'evalgate-fail-0';
    const r = await arm('put', `/jobs/${name}`, {
      body: commandJob('echo "loading model"; echo "CUDA out of memory" >&2; echo partial > ${{outputs.out}}/x.txt; exit 3', {
        outputs: { out: { jobOutputType: 'uri_folder', uri: uri('evalgate/fail/') } },
      }),
    });
    expect(r.status).toBe(201);
    expect((await pollJob(name)).properties.status).toBe('Failed');
    expect(fake.job(name)).toMatchObject({ exitCode: 3, runs: 1, error: 'the command exited with code 3' });
    const logs = new BlobServiceClient(az.blobEndpoint, new StorageSharedKeyCredential(az.account, az.accountKey)).getContainerClient(
      'azureml',
    );
    expect(await text(logs, fake.logBlob(name))).toBe('loading model\nCUDA out of memory\n');
    expect(await blobs.getBlobClient('evalgate/fail/x.txt').exists()).toBe(false);
    expect(fake.violations).toEqual([]);
  });

  it('a missing input fails the job in Preparing, before the command runs', async () => {
    const name = 'evalgate-noinput-0';
    await arm('put', `/jobs/${name}`, {
      body: commandJob('cat ${{inputs.d}}/x', { inputs: { d: { jobInputType: 'uri_folder', uri: uri('nothing/here/') } } }),
    });
    expect((await pollJob(name)).properties.status).toBe('Failed');
    expect(fake.job(name)).toMatchObject({ runs: 0 });
    expect(fake.job(name)!.error).toMatch(/^input d: no blobs under azureml-blobstore-.*\/nothing\/here\//);
  });

  it('cancel: 202 + Location + Retry-After; CancelRequested, the process group is killed, Canceled; the Location then says 200', async () => {
    const name = 'evalgate-cancel-0';
    expect((await arm('put', `/jobs/${name}`, { body: commandJob('echo started; sleep 30 & wait') })).status).toBe(201);
    await waitFor(name, (s) => s === 'Running');
    const pid = fake.job(name)!.pid!;
    for (let i = 0; i < 100 && liveGroupMembers(pid).length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(liveGroupMembers(pid).length).toBe(2); // sh and its background sleep
    const c = await arm('post', `/jobs/${name}/cancel`);
    expect(c.status).toBe(202);
    expect(c.headers['retry-after']).toBe('10');
    const location = new URL(c.headers.location!);
    expect(location.origin).toBe(fake.url);
    expect(location.pathname).toMatch(
      /^\/subscriptions\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/locations\/[^/]+\/mfeOperationResults\/.+$/,
    );
    expect(location.searchParams.get('api-version')).toBe(V);
    expect((await arm('get', `/jobs/${name}`)).body.properties.status).toBe('CancelRequested');
    let polled: Res;
    const deadline = Date.now() + 10_000;
    do {
      polled = await arm('get', location.toString(), { query: null });
      if (polled.status === 202) expect(polled.headers.location).toBeDefined();
      await new Promise((r) => setTimeout(r, 50));
    } while (polled.status === 202 && Date.now() < deadline);
    expect(polled.status).toBe(200);
    expect((await arm('get', `/jobs/${name}`)).body.properties.status).toBe('Canceled');
    expect(fake.job(name)!.history.slice(-2)).toEqual(['CancelRequested', 'Canceled']);
    expect(liveGroupMembers(pid)).toEqual([]);
    const logs = new BlobServiceClient(az.blobEndpoint, new StorageSharedKeyCredential(az.account, az.accountKey)).getContainerClient(
      'azureml',
    );
    expect(await text(logs, fake.logBlob(name))).toBe('started\n');
    // a terminal job: 200, nothing changes
    expect((await arm('post', `/jobs/${name}/cancel`)).status).toBe(200);
    expect(fake.job(name)).toMatchObject({ status: 'Canceled', runs: 1 });
    expect(fake.violations).toEqual([]);
  });

  it('limits.timeout ends the job (Canceled, as the spec says "the job will be cancelled") and kills the command', async () => {
    const name = 'evalgate-timeout-0';
    const t0 = Date.now();
    await arm('put', `/jobs/${name}`, { body: commandJob('sleep 30', { limits: { jobLimitsType: 'Command', timeout: 'PT1S' } }) });
    expect((await pollJob(name)).properties.status).toBe('Canceled');
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(fake.job(name)!.error).toBe('the command exceeded limits.timeout (PT1S)');
    expect(liveGroupMembers(fake.job(name)!.pid!)).toEqual([]);
  });

  it('GET/cancel of an unknown job → 404 UserError "Job … not found." (a normal answer, not a violation)', async () => {
    const g = await arm('get', '/jobs/no-such-job');
    expect(g).toMatchObject({ status: 404, body: { error: { code: 'UserError', message: 'Job no-such-job not found.' } } });
    expect((await arm('post', '/jobs/no-such-job/cancel')).status).toBe(404);
    expect(fake.violations).toEqual([]);
  });

  const badBodies: [string, () => unknown, string | RegExp][] = [
    ['missing command', () => ({ properties: { ...commandJob('x').properties, command: undefined } }), 'properties.command: is required'],
    [
      'missing environmentId',
      () => ({ properties: { ...commandJob('x').properties, environmentId: undefined } }),
      'properties.environmentId: is required',
    ],
    [
      'a uri_folder input without uri',
      () => commandJob('ls ${{inputs.d}}', { inputs: { d: { jobInputType: 'uri_folder' } } }),
      'properties.inputs.d.uri: is required',
    ],
    [
      'a bad jobType',
      () => ({ properties: { ...commandJob('x').properties, jobType: 'Bogus' } }),
      /properties\.jobType: "Bogus" is not a valid JobType \(the spec allows AutoML, Command, Sweep, Pipeline, Spark\)/,
    ],
    [
      'a job kind the fake does not model',
      () => ({ properties: { ...commandJob('x').properties, jobType: 'Sweep' } }),
      /"Sweep" is a valid JobType but not modelled by the fake Azure/,
    ],
    [
      'an unknown property',
      () => commandJob('x', { image: 'python:3.12' }),
      'properties.image: is not a property of this type (additionalProperties: false)',
    ],
    [
      'a bad input type',
      () => commandJob('x', { inputs: { d: { jobInputType: 'folder', uri: uri('a/') } } }),
      /properties\.inputs\.d\.jobInputType: "folder" is not a valid JobInputType/,
    ],
    [
      'a bad limits.timeout',
      () => commandJob('x', { limits: { jobLimitsType: 'Command', timeout: '5 minutes' } }),
      'properties.limits.timeout: must match format "duration"',
    ],
    [
      'an unknown environment',
      () => commandJob('x', { environmentId: fake.armId('environments', 'nope', '1') }),
      /properties\.environmentId: environment version .* does not exist/,
    ],
    [
      'an environment given by image',
      () => commandJob('x', { environmentId: 'python:3.12' }),
      /properties\.environmentId: must be the ARM id of an environment version/,
    ],
    [
      'an unknown compute',
      () => commandJob('x', { computeId: fake.armId('computes', 'gpu-cluster') }),
      /properties\.computeId: must be the ARM id of a compute of the workspace/,
    ],
    [
      'an unknown code version',
      () => commandJob('x', { codeId: fake.armId('codes', 'evalgate-code', '9') }),
      /properties\.codeId: must be the ARM id of an existing code version/,
    ],
    [
      'an input uri that is not azureml://datastores/…',
      () => commandJob('x', { inputs: { d: { jobInputType: 'uri_folder', uri: 'https://acct.blob.core.windows.net/c/p/' } } }),
      /properties\.inputs\.d\.uri: must be azureml:\/\/datastores/,
    ],
    [
      'an unknown datastore',
      () => commandJob('x', { inputs: { d: { jobInputType: 'uri_file', uri: 'azureml://datastores/other/paths/a.txt' } } }),
      "properties.inputs.d.uri: datastore 'other' does not exist",
    ],
    [
      'an output without uri',
      () => commandJob('x', { outputs: { o: { jobOutputType: 'uri_folder' } } }),
      /properties\.outputs\.o\.uri: is required by the fake Azure/,
    ],
    [
      'a placeholder naming no input',
      () => commandJob('cat ${{inputs.nope}}'),
      'properties.command: placeholder ${{inputs.nope}} names no entry of properties.inputs',
    ],
  ];

  it.each(badBodies)('PUT with %s → 400 UserError naming the JSON path, recorded as a violation', async (_name, body, expected) => {
    const name = `bad-${Math.random().toString(36).slice(2, 10)}`;
    const r = await arm('put', `/jobs/${name}`, { body: body() });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('UserError');
    const messages = (r.body.error.details as { message: string }[]).map((d) => d.message).join('\n');
    if (typeof expected === 'string') expect(messages).toContain(expected);
    else expect(messages).toMatch(expected);
    expect(r.body.error.message).toContain(r.body.error.details[0].message);
    expect(fake.job(name)).toBeUndefined();
    expect(fake.violations).toHaveLength(1);
    expect(fake.violations[0]).toContain(`PUT ${fake.workspaceId}/jobs/${name}`);
  });

  it('PUT with a job name outside ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}$, or not JSON → 400', async () => {
    for (const bad of ['bad.name', '-leading-dash', 'x'.repeat(256)]) {
      const r = await arm('put', `/jobs/${bad}`, { body: commandJob('x') });
      expect(r.status).toBe(400);
      expect(r.body.error.target).toBe('id');
    }
    const token = await armToken();
    const notJson = await raw(
      'PUT',
      `${fake.workspaceId}/jobs/ok-name?api-version=${V}`,
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      '{"properties":',
    );
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('InvalidRequestContent');
    const text = await raw(
      'PUT',
      `${fake.workspaceId}/jobs/ok-name?api-version=${V}`,
      { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      '{}',
    );
    expect(text.status).toBe(415);
    expect(fake.violations).toHaveLength(5);
  });
});

describe('listing jobs', () => {
  let f: FakeAzure;
  let c: Client;
  beforeAll(async () => {
    f = await startFakeAzure({ azurite: az, stepMs: 20, pageSize: 2 });
    const cred = new ClientSecretCredential(f.tenantId, f.clientId, f.clientSecret, {
      authorityHost: f.url,
      disableInstanceDiscovery: true,
    });
    c = getClient(f.url, cred, { credentials: { scopes: [ARM_SCOPE] } });
    const env = f.addEnvironment('e', '1', 'python:3.12');
    for (let i = 0; i < 5; i++) {
      const r = await c.pathUnchecked(`${f.workspaceId}/jobs/list-${i}`).put({
        queryParameters: { 'api-version': V },
        body: { properties: { jobType: 'Command', command: 'true', environmentId: env, tags: i % 2 ? { odd: '1' } : {} } },
      });
      expect(r.status).toBe('201');
    }
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('pages of pageSize with an absolute nextLink carrying api-version and $skip, followed verbatim', async () => {
    const names: string[] = [];
    let r = await c.pathUnchecked(`${f.workspaceId}/jobs`).get({ queryParameters: { 'api-version': V, listViewType: 'All' } });
    const links: string[] = [];
    for (;;) {
      expect(r.status).toBe('200');
      const body = r.body as { value: { name: string; properties: { status: string } }[]; nextLink?: string };
      expect(body.value.length).toBeLessThanOrEqual(2);
      names.push(...body.value.map((j) => j.name));
      if (!body.nextLink) break;
      links.push(body.nextLink);
      r = await c.pathUnchecked(body.nextLink).get();
    }
    expect(names.sort()).toEqual(['list-0', 'list-1', 'list-2', 'list-3', 'list-4']);
    expect(links).toHaveLength(2);
    for (const l of links) {
      const u = new URL(l);
      expect(u.origin).toBe(f.url);
      expect(u.searchParams.get('api-version')).toBe(V);
      expect(u.searchParams.get('$skip')).toBeTruthy();
      expect(u.searchParams.get('listViewType')).toBe('All');
      expect(l).toContain('$skip=');
    }
    expect(f.violations).toEqual([]);
  });

  it('filters by tag; refuses a $skip it did not issue and a bad listViewType', async () => {
    const tagged = await c.pathUnchecked(`${f.workspaceId}/jobs`).get({ queryParameters: { 'api-version': V, tag: 'odd' } });
    expect((tagged.body as { value: { name: string }[] }).value.map((j) => j.name).sort()).toEqual(['list-1', 'list-3']);
    const skip = await c.pathUnchecked(`${f.workspaceId}/jobs`).get({ queryParameters: { 'api-version': V, $skip: '2' } });
    expect(skip.status).toBe('400');
    const view = await c.pathUnchecked(`${f.workspaceId}/jobs`).get({ queryParameters: { 'api-version': V, listViewType: 'Everything' } });
    expect(view.status).toBe('400');
    expect(f.violations).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------- the spec

describe('the vendored spec', () => {
  const example = (p: string): any => JSON.parse(readFileSync(path.join(EXAMPLES, p), 'utf8'));
  const request = azureValidator('request');
  const response = azureValidator('response');

  it("accepts the spec's own examples with the rules the fake applies", () => {
    const job = example('Job/CommandJob/createOrUpdate.json');
    expect(request('JobBaseResource', job.parameters.body)).toEqual([]);
    expect(response('JobBaseResource', job.responses['200'].body)).toEqual([]);
    expect(response('JobBaseResource', job.responses['201'].body)).toEqual([]);
    const ds = example('Datastore/AzureBlobWAccountKey/createOrUpdate.json');
    expect(request('DatastoreResource', ds.parameters.body)).toEqual([]);
    expect(response('DatastoreResource', ds.responses['200'].body)).toEqual([]);
    expect(response('DatastoreSecrets', example('Datastore/listSecrets.json').responses['200'].body)).toEqual([]);
  });

  it('ignores readOnly properties in requests but checks them in responses; enforces the discriminators', () => {
    const job = example('Job/CommandJob/createOrUpdate.json');
    const body = structuredClone(job.parameters.body);
    body.properties.status = 42; // readOnly: ignored in a request
    expect(request('JobBaseResource', body)).toEqual([]);
    expect(response('JobBaseResource', body)).toEqual([
      { path: 'properties.status', message: 'must be string' },
      {
        path: 'properties.status',
        message:
          '42 must be one of "NotStarted", "Starting", "Provisioning", "Preparing", "Queued", "Running", "Finalizing", "CancelRequested", "Completed", "Failed", "Canceled", "NotResponding", "Paused", "Unknown"',
      },
    ]);
    body.properties.status = 'NotStarted';
    body.properties.distribution = { distributionType: 'Mpi', workerCount: 2 };
    expect(request('JobBaseResource', body)).toEqual([
      { path: 'properties.distribution.workerCount', message: 'is not a property of this type (additionalProperties: false)' },
    ]);
    body.properties.distribution = null;
    body.properties.limits = { jobLimitsType: 'Sweep' };
    expect(request('JobBaseResource', body)).toEqual([
      {
        path: 'properties.limits.jobLimitsType',
        message: '"Sweep" is a valid JobLimitsType but not modelled by the fake Azure (supported: Command)',
      },
    ]);
  });

  it('parses ISO 8601 durations as limits.timeout uses them', () => {
    expect(parseIsoDuration('PT5M')).toBe(300_000);
    expect(parseIsoDuration('P1DT1H')).toBe(90_000_000);
    expect(parseIsoDuration('PT0.5S')).toBe(500);
    expect(parseIsoDuration('PT')).toBeUndefined();
    expect(parseIsoDuration('5m')).toBeUndefined();
  });
});
