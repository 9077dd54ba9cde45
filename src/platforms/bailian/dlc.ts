/**
 * PAI-DLC (product `pai-dlc`, API 2020-12-03, ROA style) through Alibaba's generic official client,
 * @alicloud/openapi-client `callApi`, which signs every request ACS3-HMAC-SHA256 (its default).
 *
 * Why not the generated @alicloud/pai-dlc20201203 client: the registry the project's machines
 * reach answers E404 for it; `callApi` with the same Params is exactly what it would send.
 */
import OpenApiPkg, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { DLC_API_VERSION } from './config.js';
import { AlibabaCredentialError, dlcError, withRetry, DEFAULT_RETRY, type AlibabaError, type RetryOptions } from './errors.js';
import type { EvalgateAlibabaCredential } from './credential.js';

/** a CommonJS `exports.default`: Node's ESM loader hands over `module.exports`, vitest and ncc the default export itself */
const OpenApi = ((OpenApiPkg as { default?: unknown }).default ?? OpenApiPkg) as typeof OpenApiPkg.default;
type OpenApiClient = InstanceType<typeof OpenApiPkg.default>;
type RuntimeOptions = Parameters<OpenApiClient['callApi']>[2];
type CredentialArg = NonNullable<ConstructorParameters<typeof Config>[0]>['credential'];

export interface DlcEndpoint {
  region: string;
  /** host[:port] */
  endpoint: string;
  protocol: 'HTTPS' | 'HTTP';
}

/** A job as GetJob (and ListJobs) return it: the fields evalgate reads. */
export interface DlcJob {
  JobId: string;
  DisplayName?: string;
  WorkspaceId?: string;
  Status?: string;
  SubStatus?: string;
  ReasonCode?: string;
  ReasonMessage?: string;
  GmtCreateTime?: string;
  GmtRunningTime?: string;
  GmtFinishTime?: string;
  Pods?: Array<{ PodId?: string; Type?: string; Status?: string }>;
  [field: string]: unknown;
}

type Method = 'GET' | 'POST' | 'DELETE';

export class Dlc {
  private readonly client: OpenApiClient;
  /** every request sent, by action (the polling cost the README reports) */
  readonly counts = new Map<string, number>();
  readonly retry: RetryOptions;

  constructor(
    readonly where: DlcEndpoint,
    credential: EvalgateAlibabaCredential,
    retry: Partial<RetryOptions> = {},
  ) {
    this.retry = { ...DEFAULT_RETRY, ...retry };
    // the credential alone, never accessKeyId too: openapi-client 0.4.15 ignores `credential` when accessKeyId is set
    this.client = new OpenApi(
      new Config({
        credential: credential as unknown as CredentialArg,
        regionId: where.region,
        endpoint: where.endpoint,
        protocol: where.protocol,
        readTimeout: 30_000,
        connectTimeout: 10_000,
        userAgent: 'evalgate',
      }),
    );
  }

  /** one signed request, without retries */
  async once<T = Record<string, unknown>>(
    action: string,
    method: Method,
    pathname: string,
    req: { body?: Record<string, unknown>; query?: Record<string, string> } = {},
  ): Promise<T> {
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
    const params = new Params({
      action,
      version: DLC_API_VERSION,
      protocol: this.where.protocol,
      pathname,
      method,
      authType: 'AK',
      style: 'ROA',
      reqBodyType: 'json',
      bodyType: 'json',
    });
    try {
      const res = await this.client.callApi(params, new OpenApiRequest(req), { autoretry: false } as RuntimeOptions);
      return res.body as T;
    } catch (e) {
      throw e instanceof AlibabaCredentialError ? e : dlcError(action, e);
    }
  }

  /** a request, retried on throttling and transient errors */
  call<T = Record<string, unknown>>(
    action: string,
    method: Method,
    pathname: string,
    req: { body?: Record<string, unknown>; query?: Record<string, string> } = {},
    beforeRetry?: (e: AlibabaError) => Promise<{ value: T } | undefined>,
    signal?: AbortSignal,
  ): Promise<T> {
    return withRetry(
      () => this.once<T>(action, method, pathname, req),
      (e) => dlcError(action, e),
      this.retry,
      beforeRetry,
      signal,
    );
  }

  getJob(id: string, signal?: AbortSignal): Promise<DlcJob> {
    return this.call<DlcJob>('GetJob', 'GET', `/api/v1/jobs/${encodeURIComponent(id)}`, {}, undefined, signal);
  }

  stopJob(id: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.call('StopJob', 'POST', `/api/v1/jobs/${encodeURIComponent(id)}/stop`, {}, undefined, signal);
  }

  /** the last `lines` lines of a pod's log */
  async podLogs(id: string, podId: string, lines: number): Promise<string[]> {
    const res = await this.call<{ Logs?: unknown }>(
      'GetPodLogs',
      'GET',
      `/api/v1/jobs/${encodeURIComponent(id)}/pods/${encodeURIComponent(podId)}/logs`,
      { query: { MaxLines: String(Math.max(1, lines)) } },
    );
    return Array.isArray(res.Logs) ? res.Logs.map(String) : [];
  }

  /**
   * The jobs of the workspace named exactly `name`, newest first. ListJobs' DisplayName filter is a
   * fuzzy, case-insensitive match (`…-f1-1` also finds `…-f1-10`), so equality is checked here,
   * over every page.
   */
  async findByName(workspaceId: string, name: string, pageSize = 50, signal?: AbortSignal): Promise<DlcJob[]> {
    const found: DlcJob[] = [];
    for (let page = 1; page <= 100; page++) {
      const res = await this.call<{ Jobs?: DlcJob[]; TotalCount?: unknown }>(
        'ListJobs',
        'GET',
        '/api/v1/jobs',
        {
          query: { DisplayName: name, WorkspaceId: workspaceId, PageNumber: String(page), PageSize: String(pageSize) },
        },
        undefined,
        signal,
      );
      const jobs = Array.isArray(res.Jobs) ? res.Jobs : [];
      found.push(...jobs.filter((j) => j.DisplayName === name && j.JobId));
      const total = Number(res.TotalCount);
      if (jobs.length === 0 || !Number.isFinite(total) || page * pageSize >= total) break;
    }
    return found;
  }

  /** the total number of requests sent */
  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}
