/**
 * A local fake of the GitHub REST API and of the Actions artifact runtime service (Twirp "results" API),
 * both on one node:http server at http://127.0.0.1:<random port>, for tests without network.
 *
 *   const az = await startAzurite();
 *   const fake = await startFakeGitHub({ azurite: az });
 *   // REST:     getOctokit(token, { baseUrl: fake.url })   or  GITHUB_API_URL=fake.url
 *   // runtime:  ACTIONS_RESULTS_URL=fake.url  ACTIONS_RUNTIME_TOKEN=fake.addWorkflowRun(...).runtimeToken
 *   ...
 *   expect(fake.violations).toEqual([]);
 *   await fake.close();
 *
 * Sources: /work/shared/platform-apis.md §5; __tests__/fixtures/github/openapi.json (the used operations of
 * @octokit/openapi 23.0.2, api.github.com.deref.json); the installed @actions/artifact 6.2.1 client
 * (lib/internal/shared/{artifact-twirp-client,util,config}.js, lib/generated/results/api/v1/artifact.js).
 *
 * ## Options (FakeGitHubOptions)
 * - `azurite` {blobEndpoint, account, accountKey}: where artifact blobs live. The fake creates one container
 *   per instance and hands out SAS URLs into it, so the unmodified @actions/artifact client uploads through
 *   @azure/storage-blob (Put Block / Put Block List) and downloads with a plain GET, as on github.com.
 * - `blobGateway` (default true): the SAS URLs point at a pass-through proxy in front of Azurite (its own
 *   127.0.0.1 port; path, query and signature unchanged) that logs each blob request in `blobRequests` and
 *   records a violation when one carries an `Authorization` header: a SAS URL must be fetched without
 *   GitHub's token (Azurite itself ignores the header, so without the gateway a leak would go unnoticed).
 *   `false` hands out Azurite's own URLs.
 * - `owner`/`repo`: default 'octo-org'/'octo-repo'. Any other owner/repo in a path → 404.
 * - `tokens`: token → TokenInfo, merged over the defaults:
 *     ghs_workflow_token  github-actions[bot] (41898282, Bot), installation, pullRequests write, actions read
 *     ghs_readonly_token  github-actions[bot], installation, pullRequests read, actions read (a fork PR's token)
 *     ghp_user_token      octocat (583231, User), pullRequests write, actions read; GET /user → 200
 * - `validateResponses` (default true): every JSON body the REST part sends is validated against the
 *   description's schema for that status (Basic Error for statuses the operation does not list); every
 *   Twirp body is parsed back with the client's own generated message types. A mismatch is a violation.
 * - `commentLimit` (default {max: 65536, unit: 'bytes'}): comment bodies over it → 422 "Body is too long".
 *   GitHub's unit is disputed (platform-apis.md §5.1 [U]); UTF-8 bytes is the stricter reading.
 * - `now`: clock for timestamps (default `() => new Date()`).
 *
 * ## What the REST part checks (each rejection is also pushed to `violations`)
 * - Route: the path must match a path template of the description and the method must be one of its
 *   operations, else 404 `{"message":"Not Found"}` (as GitHub answers an unknown method too).
 *   `/repositories/{repo_id}/…` is an alias of `/repos/{owner}/{repo}/…`: GitHub's Link headers use it.
 * - Auth: `Authorization: token X` or `Bearer X`. Unknown/malformed → 401 "Bad credentials" (checked before
 *   routing, like GitHub); missing → 401 "Requires authentication" (GitHub would serve a public repo
 *   anonymously and answer 404 for a private one; this fake always wants a token).
 * - Path parameters by schema (integers are integers, owner/repo are this repo's, `archive_format` is `zip`)
 *   → 404. Query parameters by schema (integer, boolean, enum, date-time) → 422 Validation Failed.
 *   `per_page` > 100 is a violation but is answered like GitHub does (silently capped to 100, docs.github.com
 *   "Using pagination in the REST API"); `per_page` < 1 or `page` < 1 → 422. Unknown query parameters are a
 *   violation (GitHub ignores them, so the request is still served).
 * - Request bodies: non-JSON → 400 "Problems parsing JSON"; absent → 422 "Invalid request. For
 *   'links/0/schema', nil is not an object."; schema errors (ajv) → 422 "Invalid request. "body" wasn't
 *   supplied." style, as GitHub words them. A Content-Type other than application/json is a violation only
 *   (GitHub parses the body anyway). An empty comment body → 422 Validation Failed missing_field [U], over
 *   the limit → 422 Validation Failed custom "Body is too long (maximum is 65536 characters)".
 * - Permissions: POST a comment needs pullRequests write, else 403 "Resource not accessible by integration";
 *   PATCH of a comment someone else wrote → 403 too (stricter than GitHub, where a token with write access
 *   may edit others' comments: evalgate must only ever edit its own); actions endpoints need actions read;
 *   GET /user with an installation token → 403 "Resource not accessible by integration".
 *
 * - Check runs (POST /check-runs, PATCH /check-runs/{id}): need `checks: write` (TokenInfo.checks, default write;
 *   ghs_readonly_token has none) else 403; head_sha must be 40 hex digits (else 422 "No commit found for SHA");
 *   `conclusion` is required with status completed or completed_at, and `stale` is refused (GitHub: "Required if
 *   you provide completed_at or a status of completed", "You cannot change a check run conclusion to stale");
 *   a conclusion sets the status to completed; each PATCH appends its annotations (at most 50 per request, from
 *   the description's maxItems) and the output's summary/text are at most 65535 characters (maxLength).
 *   Another identity's check run → 403 (stricter than GitHub). `checkRuns()` shows each one with its history.
 * - GraphQL (POST /graphql): the query is parsed and validated against GitHub's published schema
 *   (@octokit/graphql-schema schema.graphql) by graphql-js and executed with the variables; an invalid query is
 *   answered 200 with `errors`, as GitHub does, and is a violation. Only `minimizeComment` is implemented: an
 *   unknown node id is an error, a read-only token is refused, and minimising someone else's comment is a
 *   violation (evalgate minimises only its own). `minimized` maps node ids to the classifier.
 *
 * ## What the Twirp part checks
 * POST `/twirp/github.actions.results.api.v1.ArtifactService/<Method>` only (else 404 bad_route); Content-Type
 * application/json (protobuf is not implemented → 404 bad_route + violation); `Authorization: Bearer <a token
 * minted by addWorkflowRun/addJob>` (else 401 unauthenticated); the body parses with the client's generated
 * protobuf-JSON types (else 400 malformed; unknown fields are a violation only, Twirp discards them); the
 * request's workflow_run_backend_id is the token's `scp` `Actions.Results:<run>:<job>` run, and its
 * workflow_job_run_backend_id is the token's job for Create/FinalizeArtifact and a job of that run otherwise
 * (else 403 permission_denied [U]); Finalize/GetSignedArtifactURL/Delete name the job that uploaded the artifact
 * (else 404 not_found [U]); names are non-empty and free of
 * `" : < > | * ? \r \n \ /` (else 400 invalid_argument [U]); a name that already exists in the workflow run →
 * 409 already_exists; FinalizeArtifact of an unknown name → 404 not_found; the uploaded blob must exist and
 * its length and sha256 must equal `size`/`hash` (400 invalid_argument: stricter than the real service [U]).
 * Twirp errors are `{code, msg}` with Twirp's HTTP status for the code.
 *
 * ## Not modelled (fidelity gaps)
 * Issues always exist (any positive issue number); no issue-vs-PR distinction (html_url uses /pull/); no
 * ETags/304; `created`/`check_suite_id` run filters are parsed but not applied; the 1,000-result cap of
 * filtered run searches; real rate-limit accounting (headers are static unless injected with rateLimit()).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BlobSASPermissions,
  BlobServiceClient,
  ContainerClient,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import {
  CreateArtifactRequest,
  CreateArtifactResponse,
  DeleteArtifactRequest,
  DeleteArtifactResponse,
  FinalizeArtifactRequest,
  FinalizeArtifactResponse,
  GetSignedArtifactURLRequest,
  GetSignedArtifactURLResponse,
  ListArtifactsRequest,
  ListArtifactsResponse,
  Timestamp,
} from '../../node_modules/@actions/artifact/lib/generated/index.js';
import {
  BASIC_ERROR_SCHEMA,
  SchemaValidators,
  buildRoutes,
  formatAjvErrors,
  loadOpenApi,
  matchRoute,
  parseParam,
  type Operation,
  type Route,
} from './openapi.js';
import { createZip } from './zip.js';

// ------------------------------------------------------------------------------------------- public types

export interface TokenInfo {
  login: string;
  id: number;
  type: 'Bot' | 'User';
  /** GITHUB_TOKEN-like (an app installation token): GET /user → 403 "Resource not accessible by integration". */
  installation?: boolean;
  /** default 'write' */
  pullRequests?: 'write' | 'read' | 'none';
  /** default 'read' */
  actions?: 'read' | 'none';
  /** default 'write' (GitHub's permissive default for GITHUB_TOKEN; a fork's pull request gets none) */
  checks?: 'write' | 'none';
}

export interface FakeGitHubOptions {
  azurite: { blobEndpoint: string; account: string; accountKey: string };
  owner?: string;
  repo?: string;
  tokens?: Record<string, TokenInfo>;
  validateResponses?: boolean;
  blobGateway?: boolean;
  commentLimit?: { max: number; unit: 'bytes' | 'chars' };
  now?: () => Date;
}

export interface BlobRequest {
  method: string;
  /** path and query (the SAS) as sent */
  url: string;
  authorization: string | undefined;
  status: number;
}

export interface RecordedRequest {
  method: string;
  /** pathname only */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  contentType: string | undefined;
  /** parsed JSON when it parses, else the raw text; undefined when empty */
  body: unknown;
  /** status the fake answered */
  status: number;
}

/** A comment as the REST API returns it (the schema's required fields plus body/reactions). */
export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: SimpleUser;
  created_at: string;
  updated_at: string;
  author_association: string;
  [k: string]: unknown;
}

export interface SimpleUser {
  login: string;
  id: number;
  type: string;
  [k: string]: unknown;
}

export interface AddWorkflowRunOptions {
  workflowFile?: string; // default 'ci.yml'
  workflowName?: string;
  head_branch: string;
  head_sha: string;
  event: 'push' | 'pull_request' | string;
  status?: 'completed' | 'in_progress' | 'queued' | 'requested' | 'waiting' | 'pending';
  conclusion?: 'success' | 'failure' | 'cancelled' | 'skipped' | 'neutral' | 'timed_out' | 'action_required' | 'stale' | null;
  created_at?: string | Date;
  run_attempt?: number;
  /** login of the run's actor (default 'octocat') */
  actor?: string;
  /** PR numbers to list in `pull_requests` */
  pull_requests?: number[];
}

/** A check run as the fake holds it: the last status, conclusion and output, and every annotation appended. */
export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  details_url: string | null;
  started_at: string;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Record<string, unknown>[];
  /** login of the token that created it */
  by: string;
  /** every status it went through, in order */
  history: string[];
}

export interface FakeWorkflowRun {
  id: number;
  workflow_id: number;
  workflowFile: string;
  run_number: number;
  run_attempt: number;
  head_branch: string;
  head_sha: string;
  event: string;
  status: string;
  conclusion: string | null;
  created_at: string;
  actor: string;
  pull_requests: number[];
  /** Backend ids of the run and of its first job, as the runtime token's `scp` names them. */
  backendIds: { run: string; job: string };
  /** ACTIONS_RUNTIME_TOKEN for the first job: unsigned JWT, scp `… Actions.Results:<run>:<job>` */
  runtimeToken: string;
}

export interface FakeArtifact {
  id: number;
  name: string;
  runId: number;
  backendIds: { run: string; job: string };
  blobName: string;
  mimeType: string;
  size: number;
  digest: string | null;
  finalized: boolean;
  deleted: boolean;
  expired: boolean;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

export interface FakeGitHub {
  /** http://127.0.0.1:<port> (REST base URL and ACTIONS_RESULTS_URL) */
  url: string;
  owner: string;
  repo: string;
  repoId: number;
  /** Everything a client did wrong (rejected requests, ignored parameters) and every response that did not match the description. */
  violations: string[];
  requests: RecordedRequest[];
  /** Requests that went to blob storage through the gateway (empty with blobGateway: false). */
  blobRequests: BlobRequest[];
  tokens: Record<string, TokenInfo>;
  /** Azure container that holds the artifact blobs. */
  container: string;

  addComment(issue: number, c: { body: string; login: string; id?: number; type?: 'Bot' | 'User' }): IssueComment;
  comments(issue: number): IssueComment[];
  /** node ids of the comments minimised through GraphQL `minimizeComment`, with the classifier */
  minimized: Map<string, string>;
  checkRuns(): FakeCheckRun[];
  /** a pull request GET /pulls/{number} answers (from the published webhook example, with these values) */
  addPullRequest(pr: { number: number; head_sha: string; base_ref?: string; fork?: boolean }): void;
  /** GraphQL requests, as parsed (the query text and variables) */
  graphqlRequests: { query: string; variables: unknown; status: number }[];
  addWorkflowRun(opts: AddWorkflowRunOptions): FakeWorkflowRun;
  /** Another job of the same run: a runtime token whose scp names a new job backend id. */
  addJob(runId: number): { job: string; runtimeToken: string };
  workflowRuns(): FakeWorkflowRun[];
  addArtifact(runId: number, name: string, files: Record<string, string | Buffer>): Promise<FakeArtifact>;
  expireArtifact(id: number): void;
  artifacts(runId?: number): FakeArtifact[];
  /** The next `times` requests whose method (or '*') and pathname match answer `status` with `body`. */
  failNext(method: string, path: RegExp, status: number, body?: unknown, times?: number, headers?: Record<string, string>): void;
  /** Shorthand for failNext with GitHub's primary or secondary rate-limit answer. */
  rateLimit(opts?: {
    kind?: 'primary' | 'secondary';
    status?: 403 | 429;
    retryAfter?: number;
    times?: number;
    method?: string;
    path?: RegExp;
  }): void;
  close(): Promise<void>;
}

// --------------------------------------------------------------------------------------------- constants

export const DEFAULT_TOKENS: Record<string, TokenInfo> = {
  ghs_workflow_token: {
    login: 'github-actions[bot]',
    id: 41898282,
    type: 'Bot',
    installation: true,
    pullRequests: 'write',
    actions: 'read',
  },
  ghs_readonly_token: {
    login: 'github-actions[bot]',
    id: 41898282,
    type: 'Bot',
    installation: true,
    pullRequests: 'read',
    actions: 'read',
    checks: 'none',
  },
  ghp_user_token: { login: 'octocat', id: 583231, type: 'User', pullRequests: 'write', actions: 'read' },
};

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const DOCS = 'https://docs.github.com/rest';
const GITHUB_WEB = 'https://github.com';
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const INVALID_ARTIFACT_NAME_CHARS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];

/** Twirp error code → HTTP status (twitchtv/twirp errors.go ServerHTTPStatusFromErrorCode). */
const TWIRP_STATUS: Record<string, number> = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
};

const RUN_STATUSES = new Set(['completed', 'in_progress', 'queued', 'requested', 'waiting', 'pending']);

// --------------------------------------------------------------------------------------------- helpers

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');
let schemaPromise: Promise<import('graphql').GraphQLSchema> | undefined;
/** GitHub's public GraphQL schema (@octokit/graphql-schema's schema.graphql), built once per test process */
function graphqlSchema(): Promise<import('graphql').GraphQLSchema> {
  schemaPromise ??= (async () => {
    const [{ buildSchema }, { readFile }] = await Promise.all([import('graphql'), import('node:fs/promises')]);
    const sdl = await readFile(new URL('../../node_modules/@octokit/graphql-schema/schema.graphql', import.meta.url), 'utf8');
    return buildSchema(sdl, { assumeValidSDL: true });
  })();
  return schemaPromise;
}

const legacyNodeId = (type: string, id: number): string => Buffer.from(`0${type.length}:${type}${id}`).toString('base64');

/** An unsigned JWT as @actions/artifact reads it (jwt-decode, no verification). */
export function mintRuntimeToken(run: string, job: string, now = new Date()): string {
  const header = { typ: 'JWT', alg: 'none' };
  const t = Math.floor(now.getTime() / 1000);
  const payload = {
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${run}:${job}`,
    iss: 'fake-github',
    aud: 'fake-actions-results',
    nbf: t - 60,
    iat: t,
    exp: t + 6 * 3600,
  };
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('unsigned')}`;
}

/** The backend ids in a runtime token's `scp`, parsed the way @actions/artifact's getBackendIdsFromToken does. */
export function backendIdsOfToken(token: string): { run: string; job: string } | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scp?: unknown };
    if (typeof payload.scp !== 'string') return undefined;
    for (const scope of payload.scp.split(' ')) {
      const parts = scope.split(':');
      if (parts[0] === 'Actions.Results' && parts.length === 3) return { run: parts[1]!, job: parts[2]! };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly violation?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
  }
}

class TwirpError extends Error {
  constructor(
    readonly code: string,
    msg: string,
    readonly violation?: string,
  ) {
    super(msg);
  }
}

interface Injection {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  times: number;
}

interface CommentRecord {
  id: number;
  minimized?: string;
  issue: number;
  body: string;
  user: TokenInfo;
  created_at: string;
  updated_at: string;
}

interface RunRecord extends FakeWorkflowRun {
  check_suite_id: number;
  jobs: Map<string, string>; // job backend id -> runtime token
}

interface Ctx {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  rec: RecordedRequest;
  raw: Buffer;
}

// ------------------------------------------------------------------------------------------------ server

export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  const doc = loadOpenApi();
  const routes = buildRoutes(doc);
  const validators = new SchemaValidators();
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'octo-repo';
  const repoId = 700000001;
  const tokens: Record<string, TokenInfo> = { ...DEFAULT_TOKENS, ...opts.tokens };
  const validateResponses = opts.validateResponses ?? true;
  const commentLimit = opts.commentLimit ?? { max: 65536, unit: 'bytes' as const };
  const now = opts.now ?? (() => new Date());

  const violations: string[] = [];
  const requests: RecordedRequest[] = [];
  const blobRequests: BlobRequest[] = [];
  const injections: Injection[] = [];

  const comments = new Map<number, CommentRecord>();
  const checkRuns = new Map<number, FakeCheckRun>();
  const pulls = new Map<number, { number: number; head_sha: string; base_ref: string; fork: boolean }>();
  const minimized = new Map<string, string>();
  const graphqlRequests: { query: string; variables: unknown; status: number }[] = [];
  let nextCheckRunId = 40000000001;
  const workflows = new Map<string, { id: number; file: string; name: string }>();
  const runs = new Map<number, RunRecord>();
  const runtimeTokens = new Map<string, RunRecord>();
  const artifacts = new Map<number, FakeArtifact>();
  let nextCommentId = 1000000001;
  let nextRunId = 10000000001;
  let nextWorkflowId = 100000001;
  let nextArtifactId = 3000000001;
  let nextCheckSuiteId = 20000000001;

  // Azure container for the artifact blobs of this instance.
  const credential = new StorageSharedKeyCredential(opts.azurite.account, opts.azurite.accountKey);
  const container = `actions-results-${randomBytes(6).toString('hex')}`;
  const containerClient: ContainerClient = new BlobServiceClient(opts.azurite.blobEndpoint, credential).getContainerClient(container);
  await containerClient.create();

  function sasUrl(blobName: string, permissions: string, ttlMs: number, extra: { contentDisposition?: string } = {}): string {
    const t = Date.now();
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(t - 5 * 60_000),
        expiresOn: new Date(t + ttlMs),
        protocol: SASProtocol.HttpsAndHttp,
        ...extra,
      },
      credential,
    ).toString();
    const direct = new URL(`${containerClient.getBlockBlobClient(blobName).url}?${sas}`);
    if (gatewayOrigin) return `${gatewayOrigin}${direct.pathname}${direct.search}`;
    return direct.href;
  }

  // Pass-through proxy to Azurite that sees every request made with a SAS URL.
  const azuriteUrl = new URL(opts.azurite.blobEndpoint);
  let gatewayOrigin = '';
  let gateway: http.Server | undefined;
  if (opts.blobGateway ?? true) {
    gateway = http.createServer((req, res) => {
      const rec: BlobRequest = { method: req.method ?? 'GET', url: req.url ?? '/', authorization: req.headers.authorization, status: 0 };
      blobRequests.push(rec);
      if (rec.authorization !== undefined) {
        violations.push(
          `blob ${rec.method} ${rec.url.split('?')[0]}: sent an Authorization header (${rec.authorization.slice(0, 12)}…) with a SAS URL`,
        );
      }
      const upstream = http.request(
        {
          host: azuriteUrl.hostname,
          port: azuriteUrl.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: azuriteUrl.host },
        },
        (up) => {
          rec.status = up.statusCode ?? 0;
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (e) => {
        violations.push(`blob gateway: ${e.message}`);
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve, reject) => {
      gateway!.once('error', reject);
      gateway!.listen(0, '127.0.0.1', () => resolve());
    });
    gatewayOrigin = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  }

  let base = '';
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      violations.push(`fake github internal error on ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: 'fake github internal error' }));
      } else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = base;
  const repoApi = `${api}/repos/${owner}/${repo}`;

  // ------------------------------------------------------------------------------------------- plumbing

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let n = 0;
    for await (const c of req) {
      n += (c as Buffer).length;
      if (n > MAX_BODY_BYTES) throw new HttpError(413, { message: 'Payload too large' }, `request body over ${MAX_BODY_BYTES} bytes`);
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const method = (req.method ?? 'GET').toUpperCase();
    const rec: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body: undefined,
      status: 0,
    };
    requests.push(rec);
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (e) {
      if (e instanceof HttpError) return sendJson({ req, res, url, rec, raw: Buffer.alloc(0) }, e.status, e.body);
      throw e;
    }
    if (raw.length) {
      const text = raw.toString('utf8');
      try {
        rec.body = JSON.parse(text);
      } catch {
        rec.body = text;
      }
    }
    const ctx: Ctx = { req, res, url, rec, raw };

    const inj = injections.find((i) => (i.method === '*' || i.method === method) && i.path.test(url.pathname));
    if (inj) {
      if (--inj.times <= 0) injections.splice(injections.indexOf(inj), 1);
      let body = inj.body;
      if (body === undefined && inj.status >= 400) {
        body = url.pathname.startsWith('/twirp/')
          ? { code: Object.entries(TWIRP_STATUS).find(([, s]) => s === inj.status)?.[0] ?? 'internal', msg: `injected ${inj.status}` }
          : errorBody(inj.status, `injected ${inj.status}`);
      }
      return send(ctx, inj.status, body === undefined ? undefined : JSON.stringify(body), {
        ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...inj.headers,
      });
    }

    if (url.pathname.startsWith('/twirp/')) return twirp(ctx);
    if (url.pathname === '/graphql') return graphql(ctx);
    return rest(ctx);
  }

  function send(ctx: Ctx, status: number, body: string | undefined, headers: Record<string, string> = {}): void {
    ctx.rec.status = status;
    ctx.res.writeHead(status, { ...headers, ...(body === undefined ? { 'content-length': '0' } : {}) });
    ctx.res.end(body);
  }

  function restHeaders(): Record<string, string> {
    return {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `FAKE:${randomBytes(4).toString('hex').toUpperCase()}`,
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
    };
  }

  /** Sends a REST JSON response; validates it against the description when asked. */
  function sendJson(
    ctx: Ctx,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
    op?: { template: string; method: string; operation: Operation },
  ): void {
    if (validateResponses && body !== undefined) {
      const declared = op?.operation.responses[String(status)] ?? op?.operation.responses.default;
      const schema = declared?.content?.['application/json']?.schema ?? (status >= 400 ? BASIC_ERROR_SCHEMA : undefined);
      if (!schema) {
        violations.push(`fake response ${ctx.rec.method} ${ctx.url.pathname} → ${status}: no schema for this status in the description`);
      } else {
        const key = declared ? `${op!.method} ${op!.template} ${status}` : 'basic-error';
        const validate = validators.get(key, schema);
        if (!validate(body)) {
          violations.push(
            `fake response ${ctx.rec.method} ${ctx.url.pathname} → ${status} does not match the description: ${formatAjvErrors(validate.errors)}`,
          );
        }
      }
    }
    send(ctx, status, body === undefined ? undefined : JSON.stringify(body), { ...restHeaders(), ...headers });
  }

  function errorBody(status: number, message: string, docUrl = DOCS, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { message, documentation_url: docUrl, status: String(status), ...extra };
  }

  function reject(ctx: Ctx, e: HttpError, op?: { template: string; method: string; operation: Operation }): void {
    violations.push(`${ctx.rec.method} ${ctx.url.pathname}${ctx.url.search} → ${e.status}: ${e.violation ?? e.message}`);
    sendJson(ctx, e.status, e.body, e.headers, op);
  }

  // ------------------------------------------------------------------------------------------------ REST

  async function rest(ctx: Ctx): Promise<void> {
    const method = ctx.rec.method;
    let pathname = ctx.url.pathname.replace(/\/+$/, '') || '/';
    const alias = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname);
    if (alias) {
      if (Number(alias[1]) !== repoId)
        return reject(ctx, new HttpError(404, errorBody(404, 'Not Found'), `unknown repository id ${alias[1]}`));
      pathname = `/repos/${owner}/${repo}${alias[2] ?? ''}`;
    }

    // Auth (a bad token is refused before routing, as GitHub does).
    const auth = ctx.req.headers.authorization;
    let token: TokenInfo | undefined;
    if (auth !== undefined) {
      const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(auth);
      token = m ? tokens[m[1]!] : undefined;
      if (!token)
        return reject(ctx, new HttpError(401, errorBody(401, 'Bad credentials'), `bad credentials (Authorization: ${auth.slice(0, 12)}…)`));
    }

    const found = matchRoute(routes, pathname);
    if (!found) return reject(ctx, new HttpError(404, errorBody(404, 'Not Found'), `no such endpoint in the description: ${pathname}`));
    const operation = found.route.methods[method];
    if (!operation)
      return reject(ctx, new HttpError(404, errorBody(404, 'Not Found'), `${method} is not an operation of ${found.route.template}`));
    const op = { template: found.route.template, method: method.toLowerCase(), operation };
    const docUrl = operation.externalDocs?.url ?? DOCS;

    try {
      if (!token) throw new HttpError(401, errorBody(401, 'Requires authentication', docUrl), 'no Authorization header');
      const params = parsePathParams(found.route, found.params, operation, docUrl);
      const query = parseQuery(ctx.url.searchParams, operation, docUrl, ctx);
      checkPermission(operation.operationId, token, docUrl);
      const body = operation.requestBody ? parseRequestBody(ctx, operation, op, docUrl) : undefined;
      await dispatch(ctx, op, { token, params, query, body, docUrl });
    } catch (e) {
      if (e instanceof HttpError) return reject(ctx, e, op);
      throw e;
    }
  }

  function parsePathParams(route: Route, raw: Record<string, string>, operation: Operation, docUrl: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of operation.parameters ?? []) {
      if (p.in !== 'path') continue;
      const v = raw[p.name];
      if (v === undefined) throw new HttpError(404, errorBody(404, 'Not Found', docUrl), `path parameter ${p.name} missing`);
      const r = parseParam(v, p.schema);
      if (!r.ok) throw new HttpError(404, errorBody(404, 'Not Found', docUrl), `path parameter ${p.name}: ${r.error}`);
      out[p.name] = r.value;
    }
    if (
      'owner' in out &&
      (String(out.owner).toLowerCase() !== owner.toLowerCase() || String(out.repo).toLowerCase() !== repo.toLowerCase())
    ) {
      throw new HttpError(
        404,
        errorBody(404, 'Not Found', docUrl),
        `repository ${String(out.owner)}/${String(out.repo)} is not ${owner}/${repo}`,
      );
    }
    if ('archive_format' in out && out.archive_format !== 'zip') {
      throw new HttpError(
        404,
        errorBody(404, 'Not Found', docUrl),
        `archive_format must be zip, got ${JSON.stringify(out.archive_format)} [route ${route.template}]`,
      );
    }
    return out;
  }

  function parseQuery(search: URLSearchParams, operation: Operation, docUrl: string, ctx: Ctx): Record<string, unknown> {
    const declared = new Map((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
    const out: Record<string, unknown> = {};
    const errors: Record<string, unknown>[] = [];
    for (const key of new Set(search.keys())) {
      const values = search.getAll(key);
      const p = declared.get(key);
      if (!p) {
        violations.push(`${ctx.rec.method} ${ctx.url.pathname}${ctx.url.search}: unknown query parameter ${key} (GitHub ignores it)`);
        continue;
      }
      if (values.length > 1)
        violations.push(`${ctx.rec.method} ${ctx.url.pathname}${ctx.url.search}: query parameter ${key} given ${values.length} times`);
      const r = parseParam(values[values.length - 1]!, p.schema);
      if (!r.ok) errors.push({ resource: 'Search', field: key, code: 'invalid', message: `${key}: ${r.error}` });
      else out[key] = r.value;
    }
    if (typeof out.per_page === 'number') {
      if (out.per_page < 1) errors.push({ resource: 'Search', field: 'per_page', code: 'invalid', message: 'per_page must be at least 1' });
      else if (out.per_page > 100) {
        violations.push(
          `${ctx.rec.method} ${ctx.url.pathname}${ctx.url.search}: per_page=${out.per_page} is over the maximum of 100 (GitHub silently caps it)`,
        );
        out.per_page = 100;
      }
    }
    if (typeof out.page === 'number' && out.page < 1)
      errors.push({ resource: 'Search', field: 'page', code: 'invalid', message: 'page must be at least 1' });
    if (errors.length)
      throw new HttpError(
        422,
        errorBody(422, 'Validation Failed', docUrl, { errors }),
        `invalid query: ${errors.map((e) => e.message).join('; ')}`,
      );
    for (const p of declared.values()) if (out[p.name] === undefined && p.schema.default !== undefined) out[p.name] = p.schema.default;
    return out;
  }

  function checkPermission(operationId: string, token: TokenInfo, docUrl: string): void {
    const denied = (why: string): never => {
      throw new HttpError(403, errorBody(403, 'Resource not accessible by integration', docUrl), why);
    };
    const pr = token.pullRequests ?? 'write';
    const actions = token.actions ?? 'read';
    switch (operationId) {
      case 'users/get-authenticated':
        if (token.installation) denied('GET /user with an installation token');
        break;
      case 'issues/list-comments':
      case 'issues/get-comment':
        if (pr === 'none') denied('reading comments needs pull-requests: read');
        break;
      case 'issues/create-comment':
      case 'issues/update-comment':
        if (pr !== 'write') denied(`${operationId} needs pull-requests: write (token has ${pr})`);
        break;
      case 'pulls/get':
        if (pr === 'none') denied('reading pull requests needs pull-requests: read');
        break;
      case 'checks/create':
      case 'checks/update':
        if ((token.checks ?? 'write') !== 'write') denied(`${operationId} needs checks: write`);
        break;
      default:
        if (operationId.startsWith('actions/') && actions !== 'read') denied(`${operationId} needs actions: read`);
    }
  }

  function parseRequestBody(ctx: Ctx, operation: Operation, op: { template: string; method: string }, docUrl: string): unknown {
    const ct = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (ctx.raw.length && ct !== 'application/json') {
      violations.push(
        `${ctx.rec.method} ${ctx.url.pathname}: Content-Type ${JSON.stringify(ctx.req.headers['content-type'] ?? null)} is not application/json`,
      );
    }
    if (!ctx.raw.length) {
      throw new HttpError(
        422,
        errorBody(422, "Invalid request.\n\nFor 'links/0/schema', nil is not an object.", docUrl),
        'no request body',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(ctx.raw.toString('utf8'));
    } catch {
      throw new HttpError(400, errorBody(400, 'Problems parsing JSON', docUrl), 'body is not JSON');
    }
    const schema = operation.requestBody!.content['application/json']?.schema;
    if (schema) {
      const validate = validators.get(`request ${op.method} ${op.template}`, schema);
      if (!validate(body)) {
        const e = validate.errors?.[0];
        let message = 'Invalid request.';
        if (e?.keyword === 'required') message += `\n\n"${String(e.params.missingProperty)}" wasn't supplied.`;
        else if (e?.keyword === 'type') {
          const at = e.instancePath.split('/').filter(Boolean);
          const value = at.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], body);
          message += `\n\nFor '${at.length ? 'properties/' + at.join('/properties/') : 'links/0/schema'}', ${JSON.stringify(value) ?? 'nil'} is not ${/^[aeiou]/.test(String(e.params.type)) ? 'an' : 'a'} ${String(e.params.type)}.`;
        } else if (e) message += `\n\n${e.instancePath || 'body'} ${e.message ?? ''}`;
        throw new HttpError(422, errorBody(422, message, docUrl), `request body: ${formatAjvErrors(validate.errors)}`);
      }
    }
    return body;
  }

  // ----------------------------------------------------------------------------------------- REST handlers

  interface Args {
    token: TokenInfo;
    params: Record<string, unknown>;
    query: Record<string, unknown>;
    body: unknown;
    docUrl: string;
  }

  async function dispatch(ctx: Ctx, op: { template: string; method: string; operation: Operation }, a: Args): Promise<void> {
    const ok = (status: number, body: unknown, headers: Record<string, string> = {}): void => sendJson(ctx, status, body, headers, op);
    const notFound = (why: string): never => {
      throw new HttpError(404, errorBody(404, 'Not Found', a.docUrl), why);
    };
    switch (op.operation.operationId) {
      case 'users/get-authenticated':
        return ok(200, privateUser(a.token));

      case 'issues/list-comments': {
        const issue = a.params.issue_number as number;
        if (issue < 1) notFound(`issue ${issue}`);
        let list = [...comments.values()].filter((c) => c.issue === issue).sort((x, y) => x.id - y.id);
        if (typeof a.query.since === 'string') {
          const since = Date.parse(a.query.since);
          list = list.filter((c) => Date.parse(c.updated_at) >= since);
        }
        const page = paginate(ctx, list, a.query);
        return ok(200, page.items.map(commentJson), page.headers);
      }

      case 'issues/create-comment': {
        const issue = a.params.issue_number as number;
        if (issue < 1) notFound(`issue ${issue}`);
        const body = (a.body as { body: string }).body;
        checkCommentBody(body, a.docUrl);
        const t = iso(now());
        const c: CommentRecord = { id: nextCommentId++, issue, body, user: a.token, created_at: t, updated_at: t };
        comments.set(c.id, c);
        const json = commentJson(c);
        return ok(201, json, { location: json.url });
      }

      case 'issues/get-comment': {
        const c = comments.get(a.params.comment_id as number) ?? notFound(`comment ${String(a.params.comment_id)}`);
        return ok(200, commentJson(c));
      }

      case 'issues/update-comment': {
        const c = comments.get(a.params.comment_id as number) ?? notFound(`comment ${String(a.params.comment_id)}`);
        if (c.user.id !== a.token.id || c.user.login !== a.token.login) {
          throw new HttpError(
            403,
            errorBody(403, 'Resource not accessible by integration', a.docUrl),
            `PATCH of comment ${c.id} by ${c.user.login} as ${a.token.login}`,
          );
        }
        const body = (a.body as { body: string }).body;
        checkCommentBody(body, a.docUrl);
        c.body = body;
        c.updated_at = iso(now());
        return ok(200, commentJson(c));
      }

      case 'pulls/get': {
        const p = pulls.get(a.params.pull_number as number) ?? notFound(`pull request ${String(a.params.pull_number)}`);
        return ok(200, pullJson(p));
      }

      case 'checks/create': {
        const b = a.body as Record<string, unknown> & { output?: Record<string, unknown> };
        if (!/^[0-9a-f]{40}$/.test(String(b.head_sha)))
          throw new HttpError(422, errorBody(422, `No commit found for SHA: ${String(b.head_sha)}`, a.docUrl), `head_sha ${String(b.head_sha)}`);
        const t = iso(now());
        const status = b.conclusion !== undefined ? 'completed' : ((b.status as FakeCheckRun['status'] | undefined) ?? 'queued');
        checkConclusion(b, status, a.docUrl);
        const run: FakeCheckRun = {
          id: nextCheckRunId++,
          name: String(b.name),
          head_sha: String(b.head_sha),
          status,
          conclusion: (b.conclusion as string | undefined) ?? null,
          details_url: (b.details_url as string | undefined) ?? null,
          started_at: (b.started_at as string | undefined) ?? t,
          completed_at: status === 'completed' ? ((b.completed_at as string | undefined) ?? t) : null,
          output: { title: null, summary: null, text: null },
          annotations: [],
          by: a.token.login,
          history: [status],
        };
        applyOutput(run, b.output);
        checkRuns.set(run.id, run);
        return ok(201, checkRunJson(run));
      }

      case 'checks/update': {
        const run = checkRuns.get(a.params.check_run_id as number) ?? notFound(`check run ${String(a.params.check_run_id)}`);
        if (run.by !== a.token.login)
          throw new HttpError(403, errorBody(403, 'Resource not accessible by integration', a.docUrl), `check run ${run.id} of ${run.by} updated by ${a.token.login}`);
        const b = a.body as Record<string, unknown> & { output?: Record<string, unknown> };
        const status = b.conclusion !== undefined ? 'completed' : ((b.status as FakeCheckRun['status'] | undefined) ?? run.status);
        checkConclusion(b, status, a.docUrl);
        if (b.name !== undefined) run.name = String(b.name);
        if (b.details_url !== undefined) run.details_url = String(b.details_url);
        if (status !== run.status) run.history.push(status);
        run.status = status;
        if (b.conclusion !== undefined) run.conclusion = String(b.conclusion);
        if (status === 'completed') run.completed_at = (b.completed_at as string | undefined) ?? iso(now());
        applyOutput(run, b.output);
        return ok(200, checkRunJson(run));
      }

      case 'actions/list-workflow-runs': {
        const wid = a.params.workflow_id;
        const wf = [...workflows.values()].find((w) =>
          typeof wid === 'number' ? w.id === wid : w.file === wid || `.github/workflows/${w.file}` === wid,
        );
        if (!wf) notFound(`workflow ${String(wid)}`);
        const q = a.query;
        let list = [...runs.values()].filter((r) => r.workflow_id === wf!.id);
        if (typeof q.branch === 'string') list = list.filter((r) => r.head_branch === q.branch);
        if (typeof q.event === 'string') list = list.filter((r) => r.event === q.event);
        if (typeof q.actor === 'string') list = list.filter((r) => r.actor === q.actor);
        if (typeof q.head_sha === 'string') list = list.filter((r) => r.head_sha === q.head_sha);
        if (typeof q.status === 'string') {
          const s = q.status;
          list = list.filter((r) => (RUN_STATUSES.has(s) ? r.status === s : r.conclusion === s));
        }
        list.sort((x, y) => Date.parse(y.created_at) - Date.parse(x.created_at) || y.id - x.id);
        const page = paginate(ctx, list, q);
        return ok(
          200,
          { total_count: list.length, workflow_runs: page.items.map((r) => runJson(r, q.exclude_pull_requests === true)) },
          page.headers,
        );
      }

      case 'actions/list-workflow-run-artifacts': {
        const run = runs.get(a.params.run_id as number) ?? notFound(`run ${String(a.params.run_id)}`);
        let list = visibleArtifacts().filter((x) => x.runId === run.id);
        if (typeof a.query.name === 'string') list = list.filter((x) => x.name === a.query.name);
        list.sort((x, y) => (a.query.direction === 'asc' ? x.id - y.id : y.id - x.id));
        const page = paginate(ctx, list, a.query);
        return ok(200, { total_count: list.length, artifacts: page.items.map(artifactJson) }, page.headers);
      }

      case 'actions/get-artifact': {
        const art = visibleArtifacts().find((x) => x.id === a.params.artifact_id) ?? notFound(`artifact ${String(a.params.artifact_id)}`);
        return ok(200, artifactJson(art));
      }

      case 'actions/download-artifact': {
        const art = visibleArtifacts().find((x) => x.id === a.params.artifact_id) ?? notFound(`artifact ${String(a.params.artifact_id)}`);
        if (isExpired(art)) {
          // Not a client error: the answer GitHub gives. Served without a violation.
          return sendJson(ctx, 410, errorBody(410, 'Artifact has expired', a.docUrl), {}, op);
        }
        ctx.rec.status = 302;
        const location = sasUrl(art.blobName, 'r', 60_000, {
          contentDisposition: `attachment; filename=${art.name}.zip; filename*=UTF-8''${encodeURIComponent(art.name)}.zip`,
        });
        const h = restHeaders();
        delete h['content-type'];
        ctx.res.writeHead(302, { ...h, location, 'content-length': '0' });
        ctx.res.end();
        return;
      }

      default:
        throw new HttpError(
          404,
          errorBody(404, 'Not Found', a.docUrl),
          `operation ${op.operation.operationId} is in the fixture but not implemented by the fake`,
        );
    }
  }

  function checkCommentBody(body: string, docUrl: string): void {
    if (body.trim() === '') {
      throw new HttpError(
        422,
        errorBody(422, 'Validation Failed', docUrl, { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] }),
        'empty comment body',
      );
    }
    const size = commentLimit.unit === 'bytes' ? Buffer.byteLength(body, 'utf8') : [...body].length;
    if (size > commentLimit.max) {
      throw new HttpError(
        422,
        errorBody(422, 'Validation Failed', docUrl, {
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: `Body is too long (maximum is ${commentLimit.max} characters)`,
            },
          ],
        }),
        `comment body of ${size} ${commentLimit.unit} is over ${commentLimit.max}`,
      );
    }
  }

  /** GitHub pagination: per_page (default 30, ≤100), page (default 1), Link with rel prev/next/last/first. */
  function paginate<T>(ctx: Ctx, list: T[], q: Record<string, unknown>): { items: T[]; headers: Record<string, string> } {
    const perPage = (q.per_page as number | undefined) ?? 30;
    const page = (q.page as number | undefined) ?? 1;
    const items = list.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(list.length / perPage));
    const link = (p: number, rel: string): string => {
      const u = new URL(
        `${api}/repositories/${repoId}${ctx.url.pathname.replace(/^\/repos\/[^/]+\/[^/]+/, '').replace(/^\/repositories\/\d+/, '')}`,
      );
      ctx.url.searchParams.forEach((v, k) => u.searchParams.append(k, v));
      u.searchParams.set('page', String(p));
      return `<${u.href}>; rel="${rel}"`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(link(Math.min(page - 1, last), 'prev'));
    if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) parts.push(link(1, 'first'));
    return { items, headers: parts.length ? { link: parts.join(', ') } : {} };
  }

  // ------------------------------------------------------------------------------------ JSON builders

  function simpleUser(u: Pick<TokenInfo, 'login' | 'id' | 'type'>): SimpleUser {
    const bot = u.type === 'Bot';
    const userApi = `${api}/users/${encodeURIComponent(u.login)}`;
    const appSlug = u.login.replace(/\[bot\]$/, '');
    return {
      login: u.login,
      id: u.id,
      node_id: legacyNodeId(bot ? 'Bot' : 'User', u.id),
      avatar_url:
        bot && u.id === 41898282
          ? 'https://avatars.githubusercontent.com/in/15368?v=4'
          : `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      gravatar_id: '',
      url: userApi,
      html_url: bot ? `${GITHUB_WEB}/apps/${appSlug}` : `${GITHUB_WEB}/${u.login}`,
      followers_url: `${userApi}/followers`,
      following_url: `${userApi}/following{/other_user}`,
      gists_url: `${userApi}/gists{/gist_id}`,
      starred_url: `${userApi}/starred{/owner}{/repo}`,
      subscriptions_url: `${userApi}/subscriptions`,
      organizations_url: `${userApi}/orgs`,
      repos_url: `${userApi}/repos`,
      events_url: `${userApi}/events{/privacy}`,
      received_events_url: `${userApi}/received_events`,
      type: u.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  function privateUser(u: TokenInfo): Record<string, unknown> {
    const t = '2011-01-25T18:44:36Z';
    return {
      ...simpleUser(u),
      name: u.login,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      notification_email: null,
      public_repos: 8,
      public_gists: 8,
      followers: 20,
      following: 0,
      created_at: t,
      updated_at: t,
      private_gists: 0,
      total_private_repos: 1,
      owned_private_repos: 1,
      disk_usage: 10000,
      collaborators: 0,
      two_factor_authentication: true,
      plan: { name: 'free', space: 976562499, private_repos: 10000, collaborators: 0 },
    };
  }

  /** GitHub: "conclusion: Required if you provide completed_at or a status of completed" */
  function checkConclusion(b: Record<string, unknown>, status: string, docUrl: string): void {
    if ((status === 'completed' || b.completed_at !== undefined) && b.conclusion === undefined)
      throw new HttpError(422, errorBody(422, 'Invalid request.\n\n"conclusion" wasn\'t supplied.', docUrl), 'completed without a conclusion');
    if (b.conclusion === 'stale')
      throw new HttpError(422, errorBody(422, 'Invalid request.\n\nOnly GitHub can set conclusion stale.', docUrl), 'conclusion stale');
  }

  function applyOutput(run: FakeCheckRun, output: Record<string, unknown> | undefined): void {
    if (!output) return;
    run.output = {
      title: (output.title as string | undefined) ?? run.output.title,
      summary: (output.summary as string | undefined) ?? run.output.summary,
      text: (output.text as string | undefined) ?? run.output.text,
    };
    // each update appends its annotations to those already there (docs: "Update a check run")
    for (const an of (output.annotations as Record<string, unknown>[] | undefined) ?? []) run.annotations.push(an);
  }

  function pullJson(p: { number: number; head_sha: string; base_ref: string; fork: boolean }): Record<string, unknown> {
    // the published webhook example's pull_request (a REST pull request but for auto_merge), renumbered
    const example = JSON.parse(readFileSync(new URL('../fixtures/github/pull_request.opened.json', import.meta.url), 'utf8')).pull_request;
    const head = { ...example.head, sha: p.head_sha, repo: { ...example.head.repo, fork: p.fork, full_name: p.fork ? `fork-owner/${repo}` : `${owner}/${repo}` } };
    return {
      ...example,
      auto_merge: null,
      number: p.number,
      url: `${repoApi}/pulls/${p.number}`,
      html_url: `${GITHUB_WEB}/${owner}/${repo}/pull/${p.number}`,
      head,
      base: { ...example.base, ref: p.base_ref },
    };
  }

  function checkRunJson(run: FakeCheckRun): Record<string, unknown> {
    const url = `${repoApi}/check-runs/${run.id}`;
    return {
      id: run.id,
      head_sha: run.head_sha,
      node_id: legacyNodeId('CheckRun', run.id),
      external_id: '',
      url,
      html_url: `${GITHUB_WEB}/${owner}/${repo}/runs/${run.id}`,
      details_url: run.details_url,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${url}/annotations` },
      name: run.name,
      check_suite: { id: 20000000001 },
      app: null,
      pull_requests: [],
    };
  }

  // --------------------------------------------------------------------------------------------- GraphQL

  /**
   * POST /graphql: the query is parsed and validated against GitHub's published schema
   * (@octokit/graphql-schema) with graphql-js and executed; only `minimizeComment` is implemented.
   * A query that does not validate is answered 200 with `errors`, as GitHub does, and is a violation.
   */
  async function graphql(ctx: Ctx): Promise<void> {
    const reply = (status: number, body: unknown): void => {
      graphqlRequests.push({ query: String((ctx.rec.body as { query?: unknown })?.query ?? ''), variables: (ctx.rec.body as { variables?: unknown })?.variables, status });
      send(ctx, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8' });
    };
    const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(ctx.req.headers.authorization ?? '');
    const token = m ? tokens[m[1]!] : undefined;
    if (ctx.rec.method !== 'POST') {
      violations.push(`GraphQL ${ctx.rec.method}: only POST is served`);
      return reply(404, { message: 'Not Found' });
    }
    if (!token) {
      violations.push('GraphQL: bad or missing credentials');
      return reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
    }
    const body = ctx.rec.body as { query?: unknown; variables?: Record<string, unknown> } | undefined;
    if (!body || typeof body !== 'object' || typeof body.query !== 'string') {
      violations.push('GraphQL: the body is not {query, variables}');
      return reply(400, { message: 'Problems parsing JSON' });
    }
    const gql = await import('graphql');
    const schema = await graphqlSchema();
    let document;
    try {
      document = gql.parse(body.query);
    } catch (e) {
      violations.push(`GraphQL: the query does not parse: ${(e as Error).message}`);
      return reply(200, { errors: [{ message: (e as Error).message }] });
    }
    const invalid = gql.validate(schema, document);
    if (invalid.length) {
      violations.push(`GraphQL: the query does not validate against GitHub's schema: ${invalid.map((e) => e.message).join('; ')}`);
      return reply(200, { errors: invalid.map((e) => ({ message: e.message })) });
    }
    const rootValue = {
      minimizeComment: ({ input }: { input: { subjectId: string; classifier: string } }) => {
        const c = [...comments.values()].find((x) => legacyNodeId('IssueComment', x.id) === input.subjectId);
        if (!c) throw new Error(`Could not resolve to a node with the global id of '${input.subjectId}'`);
        if ((token.pullRequests ?? 'write') !== 'write') throw new Error('Resource not accessible by integration');
        if (c.user.login !== token.login) {
          violations.push(`GraphQL minimizeComment of comment ${c.id} by ${c.user.login} as ${token.login}`);
          throw new Error('Resource not accessible by integration');
        }
        c.minimized = input.classifier;
        minimized.set(input.subjectId, input.classifier);
        return { minimizedComment: { __typename: 'IssueComment', isMinimized: true, minimizedReason: input.classifier.toLowerCase() } };
      },
    };
    const result = await gql.execute({ schema, document, rootValue, variableValues: body.variables ?? {} });
    if (result.errors?.length) violations.push(`GraphQL: ${result.errors.map((e) => e.message).join('; ')}`);
    return reply(200, { ...(result.data !== undefined ? { data: result.data } : {}), ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path })) } : {}) });
  }

  function commentJson(c: CommentRecord): IssueComment {
    const url = `${repoApi}/issues/comments/${c.id}`;
    return {
      id: c.id,
      node_id: legacyNodeId('IssueComment', c.id),
      url,
      html_url: `${GITHUB_WEB}/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${repoApi}/issues/${c.issue}`,
      body: c.body,
      user: simpleUser(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : c.user.login.toLowerCase() === owner.toLowerCase() ? 'OWNER' : 'MEMBER',
      performed_via_github_app: null,
      reactions: {
        url: `${url}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
    };
  }

  const ownerUser = { login: owner, id: 9919, type: 'User' as const };
  function repositoryJson(): Record<string, unknown> {
    const u = repoApi;
    return {
      id: repoId,
      node_id: legacyNodeId('Repository', repoId),
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: simpleUser(ownerUser),
      private: true,
      html_url: `${GITHUB_WEB}/${owner}/${repo}`,
      description: null,
      fork: false,
      url: u,
      archive_url: `${u}/{archive_format}{/ref}`,
      assignees_url: `${u}/assignees{/user}`,
      blobs_url: `${u}/git/blobs{/sha}`,
      branches_url: `${u}/branches{/branch}`,
      collaborators_url: `${u}/collaborators{/collaborator}`,
      comments_url: `${u}/comments{/number}`,
      commits_url: `${u}/commits{/sha}`,
      compare_url: `${u}/compare/{base}...{head}`,
      contents_url: `${u}/contents/{+path}`,
      contributors_url: `${u}/contributors`,
      deployments_url: `${u}/deployments`,
      downloads_url: `${u}/downloads`,
      events_url: `${u}/events`,
      forks_url: `${u}/forks`,
      git_commits_url: `${u}/git/commits{/sha}`,
      git_refs_url: `${u}/git/refs{/sha}`,
      git_tags_url: `${u}/git/tags{/sha}`,
      hooks_url: `${u}/hooks`,
      issue_comment_url: `${u}/issues/comments{/number}`,
      issue_events_url: `${u}/issues/events{/number}`,
      issues_url: `${u}/issues{/number}`,
      keys_url: `${u}/keys{/key_id}`,
      labels_url: `${u}/labels{/name}`,
      languages_url: `${u}/languages`,
      merges_url: `${u}/merges`,
      milestones_url: `${u}/milestones{/number}`,
      notifications_url: `${u}/notifications{?since,all,participating}`,
      pulls_url: `${u}/pulls{/number}`,
      releases_url: `${u}/releases{/id}`,
      stargazers_url: `${u}/stargazers`,
      statuses_url: `${u}/statuses/{sha}`,
      subscribers_url: `${u}/subscribers`,
      subscription_url: `${u}/subscription`,
      tags_url: `${u}/tags`,
      teams_url: `${u}/teams`,
      trees_url: `${u}/git/trees{/sha}`,
    };
  }

  function runJson(r: RunRecord, excludePrs: boolean): Record<string, unknown> {
    const wf = [...workflows.values()].find((w) => w.id === r.workflow_id)!;
    const u = `${repoApi}/actions/runs/${r.id}`;
    const actor = simpleUser(Object.values(tokens).find((t) => t.login === r.actor) ?? { login: r.actor, id: 583231, type: 'User' });
    const repository = repositoryJson();
    return {
      id: r.id,
      name: wf.name,
      node_id: legacyNodeId('WorkflowRun', r.id),
      check_suite_id: r.check_suite_id,
      check_suite_node_id: legacyNodeId('CheckSuite', r.check_suite_id),
      head_branch: r.head_branch,
      head_sha: r.head_sha,
      path: `.github/workflows/${wf.file}`,
      display_title: `${wf.name} on ${r.head_branch}`,
      run_number: r.run_number,
      run_attempt: r.run_attempt,
      referenced_workflows: [],
      event: r.event,
      status: r.status,
      conclusion: r.conclusion,
      workflow_id: r.workflow_id,
      url: u,
      html_url: `${GITHUB_WEB}/${owner}/${repo}/actions/runs/${r.id}`,
      pull_requests: excludePrs
        ? []
        : r.pull_requests.map((n) => ({
            id: 1900000000 + n,
            number: n,
            url: `${repoApi}/pulls/${n}`,
            head: { ref: r.head_branch, sha: r.head_sha, repo: { id: repoId, url: repoApi, name: repo } },
            base: { ref: 'main', sha: '0'.repeat(40), repo: { id: repoId, url: repoApi, name: repo } },
          })),
      created_at: r.created_at,
      updated_at: r.created_at,
      actor,
      triggering_actor: actor,
      run_started_at: r.created_at,
      jobs_url: `${u}/jobs`,
      logs_url: `${u}/logs`,
      check_suite_url: `${repoApi}/check-suites/${r.check_suite_id}`,
      artifacts_url: `${u}/artifacts`,
      cancel_url: `${u}/cancel`,
      rerun_url: `${u}/rerun`,
      previous_attempt_url: r.run_attempt > 1 ? `${u}/attempts/${r.run_attempt - 1}` : null,
      workflow_url: `${repoApi}/actions/workflows/${r.workflow_id}`,
      head_commit: {
        id: r.head_sha,
        tree_id: createHash('sha1').update(`tree ${r.head_sha}`).digest('hex'),
        message: `commit ${r.head_sha.slice(0, 7)}`,
        timestamp: r.created_at,
        author: { name: 'Monalisa Octocat', email: 'mona@github.com' },
        committer: { name: 'GitHub', email: 'noreply@github.com' },
      },
      repository,
      head_repository: repository,
    };
  }

  function isExpired(a: FakeArtifact): boolean {
    return a.expired || Date.parse(a.expires_at) <= now().getTime();
  }

  function visibleArtifacts(): FakeArtifact[] {
    return [...artifacts.values()].filter((a) => a.finalized && !a.deleted);
  }

  function artifactJson(a: FakeArtifact): Record<string, unknown> {
    const run = runs.get(a.runId)!;
    const u = `${repoApi}/actions/artifacts/${a.id}`;
    return {
      id: a.id,
      node_id: legacyNodeId('Artifact', a.id),
      name: a.name,
      size_in_bytes: a.size,
      url: u,
      archive_download_url: `${u}/zip`,
      expired: isExpired(a),
      created_at: a.created_at,
      expires_at: a.expires_at,
      updated_at: a.updated_at,
      digest: a.digest,
      workflow_run: { id: run.id, repository_id: repoId, head_repository_id: repoId, head_branch: run.head_branch, head_sha: run.head_sha },
    };
  }

  // ----------------------------------------------------------------------------------------------- Twirp

  type TwirpMethod = 'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'GetSignedArtifactURL' | 'DeleteArtifact';
  interface MessageType {
    typeName: string;
    fromJson(json: never, options?: { ignoreUnknownFields?: boolean }): object;
  }
  // Request/response message types of the client itself (protobuf-ts, lib/generated/results/api/v1/artifact.js).
  const MESSAGES: Record<TwirpMethod, readonly [MessageType, MessageType]> = {
    CreateArtifact: [CreateArtifactRequest, CreateArtifactResponse],
    FinalizeArtifact: [FinalizeArtifactRequest, FinalizeArtifactResponse],
    ListArtifacts: [ListArtifactsRequest, ListArtifactsResponse],
    GetSignedArtifactURL: [GetSignedArtifactURLRequest, GetSignedArtifactURLResponse],
    DeleteArtifact: [DeleteArtifactRequest, DeleteArtifactResponse],
  };

  function twirpSend(ctx: Ctx, status: number, body: unknown): void {
    send(ctx, status, JSON.stringify(body), { 'content-type': 'application/json' });
  }

  function twirpFail(ctx: Ctx, e: TwirpError): void {
    const status = TWIRP_STATUS[e.code] ?? 500;
    violations.push(`twirp ${ctx.url.pathname} → ${status} ${e.code}: ${e.violation ?? e.message}`);
    twirpSend(ctx, status, { code: e.code, msg: e.message });
  }

  async function twirp(ctx: Ctx): Promise<void> {
    try {
      if (ctx.rec.method !== 'POST') throw new TwirpError('bad_route', `unsupported method ${ctx.rec.method} (only POST is allowed)`);
      if (!ctx.url.pathname.startsWith(TWIRP_PREFIX))
        throw new TwirpError('bad_route', `no handler for path ${JSON.stringify(ctx.url.pathname)}`);
      const method = ctx.url.pathname.slice(TWIRP_PREFIX.length);
      if (!Object.hasOwn(MESSAGES, method)) throw new TwirpError('bad_route', `no handler for path ${JSON.stringify(ctx.url.pathname)}`);
      const ct = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (ct !== 'application/json') {
        throw new TwirpError(
          'bad_route',
          `unexpected Content-Type: ${JSON.stringify(ctx.req.headers['content-type'] ?? '')}`,
          ct === 'application/protobuf' ? 'protobuf requests are not implemented by the fake' : undefined,
        );
      }
      const auth = /^Bearer\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
      const run = auth ? runtimeTokens.get(auth[1]!) : undefined;
      if (!run) throw new TwirpError('unauthenticated', auth ? 'invalid runtime token' : 'missing bearer token');
      const scope = backendIdsOfToken(auth![1]!)!;

      let json: unknown;
      try {
        json = JSON.parse(ctx.raw.toString('utf8'));
      } catch {
        throw new TwirpError('malformed', 'the json request could not be decoded');
      }
      const [Req, Res] = MESSAGES[method as TwirpMethod];
      let msg: Record<string, unknown>;
      try {
        msg = Req.fromJson(json as never, { ignoreUnknownFields: true }) as Record<string, unknown>;
      } catch (e) {
        throw new TwirpError('malformed', `the json request could not be decoded: ${(e as Error).message}`);
      }
      try {
        Req.fromJson(json as never, { ignoreUnknownFields: false });
      } catch (e) {
        violations.push(`twirp ${method}: ${(e as Error).message} (Twirp discards unknown fields)`);
      }
      // The run must be the token's. Uploads (Create/Finalize) must name the token's own job; the other calls may
      // name any job of the run: @actions/artifact passes the uploading job's id from ListArtifacts when it
      // downloads or deletes an artifact another job of the same run uploaded.
      const ownJobOnly = method === 'CreateArtifact' || method === 'FinalizeArtifact';
      const jobOk = ownJobOnly ? msg.workflowJobRunBackendId === scope.job : run.jobs.has(String(msg.workflowJobRunBackendId));
      if (msg.workflowRunBackendId !== scope.run || !jobOk) {
        throw new TwirpError(
          'permission_denied',
          'workflow run/job backend ids do not match the token',
          `request ids ${String(msg.workflowRunBackendId)}:${String(msg.workflowJobRunBackendId)} vs token scope ${scope.run}:${scope.job}`,
        );
      }
      const out = await twirpDispatch(method as TwirpMethod, msg, run);
      if (validateResponses) {
        try {
          Res.fromJson(out as never, { ignoreUnknownFields: false });
        } catch (e) {
          violations.push(`fake twirp response ${method} does not parse as ${Res.typeName}: ${(e as Error).message}`);
        }
      }
      twirpSend(ctx, 200, out);
    } catch (e) {
      if (e instanceof TwirpError) return twirpFail(ctx, e);
      throw e;
    }
  }

  function checkName(name: unknown): string {
    if (typeof name !== 'string' || name === '') throw new TwirpError('invalid_argument', 'name is required');
    const bad = INVALID_ARTIFACT_NAME_CHARS.find((c) => name.includes(c));
    if (bad) throw new TwirpError('invalid_argument', `artifact name ${JSON.stringify(name)} contains ${JSON.stringify(bad)}`);
    return name;
  }

  function findInRun(run: RunRecord, name: string): FakeArtifact | undefined {
    return [...artifacts.values()].find((a) => a.runId === run.id && a.name === name && !a.deleted);
  }

  async function twirpDispatch(method: TwirpMethod, msg: Record<string, unknown>, run: RunRecord): Promise<unknown> {
    switch (method) {
      case 'CreateArtifact': {
        const name = checkName(msg.name);
        if (findInRun(run, name)) throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run');
        const created = now();
        const expires = msg.expiresAt ? Timestamp.toDate(msg.expiresAt as Timestamp) : new Date(created.getTime() + 90 * 86400_000);
        const mimeType = (msg.mimeType as { value?: string } | undefined)?.value ?? 'application/zip';
        const id = nextArtifactId++;
        const blobName = `${run.backendIds.run}/workflow-job-run-${String(msg.workflowJobRunBackendId)}/artifacts/${createHash('sha256').update(`${id}:${name}`).digest('hex')}${mimeType === 'application/zip' ? '.zip' : ''}`;
        artifacts.set(id, {
          id,
          name,
          runId: run.id,
          backendIds: { run: run.backendIds.run, job: String(msg.workflowJobRunBackendId) },
          blobName,
          mimeType,
          size: 0,
          digest: null,
          finalized: false,
          deleted: false,
          expired: false,
          created_at: iso(created),
          updated_at: iso(created),
          expires_at: iso(expires),
        });
        return { ok: true, signed_upload_url: sasUrl(blobName, 'cw', 3600_000) };
      }

      case 'FinalizeArtifact': {
        const name = checkName(msg.name);
        const art = findInRun(run, name);
        if (!art || art.backendIds.job !== msg.workflowJobRunBackendId)
          throw new TwirpError('not_found', `artifact ${JSON.stringify(name)} not found`);
        if (art.finalized) throw new TwirpError('failed_precondition', `artifact ${JSON.stringify(name)} is already finalized`);
        const size = Number(msg.size);
        let data: Buffer;
        try {
          data = await containerClient.getBlockBlobClient(art.blobName).downloadToBuffer();
        } catch {
          throw new TwirpError('invalid_argument', 'no blob was uploaded for this artifact');
        }
        if (data.length !== size) throw new TwirpError('invalid_argument', `size ${size} does not match the uploaded ${data.length} bytes`);
        const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
        const hash = (msg.hash as { value?: string } | undefined)?.value;
        if (hash !== undefined && hash !== digest)
          throw new TwirpError('invalid_argument', `hash ${hash} does not match the uploaded ${digest}`);
        art.size = size;
        art.digest = digest;
        art.finalized = true;
        art.updated_at = iso(now());
        return { ok: true, artifact_id: String(art.id) };
      }

      case 'ListArtifacts': {
        const nameFilter = (msg.nameFilter as { value?: string } | undefined)?.value;
        const idFilter = (msg.idFilter as { value?: string } | undefined)?.value;
        const list = visibleArtifacts().filter(
          (a) =>
            a.runId === run.id &&
            !isExpired(a) &&
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || String(a.id) === idFilter),
        );
        return {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: a.backendIds.run,
            workflow_job_run_backend_id: a.backendIds.job,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: new Date(a.created_at).toISOString(),
            ...(a.digest ? { digest: a.digest } : {}),
          })),
        };
      }

      case 'GetSignedArtifactURL': {
        const name = checkName(msg.name);
        const art = findInRun(run, name);
        if (!art || !art.finalized || isExpired(art) || art.backendIds.job !== msg.workflowJobRunBackendId) {
          throw new TwirpError('not_found', `artifact ${JSON.stringify(name)} not found`);
        }
        const filename = art.mimeType === 'application/zip' ? `${art.name}.zip` : art.name;
        return {
          signed_url: sasUrl(art.blobName, 'r', 10 * 60_000, {
            contentDisposition: `attachment; filename=${filename}; filename*=UTF-8''${encodeURIComponent(filename)}`,
          }),
        };
      }

      case 'DeleteArtifact': {
        const name = checkName(msg.name);
        const art = findInRun(run, name);
        if (!art || !art.finalized || art.backendIds.job !== msg.workflowJobRunBackendId) {
          throw new TwirpError('not_found', `artifact ${JSON.stringify(name)} not found`);
        }
        art.deleted = true;
        await containerClient.getBlockBlobClient(art.blobName).deleteIfExists();
        return { ok: true, artifact_id: String(art.id) };
      }
    }
  }

  // -------------------------------------------------------------------------------------- test methods

  const fake: FakeGitHub = {
    url: base,
    owner,
    repo,
    repoId,
    violations,
    requests,
    blobRequests,
    tokens,
    container,

    addComment(issue, c) {
      const t = iso(now());
      const user: TokenInfo = {
        login: c.login,
        id:
          c.id ??
          Object.values(tokens).find((x) => x.login === c.login)?.id ??
          1000 + (createHash('sha1').update(c.login).digest().readUInt32BE(0) % 1_000_000),
        type: c.type ?? (c.login.endsWith('[bot]') ? 'Bot' : 'User'),
      };
      const rec: CommentRecord = { id: nextCommentId++, issue, body: c.body, user, created_at: t, updated_at: t };
      comments.set(rec.id, rec);
      return commentJson(rec);
    },

    minimized,
    graphqlRequests,
    addPullRequest(pr) {
      pulls.set(pr.number, { number: pr.number, head_sha: pr.head_sha, base_ref: pr.base_ref ?? 'main', fork: pr.fork ?? false });
    },
    checkRuns() {
      return [...checkRuns.values()].sort((x, y) => x.id - y.id);
    },

    comments(issue) {
      return [...comments.values()]
        .filter((c) => c.issue === issue)
        .sort((x, y) => x.id - y.id)
        .map(commentJson);
    },

    addWorkflowRun(o) {
      const file = o.workflowFile ?? 'ci.yml';
      let wf = workflows.get(file);
      if (!wf) {
        wf = { id: nextWorkflowId++, file, name: o.workflowName ?? file.replace(/\.ya?ml$/, '').toUpperCase() };
        workflows.set(file, wf);
      }
      const backendIds = { run: randomUUID(), job: randomUUID() };
      const runtimeToken = mintRuntimeToken(backendIds.run, backendIds.job, now());
      const status = o.status ?? 'completed';
      const r: RunRecord = {
        id: nextRunId++,
        workflow_id: wf.id,
        workflowFile: file,
        run_number: [...runs.values()].filter((x) => x.workflow_id === wf.id).length + 1,
        run_attempt: o.run_attempt ?? 1,
        head_branch: o.head_branch,
        head_sha: o.head_sha,
        event: o.event,
        status,
        conclusion: o.conclusion !== undefined ? o.conclusion : status === 'completed' ? 'success' : null,
        created_at: o.created_at ? iso(new Date(o.created_at)) : iso(now()),
        actor: o.actor ?? 'octocat',
        pull_requests: o.pull_requests ?? [],
        backendIds,
        runtimeToken,
        check_suite_id: nextCheckSuiteId++,
        jobs: new Map([[backendIds.job, runtimeToken]]),
      };
      runs.set(r.id, r);
      runtimeTokens.set(runtimeToken, r);
      return publicRun(r);
    },

    addJob(runId) {
      const r = runs.get(runId);
      if (!r) throw new Error(`no workflow run ${runId}`);
      const job = randomUUID();
      const runtimeToken = mintRuntimeToken(r.backendIds.run, job, now());
      r.jobs.set(job, runtimeToken);
      runtimeTokens.set(runtimeToken, r);
      return { job, runtimeToken };
    },

    workflowRuns() {
      return [...runs.values()].map(publicRun);
    },

    async addArtifact(runId, name, files) {
      const run = runs.get(runId);
      if (!run) throw new Error(`no workflow run ${runId}`);
      checkName(name);
      if (findInRun(run, name)) throw new Error(`artifact ${name} already exists in run ${runId}`);
      const zip = createZip(files);
      const id = nextArtifactId++;
      const blobName = `${run.backendIds.run}/workflow-job-run-${run.backendIds.job}/artifacts/${createHash('sha256').update(`${id}:${name}`).digest('hex')}.zip`;
      await containerClient.getBlockBlobClient(blobName).uploadData(zip, { blobHTTPHeaders: { blobContentType: 'application/zip' } });
      const t = now();
      const art: FakeArtifact = {
        id,
        name,
        runId,
        backendIds: { ...run.backendIds },
        blobName,
        mimeType: 'application/zip',
        size: zip.length,
        digest: `sha256:${createHash('sha256').update(zip).digest('hex')}`,
        finalized: true,
        deleted: false,
        expired: false,
        created_at: iso(t),
        updated_at: iso(t),
        expires_at: iso(new Date(t.getTime() + 90 * 86400_000)),
      };
      artifacts.set(id, art);
      return { ...art };
    },

    expireArtifact(id) {
      const a = artifacts.get(id);
      if (!a) throw new Error(`no artifact ${id}`);
      a.expired = true;
      const t = now();
      if (Date.parse(a.expires_at) > t.getTime()) a.expires_at = iso(t);
    },

    artifacts(runId) {
      return [...artifacts.values()].filter((a) => runId === undefined || a.runId === runId).map((a) => ({ ...a }));
    },

    failNext(method, path, status, body, times = 1, headers = {}) {
      // body undefined: GitHub's Basic Error (REST) or Twirp's {code, msg} (under /twirp/) for that status.
      injections.push({ method: method.toUpperCase(), path, status, body, headers, times });
    },

    rateLimit(o = {}) {
      const kind = o.kind ?? 'secondary';
      const status = o.status ?? 403;
      const reset = Math.floor(Date.now() / 1000) + (o.retryAfter ?? 60);
      const headers: Record<string, string> =
        kind === 'primary'
          ? {
              'x-ratelimit-limit': '1000',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-used': '1000',
              'x-ratelimit-reset': String(reset),
              'x-ratelimit-resource': 'core',
            }
          : { 'retry-after': String(o.retryAfter ?? 60) };
      const message =
        kind === 'primary'
          ? 'API rate limit exceeded for installation ID 1.'
          : 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE:0000.';
      const docUrl =
        kind === 'primary'
          ? 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit'
          : 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
      fake.failNext(o.method ?? '*', o.path ?? /^\/(?!twirp\/)/, status, errorBody(status, message, docUrl), o.times ?? 1, {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
      });
    },

    async close() {
      const stop = (srv: http.Server): Promise<void> =>
        new Promise<void>((resolve) => {
          srv.close(() => resolve());
          srv.closeAllConnections();
        });
      await Promise.all([stop(server), ...(gateway ? [stop(gateway)] : [])]);
      await containerClient.deleteIfExists().catch(() => undefined);
    },
  };

  function publicRun(r: RunRecord): FakeWorkflowRun {
    const { check_suite_id: _cs, jobs: _jobs, ...rest } = r;
    return { ...rest, backendIds: { ...r.backendIds }, pull_requests: [...r.pull_requests] };
  }

  return fake;
}
