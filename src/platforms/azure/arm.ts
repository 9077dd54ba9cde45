/**
 * Azure Resource Manager calls for one Azure ML workspace, through Azure's REST client package
 * (@azure-rest/core-client: the core-rest-pipeline with the bearer-token, retry and throttling
 * policies of every Azure SDK) at api-version 2025-09-01.
 *
 * Why not @azure/arm-machinelearning: its last release (2.1.1) is pinned to api-version
 * 2022-10-01 and its serializer drops `uri` and `mode` from uri_file/uri_folder job inputs and
 * outputs (the type lookup is registered under the wrong discriminator names), so a job it
 * creates writes its indicator files to a default path evalgate never reads.
 */
import { getClient, type Client } from '@azure-rest/core-client';
import type { TokenCredential } from '@azure/identity';
import { AZURE_API_VERSION } from './config.js';
import { armScope } from './credential.js';

export interface Workspace {
  armEndpoint: string;
  subscription: string;
  resourceGroup: string;
  workspace: string;
}

/** An error answer of ARM, in its own words: `{"error":{"code","message"}}`. */
export class ArmError extends Error {
  override name = 'ArmError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly operation: string,
  ) {
    super(`${operation}: ${status} ${code}: ${message}`);
  }
  /** worth asking again later (throttled, a server error, a gateway timeout) */
  get transient(): boolean {
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface ArmResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export const workspaceId = (w: Workspace): string =>
  `/subscriptions/${w.subscription}/resourceGroups/${w.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${w.workspace}`;

export class Arm {
  private readonly client: Client;
  readonly base: string;
  /** every request this client sent, by operation (the polling cost the README reports) */
  readonly counts = new Map<string, number>();

  constructor(
    readonly ws: Workspace,
    credential: TokenCredential,
    opts: { maxRetries?: number } = {},
  ) {
    this.base = workspaceId(ws);
    this.client = getClient(ws.armEndpoint, credential, {
      apiVersion: AZURE_API_VERSION,
      credentials: { scopes: [armScope(ws.armEndpoint)] },
      // 429 and 503 wait for Retry-After; other 5xx and resets back off exponentially with jitter
      retryOptions: { maxRetries: opts.maxRetries ?? 6, retryDelayInMs: 1000, maxRetryDelayInMs: 30_000 },
      userAgentOptions: { userAgentPrefix: 'evalgate' },
    });
  }

  /** the ARM id of a workspace resource: `<workspace id>/<kind>/<name>[/versions/<version>]` */
  id(kind: 'jobs' | 'environments' | 'codes' | 'computes' | 'datastores', name: string, version?: string): string {
    return `${this.base}/${kind}/${name}${version === undefined ? '' : `/versions/${version}`}`;
  }

  async send(
    operation: string,
    method: 'GET' | 'PUT' | 'POST',
    pathOrUrl: string,
    body?: unknown,
    accept: number[] = [200],
    /** the run's cancel: ends the request and the pipeline's retry waits (Retry-After included) at once */
    signal?: AbortSignal,
  ): Promise<ArmResponse> {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
    const target = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.base}${pathOrUrl}`;
    const req = this.client.pathUnchecked(target);
    const options = {
      ...(body === undefined ? {} : { body, contentType: 'application/json' }),
      ...(signal ? { abortSignal: signal } : {}),
    };
    const res = method === 'GET' ? await req.get(options) : method === 'PUT' ? await req.put(options) : await req.post(options);
    const status = Number(res.status);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers ?? {})) headers[k.toLowerCase()] = String(v);
    if (!accept.includes(status)) {
      const err = (res.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      const code = typeof err?.code === 'string' ? err.code : `HTTP${status}`;
      const message =
        typeof err?.message === 'string'
          ? err.message
          : typeof res.body === 'string' && res.body
            ? res.body.slice(0, 300)
            : 'no error message';
      throw new ArmError(status, code, message, operation);
    }
    return { status, headers, body: res.body };
  }

  /** the total number of requests sent */
  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}
