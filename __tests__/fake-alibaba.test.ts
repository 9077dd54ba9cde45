// Proves that the Alibaba Cloud fakes (__tests__/fakes/alibaba.ts: OSS, PAI-DLC, STS) accept what the real,
// unmodified clients send and refuse what the real services refuse: ali-oss 6.23.0, @alicloud/openapi-client 0.4.15
// (callApi, ROA, ACS3-HMAC-SHA256) and @alicloud/credentials 2.4.7 (oidc_role_arn).
import OpenApiPkg, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import CredentialPkg, { Config as CredentialConfig } from '@alicloud/credentials';
import OSS from 'ali-oss';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  readBody,
  startFakeAlibaba,
  startFakeOss,
  startFakePaiDlc,
  type FakeAlibaba,
  type FakeOss,
} from './fakes/alibaba.js';
import { tempDir } from './helpers.js';

/** a CommonJS `exports.default`: Node's ESM loader hands over `module.exports`, vitest the default export itself */
function cjsDefault<T>(mod: { default: T }): T {
  return ((mod as { default?: T }).default ?? mod) as T;
}
const OpenApi = cjsDefault(OpenApiPkg);
const Credential = cjsDefault(CredentialPkg);
type OpenApiClient = InstanceType<typeof OpenApi>;
type Runtime = Parameters<OpenApiClient['callApi']>[2];

const BUCKET = 'evalgate-test';
const REGION = 'oss-cn-hangzhou';
const WORKSPACE = 'ws-evalgate';
const ROLE_ARN = 'acs:ram::1234567890123456:role/evalgate-ci';
const PROVIDER_ARN = 'acs:ram::1234567890123456:oidc-provider/github';
const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: Record<string, unknown>): string => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJl`;
const GOOD_TOKEN = jwt({
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:o/r:ref:refs/heads/main',
  aud: 'sts.aliyuncs.com',
  exp: Math.floor(Date.now() / 1000) + 3600,
});

let ali: FakeAlibaba;

beforeAll(async () => {
  ali = await startFakeAlibaba({
    buckets: [BUCKET],
    oss: { maxKeys: 2 },
    dlc: { stepMs: 30, defaultPageSize: 2, workspaces: [WORKSPACE], killGraceMs: 500 },
    sts: { oidcTokens: [GOOD_TOKEN], roleArn: ROLE_ARN, oidcProviderArn: PROVIDER_ARN },
  });
});
afterAll(async () => {
  await ali?.stop();
});

// ------------------------------------------------------------------------------------------------ clients

function ossClient(over: Partial<OSS.Options> = {}): OSS {
  return new OSS({
    region: REGION,
    bucket: BUCKET,
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    endpoint: ali.oss.url,
    ...over,
  });
}

function dlcClient(
  over: Partial<Record<'accessKeyId' | 'accessKeySecret' | 'securityToken' | 'signatureAlgorithm' | 'endpoint' | 'protocol', string>> & {
    credential?: unknown;
  } = {},
): OpenApiClient {
  // with accessKeyId set, openapi-client ignores `credential`: give one or the other
  const keys = over.credential ? {} : { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET };
  return new OpenApi(
    new Config({
      ...keys,
      regionId: 'cn-hangzhou',
      endpoint: ali.dlc.endpoint,
      protocol: 'HTTP',
      ...over,
    }),
  );
}

/** one PAI-DLC action through callApi, exactly as the generated pai-dlc20201203 client would send it */
async function dlc(
  client: OpenApiClient,
  action: string,
  method: string,
  pathname: string,
  req: { body?: Record<string, unknown>; query?: Record<string, string> } = {},
): Promise<Record<string, any>> {
  const params = new Params({
    action,
    version: '2020-12-03',
    protocol: 'HTTPS',
    pathname,
    method,
    authType: 'AK',
    style: 'ROA',
    reqBodyType: 'json',
    bodyType: 'json',
  });
  const res = await client.callApi(params, new OpenApiRequest(req), {} as Runtime);
  return res.body as Record<string, any>;
}

/** the error a call throws: {code, statusCode, message} as openapi-client 0.4.15 reports them */
async function dlcError(
  p: Promise<unknown>,
): Promise<{ code: string; statusCode: number; message: string; data: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string; data: Record<string, unknown> };
    return { code: err.code, message: err.message, statusCode: err.data?.statusCode as number, data: err.data };
  }
  throw new Error('the call succeeded');
}

async function ossError(p: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await p;
  } catch (e) {
    return { code: (e as { code: string }).code, status: (e as { status: number }).status };
  }
  throw new Error('the call succeeded');
}

function jobBody(name: string, command: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    DisplayName: name,
    JobType: 'PyTorchJob',
    WorkspaceId: WORKSPACE,
    JobSpecs: [{ Type: 'Worker', PodCount: 1, Image: 'registry-vpc.cn-hangzhou.aliyuncs.com/evalgate/eval:1', EcsSpec: 'ecs.g6.xlarge' }],
    UserCommand: command,
    ...extra,
  };
}

async function waitStatus(client: OpenApiClient, jobId: string, want: (s: string) => boolean, ms = 20_000): Promise<Record<string, any>> {
  const until = Date.now() + ms;
  for (;;) {
    const job = await dlc(client, 'GetJob', 'GET', `/api/v1/jobs/${encodeURIComponent(jobId)}`);
    if (want(job.Status)) return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.Status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * An HTTP relay between a client and a fake that can change the request on the way (as an attacker or a broken
 * proxy would) or send it twice (a replay), and keeps the fake's last response headers.
 */
async function startRelay(
  port: number,
  how: { body?: (b: Buffer) => Buffer; replay?: boolean },
): Promise<{ endpoint: string; lastHeaders: () => http.IncomingHttpHeaders; close(): Promise<void> }> {
  let last: http.IncomingHttpHeaders = {};
  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const { 'transfer-encoding': _chunked, ...headers } = { ...req.headers, 'content-length': String(body.length) };
      const r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers }, (res) => {
        readBody(res).then((b) => resolve({ status: res.statusCode!, headers: res.headers, body: b }), reject);
      });
      r.on('error', reject);
      r.end(body);
    });
  const srv = http.createServer((req, res) => {
    void readBody(req).then(async (body) => {
      const sent = how.body ? how.body(body) : body;
      let r = await forward(req, sent);
      if (how.replay) r = await forward(req, sent);
      last = r.headers;
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  return {
    endpoint: `127.0.0.1:${(srv.address() as AddressInfo).port}`,
    lastHeaders: () => last,
    close: () => new Promise<void>((resolve) => srv.close(() => resolve())),
  };
}

/** pids of the processes in a process group that have not exited (from /proc; zombies count as exited) */
function liveInGroup(pgid: number): number[] {
  const live: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') live.push(Number(d));
    } catch {
      // exited while we looked
    }
  }
  return live;
}

// ------------------------------------------------------------------------------------------------ OSS

describe('fake OSS with ali-oss', () => {
  it.each([
    ['signature V1', false],
    ['signature V4', true],
  ])('puts, gets, heads, lists (paged) and deletes with %s', async (_name, v4) => {
    const c = ossClient({ authorizationV4: v4 });
    const pre = `objs-${v4 ? 'v4' : 'v1'}/`;
    await c.put(`${pre}a/one two+three.txt`, Buffer.from('hello'), { meta: { origin: 'test' } } as unknown as OSS.PutObjectOptions);
    const file = path.join(tempDir(), 'x.json');
    writeFileSync(file, '{"x":1}');
    await c.put(`${pre}a/x.json`, file);
    await c.put(`${pre}b/y`, Buffer.from('y'));
    expect((await c.get(`${pre}a/one two+three.txt`)).content.toString()).toBe('hello');
    expect(ali.oss.get(BUCKET, `${pre}a/x.json`)?.toString()).toBe('{"x":1}');
    const head = await c.head(`${pre}a/one two+three.txt`);
    expect(head.status).toBe(200);
    expect(head.meta).toEqual({ origin: 'test' });

    // the fake returns at most 2 keys a page: the continuation token must be followed
    const names: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page = await c.listV2({ prefix: pre, 'max-keys': '100', ...(token ? { 'continuation-token': token } : {}) }, {});
      names.push(...page.objects.map((o) => o.name));
      token = page.nextContinuationToken;
      pages++;
    } while (token);
    expect(names).toEqual([`${pre}a/one two+three.txt`, `${pre}a/x.json`, `${pre}b/y`]);
    expect(pages).toBe(2);
    const dirs = await c.listV2({ prefix: pre, delimiter: '/', 'max-keys': '100' }, {});
    expect(dirs.prefixes).toEqual([`${pre}a/`, `${pre}b/`]);

    await c.delete(`${pre}b/y`);
    expect(ali.oss.keys(BUCKET, `${pre}b/`)).toEqual([]);
    expect(await ossError(c.get(`${pre}b/y`))).toEqual({ code: 'NoSuchKey', status: 404 });
    expect(await ossError(c.head(`${pre}b/y`))).toEqual({ code: 'NoSuchKey', status: 404 });
  });

  it.each([
    ['V1', false],
    ['V4', true],
  ])('takes a multipart upload of a large file (%s)', async (_name, v4) => {
    const c = ossClient({ authorizationV4: v4 });
    const data = Buffer.alloc(250 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = i % 251;
    const file = path.join(tempDir(), 'big.bin');
    writeFileSync(file, data);
    const from = ali.oss.requests.length;
    const r = await c.multipartUpload(`big-${v4}.bin`, file, { partSize: 100 * 1024 });
    expect(ali.oss.get(BUCKET, `big-${v4}.bin`)?.equals(data)).toBe(true);
    expect(String(r.etag)).toMatch(/-3"$/);
    expect(ali.oss.requests.slice(from).map((q) => `${q.op} ${q.status}`)).toEqual([
      'InitiateMultipartUpload 200',
      'UploadPart 200',
      'UploadPart 200',
      'UploadPart 200',
      'CompleteMultipartUpload 200',
    ]);
  });

  it('refuses what OSS refuses, with the OSS error code and status', async () => {
    expect(await ossError(ossClient({ accessKeySecret: 'wrong' }).get('anything'))).toEqual({ code: 'SignatureDoesNotMatch', status: 403 });
    expect(await ossError(ossClient({ accessKeySecret: 'wrong', authorizationV4: true }).get('anything'))).toEqual({
      code: 'SignatureDoesNotMatch',
      status: 403,
    });
    expect(await ossError(ossClient({ accessKeyId: 'LTAInobody' }).get('anything'))).toEqual({ code: 'InvalidAccessKeyId', status: 403 });
    expect(await ossError(ossClient({ bucket: 'no-such-bucket' }).get('anything'))).toEqual({ code: 'NoSuchBucket', status: 404 });
    // ali-oss's own clock correction, 20 minutes off: outside OSS's 15-minute window
    expect(await ossError(ossClient({ amendTimeSkewed: -20 * 60_000 } as Partial<OSS.Options>).get('anything'))).toEqual({
      code: 'RequestTimeTooSkewed',
      status: 403,
    });
    expect(await ossError(ossClient().put('md5', Buffer.from('abc'), { headers: { 'Content-MD5': 'AAAAAAAAAAAAAAAAAAAAAA==' } }))).toEqual({
      code: 'InvalidDigest',
      status: 400,
    });
    // V4 signs a valueless parameter as its bare name (`?uploads=` -> `uploads`, alibabacloud-oss-go-sdk-v2
    // signer/v4.go), but ali-oss signs an empty query value as `prefix=`: never send `prefix: ''` with authorizationV4
    expect(await ossError(ossClient({ authorizationV4: true }).listV2({ prefix: '' }, {}))).toEqual({
      code: 'SignatureDoesNotMatch',
      status: 403,
    });
    expect(ali.oss.violations.some((v) => v.includes('RequestTimeTooSkewed'))).toBe(true);
  });

  it('needs the security token of an STS key', async () => {
    const sts = { accessKeyId: 'STS.NTtestkey0000000000000001', accessKeySecret: 'stssecret', securityToken: 'CAIStoken' };
    ali.keyring.add(sts);
    const refreshSTSToken = async (): Promise<{ accessKeyId: string; accessKeySecret: string; stsToken: string }> => ({
      ...sts,
      stsToken: sts.securityToken,
    });
    const ok = ossClient({ ...sts, stsToken: sts.securityToken, refreshSTSToken });
    await ok.put('sts.txt', Buffer.from('via sts'));
    expect(ali.oss.get(BUCKET, 'sts.txt')?.toString()).toBe('via sts');
    expect(await ossError(ossClient({ accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret }).get('sts.txt'))).toEqual({
      code: 'InvalidAccessKeyId',
      status: 403,
    });
    expect(await ossError(ossClient({ ...sts, stsToken: 'CAISwrong', refreshSTSToken }).get('sts.txt'))).toEqual({
      code: 'InvalidSecurityToken',
      status: 403,
    });
  });

  it('can fail the next requests (e.g. 503) to exercise retries', async () => {
    ali.oss.failNext(1, { status: 503, code: 'ServiceUnavailable' });
    expect(await ossError(ossClient().get('sts.txt'))).toEqual({ code: 'ServiceUnavailable', status: 503 });
    expect((await ossClient().get('sts.txt')).content.toString()).toBe('via sts');
  });
});

// ------------------------------------------------------------------------------------------------ PAI-DLC

describe('fake PAI-DLC with @alicloud/openapi-client callApi (ROA, ACS3-HMAC-SHA256)', () => {
  it('accepts a correctly signed request', async () => {
    const r = await dlc(dlcClient(), 'ListJobs', 'GET', '/api/v1/jobs', {
      query: { WorkspaceId: 'ws-none', DisplayName: 'nothing-like-this' },
    });
    expect(r).toMatchObject({ Jobs: [], TotalCount: 0 });
    expect(r.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(ali.dlc.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/jobs', action: 'ListJobs', status: 200 });
  });

  it('serves HTTPS too (Config.protocol HTTPS, the test CA)', async () => {
    const tlsDlc = await startFakePaiDlc({ tls: true });
    try {
      const r = await dlc(dlcClient({ endpoint: tlsDlc.endpoint, protocol: 'HTTPS' }), 'ListJobs', 'GET', '/api/v1/jobs');
      expect(r.TotalCount).toBe(0);
    } finally {
      await tlsDlc.stop();
    }
  });

  it('refuses a wrong secret, an unknown key, a stale date and the legacy signature', async () => {
    const list = (c: OpenApiClient): Promise<unknown> => dlc(c, 'ListJobs', 'GET', '/api/v1/jobs');
    expect(await dlcError(list(dlcClient({ accessKeySecret: 'wrong' })))).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    expect(await dlcError(list(dlcClient({ accessKeyId: 'LTAInobody' })))).toMatchObject({
      code: 'InvalidAccessKeyId.NotFound',
      statusCode: 404,
    });
    ali.dlc.setClockOffset(20 * 60_000);
    try {
      expect(await dlcError(list(dlcClient()))).toMatchObject({ code: 'InvalidTimeStamp.Expired', statusCode: 400 });
    } finally {
      ali.dlc.setClockOffset(0);
    }
    expect(await dlcError(list(dlcClient({ signatureAlgorithm: 'v2' })))).toMatchObject({ code: 'IncompleteSignature', statusCode: 400 });
  });

  it('refuses a body changed on the way and a replayed request (nonce reuse)', async () => {
    const tamper = await startRelay(ali.dlc.port, { body: (b) => Buffer.from(b.toString().replace('tamper-a', 'tamper-b')) });
    const replay = await startRelay(ali.dlc.port, { replay: true });
    try {
      const e = await dlcError(
        dlc(dlcClient({ endpoint: tamper.endpoint }), 'CreateJob', 'POST', '/api/v1/jobs', { body: jobBody('tamper-a', 'true') }),
      );
      expect(e).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
      expect(ali.dlc.jobs().some((j) => j.DisplayName.startsWith('tamper'))).toBe(false);
      expect(await dlcError(dlc(dlcClient({ endpoint: replay.endpoint }), 'ListJobs', 'GET', '/api/v1/jobs'))).toMatchObject({
        code: 'SignatureNonceUsed',
        statusCode: 400,
      });
    } finally {
      await tamper.close();
      await replay.close();
    }
  });

  it('checks x-acs-action and x-acs-version against the route', async () => {
    expect(await dlcError(dlc(dlcClient(), 'GetJob', 'POST', '/api/v1/jobs', { body: jobBody('x', 'true') }))).toMatchObject({
      code: 'InvalidApi.NotFound',
      statusCode: 404,
    });
    const params = new Params({
      action: 'ListJobs',
      version: '2021-01-01',
      protocol: 'HTTP',
      pathname: '/api/v1/jobs',
      method: 'GET',
      authType: 'AK',
      style: 'ROA',
      reqBodyType: 'json',
      bodyType: 'json',
    });
    expect(await dlcError(dlcClient().callApi(params, new OpenApiRequest({}), {} as Runtime))).toMatchObject({
      code: 'InvalidVersion',
      statusCode: 400,
    });
    expect(await dlcError(dlc(dlcClient(), 'GetJob', 'GET', '/api/v1/jobs/dlcnosuchjob'))).toMatchObject({
      code: 'InvalidJobId.NotFound',
      statusCode: 404,
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a DisplayName with a space', { DisplayName: 'eval gate' }, /DisplayName "eval gate" is invalid/],
    ['a missing DisplayName', { DisplayName: undefined }, /DisplayName is mandatory/],
    ['an unknown JobType', { JobType: 'BatchJob' }, /JobType "BatchJob" is invalid/],
    [
      'a JobSpec type the JobType has not',
      { JobType: 'TFJob', JobSpecs: [{ Type: 'Master', PodCount: 1, Image: 'i', EcsSpec: 'ecs.g6.xlarge' }] },
      /Type "Master" is invalid for TFJob/,
    ],
    [
      'PodCount 0',
      { JobSpecs: [{ Type: 'Worker', PodCount: 0, Image: 'i', EcsSpec: 'ecs.g6.xlarge' }] },
      /PodCount must be an integer >= 1/,
    ],
    ['no Image', { JobSpecs: [{ Type: 'Worker', PodCount: 1, EcsSpec: 'ecs.g6.xlarge' }] }, /Image is mandatory/],
    [
      'neither EcsSpec nor ResourceConfig',
      { JobSpecs: [{ Type: 'Worker', PodCount: 1, Image: 'i' }] },
      /needs EcsSpec .* or ResourceConfig/,
    ],
    [
      'numbers in ResourceConfig',
      { JobSpecs: [{ Type: 'Worker', PodCount: 1, Image: 'i', ResourceConfig: { CPU: 4 } }] },
      /ResourceConfig.CPU must be a string/,
    ],
    ['no UserCommand', { UserCommand: '' }, /UserCommand is mandatory/],
    ['an unknown workspace', { WorkspaceId: 'ws-other' }, /WorkspaceId "ws-other" does not exist/],
    ['no WorkspaceId', { WorkspaceId: undefined }, /WorkspaceId is mandatory/],
    [
      'an OSS Uri without endpoint',
      { DataSources: [{ Uri: `oss://${BUCKET}/in/`, MountPath: '/mnt/in' }] },
      /Uri "oss:\/\/evalgate-test\/in\/" is invalid/,
    ],
    [
      'a DataSource without MountPath',
      { DataSources: [{ Uri: `oss://${BUCKET}.oss-cn-hangzhou.aliyuncs.com/in/` }] },
      /MountPath is mandatory/,
    ],
  ])('refuses a CreateJob with %s (400 InvalidParameter)', async (_name, change, message) => {
    const before = ali.dlc.violations.length;
    const e = await dlcError(dlc(dlcClient(), 'CreateJob', 'POST', '/api/v1/jobs', { body: jobBody('valid-name', 'true', change) }));
    expect(e).toMatchObject({ code: 'InvalidParameter', statusCode: 400 });
    expect(e.message).toMatch(message);
    expect(ali.dlc.violations.length).toBeGreaterThan(before);
  });

  it('runs a job: OSS inputs mounted, command run, outputs written back to OSS', async () => {
    const oss = ossClient();
    const run = 'runs/run-1';
    await oss.put(`${run}/input/data.txt`, Buffer.from('3 4 5\n'));
    await oss.put(
      `${run}/code/eval.sh`,
      Buffer.from(
        'set -e\nread a b c < "$1"\necho "sum=$((a+b+c)) greeting=$GREETING"\nmkdir -p "$OUT_DIR/shard-0/deep"\nprintf \'{"accuracy": 0.9}\' > "$OUT_DIR/shard-0/accuracy.json"\necho done > "$OUT_DIR/shard-0/deep/marker.txt"\necho extra > "$OUT_DIR/summary.txt"\necho scribble > "$IN_DIR/scribble.txt"\n',
      ),
    );
    const endpoint = 'oss-cn-hangzhou-internal.aliyuncs.com';
    const body = jobBody('evalgate-o-r-1-1-gate-accuracy-0', 'sh /mnt/code/eval.sh /mnt/input/data.txt', {
      Envs: { OUT_DIR: '/mnt/out', IN_DIR: '/mnt/input', GREETING: 'hi' },
      DataSources: [
        { Uri: `oss://${BUCKET}.${endpoint}/${run}/input/`, MountPath: '/mnt/input', MountAccess: 'ReadOnly' },
        { Uri: `oss://${BUCKET}.${endpoint}/${run}/code/`, MountPath: '/mnt/code', MountAccess: 'ReadOnly' },
        { Uri: `oss://${BUCKET}.${endpoint}/${run}/out/`, MountPath: '/mnt/out' },
      ],
      JobMaxRunningTimeMinutes: 30,
    });
    const client = dlcClient();
    const created = await dlc(client, 'CreateJob', 'POST', '/api/v1/jobs', { body });
    expect(created.JobId).toMatch(/^dlc[0-9a-z]+$/);
    const job = await waitStatus(client, created.JobId, (s) => ['Succeeded', 'Failed', 'Stopped'].includes(s));
    expect(job.Status).toBe('Succeeded');
    expect(job.StatusHistory.map((h: { Status: string }) => h.Status)).toEqual([
      'Creating',
      'Queuing',
      'EnvPreparing',
      'Running',
      'Succeeded',
    ]);
    expect(job).toMatchObject({ DisplayName: body.DisplayName, JobType: 'PyTorchJob', WorkspaceId: WORKSPACE });
    for (const f of ['GmtCreateTime', 'GmtSubmittedTime', 'GmtRunningTime', 'GmtFinishTime', 'GmtSuccessedTime'])
      expect(job[f]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(job.Pods).toMatchObject([{ Type: 'Worker', Status: 'Succeeded' }]);
    expect(ali.dlc.job(created.JobId)).toMatchObject({ runs: 1, exitCode: 0 });

    // what evalgate does next: list the output prefix (paged: the fake OSS returns 2 keys a page) and download it
    const keys: string[] = [];
    let token: string | null = null;
    do {
      const page = await oss.listV2({ prefix: `${run}/out/`, 'max-keys': '1000', ...(token ? { 'continuation-token': token } : {}) }, {});
      keys.push(...page.objects.map((o) => o.name));
      token = page.nextContinuationToken;
    } while (token);
    expect(keys).toEqual([`${run}/out/shard-0/accuracy.json`, `${run}/out/shard-0/deep/marker.txt`, `${run}/out/summary.txt`]);
    expect(JSON.parse((await oss.get(`${run}/out/shard-0/accuracy.json`)).content.toString())).toEqual({ accuracy: 0.9 });
    // a ReadOnly mount is never written back
    expect(ali.oss.keys(BUCKET, `${run}/input/`)).toEqual([`${run}/input/data.txt`]);

    const pod = job.Pods[0].PodId as string;
    const logs = await dlc(client, 'GetPodLogs', 'GET', `/api/v1/jobs/${created.JobId}/pods/${encodeURIComponent(pod)}/logs`, {
      query: { MaxLines: '100' },
    });
    expect(logs).toMatchObject({ JobId: created.JobId, PodId: pod });
    expect(logs.Logs).toContain('sum=12 greeting=hi');
  });

  it('fails a job whose command exits non-zero, with a reason and the pod log', async () => {
    const client = dlcClient();
    const { JobId } = await dlc(client, 'CreateJob', 'POST', '/api/v1/jobs', {
      body: jobBody('evalgate-failing', 'echo "Traceback: boom" >&2; exit 3'),
    });
    const job = await waitStatus(client, JobId, (s) => ['Succeeded', 'Failed', 'Stopped'].includes(s));
    expect(job).toMatchObject({ Status: 'Failed', ReasonCode: 'JobFailed' });
    expect(job.ReasonMessage).toMatch(/exited with code 3/);
    expect(job.GmtFailedTime).toBeTruthy();
    expect(job.Pods[0].Status).toBe('Failed');
    const logs = await dlc(client, 'GetPodLogs', 'GET', `/api/v1/jobs/${JobId}/pods/${job.Pods[0].PodId}/logs`);
    expect(logs.Logs).toEqual(['Traceback: boom']);
    expect(ali.dlc.job(JobId)?.exitCode).toBe(3);
  });

  it('fails a job whose data source bucket does not exist', async () => {
    const client = dlcClient();
    const body = jobBody('evalgate-nobucket', 'true', {
      DataSources: [{ Uri: 'oss://no-such-bucket.oss-cn-hangzhou.aliyuncs.com/x/', MountPath: '/mnt/x' }],
    });
    const { JobId } = await dlc(client, 'CreateJob', 'POST', '/api/v1/jobs', { body });
    const job = await waitStatus(client, JobId, (s) => ['Succeeded', 'Failed', 'Stopped'].includes(s));
    expect(job).toMatchObject({ Status: 'Failed', ReasonCode: 'DataSourceMountFailed' });
    expect(ali.dlc.job(JobId)?.runs).toBe(0);
  });

  it.each([
    ['a command', 'sleep 30 & sleep 30; wait'],
    ['a command that ignores SIGTERM (killed after the grace time)', 'trap "" TERM; sleep 30 & sleep 30; wait'],
  ])('stops %s: Stopping, then Stopped by the user, and its processes are gone', async (_name, command) => {
    const client = dlcClient();
    const { JobId } = await dlc(client, 'CreateJob', 'POST', '/api/v1/jobs', { body: jobBody('evalgate-stopme', command) });
    await waitStatus(client, JobId, (s) => s === 'Running');
    const pid = ali.dlc.job(JobId)?.pid;
    expect(pid).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(liveInGroup(pid!).length).toBe(3);
    const r = await dlc(client, 'StopJob', 'POST', `/api/v1/jobs/${JobId}/stop`);
    expect(r.JobId).toBe(JobId);
    expect((await dlc(client, 'GetJob', 'GET', `/api/v1/jobs/${JobId}`)).Status).toBe('Stopping');
    const job = await waitStatus(client, JobId, (s) => s === 'Stopped');
    expect(job).toMatchObject({ ReasonCode: 'JobStoppedByUser' });
    expect(job.GmtStoppedTime).toBeTruthy();
    expect(job.StatusHistory.map((h: { Status: string }) => h.Status)).toEqual([
      'Creating',
      'Queuing',
      'EnvPreparing',
      'Running',
      'Stopping',
      'Stopped',
    ]);
    // the whole process group is gone (zombies aside: killed orphans wait for this container's PID 1 to reap them)
    expect(liveInGroup(pid!)).toEqual([]);
  });

  it('lists jobs by DisplayName (fuzzy, case-insensitive) and pages them', async () => {
    const client = dlcClient();
    const made: string[] = [];
    for (const n of ['evalgate-listme-0', 'evalgate-listme-1', 'evalgate-listme-2', 'other-listme-x'])
      made.push((await dlc(client, 'CreateJob', 'POST', '/api/v1/jobs', { body: jobBody(n, 'true') })).JobId);
    const page = (n: number): Promise<Record<string, any>> =>
      dlc(client, 'ListJobs', 'GET', '/api/v1/jobs', {
        query: { DisplayName: 'EVALGATE-listme', WorkspaceId: WORKSPACE, PageNumber: String(n) },
      });
    const p1 = await page(1);
    const p2 = await page(2);
    expect(p1.TotalCount).toBe(3);
    expect(p1.Jobs).toHaveLength(2); // defaultPageSize 2
    expect(p2.Jobs).toHaveLength(1);
    expect([...p1.Jobs, ...p2.Jobs].map((j: { DisplayName: string }) => j.DisplayName).sort()).toEqual([
      'evalgate-listme-0',
      'evalgate-listme-1',
      'evalgate-listme-2',
    ]);
    // newest first by default
    expect(p1.Jobs[0].JobId).toBe(made[2]);
    const all = await dlc(client, 'ListJobs', 'GET', '/api/v1/jobs', { query: { DisplayName: 'listme', PageSize: '10' } });
    expect(all.TotalCount).toBe(4);
  });

  it('throttles on request, with x-acs-retry-after', async () => {
    const relay = await startRelay(ali.dlc.port, {});
    try {
      ali.dlc.failNext(1, { retryAfterS: 2 });
      const e = await dlcError(dlc(dlcClient({ endpoint: relay.endpoint }), 'ListJobs', 'GET', '/api/v1/jobs'));
      expect(e).toMatchObject({ code: 'Throttling.User', statusCode: 400 });
      expect(relay.lastHeaders()['x-acs-retry-after']).toBe('2');
      expect((await dlc(dlcClient(), 'ListJobs', 'GET', '/api/v1/jobs')).TotalCount).toBeGreaterThan(0);
    } finally {
      await relay.close();
    }
  });
});

// ------------------------------------------------------------------------------------------------ STS

describe('fake STS with @alicloud/credentials (oidc_role_arn)', () => {
  const oidcCredential = (token: string): InstanceType<typeof Credential> => {
    const file = path.join(tempDir(), 'token');
    writeFileSync(file, token);
    return new Credential(
      new CredentialConfig({
        type: 'oidc_role_arn',
        roleArn: ROLE_ARN,
        oidcProviderArn: PROVIDER_ARN,
        oidcTokenFilePath: file,
        roleSessionName: 'evalgate-test',
        stsEndpoint: ali.sts!.endpoint,
      }),
    );
  };

  it('trades the OIDC token for temporary keys that PAI-DLC and OSS accept', async () => {
    const cred = oidcCredential(GOOD_TOKEN);
    const keys = await cred.getCredential();
    expect(keys.accessKeyId).toMatch(/^STS\./);
    expect(keys.securityToken).toBeTruthy();
    expect(ali.sts!.requests.at(-1)).toMatchObject({ method: 'POST', action: 'AssumeRoleWithOIDC', status: 200 });

    // openapi-client takes the Credential object itself and sends x-acs-accesskey-id / x-acs-security-token
    const r = await dlc(dlcClient({ credential: cred }), 'ListJobs', 'GET', '/api/v1/jobs', { query: { PageSize: '1' } });
    expect(r.TotalCount).toBeGreaterThan(0);
    expect(ali.dlc.requests.at(-1)).toMatchObject({ accessKeyId: keys.accessKeyId, status: 200 });
    // without its token the STS key is refused
    expect(
      await dlcError(
        dlc(dlcClient({ accessKeyId: keys.accessKeyId!, accessKeySecret: keys.accessKeySecret! }), 'ListJobs', 'GET', '/api/v1/jobs'),
      ),
    ).toMatchObject({
      code: 'InvalidSecurityToken.MismatchWithAccessKey',
      statusCode: 400,
    });

    const oss = ossClient({
      accessKeyId: keys.accessKeyId!,
      accessKeySecret: keys.accessKeySecret!,
      stsToken: keys.securityToken!,
      refreshSTSToken: async () => {
        const k = await cred.getCredential();
        return { accessKeyId: k.accessKeyId!, accessKeySecret: k.accessKeySecret!, stsToken: k.securityToken! };
      },
    });
    await oss.put('oidc/hello.txt', Buffer.from('from oidc'));
    expect((await oss.get('oidc/hello.txt')).content.toString()).toBe('from oidc');
  });

  it('refuses a token it does not know, with the STS error', async () => {
    const bad = jwt({ iss: 'https://token.actions.githubusercontent.com', aud: 'sts.aliyuncs.com', sub: 'someone-else' });
    await expect(oidcCredential(bad).getCredential()).rejects.toThrow(/AuthenticationFail\.OIDCToken\.InvalidSignature/);
    await expect(oidcCredential('not-a-jwt').getCredential()).rejects.toThrow(/AuthenticationFail\.OIDCToken\.Invalid/);
    expect(ali.sts!.requests.at(-1)).toMatchObject({ status: 401 });
  });
});

// a fake OSS on its own, as a store-only test would use it
describe('startFakeOss alone', () => {
  let oss: FakeOss;
  beforeAll(async () => {
    oss = await startFakeOss({ buckets: ['solo'], accessKeyId: 'AKsolo', accessKeySecret: 'SKsolo' });
  });
  afterAll(async () => {
    await oss?.stop();
  });
  it('has an in-memory store API', async () => {
    oss.put('solo', 'a/1.txt', 'one');
    oss.put('solo', 'a/2.txt', Buffer.from('two'));
    oss.put('solo', 'b.txt', 'b');
    expect(oss.keys('solo', 'a/')).toEqual(['a/1.txt', 'a/2.txt']);
    const c = new OSS({ region: REGION, bucket: 'solo', accessKeyId: 'AKsolo', accessKeySecret: 'SKsolo', endpoint: oss.url });
    expect((await c.get('a/2.txt')).content.toString()).toBe('two');
    expect(oss.requests).toMatchObject([
      { method: 'GET', bucket: 'solo', key: 'a/2.txt', op: 'GetObject', status: 200, auth: 'v1', accessKeyId: 'AKsolo' },
    ]);
  });
});
