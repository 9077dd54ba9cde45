export const id = 247;
export const ids = [247];
export const modules = {

/***/ 24550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ anySignal),
/* harmony export */   Mu: () => (/* binding */ raceAbort),
/* harmony export */   bp: () => (/* binding */ sleepUnlessAborted),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled)
/* harmony export */ });
/* unused harmony exports abortError, isAbort, CANCEL_BUDGET_MS */
/**
 * The run's cancel (Ctrl-C, SIGTERM, a cancelled workflow) as it reaches a platform call: every
 * retry's backoff (a Retry-After of minutes included) and every request still out ends at once
 * when the signal fires, so that the runner can cancel the jobs within SPEC §8's 10 s.
 */
/** what an aborted call throws: the signal's reason when it is an Error, else an AbortError */
function abortError(signal) {
    if (signal.reason instanceof Error)
        return signal.reason;
    const e = new Error('the run was cancelled');
    e.name = 'AbortError';
    return e;
}
/** true for what an aborted call throws (ours, fetch's, an Azure SDK's) */
function isAbort(e, signal) {
    if (signal?.aborted && (e === signal.reason || e?.name === 'AbortError'))
        return true;
    return e?.name === 'AbortError';
}
/** waits `ms`; resolves at once when the signal fires (the caller checks it) */
function sleepUnlessAborted(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const t = setTimeout(done, ms);
        function done() {
            clearTimeout(t);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
/**
 * `p`, or the abort error as soon as the signal fires: for a client that takes no signal (the
 * Alibaba and TOS SDKs). The request itself may still finish in the background; its answer is
 * dropped.
 */
function raceAbort(p, signal) {
    if (!signal)
        return p;
    if (signal.aborted) {
        p.catch(() => { });
        return Promise.reject(abortError(signal));
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => {
            p.catch(() => { });
            reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        p.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
        });
    });
}
/** throws the abort error when the signal has fired (before a request that should not start) */
function throwIfCancelled(signal) {
    if (signal?.aborted)
        throw abortError(signal);
}
/** both signals as one (either fires it); undefined when neither is given */
function anySignal(...signals) {
    const given = signals.filter((s) => s !== undefined);
    if (given.length <= 1)
        return given[0];
    return AbortSignal.any(given);
}
/** how long cancel() of one job may take after the run's abort (its own budget, never the run's signal) */
const CANCEL_BUDGET_MS = 6_000;


/***/ }),

/***/ 31247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cancelSavedBailian: () => (/* binding */ cancelSavedBailian)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/stores/fs.ts + 3 modules
var stores_fs = __webpack_require__(83636);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./src/platforms/staging.ts
var staging = __webpack_require__(71177);
;// CONCATENATED MODULE: ./src/platforms/bailian/config.ts
/**
 * The `bailian` section of the config (platform `bailian`, alias `bairui`): the PAI-DLC workspace
 * the jobs run in, what they run on, the OSS bucket they read and write, and how to reach both.
 *
 * Bailian (Model Studio) itself runs no custom jobs: an evaluation in a custom container on
 * Alibaba Cloud is a PAI-DLC job (Deep Learning Containers) reading and writing OSS.
 */



/** The PAI-DLC API version evalgate speaks (product `pai-dlc`, ROA style). */
const config_DLC_API_VERSION = '2020-12-03';
/** JobType values CreateJob takes (case-sensitive; pai-dlc-20201203 CreateJobRequest.ts). */
const DLC_JOB_TYPES = [
    'TFJob',
    'PyTorchJob',
    'MPIJob',
    'XGBoostJob',
    'OneFlowJob',
    'ElasticBatchJob',
    'SlurmJob',
    'RayJob',
];
/** the audience aliyun/configure-aliyun-credentials-action asks GitHub for, and RAM's OIDC providers expect by default */
const DEFAULT_OIDC_AUDIENCE = 'sts.aliyuncs.com';
/** the public STS endpoint (what @alicloud/credentials uses without a region) */
const DEFAULT_STS_ENDPOINT = 'sts.aliyuncs.com';
const config_name = (what) => schemas/* string */.YjP({ error: what }).min(1, { error: what });
const host = (what) => schemas/* string */.YjP({ error: what })
    .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/, { error: `${what} (a host name and optional port, without https://)` });
const positive = (what) => schemas/* number */.aig({ error: what }).positive({ error: what });
const dataSource = schemas/* union */.KCZ([
    config_name('a registered data source id'),
    schemas/* strictObject */.rej({
        id: config_name('a registered data source id (DataSourceId)'),
        mount_path: schemas/* string */.YjP({ error: 'an absolute path in the container' })
            .regex(/^\/[^\0]*[^/]$/, { error: 'an absolute path in the container' })
            .optional(),
    }, { error: 'a mapping of id and mount_path' }),
], { error: 'a data source id, or a mapping of id and mount_path' });
const schema = schemas/* strictObject */.rej({
    region: schemas/* string */.YjP({ error: 'a region id such as cn-hangzhou' })
        .regex(/^[a-z]{2,}-[a-z0-9-]+$/, { error: 'a region id such as cn-hangzhou' })
        .optional(),
    workspace_id: schemas/* union */.KCZ([config_name('a PAI workspace id'), schemas/* number */.aig().int().positive()], { error: 'a PAI workspace id' }),
    image: config_name('a container image (e.g. registry-vpc.cn-hangzhou.aliyuncs.com/<namespace>/<repo>:<tag>)'),
    job_type: schemas/* enum */.k5n(DLC_JOB_TYPES, { error: `one of ${DLC_JOB_TYPES.join(', ')}` }).optional(),
    ecs_spec: config_name('an ECS instance type (e.g. ecs.g6.xlarge)').optional(),
    resource_id: config_name('a resource quota id').optional(),
    cpu: positive('a number of CPU cores').optional(),
    memory_gb: positive('a memory size in GiB').optional(),
    gpus: schemas/* number */.aig({ error: 'a whole number ≥ 0' }).int({ error: 'a whole number ≥ 0' }).min(0, { error: 'a whole number ≥ 0' }).optional(),
    gpu_type: config_name('a GPU type').optional(),
    shared_memory_gb: positive('a shared memory size in GiB').optional(),
    oss_bucket: schemas/* string */.YjP({ error: 'an OSS bucket name' })
        .regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, { error: 'an OSS bucket name (3 to 63 lower-case letters, digits and -)' }),
    oss_prefix: schemas/* string */.YjP({ error: 'a path prefix in the bucket' })
        .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
        .optional(),
    oss_endpoint: schemas/* string */.YjP({ error: 'an OSS endpoint' })
        .regex(/^(https?:\/\/)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?\/?$/, {
        error: 'an OSS endpoint (oss-<region>.aliyuncs.com, or an http(s):// URL)',
    })
        .optional(),
    endpoint: host('the PAI-DLC endpoint').optional(),
    protocol: schemas/* enum */.k5n(['HTTPS', 'HTTP', 'https', 'http'], { error: 'HTTPS or HTTP' }).optional(),
    sts_endpoint: host('the STS endpoint').optional(),
    oidc_role_arn: schemas/* string */.YjP({ error: 'a RAM role ARN' })
        .regex(/^acs:ram::\d+:role\/.+$/, { error: 'a RAM role ARN (acs:ram::<account id>:role/<name>)' })
        .optional(),
    oidc_provider_arn: schemas/* string */.YjP({ error: 'a RAM OIDC provider ARN' })
        .regex(/^acs:ram::\d+:oidc-provider\/.+$/, { error: 'a RAM OIDC provider ARN (acs:ram::<account id>:oidc-provider/<name>)' })
        .optional(),
    oidc_audience: config_name('the OIDC audience').optional(),
    data_sources: schemas/* array */.YOg(dataSource, { error: 'a list of data source ids' }).optional(),
    code: schemas/* union */.KCZ([config_name('a path'), schemas/* array */.YOg(config_name('a path')).min(1)], { error: 'a path or a list of paths' }).optional(),
    poll_interval_seconds: positive('a number of seconds').max(300, { error: 'at most 300 seconds' }).optional(),
    staging: staging/* stagingSchema */.Nk.optional(),
}, { error: 'a mapping' });
function parseBailianConfig(section, file, env) {
    const parsed = schema.safeParse(section ?? {});
    if (!parsed.success) {
        return {
            config: null,
            problems: sectionProblems(parsed.error.issues, section, file, 'bailian', Object.keys(schema.shape)),
        };
    }
    const c = parsed.data;
    const problems = [];
    const problem = (key, expected, found) => {
        problems.push({ file, path: `bailian.${key}`, expected, found: found === undefined ? 'nothing' : JSON.stringify(found) });
    };
    if (Boolean(c.oidc_role_arn) !== Boolean(c.oidc_provider_arn)) {
        if (c.oidc_role_arn)
            problem('oidc_provider_arn', 'the RAM OIDC provider of GitHub (needed with bailian.oidc_role_arn)', c.oidc_provider_arn);
        else
            problem('oidc_role_arn', 'the RAM role to assume (needed with bailian.oidc_provider_arn)', c.oidc_role_arn);
    }
    const sizing = ['cpu', 'memory_gb', 'gpus', 'gpu_type', 'shared_memory_gb'].filter((k) => c[k] !== undefined);
    if (sizing.length && !c.resource_id)
        problem(sizing[0], 'nothing without bailian.resource_id: public resources are sized by bailian.ecs_spec (cpu, memory_gb, gpus, gpu_type and shared_memory_gb size the pods of a quota)', c[sizing[0]]);
    if (sizing.length && c.resource_id && c.ecs_spec)
        problem('ecs_spec', `either bailian.ecs_spec or bailian.${sizing.join('/')} (the ResourceConfig of a quota), not both`, c.ecs_spec);
    if (problems.length)
        return { config: null, problems };
    const region = c.region ?? env.ALIBABA_CLOUD_REGION ?? 'cn-hangzhou';
    const ossEndpoint = (c.oss_endpoint ?? `oss-${region}.aliyuncs.com`).replace(/\/+$/, '');
    const config = {
        region,
        workspaceId: String(c.workspace_id),
        image: c.image,
        jobType: c.job_type ?? 'PyTorchJob',
        ossBucket: c.oss_bucket,
        ossPrefix: c.oss_prefix ?? 'evalgate',
        ossEndpoint: /^https?:\/\//.test(ossEndpoint) ? ossEndpoint : `https://${ossEndpoint}`,
        ossMountEndpoint: `oss-${region}-internal.aliyuncs.com`,
        endpoint: c.endpoint ?? `pai-dlc.${region}.aliyuncs.com`,
        protocol: (c.protocol ?? 'HTTPS').toUpperCase(),
        oidcAudience: c.oidc_audience ?? DEFAULT_OIDC_AUDIENCE,
        dataSources: (c.data_sources ?? []).map((d) => (typeof d === 'string' ? { id: d } : { id: d.id, mountPath: d.mount_path })),
        code: c.code === undefined ? [] : Array.isArray(c.code) ? c.code : [c.code],
        pollIntervalMs: Math.round((c.poll_interval_seconds ?? 10) * 1000),
        ...(c.staging ? { staging: c.staging } : {}),
    };
    if (c.resource_id) {
        config.resourceId = c.resource_id;
        if (c.ecs_spec)
            config.ecsSpec = c.ecs_spec;
        else
            config.resourceConfig = {
                cpu: c.cpu ?? 4,
                memoryGb: c.memory_gb ?? 16,
                gpus: c.gpus ?? 0,
                ...(c.gpu_type ? { gpuType: c.gpu_type } : {}),
                ...(c.shared_memory_gb ? { sharedMemoryGb: c.shared_memory_gb } : {}),
            };
    }
    else
        config.ecsSpec = c.ecs_spec ?? 'ecs.g6.xlarge';
    if (c.sts_endpoint)
        config.stsEndpoint = c.sts_endpoint;
    if (c.oidc_role_arn)
        config.oidcRoleArn = c.oidc_role_arn;
    if (c.oidc_provider_arn)
        config.oidcProviderArn = c.oidc_provider_arn;
    return { config, problems: [] };
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./node_modules/@alicloud/credentials/dist/src/client.js
var client = __webpack_require__(80477);
var client_default = /*#__PURE__*/__webpack_require__.n(client);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/platforms/credentials.ts
/** The environment variables that hold platform credentials: masked by the action, never passed to jobs. */
const CREDENTIAL_ENV = (/* unused pure expression or super */ null && ([
    // Azure (@azure/identity)
    'AZURE_CLIENT_SECRET',
    'AZURE_CLIENT_CERTIFICATE_PASSWORD',
    'AZURE_PASSWORD',
    'AZURE_STORAGE_KEY',
    'AZURE_STORAGE_CONNECTION_STRING',
    'AZURE_STORAGE_SAS_TOKEN',
    // Alibaba Cloud (@alicloud/credentials)
    'ALIBABA_CLOUD_ACCESS_KEY_ID',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'ALIBABA_CLOUD_SECURITY_TOKEN',
    // Volcano Engine
    'VOLCENGINE_ACCESS_KEY',
    'VOLCENGINE_SECRET_KEY',
    'VOLCENGINE_SESSION_TOKEN',
    'VOLC_ACCESSKEY',
    'VOLC_SECRETKEY',
    // DGX over SSH
    'EVALGATE_SSH_KEY',
    'EVALGATE_SSH_PASSPHRASE',
]));
/**
 * Masks a secret a platform learned at run time (a datastore key, an STS token) in the workflow
 * log. Only inside Actions: elsewhere the mask command would print the secret itself.
 */
function maskRuntimeSecret(value, env) {
    if (!value || env.GITHUB_ACTIONS !== 'true')
        return;
    // what @actions/core's setSecret writes, without loading @actions/core (and its HTTP client)
    // into every CLI command: a platform module must not cost the CLI's start-up
    const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::add-mask::${escaped}\n`);
}

// EXTERNAL MODULE: ./src/platforms/abort.ts
var abort = __webpack_require__(24550);
;// CONCATENATED MODULE: ./src/platforms/bailian/errors.ts
/**
 * Alibaba Cloud errors in Alibaba's own words (Code and Message, the action or operation and the
 * request id), and the retry policy of every PAI-DLC and OSS call: transient errors (Throttling*,
 * 5xx, connection resets and timeouts) are retried with exponential backoff and full jitter;
 * anything else (InvalidAccessKeyId*, SignatureDoesNotMatch, Forbidden*, InvalidParameter, …) is
 * thrown at once.
 *
 * @alicloud/openapi-client 0.4.15 does not expose `x-acs-retry-after` on its errors, so the
 * backoff is ours alone (PAI-DLC's QPS limits are not published).
 */

/** Node and client error codes of a request that may succeed when sent again */
const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);
const NETWORK_NAMES = new Set(['RequestTimeoutError', 'ResponseTimeoutError', 'ConnectionTimeoutError', 'RequestTimeout']);
/** No credential, or one that was refused: the message names what was looked for or tried. Never retried, never rewrapped. */
class AlibabaCredentialError extends Error {
    name = 'AlibabaCredentialError';
}
/** An error answer (or a failed request) of PAI-DLC or OSS. */
class errors_AlibabaError extends Error {
    service;
    action;
    code;
    status;
    detail;
    requestId;
    transient;
    name = 'AlibabaError';
    constructor(
    /** `PAI-DLC` or `OSS` */
    service, 
    /** the API action (CreateJob, GetJob, …) or OSS operation (PutObject, ListObjectsV2, …) */
    action, 
    /** Alibaba's error Code (or a network error code) */
    code, 
    /** the HTTP status, when there was an answer */
    status, 
    /** Alibaba's Message */
    detail, requestId, transient = false) {
        super(`${service} ${action}: ${status ? `${status} ` : ''}${code}: ${detail}${requestId ? ` (request id ${requestId})` : ''}`.replace(/\s+/g, ' '));
        this.service = service;
        this.action = action;
        this.code = code;
        this.status = status;
        this.detail = detail;
        this.requestId = requestId;
        this.transient = transient;
    }
}
const errors_isThrottling = (code) => /^Throttling/i.test(code);
/** transient: throttled, a server error, a reset or a timeout */
function transientCode(code, status) {
    if (errors_isThrottling(code) || code === 'ServiceUnavailable' || code === 'InternalError')
        return true;
    if (status !== undefined && (status === 429 || status >= 500))
        return true;
    return NETWORK_CODES.has(code) || NETWORK_NAMES.has(code);
}
const oneLine = (s, max = 400) => {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max)}…` : t;
};
/**
 * An error of @alicloud/openapi-client (tea ResponseError: `code`, `data: {Code, Message,
 * RequestId, statusCode}`) or of the request itself (httpx: `code` ECONNRESET…, name
 * RequestTimeoutError), as an AlibabaError.
 */
function errors_dlcError(action, e) {
    if (e instanceof errors_AlibabaError)
        return e;
    const err = (e ?? {});
    const data = err.data ?? {};
    const status = Number(data.statusCode ?? err.statusCode) || undefined;
    if (status) {
        const code = String(data.Code ?? data.code ?? err.code ?? `HTTP${status}`);
        const message = String(data.Message ?? data.message ?? err.message ?? '');
        const requestId = data.RequestId ?? data.requestId;
        return new errors_AlibabaError('PAI-DLC', action, code, status, oneLine(message) || 'no error message', requestId ? String(requestId) : undefined, transientCode(code, status));
    }
    const name = typeof err.name === 'string' ? err.name : '';
    const code = typeof err.code === 'string' && err.code ? err.code : name || 'Error';
    const message = oneLine(String(err.message ?? e));
    // a body that is not JSON (a proxy's HTML error page) fails the client's JSON parse
    const transient = transientCode(code, undefined) || NETWORK_NAMES.has(name) || name === 'SyntaxError';
    return new errors_AlibabaError('PAI-DLC', action, code, undefined, message || 'request failed', undefined, transient);
}
/** An ali-oss error (`name` …Error, `code`, `status` (-1 network, -2 timeout), `requestId`) as an AlibabaError. */
function errors_ossError(operation, e, what) {
    if (e instanceof errors_AlibabaError)
        return e;
    const err = (e ?? {});
    const raw = Number(err.status);
    const status = raw > 0 ? raw : undefined;
    const name = typeof err.name === 'string' ? err.name : '';
    const code = typeof err.code === 'string' && err.code ? err.code : name || 'Error';
    const network = raw === -1 || raw === -2 || NETWORK_NAMES.has(name) || NETWORK_CODES.has(code);
    const message = oneLine(String(err.message ?? e)).replace(/, please increase the timeout.*$/, '');
    return new errors_AlibabaError('OSS', what ? `${operation} ${what}` : operation, code, status, message || 'request failed', typeof err.requestId === 'string' && err.requestId ? err.requestId : undefined, network || transientCode(code, status));
}
const errors_DEFAULT_RETRY = { maxRetries: 6, baseMs: 1000, maxMs: 30_000 };
/** full jitter: a random wait up to min(cap, base·2^attempt), never under a tenth of it */
function backoffMs(attempt, o) {
    const ceiling = Math.min(o.maxMs, o.baseMs * 2 ** attempt);
    return Math.round(ceiling * (0.1 + 0.9 * Math.random()));
}
/**
 * Runs `fn` until it succeeds, a permanent error or the retries are spent. `convert` turns what
 * was thrown into an AlibabaError (a credential error is thrown as it is); `beforeRetry` may end the loop with a value (CreateJob: the job
 * a lost answer created after all). `signal` (the run's cancel) ends a backoff at once and drops
 * the request in flight (the Alibaba clients take no signal): the call throws its AbortError.
 */
async function errors_withRetry(fn, convert, o, beforeRetry, signal, 
/** false for a call that stops on the signal itself (a multipart upload: its parts and checkpoint stay consistent) */
race = true) {
    for (let attempt = 0;; attempt++) {
        (0,abort/* throwIfCancelled */.dZ)(signal);
        try {
            return await (race ? (0,abort/* raceAbort */.Mu)(fn(), signal) : fn());
        }
        catch (e) {
            (0,abort/* throwIfCancelled */.dZ)(signal);
            if (e instanceof AlibabaCredentialError)
                throw e;
            const err = convert(e);
            if (!err.transient || attempt >= o.maxRetries)
                throw err;
            await (0,abort/* sleepUnlessAborted */.bp)(backoffMs(attempt, o), signal);
            (0,abort/* throwIfCancelled */.dZ)(signal);
            const done = await beforeRetry?.(err);
            if (done)
                return done.value;
        }
    }
}

;// CONCATENATED MODULE: ./src/platforms/bailian/credential.ts
/**
 * Alibaba Cloud credentials in the order a GitHub user expects, each used only when its
 * configuration is present (through @alicloud/credentials, which signs nothing itself: it hands the
 * keys to @alicloud/openapi-client and ali-oss):
 *
 * 1. an AccessKey from the environment: ALIBABA_CLOUD_ACCESS_KEY_ID and
 *    ALIBABA_CLOUD_ACCESS_KEY_SECRET, with ALIBABA_CLOUD_SECURITY_TOKEN when they are STS keys
 *    (what aliyun/configure-aliyun-credentials-action exports);
 * 2. GitHub OIDC without long-lived keys: with bailian.oidc_role_arn and bailian.oidc_provider_arn,
 *    the workflow's ID token (`core.getIDToken(<bailian.oidc_audience>)`, which needs
 *    `permissions: id-token: write`) is written to a private temp file and exchanged at STS
 *    (AssumeRoleWithOIDC) for temporary keys, session `evalgate-<run id>`; a new ID token is
 *    fetched when the one in the file is about to expire;
 * 3. an OIDC token file someone else maintains (ALIBABA_CLOUD_ROLE_ARN,
 *    ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE: ACK's RRSA, a self-hosted runner).
 *
 * The temporary secret, the STS token and the OIDC token are masked in the workflow log.
 */









/** a CommonJS `exports.default`: Node's ESM loader hands over `module.exports`, vitest and ncc the default export itself */
const Credential = ((client_default())["default"] ?? (client_default()));
const LOOKED_FOR = 'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS keys), ' +
    'or bailian.oidc_role_arn and bailian.oidc_provider_arn with `permissions: id-token: write` in the workflow (GitHub OIDC), ' +
    'or ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE';
function stsEndpointOf(s, env) {
    if (s.stsEndpoint)
        return s.stsEndpoint;
    const region = env.ALIBABA_CLOUD_STS_REGION;
    if (!region)
        return DEFAULT_STS_ENDPOINT;
    return env.ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED?.toLowerCase() === 'true' ? `sts-vpc.${region}.aliyuncs.com` : `sts.${region}.aliyuncs.com`;
}
/**
 * The first credential source whose configuration is present, in the order above; an error that
 * names what was looked for when none is (or when one is half there).
 */
function alibabaSource(env, s = {}) {
    const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID?.trim();
    const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET?.trim();
    const token = env.ALIBABA_CLOUD_SECURITY_TOKEN?.trim();
    if (id && secret) {
        return token
            ? {
                kind: 'sts',
                label: 'STS keys from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_SECURITY_TOKEN)',
                keys: { accessKeyId: id, accessKeySecret: secret, securityToken: token },
            }
            : {
                kind: 'access_key',
                label: 'the AccessKey from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID)',
                keys: { accessKeyId: id, accessKeySecret: secret },
            };
    }
    if (id || secret)
        throw new AlibabaCredentialError(`no Alibaba Cloud credential: ${id ? 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not' : 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not'}`);
    const stsEndpoint = stsEndpointOf(s, env);
    if (s.oidcRoleArn && s.oidcProviderArn) {
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
            throw new AlibabaCredentialError(`no Alibaba Cloud credential: bailian.oidc_role_arn needs the workflow's OIDC token, and ACTIONS_ID_TOKEN_REQUEST_URL is not set ` +
                '(give the job `permissions: id-token: write`; outside GitHub Actions, set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET)');
        return {
            kind: 'github_oidc',
            label: `GitHub OIDC (role ${s.oidcRoleArn})`,
            roleArn: s.oidcRoleArn,
            providerArn: s.oidcProviderArn,
            audience: s.oidcAudience ?? DEFAULT_OIDC_AUDIENCE,
            stsEndpoint,
        };
    }
    const roleArn = env.ALIBABA_CLOUD_ROLE_ARN?.trim();
    const providerArn = env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN?.trim();
    const tokenFile = env.ALIBABA_CLOUD_OIDC_TOKEN_FILE?.trim();
    if (roleArn && providerArn && tokenFile)
        return {
            kind: 'oidc_file',
            label: `the OIDC token file ALIBABA_CLOUD_OIDC_TOKEN_FILE (role ${roleArn})`,
            roleArn,
            providerArn,
            tokenFile,
            stsEndpoint,
        };
    throw new AlibabaCredentialError(`no Alibaba Cloud credential: ${LOOKED_FOR}`);
}
/** the `exp` (ms) of a JWT, when it has one */
function jwtExpiry(token) {
    try {
        const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}
/** An STS refusal (`get sts token failed with OIDC: {"Code":…,"Message":…}`) in its own words. */
function stsMessage(e) {
    const text = String(e?.message ?? e);
    const json = /\{.*\}/s.exec(text)?.[0];
    if (json) {
        try {
            const body = JSON.parse(json);
            if (body.Code)
                return `STS AssumeRoleWithOIDC: ${String(body.Code)}: ${String(body.Message ?? '')}${body.RequestId ? ` (request id ${String(body.RequestId)})` : ''}`;
        }
        catch {
            // not JSON after all
        }
    }
    return text.split(/\r?\n/)[0].slice(0, 400);
}
/** a RoleSessionName STS takes (2 to 64 of letters, digits, `.@-_`) */
function roleSessionName(env) {
    const run = (env.GITHUB_RUN_ID || env.EVALGATE_RUN_ID || String(Date.now())).replace(/[^\w.@-]+/g, '-');
    const attempt = env.GITHUB_RUN_ATTEMPT ? `-${env.GITHUB_RUN_ATTEMPT.replace(/[^\w.@-]+/g, '-')}` : '';
    return `evalgate-${run}${attempt}`.slice(0, 64);
}
/**
 * The credential evalgate hands to @alicloud/openapi-client (as `Config.credential`) and reads keys
 * from for ali-oss: the source is chosen on first use (so a dry run needs none), the keys are
 * cached and refreshed by @alicloud/credentials, and every secret learned at run time is masked.
 */
class credential_EvalgateAlibabaCredential {
    env;
    settings;
    source;
    inner;
    tokenDir;
    tokenExpiry;
    tokenFetchedAt = 0;
    masked = new Set();
    constructor(env, settings = {}) {
        this.env = env;
        this.settings = settings;
    }
    /** which source gave the keys ('' before the first use) */
    get label() {
        return this.source?.label ?? '';
    }
    mask(v) {
        if (!v || this.masked.has(v))
            return;
        this.masked.add(v);
        maskRuntimeSecret(v, this.env);
    }
    /** asks GitHub for an ID token and writes it where @alicloud/credentials reads it (a 0600 file in a 0700 temp dir) */
    async writeIdToken(audience) {
        let token;
        try {
            token = await core/* getIDToken */.V9(audience);
        }
        catch (e) {
            throw new AlibabaCredentialError(`GitHub OIDC: could not get the workflow's ID token for audience ${audience} (the job needs \`permissions: id-token: write\`): ${e.message}`);
        }
        this.mask(token);
        this.tokenDir ??= (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'evalgate-oidc-'));
        (0,external_node_fs_.chmodSync)(this.tokenDir, 0o700);
        const file = external_node_path_default().join(this.tokenDir, 'token');
        (0,external_node_fs_.writeFileSync)(file, token, { mode: 0o600 });
        this.tokenExpiry = jwtExpiry(token);
        this.tokenFetchedAt = Date.now();
        return file;
    }
    async make() {
        this.source ??= alibabaSource(this.env, this.settings);
        const s = this.source;
        switch (s.kind) {
            case 'access_key':
                return new Credential(new client.Config({ type: 'access_key', accessKeyId: s.keys.accessKeyId, accessKeySecret: s.keys.accessKeySecret }));
            case 'sts':
                return new Credential(new client.Config({
                    type: 'sts',
                    accessKeyId: s.keys.accessKeyId,
                    accessKeySecret: s.keys.accessKeySecret,
                    securityToken: s.keys.securityToken,
                }));
            case 'github_oidc':
            case 'oidc_file': {
                const file = s.kind === 'github_oidc' ? await this.writeIdToken(s.audience) : s.tokenFile;
                return new Credential(new client.Config({
                    type: 'oidc_role_arn',
                    roleArn: s.roleArn,
                    oidcProviderArn: s.providerArn,
                    oidcTokenFilePath: file,
                    roleSessionName: roleSessionName(this.env),
                    stsEndpoint: s.stsEndpoint,
                    durationSeconds: 3600,
                }));
            }
        }
    }
    /** the current keys (STS ones are refreshed by @alicloud/credentials before they expire) */
    async getCredential() {
        if (!this.inner) {
            this.inner = this.make();
            // a failure is not remembered: the next call tries again (a transient STS or token-service error)
            this.inner.catch(() => (this.inner = undefined));
        }
        const inner = await this.inner;
        const s = this.source;
        // @alicloud/credentials re-reads the token file when it renews the STS session: keep a valid ID token there
        if (s.kind === 'github_oidc' &&
            this.tokenExpiry !== undefined &&
            this.tokenExpiry - Date.now() < 120_000 &&
            Date.now() - this.tokenFetchedAt > 60_000)
            await this.writeIdToken(s.audience);
        let model;
        try {
            model = await inner.getCredential();
        }
        catch (e) {
            throw new AlibabaCredentialError(`Alibaba Cloud sign-in with ${s.label} failed: ${stsMessage(e)}`);
        }
        if (!model.accessKeyId || !model.accessKeySecret)
            throw new AlibabaCredentialError(`Alibaba Cloud sign-in with ${s.label} gave no AccessKey`);
        if (model.securityToken) {
            this.mask(model.accessKeySecret);
            this.mask(model.securityToken);
        }
        return {
            accessKeyId: model.accessKeyId,
            accessKeySecret: model.accessKeySecret,
            securityToken: model.securityToken || undefined,
            type: model.type ?? (model.securityToken ? 'sts' : 'access_key'),
            providerName: model.providerName,
        };
    }
    async keys() {
        const m = await this.getCredential();
        return {
            accessKeyId: m.accessKeyId,
            accessKeySecret: m.accessKeySecret,
            ...(m.securityToken ? { securityToken: m.securityToken } : {}),
        };
    }
    /** removes the ID token file */
    close() {
        if (this.tokenDir)
            (0,external_node_fs_.rmSync)(this.tokenDir, { recursive: true, force: true });
        this.tokenDir = undefined;
    }
}
function alibabaCredential(env, s = {}) {
    return new credential_EvalgateAlibabaCredential(env, s);
}

// EXTERNAL MODULE: ./node_modules/@alicloud/openapi-client/dist/client.js
var dist_client = __webpack_require__(46500);
var dist_client_default = /*#__PURE__*/__webpack_require__.n(dist_client);
;// CONCATENATED MODULE: ./src/platforms/bailian/dlc.ts
/**
 * PAI-DLC (product `pai-dlc`, API 2020-12-03, ROA style) through Alibaba's generic official client,
 * @alicloud/openapi-client `callApi`, which signs every request ACS3-HMAC-SHA256 (its default).
 *
 * Why not the generated @alicloud/pai-dlc20201203 client: the registry the project's machines
 * reach answers E404 for it; `callApi` with the same Params is exactly what it would send.
 */



/** a CommonJS `exports.default`: Node's ESM loader hands over `module.exports`, vitest and ncc the default export itself */
const OpenApi = ((dist_client_default())["default"] ?? (dist_client_default()));
class dlc_Dlc {
    where;
    client;
    /** every request sent, by action (the polling cost the README reports) */
    counts = new Map();
    retry;
    constructor(where, credential, retry = {}) {
        this.where = where;
        this.retry = { ...errors_DEFAULT_RETRY, ...retry };
        // the credential alone, never accessKeyId too: openapi-client 0.4.15 ignores `credential` when accessKeyId is set
        this.client = new OpenApi(new dist_client.Config({
            credential: credential,
            regionId: where.region,
            endpoint: where.endpoint,
            protocol: where.protocol,
            readTimeout: 30_000,
            connectTimeout: 10_000,
            userAgent: 'evalgate',
        }));
    }
    /** one signed request, without retries */
    async once(action, method, pathname, req = {}) {
        this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
        const params = new dist_client.Params({
            action,
            version: config_DLC_API_VERSION,
            protocol: this.where.protocol,
            pathname,
            method,
            authType: 'AK',
            style: 'ROA',
            reqBodyType: 'json',
            bodyType: 'json',
        });
        try {
            const res = await this.client.callApi(params, new dist_client.OpenApiRequest(req), { autoretry: false });
            return res.body;
        }
        catch (e) {
            throw e instanceof AlibabaCredentialError ? e : errors_dlcError(action, e);
        }
    }
    /** a request, retried on throttling and transient errors */
    call(action, method, pathname, req = {}, beforeRetry, signal) {
        return errors_withRetry(() => this.once(action, method, pathname, req), (e) => errors_dlcError(action, e), this.retry, beforeRetry, signal);
    }
    getJob(id, signal) {
        return this.call('GetJob', 'GET', `/api/v1/jobs/${encodeURIComponent(id)}`, {}, undefined, signal);
    }
    stopJob(id, signal) {
        return this.call('StopJob', 'POST', `/api/v1/jobs/${encodeURIComponent(id)}/stop`, {}, undefined, signal);
    }
    /** the last `lines` lines of a pod's log */
    async podLogs(id, podId, lines) {
        const res = await this.call('GetPodLogs', 'GET', `/api/v1/jobs/${encodeURIComponent(id)}/pods/${encodeURIComponent(podId)}/logs`, { query: { MaxLines: String(Math.max(1, lines)) } });
        return Array.isArray(res.Logs) ? res.Logs.map(String) : [];
    }
    /**
     * The jobs of the workspace named exactly `name`, newest first. ListJobs' DisplayName filter is a
     * fuzzy, case-insensitive match (`…-f1-1` also finds `…-f1-10`), so equality is checked here,
     * over every page.
     */
    async findByName(workspaceId, name, pageSize = 50, signal) {
        const found = [];
        for (let page = 1; page <= 100; page++) {
            const res = await this.call('ListJobs', 'GET', '/api/v1/jobs', {
                query: { DisplayName: name, WorkspaceId: workspaceId, PageNumber: String(page), PageSize: String(pageSize) },
            }, undefined, signal);
            const jobs = Array.isArray(res.Jobs) ? res.Jobs : [];
            found.push(...jobs.filter((j) => j.DisplayName === name && j.JobId));
            const total = Number(res.TotalCount);
            if (jobs.length === 0 || !Number.isFinite(total) || page * pageSize >= total)
                break;
        }
        return found;
    }
    /** the total number of requests sent */
    get total() {
        let n = 0;
        for (const v of this.counts.values())
            n += v;
        return n;
    }
}

;// CONCATENATED MODULE: ./src/platforms/bailian/job.ts

const MOUNT = '/mnt/evalgate';
/** Where a job sees its inputs, its code and its output folder (OSS prefixes mounted by PAI-DLC). */
const job_BAILIAN_MOUNTS = { model: `${MOUNT}/model`, data: `${MOUNT}/data`, code: `${MOUNT}/code`, out: `${MOUNT}/out` };
const job_TEMPLATE_FILE = 'platforms/job_templates/bailian/job.json';
/** `oss://<bucket>.<endpoint>/<key>` as DataSources take it */
const job_mountUri = (bucket, endpoint, key) => `oss://${bucket}.${endpoint}/${key}`;
const gib = (n) => `${Number.isInteger(n) ? n : Number(n.toFixed(3))}Gi`;
/** the template variables of a job */
function bailianTemplateVars(job, gate, c, v) {
    const r = job.resources;
    // the job's own instance_type wins; with a quota, the job's cpu/memory_gb/gpus/gpu_type size its pod
    const ecsSpec = r.instance_type ?? c.ecsSpec ?? '';
    let resourceConfig = null;
    if (!r.instance_type && c.resourceConfig) {
        const q = c.resourceConfig;
        resourceConfig = {
            CPU: String(r.cpu ?? q.cpu),
            Memory: gib(r.memory_gb ?? q.memoryGb),
            GPU: String(r.gpus ?? q.gpus),
        };
        const gpuType = r.gpu_type ?? q.gpuType;
        if (gpuType)
            resourceConfig.GPUType = gpuType;
        if (q.sharedMemoryGb)
            resourceConfig.SharedMemory = gib(q.sharedMemoryGb);
    }
    const sources = [];
    if (v.model)
        sources.push({ Uri: v.model.uri, MountPath: job_BAILIAN_MOUNTS.model, MountAccess: 'ReadOnly' });
    if (v.data)
        sources.push({ Uri: v.data.uri, MountPath: job_BAILIAN_MOUNTS.data, MountAccess: 'ReadOnly' });
    if (v.code)
        sources.push({ Uri: v.code, MountPath: job_BAILIAN_MOUNTS.code, MountAccess: 'ReadOnly' });
    sources.push({ Uri: v.outUri, MountPath: job_BAILIAN_MOUNTS.out });
    for (const d of c.dataSources)
        sources.push({ DataSourceId: d.id, ...(d.mountPath ? { MountPath: d.mountPath } : {}) });
    return {
        ...jobVars(job, gate),
        // commands are written for the repository checkout: with a code snapshot they start in it
        command: v.code ? `cd ${job_BAILIAN_MOUNTS.code} && ${job.command}` : job.command,
        workspace_id: c.workspaceId,
        job_type: c.jobType,
        resource_id: c.resourceId ?? '',
        image: job.image ?? c.image,
        ecs_spec: ecsSpec,
        resource_config_json: JSON.stringify(resourceConfig),
        data_sources_json: JSON.stringify(sources),
    };
}
async function job_renderBailianJob(job, gate, c, v) {
    return renderTemplate(await readTemplate('bailian'), bailianTemplateVars(job, gate, c, v), 'json');
}
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The CreateJob body of a rendered job.json. Throws with the field's name when a hand-edited
 * template lost something CreateJob requires, before anything reaches PAI-DLC.
 */
function job_createJobBody(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${job_TEMPLATE_FILE} did not render to JSON: ${e.message}`);
    }
    if (!isObj(body))
        throw new Error(`${job_TEMPLATE_FILE}: expected a JSON object (the CreateJob body)`);
    for (const k of ['DisplayName', 'JobType', 'UserCommand'])
        if (typeof body[k] !== 'string' || !body[k])
            throw new Error(`${job_TEMPLATE_FILE}: ${k}: expected a non-empty string`);
    if (!Array.isArray(body.JobSpecs) || body.JobSpecs.length === 0 || !body.JobSpecs.every(isObj))
        throw new Error(`${job_TEMPLATE_FILE}: JobSpecs: expected a non-empty list of job specs`);
    if (body.ResourceId === '' || body.ResourceId === null)
        delete body.ResourceId;
    for (const spec of body.JobSpecs) {
        if (spec.EcsSpec === '' || spec.EcsSpec === null)
            delete spec.EcsSpec;
        if (spec.ResourceConfig === null || (isObj(spec.ResourceConfig) && Object.keys(spec.ResourceConfig).length === 0))
            delete spec.ResourceConfig;
        if (spec.EcsSpec === undefined && spec.ResourceConfig === undefined)
            throw new Error(`${job_TEMPLATE_FILE}: JobSpecs: each spec needs EcsSpec (public resources) or ResourceConfig (a quota)`);
    }
    if (body.DataSources !== undefined && !Array.isArray(body.DataSources))
        throw new Error(`${job_TEMPLATE_FILE}: DataSources: expected a list`);
    return body;
}

// EXTERNAL MODULE: ./node_modules/ali-oss/lib/client.js
var lib_client = __webpack_require__(14391);
// EXTERNAL MODULE: ./src/stores/blob-safe.ts
var blob_safe = __webpack_require__(83873);
;// CONCATENATED MODULE: ./src/platforms/bailian/oss.ts
/**
 * OSS with ali-oss: staging local inputs under a content-addressed prefix, and downloading what
 * jobs wrote (object names are never trusted as paths). Requests are signed V4
 * (OSS4-HMAC-SHA256); each is retried on 5xx, throttling, resets and timeouts.
 */






async function oss_ossClient(t, credential, retry = {}) {
    const keys = await credential.keys();
    const options = {
        region: `oss-${t.region}`,
        bucket: t.bucket,
        endpoint: t.endpoint,
        secure: t.endpoint.startsWith('https://'),
        accessKeyId: keys.accessKeyId,
        accessKeySecret: keys.accessKeySecret,
        authorizationV4: true,
        timeout: 120_000,
    };
    if (keys.securityToken) {
        options.stsToken = keys.securityToken;
        // ali-oss asks for fresh keys this often; @alicloud/credentials hands out the cached session until it is about to expire
        options.refreshSTSTokenInterval = 5 * 60_000;
        options.refreshSTSToken = async () => {
            const k = await credential.keys();
            return { accessKeyId: k.accessKeyId, accessKeySecret: k.accessKeySecret, stsToken: k.securityToken ?? '' };
        };
    }
    return { client: new OSS(options), bucket: t.bucket, retry: { ...DEFAULT_RETRY, ...retry } };
}
const call = (oss, operation, what, fn, signal, race = true) => withRetry(fn, (e) => ossError(operation, e, `oss://${oss.bucket}/${what}`), oss.retry, undefined, signal, race);
/** every object below `prefix` (ListObjectsV2, following the continuation tokens): name and size */
async function listPrefix(oss, prefix, signal) {
    const out = [];
    let token;
    do {
        // never an empty query value (`prefix=`): ali-oss signs it V4 as `prefix=`, OSS as `prefix`
        const query = { 'max-keys': 1000 };
        if (prefix)
            query.prefix = prefix;
        if (token)
            query['continuation-token'] = token;
        const page = await call(oss, 'ListObjectsV2', prefix, () => oss.client.listV2(query, {}), signal);
        for (const o of page.objects ?? [])
            out.push({ name: o.name, size: Number(o.size) });
        token = page.isTruncated && page.nextContinuationToken ? page.nextContinuationToken : undefined;
    } while (token);
    return out;
}
/**
 * Uploads files under `prefix` (ending in `/`), skipping each one a previous run already put there
 * with the same size: the prefix is content-addressed, so a name and size that match are the same
 * bytes (a multipart upload makes no object until CompleteMultipartUpload, so an interrupted one
 * left none, and is resumed or redone). A file larger than one part goes up in parts
 * (`staging.concurrency` at once); its checkpoint (upload id and done parts) is written after
 * each part, so that a run killed mid-upload is resumed by the next one from the parts OSS has.
 * Returns how many files were sent.
 */
async function oss_uploadPrefix(oss, prefix, files, opts = {}) {
    const have = new Map((await listPrefix(oss, prefix, opts.signal)).map((o) => [o.name, o.size]));
    const staging = opts.staging ?? STAGING_LIMITS.bailian.defaults;
    let sent = 0;
    for (const [rel, abs] of files) {
        throwIfAborted(opts.signal);
        const name = prefix + rel;
        const st = await fs.stat(abs);
        if (have.get(name) === st.size)
            continue;
        const partSize = partSizeFor(st.size, 'bailian', staging.partSize);
        if (st.size > partSize)
            await multipart(oss, name, abs, st, partSize, staging.concurrency, opts);
        else
            await call(oss, 'PutObject', name, () => oss.client.put(name, abs), opts.signal);
        sent++;
    }
    return sent;
}
async function multipart(oss, name, abs, st, partSize, parallel, opts) {
    const cpFile = opts.checkpointDir ? checkpointFile(opts.checkpointDir, `oss-${oss.bucket}`, name) : undefined;
    const save = cpFile ? serialWriter(cpFile) : undefined;
    // a cancel stops the parts in flight (ali-oss's own cancel, for this client)
    const onAbort = () => oss.client.cancel();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        await call(oss, 'MultipartUpload', name, async () => {
            throwIfAborted(opts.signal);
            let cp = cpFile ? await readCheckpoint(cpFile) : undefined;
            if (cp &&
                !(cp.file === abs && cp.name === name && cp.fileSize === st.size && cp.partSize === partSize && cp.mtimeMs === st.mtimeMs)) {
                // another file (or the same one changed) under this name: its parts are no use
                await oss.client.abortMultipartUpload(name, cp.uploadId).catch(() => { });
                cp = undefined;
            }
            const options = {
                partSize,
                parallel,
                mime: 'application/octet-stream',
                ...(cp ? { checkpoint: cp } : {}),
                progress: async (_p, checkpoint) => {
                    if (checkpoint && save)
                        await save({ ...checkpoint, mtimeMs: st.mtimeMs });
                },
            };
            try {
                await oss.client.multipartUpload(name, abs, options);
            }
            catch (e) {
                if (opts.signal?.aborted)
                    throw opts.signal.reason;
                // the checkpoint's upload was aborted or expired on the OSS side: start over once
                const code = e ?? {};
                if (cp && (code.name === 'abort' || code.code === 'NoSuchUpload' || code.code === 'InvalidPart')) {
                    if (cpFile)
                        await fs.rm(cpFile, { force: true });
                    await oss.client.multipartUpload(name, abs, { ...options, checkpoint: undefined });
                }
                else
                    throw e;
            }
            if (cpFile)
                await fs.rm(cpFile, { force: true });
        }, opts.signal, false);
    }
    finally {
        opts.signal?.removeEventListener('abort', onAbort);
    }
}
/**
 * Downloads every object below `prefix` whose name ends in one of `suffixes` (all when empty)
 * into `dest`, keeping the names below the prefix as relative paths. A name that is not a plain
 * relative path (`..`, an empty segment, a backslash) is refused, never written.
 */
async function oss_downloadPrefix(oss, prefix, dest, suffixes = [], signal) {
    const files = [];
    const refused = [];
    for (const o of await listPrefix(oss, prefix, signal)) {
        if (o.name.endsWith('/'))
            continue; // a folder marker
        if (suffixes.length && !suffixes.some((s) => o.name.endsWith(s)))
            continue;
        const local = safeJoin(dest, o.name.slice(prefix.length));
        if (!local) {
            refused.push(o.name);
            continue;
        }
        await fs.mkdir(path.dirname(local), { recursive: true });
        await call(oss, 'GetObject', o.name, () => oss.client.get(o.name, local), signal);
        files.push(local);
    }
    return { files: files.sort(), refused };
}
/**
 * `oss://<bucket>/<prefix>` or `oss://<bucket>.<endpoint>/<prefix>` → its parts; the prefix ends
 * in `/` unless it names an object, or is empty (the whole bucket).
 */
function oss_parseOssUri(uri) {
    const m = /^oss:\/\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])(?:\.([A-Za-z0-9.-]+\.[A-Za-z0-9-]+))?(?:\/(.*))?$/.exec(uri);
    if (!m)
        throw new Error(`expected oss://<bucket>/<prefix> (a lower-case bucket name), found ${JSON.stringify(uri)}`);
    return { bucket: m[1], ...(m[2] ? { endpoint: m[2] } : {}), key: (m[3] ?? '').replace(/^\/+/, '') };
}

// EXTERNAL MODULE: ./src/platforms/snapshot.ts
var snapshot = __webpack_require__(91178);
// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
;// CONCATENATED MODULE: ./src/platforms/bailian/bailian.ts
/**
 * `bailian` (alias `bairui`): each evalgate job and shard is an Alibaba Cloud PAI-DLC job (Bailian,
 * Model Studio, runs no custom jobs; PAI-DLC runs containers), created with a deterministic
 * DisplayName (a retried submission finds the job of that name and attaches to it), reading the
 * staged model, data and code from OSS prefixes mounted read-only and writing its indicator files
 * to an OSS prefix mounted read-write, which collect downloads.
 *
 * Requests of one run, per job: ListJobs (attach) and CreateJob at submit, GetJob per poll,
 * GetPodLogs once for a failed job; OSS: one listing per staged prefix (the content-addressed
 * upload skips what is there) and per job output prefix, then one GET per indicator file.
 */















/**
 * Status requests per second one run sends to PAI-DLC (ListJobs pages and per-job GetJob alike):
 * PAI-DLC's documented quota is 100 a second per API, region and account for each of GetJob and
 * ListJobs (help.aliyun.com/zh/pai/developer-reference/api-pai-dlc-2020-12-03-quota); evalgate
 * takes a fifth of one, so other users of the account keep theirs.
 */
const DLC_STATUS_RATE = { perSecond: 20, burst: 20 };
/** JobIds per ListJobs request (and its PageSize): PageSize's maximum is not documented */
const LIST_CHUNK = 100;
/** PAI-DLC's job statuses (GetJobResponseBody.ts) and what each means for evalgate. */
const DLC_STATUS = {
    Creating: 'queued',
    Queuing: 'queued',
    // spot instances: waiting for a bid to win
    Bidding: 'queued',
    EnvPreparing: 'queued',
    // the pre-run health check of the nodes
    SanityChecking: 'queued',
    Running: 'running',
    // a pod restarts after a failure (RestartPolicy): the job goes on
    Restarting: 'running',
    // a stop was accepted, not done: the job may still write
    Stopping: 'running',
    // the command ended and the nodes are held ("reserving"): the outcome is known and the outputs are written (semantics beyond the name unverified)
    SucceededReserving: 'succeeded',
    FailedReserving: 'failed',
    Succeeded: 'succeeded',
    Failed: 'failed',
    // evalgate's own StopJob ends as cancelled; a job stopped by anyone else fails the run (see status())
    Stopped: 'cancelled',
};
/** a status not in the list (a newer one) waits: only the listed terminal ones end a job */
function mapDlcStatus(status) {
    return DLC_STATUS[status] ?? 'queued';
}
/**
 * The job's page in the PAI console. NOT verified against a primary source (platform-apis.md
 * §2.10: the form seen in third-party code; the console may route DLC jobs elsewhere).
 */
const consoleUrl = (region, workspaceId, jobId) => `https://pai.console.aliyun.com/?regionId=${encodeURIComponent(region)}&workspaceId=${encodeURIComponent(workspaceId)}#/dlc/jobs/${encodeURIComponent(jobId)}/overview`;
/** how many status reads in a row may fail transiently (throttled past the retries, 5xx) before the run gives up */
const MAX_TRANSIENT = 10;
const CANCEL_WAIT_MS = 60_000;
/** how long a submit the abort cut off looks for the job its CreateJob may have created */
const ORPHAN_LOOKUP_MS = 3_000;
const TERMINAL_DLC = new Set(['Succeeded', 'Failed', 'Stopped']);
/** uri names a file when its last segment has an extension (a folder ends in `/`) */
const namesFile = (key) => !key.endsWith('/') && /\.[A-Za-z0-9]+$/.test(key);
class BailianPlatform {
    opts;
    name = 'bailian';
    pollIntervalMs;
    maxPollIntervalMs;
    dlc;
    credential;
    ossP;
    inputs = { model: null, data: null };
    codeP;
    hashes = {};
    tracked = new Map();
    /** JobId → the name of the attempt it runs (where it writes) */
    attempts = new Map();
    rate;
    constructor(opts) {
        this.opts = opts;
        const c = opts.config;
        this.rate = new RateLimiter(opts.statusRate?.perSecond ?? DLC_STATUS_RATE.perSecond, opts.statusRate?.burst ?? DLC_STATUS_RATE.burst);
        this.pollIntervalMs = c.pollIntervalMs;
        this.maxPollIntervalMs = Math.max(c.pollIntervalMs, 60_000);
        this.credential =
            opts.credential ??
                new EvalgateAlibabaCredential(opts.env, {
                    oidcRoleArn: c.oidcRoleArn,
                    oidcProviderArn: c.oidcProviderArn,
                    oidcAudience: c.oidcAudience,
                    stsEndpoint: c.stsEndpoint,
                });
        this.dlc = new Dlc({ region: c.region, endpoint: c.endpoint, protocol: c.protocol }, this.credential, opts.retry);
    }
    /** the OSS client (made on first use: it needs the keys) */
    oss() {
        const c = this.opts.config;
        this.ossP ??= ossClient({ bucket: c.ossBucket, region: c.region, endpoint: c.ossEndpoint }, this.credential, this.opts.retry);
        this.ossP.catch(() => (this.ossP = undefined));
        return this.ossP;
    }
    mount(key) {
        return mountUri(this.opts.config.ossBucket, this.opts.config.ossMountEndpoint, key);
    }
    /** the output prefix of one attempt (its name): a new attempt never collects a dead one's files */
    outPrefix(job) {
        return `${this.opts.config.ossPrefix}/runs/${typeof job === 'string' ? job : job.name}/`;
    }
    /** multipart checkpoints live in <workDir>/.staging: a re-run in the same folder resumes an interrupted upload */
    uploadOptions(signal = this.opts.signal) {
        return {
            checkpointDir: path.join(this.opts.workDir, '.staging'),
            ...(this.opts.staging ? { staging: this.opts.staging } : {}),
            ...(signal ? { signal } : {}),
        };
    }
    locate() {
        const at = (kind) => {
            const m = this.inputs[kind];
            return m?.file ? `${BAILIAN_MOUNTS[kind]}/${m.file}` : BAILIAN_MOUNTS[kind];
        };
        return { model: at('model'), data: at('data'), out: BAILIAN_MOUNTS.out };
    }
    /**
     * A local file or folder goes to <oss_prefix>/cas/<sha256>/ (skipped when already there) and is
     * mounted read-only; a file keeps its basename. `oss://<bucket>/<prefix>` is mounted directly
     * (an object: its folder, and the job sees the object by name); another URI is passed to PAI-DLC as is.
     */
    async stage(localOrUri, kind, signal = this.opts.signal) {
        const c = this.opts.config;
        let mount;
        if (isUri(localOrUri)) {
            if (/^oss:\/\//i.test(localOrUri)) {
                const { bucket, endpoint, key } = parseOssUri(localOrUri);
                const host = endpoint ?? c.ossMountEndpoint;
                if (namesFile(key)) {
                    const dir = key.slice(0, key.lastIndexOf('/') + 1);
                    mount = { uri: mountUri(bucket, host, dir), file: key.slice(dir.length) };
                }
                else
                    mount = { uri: mountUri(bucket, host, key && !key.endsWith('/') ? `${key}/` : key) };
            }
            else
                mount = { uri: localOrUri };
        }
        else {
            const abs = path.resolve(this.opts.cwd, localOrUri);
            const st = await fs.stat(abs);
            const sha = await contentHash(abs, signal);
            this.hashes[kind] = `sha256:${sha}`;
            const prefix = `${c.ossPrefix}/cas/${sha}/`;
            if (!this.opts.dryRun)
                await uploadPrefix(await raceAbort(this.oss(), signal), prefix, await localFiles(abs), this.uploadOptions(signal));
            mount = { uri: this.mount(prefix), ...(st.isFile() ? { file: path.basename(abs) } : {}) };
        }
        this.inputs[kind] = mount;
        return mount.uri;
    }
    /** uploads the code snapshot once (content-addressed: <oss_prefix>/code/<sha256>/) */
    async prepare(_jobs, signal = this.opts.signal) {
        await raceAbort(this.code(signal), signal);
    }
    code(signal = this.opts.signal) {
        this.codeP ??= (async () => {
            const c = this.opts.config;
            if (!c.code.length)
                return undefined;
            const { files, sha } = await codeSnapshot(this.opts.cwd, this.opts.config.code, 'bailian.code', signal);
            this.hashes.code = `sha256:${sha}`;
            const prefix = `${c.ossPrefix}/code/${sha}/`;
            if (!this.opts.dryRun)
                await uploadPrefix(await this.oss(), prefix, files, this.uploadOptions(signal));
            return this.mount(prefix);
        })();
        this.codeP.catch(() => (this.codeP = undefined));
        return this.codeP;
    }
    hardware(job) {
        const t = job.resources.instance_type ?? this.opts.config.ecsSpec;
        return t ? { instance_type: String(t) } : {};
    }
    async vars(job) {
        const code = await this.code();
        return {
            model: this.inputs.model,
            data: this.inputs.data,
            ...(code ? { code } : {}),
            outUri: this.mount(this.outPrefix(job)),
        };
    }
    /** the CreateJob body of a job, as evalgate sends it */
    async body(job) {
        const { text, missing } = await renderBailianJob(job, this.opts.gate, this.opts.config, await this.vars(job));
        if (missing.length)
            throw new Error(`internal error: ${TEMPLATE_FILE} uses unknown variables ${missing.join(', ')}`);
        return createJobBody(text);
    }
    /** --dry-run: each job's CreateJob body, as `aliyun pai-dlc CreateJob --body` takes it and as evalgate sends it */
    async describe(jobs) {
        const out = [];
        for (const job of jobs) {
            const text = JSON.stringify(await this.body(job), null, 2);
            const label = job.shard.count > 1 ? `${job.key} ${job.shard.index + 1}/${job.shard.count}` : job.key;
            out.push(`# ${job.name} (${label}) from ${TEMPLATE_FILE}\n${text}\n`);
        }
        return out.join('\n');
    }
    /** the newest job of this name in the workspace, if a previous submission created one */
    async existing(name, signal) {
        return (await this.dlc.findByName(this.opts.config.workspaceId, name, undefined, signal))[0];
    }
    async submit(job, signal = this.opts.signal) {
        await this.prepare([job], signal);
        // attach: a retried run finds the job it created before instead of starting a second one;
        // one that failed or was stopped is submitted again as <name>-r2, -r3, …
        const found = await findAttempt(job.name, async (n) => {
            const j = await this.existing(n, signal);
            if (!j)
                return null;
            const raw = typeof j.Status === 'string' ? j.Status : 'Unknown';
            const state = mapDlcStatus(raw);
            return state === 'failed' || state === 'cancelled' || raw === 'Stopping' ? 'dead' : { live: j };
        });
        const run = asAttempt(job, found.name);
        const body = await this.body(run);
        let id = found.existing?.JobId;
        if (!id) {
            // a CreateJob the abort cut off after it was sent may have created the job: it is looked for
            // by name (within ORPHAN_LOOKUP_MS) and returned, for the runner to cancel with the others
            let sent = false;
            let created;
            try {
                created = await withRetry(async () => {
                    sent = true;
                    const r = await this.dlc.once('CreateJob', 'POST', '/api/v1/jobs', { body }).catch((e) => {
                        sent = false;
                        throw e;
                    });
                    sent = false;
                    return r;
                }, (e) => dlcError('CreateJob', e), this.dlc.retry, async (e) => {
                    // a throttled request created nothing; after a reset or a 5xx the job may exist all the same
                    if (isThrottling(e.code))
                        return undefined;
                    const again = await this.existing(run.name, signal);
                    return again ? { value: { JobId: again.JobId } } : undefined;
                }, signal);
            }
            catch (e) {
                if (!signal?.aborted || !sent)
                    throw e;
                const lost = await this.existing(run.name, AbortSignal.timeout(ORPHAN_LOOKUP_MS)).catch(() => undefined);
                if (!lost)
                    throw e;
                created = { JobId: lost.JobId };
            }
            if (typeof created.JobId !== 'string' || !created.JobId)
                throw new Error(`PAI-DLC CreateJob answered without a JobId for ${run.name}`);
            id = created.JobId;
        }
        this.attempts.set(id, run.name);
        // a status read that fails transiently before the first answer reports this
        this.tracked.set(id, { job, transientErrors: 0, last: { state: 'queued', platformStatus: 'submitted' } });
        return { job, id, url: consoleUrl(this.opts.config.region, this.opts.config.workspaceId, id) };
    }
    async status(h, signal) {
        const t = this.track(h);
        let dj;
        try {
            await this.rate.take(signal);
            dj = await this.dlc.getJob(h.id, signal);
            t.transientErrors = 0;
        }
        catch (e) {
            // throttled or a server error after the retries: ask again next round
            if (e instanceof AlibabaError && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last)
                return t.last;
            throw e;
        }
        return this.fromDlc(h, dj);
    }
    /**
     * The run's jobs from ListJobs filtered by their ids (`JobIds`, comma-separated, LIST_CHUNK a
     * request, PageSize as large), each chunk paged (PageNumber) until TotalCount is reached, at
     * most 5 pages: one request per chunk instead of one GetJob per job. A job it does not return is
     * left to status().
     */
    async statusMany(handles, signal) {
        const out = new Map();
        const byId = new Map(handles.map((h) => [h.id, h]));
        const ids = [...byId.keys()];
        for (let i = 0; i < ids.length; i += LIST_CHUNK) {
            const chunk = ids.slice(i, i + LIST_CHUNK);
            let seen = 0;
            for (let page = 1; page <= 5; page++) {
                await this.rate.take(signal);
                const res = await this.dlc.call('ListJobs', 'GET', '/api/v1/jobs', {
                    query: {
                        WorkspaceId: this.opts.config.workspaceId,
                        JobIds: chunk.join(','),
                        PageNumber: String(page),
                        PageSize: String(chunk.length),
                    },
                }, undefined, signal);
                const jobs = Array.isArray(res.Jobs) ? res.Jobs : [];
                for (const j of jobs) {
                    const h = typeof j.JobId === 'string' ? byId.get(j.JobId) : undefined;
                    if (h) {
                        this.track(h).transientErrors = 0;
                        out.set(h.id, this.fromDlc(h, j));
                    }
                }
                seen += jobs.length;
                const total = Number(res.TotalCount);
                if (jobs.length === 0 || !Number.isFinite(total) || seen >= total)
                    break;
            }
        }
        return out;
    }
    track(h) {
        const t = this.tracked.get(h.id) ?? { job: h.job, transientErrors: 0 };
        this.tracked.set(h.id, t);
        return t;
    }
    /** a job as GetJob or one item of ListJobs gives it, as evalgate's status */
    fromDlc(h, dj) {
        const t = this.track(h);
        if (Array.isArray(dj.Pods) && dj.Pods.length)
            t.pods = dj.Pods;
        const raw = typeof dj.Status === 'string' ? dj.Status : 'Unknown';
        let state = mapDlcStatus(raw);
        if (state === 'running' && !t.startedAt)
            t.startedAt = Date.now();
        const reason = [dj.ReasonCode, dj.ReasonMessage].filter((s) => typeof s === 'string' && s).join(': ');
        let message;
        if (state === 'failed')
            message = `PAI-DLC job ${raw}${reason ? `: ${reason}` : ''}${h.url ? ` (${h.url})` : ''}`;
        if (raw === 'Stopped' && !t.stopRequested) {
            // stopped in the console or by a quota: the job's indicators will never come
            state = 'failed';
            message = `PAI-DLC job Stopped before it finished, not by this run${reason ? `: ${reason}` : ''}${h.url ? ` (${h.url})` : ''}`;
        }
        if (!(raw in DLC_STATUS))
            message = `unknown PAI-DLC job status ${JSON.stringify(raw)}; waiting`;
        const status = { state, platformStatus: raw };
        if (message)
            status.message = message;
        if (t.startedAt)
            status.startedAt = t.startedAt;
        if (state === 'succeeded' || state === 'failed' || state === 'cancelled')
            status.finishedAt = Date.now();
        t.last = status;
        return status;
    }
    /** the last `lines` lines of the job's first worker's log (GetPodLogs) */
    async logs(h, lines) {
        try {
            const t = this.tracked.get(h.id);
            let pods = t?.pods;
            if (!pods?.length)
                pods = (await this.dlc.getJob(h.id)).Pods;
            const pod = pods?.find((p) => p.Type === 'Worker' && p.PodId)?.PodId ?? pods?.find((p) => p.PodId)?.PodId ?? `${h.id}-worker-0`;
            return (await this.dlc.podLogs(h.id, pod, lines)).join('\n');
        }
        catch (e) {
            return `(the job's pod log could not be read: ${e.message})`;
        }
    }
    async collect(h, _dest, signal) {
        // a fresh folder of evalgate's: never one it did not create
        const dest = path.join(await freshFolder(path.join(this.opts.workDir, h.job.name)), 'out');
        const { files, refused } = await downloadPrefix(await raceAbort(this.oss(), signal), this.outPrefix(this.attempts.get(h.id) ?? h.job.name), dest, ['.json'], signal);
        if (refused.length)
            throw new Error(`job ${h.id} wrote objects whose names are not plain relative paths (not downloaded): ${refused.slice(0, 5).join(', ')}`);
        return files;
    }
    /** StopJob, then waits (up to a minute, or until `deadline`) until the job is Stopped */
    async cancel(h, deadline) {
        const t = this.tracked.get(h.id) ?? { job: h.job, transientErrors: 0 };
        t.stopRequested = true;
        this.tracked.set(h.id, t);
        await cancelDlcJob(this.dlc, h.id, this.opts.cancelWaitMs, undefined, deadline);
    }
    saved(h) {
        const c = this.opts.config;
        return {
            platform: 'bailian',
            name: h.job.name,
            id: h.id,
            region: c.region,
            workspace_id: c.workspaceId,
            endpoint: c.endpoint,
            protocol: c.protocol,
            api_version: DLC_API_VERSION,
            ...(c.oidcRoleArn ? { oidc_role_arn: c.oidcRoleArn, oidc_provider_arn: c.oidcProviderArn, oidc_audience: c.oidcAudience } : {}),
            ...(c.stsEndpoint ? { sts_endpoint: c.stsEndpoint } : {}),
        };
    }
    async close() {
        this.credential.close();
    }
}
/**
 * StopJob, then GetJob until the job is Stopped (or ended on its own meanwhile), for at most
 * `waitMs`: a job still Stopping then is left to stop; one still running is an error. A job that
 * had already ended answers StopJob with an error, which is not one.
 */
async function cancelDlcJob(dlc, id, waitMs = CANCEL_WAIT_MS, pollMs = 500, deadline) {
    try {
        await dlc.stopJob(id, deadline);
    }
    catch (e) {
        if (e instanceof errors_AlibabaError && !e.transient) {
            const j = await dlc.getJob(id, deadline).catch(() => null);
            if (j && TERMINAL_DLC.has(String(j.Status)))
                return;
        }
        throw e;
    }
    const until = Date.now() + waitMs;
    let status = '';
    for (;;) {
        try {
            // one attempt: a throttled read is not retried while cancelling
            status = String((await (0,abort/* raceAbort */.Mu)(dlc.once('GetJob', 'GET', `/api/v1/jobs/${encodeURIComponent(id)}`), deadline)).Status ?? '');
        }
        catch (e) {
            // the stop was accepted: a throttled (or unavailable) platform, or the cancel's own budget
            // running out, ends the wait for Stopped, not the cancel
            if (deadline?.aborted || (e instanceof errors_AlibabaError && e.transient))
                return;
            throw e;
        }
        if (TERMINAL_DLC.has(status))
            return;
        if (Date.now() >= until)
            break;
        await (0,abort/* sleepUnlessAborted */.bp)(Math.min(pollMs, Math.max(50, until - Date.now())), deadline);
        if (deadline?.aborted)
            return;
    }
    if (status === 'Stopping')
        return;
    throw new Error(`PAI-DLC job ${id} is still ${status} ${Math.round(waitMs / 1000)} s after StopJob`);
}

;// CONCATENATED MODULE: ./src/platforms/bailian/cancel-saved.ts




const str = (v) => (typeof v === 'string' && v ? v : undefined);
async function cancelSavedBailian(jobs, env, opts = {}) {
    const out = [];
    const clients = new Map();
    const credentials = new Map();
    try {
        for (const job of jobs) {
            const region = str(job.region) ?? 'cn-hangzhou';
            const where = {
                region,
                endpoint: str(job.endpoint) ?? `pai-dlc.${region}.aliyuncs.com`,
                protocol: str(job.protocol)?.toUpperCase() === 'HTTP' ? 'HTTP' : 'HTTPS',
            };
            const auth = {
                oidcRoleArn: str(job.oidc_role_arn),
                oidcProviderArn: str(job.oidc_provider_arn),
                oidcAudience: str(job.oidc_audience) ?? DEFAULT_OIDC_AUDIENCE,
                stsEndpoint: str(job.sts_endpoint),
            };
            const authKey = JSON.stringify(auth);
            let credential = credentials.get(authKey);
            if (!credential) {
                credential = new credential_EvalgateAlibabaCredential(env, auth);
                credentials.set(authKey, credential);
            }
            const key = JSON.stringify([where, authKey]);
            let dlc = clients.get(key);
            if (!dlc) {
                dlc = new dlc_Dlc(where, credential, opts.retry);
                clients.set(key, dlc);
            }
            try {
                await cancelDlcJob(dlc, job.id, opts.waitMs);
                out.push({ job, result: 'cancelled', detail: `PAI-DLC job ${job.id} in workspace ${str(job.workspace_id) ?? '?'} (${region})` });
            }
            catch (e) {
                out.push({ job, result: 'failed', detail: e.message });
            }
        }
    }
    finally {
        for (const c of credentials.values())
            c.close();
    }
    return out;
}


/***/ }),

/***/ 91178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports localFiles, codeSnapshot */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7903);
/**
 * Local files as a cloud platform stages them: every file below a path, and the code snapshot
 * (`<platform>.code`: paths under the working directory, kept at their relative paths so that
 * commands written for the repository checkout run unchanged from the snapshot).
 */




/** every file below a local path: [relative posix path, absolute path]; a file is [its basename, itself] */
async function localFiles(root) {
    const st = await fs.stat(root);
    if (st.isFile())
        return [[path.basename(root), root]];
    const out = [];
    const walk = async (dir) => {
        for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, e.name);
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                out.push([path.relative(root, full).split(path.sep).join('/'), full]);
        }
    };
    await walk(root);
    return out;
}
/**
 * The files of `paths` (relative to `cwd`, never outside it) at their relative paths, and the
 * sha256 of the whole (names and contents): the snapshot's content address.
 */
async function codeSnapshot(cwd, paths, key, signal) {
    const files = [];
    for (const p of paths) {
        const abs = path.resolve(cwd, p);
        const rel = path.relative(cwd, abs);
        if (rel.startsWith('..') || path.isAbsolute(rel))
            throw new Error(`${key}: ${p} is outside the working directory`);
        const st = await fs.stat(abs).catch(() => null);
        if (!st)
            throw new Error(`${key}: ${p}: no such file or folder`);
        const base = rel.split(path.sep).join('/');
        for (const [r, a] of await localFiles(abs))
            files.push([st.isFile() ? base : base ? `${base}/${r}` : r, a]);
    }
    files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // overlapping paths (a folder and a file in it) name a file once
    const unique = files.filter(([rel], i) => i === 0 || files[i - 1][0] !== rel);
    const h = createHash('sha256');
    for (const [rel, abs] of unique)
        h.update(`${rel}\u0000${await contentHash(abs, signal)}\n`);
    return { files: unique, sha: h.digest('hex') };
}


/***/ }),

/***/ 71177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nk: () => (/* binding */ stagingSchema),
/* harmony export */   Pg: () => (/* binding */ STAGING_LIMITS),
/* harmony export */   Te: () => (/* binding */ throwIfAborted)
/* harmony export */ });
/* unused harmony exports SIZE_SYNTAX, parseSize, formatSize, resolveStaging, partSizeFor, checkpointFile, writeCheckpoint, serialWriter, readCheckpoint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38816);
/**
 * How local inputs go up: in parts of `part_size` bytes, `concurrency` at a time, through each
 * storage's own multipart API (Azure block blobs, OSS multipart, TOS uploadFile, SFTP writes).
 * `staging: {part_size, concurrency}` at the top of the config applies to every platform; the same
 * mapping in a platform's section (`azure.staging`, …) wins over it.
 *
 * Sizes are written as people write them: `64MiB`, `512 KiB`, `1GiB` (powers of 1024), `100MB`
 * (powers of 1000), or a whole number of bytes.
 *
 * Each storage has its own limits (sources in docs/config.md):
 *   azure   a block of at most 4000 MiB, at most 50,000 blocks per blob
 *   bailian an OSS part of 100 KiB to 5 GiB (but the last), at most 10,000 parts
 *   volc    a TOS part of 5 MiB to 5 GiB (but the last), at most 10,000 parts
 *   dgx     an SFTP write of at most 1 MiB (a larger top-level part_size is capped, not refused)
 * A file with more parts than its storage allows goes up in larger parts (the size is raised to fit).
 */




const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const SIZE_SYNTAX = 'a size such as "64MiB" (B, KiB, MiB, GiB, or KB, MB, GB), or a whole number of bytes';
const UNITS = { b: 1, kib: KiB, mib: MiB, gib: GiB, kb: 1e3, mb: 1e6, gb: 1e9 };
/** bytes of a size text or number; undefined when it is not one */
function parseSize(v) {
    if (typeof v === 'number')
        return Number.isSafeInteger(v) && v > 0 ? v : undefined;
    if (typeof v !== 'string')
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(v);
    if (!m)
        return undefined;
    const unit = m[2].toLowerCase();
    const scale = unit === '' ? 1 : UNITS[unit];
    if (scale === undefined)
        return undefined;
    const bytes = Number(m[1]) * scale;
    return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}
/** 67108864 → "64 MiB", 1500000 → "1500000 bytes" */
function formatSize(bytes) {
    for (const [unit, n] of [
        ['GiB', GiB],
        ['MiB', MiB],
        ['KiB', KiB],
    ])
        if (bytes >= n && bytes % n === 0)
            return `${bytes / n} ${unit}`;
    return `${bytes} bytes`;
}
const MAX_CONCURRENCY = 64;
/** `staging:` at the top level or in a platform's section */
const stagingSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({
    part_size: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig()], { error: SIZE_SYNTAX })
        .refine((v) => parseSize(v) !== undefined, { error: SIZE_SYNTAX })
        .optional(),
    concurrency: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig({ error: `an integer from 1 to ${MAX_CONCURRENCY}` })
        .int({ error: `an integer from 1 to ${MAX_CONCURRENCY}` })
        .min(1, { error: `an integer from 1 to ${MAX_CONCURRENCY}` })
        .max(MAX_CONCURRENCY, { error: `an integer from 1 to ${MAX_CONCURRENCY}` })
        .optional(),
}, { error: 'a mapping of part_size (e.g. 64MiB) and concurrency (parts sent at once)' });
const STAGING_LIMITS = {
    // Put Block: at most 4000 MiB a block, 50,000 blocks a blob (x-ms-version 2019-12-12 and later)
    azure: { minPart: 1, maxPart: 4000 * MiB, maxParts: 50_000, defaults: { partSize: 16 * MiB, concurrency: 4 }, part: 'a block' },
    // UploadPart: 100 KB to 5 GB each but the last, part numbers 1 to 10,000
    bailian: {
        minPart: 100 * KiB,
        maxPart: 5 * GiB,
        maxParts: 10_000,
        defaults: { partSize: 16 * MiB, concurrency: 4 },
        part: 'an OSS part',
    },
    // UploadPart: 5 MiB to 5 GiB each but the last, part numbers 1 to 10,000 (the SDK's MIN_PART_SIZE_EXCEPT_LAST_ONE)
    volc: { minPart: 5 * MiB, maxPart: 5 * GiB, maxParts: 10_000, defaults: { partSize: 16 * MiB, concurrency: 4 }, part: 'a TOS part' },
    // ssh2 fastPut: chunkSize bytes per read/write, `concurrency` of them in flight (ssh2's defaults: 32 KiB × 64);
    // ssh2 splits a write above its packet limit (254 KiB against OpenSSH) into several requests
    dgx: {
        minPart: 4 * KiB,
        maxPart: MiB,
        maxParts: Number.POSITIVE_INFINITY,
        defaults: { partSize: 128 * KiB, concurrency: 64 },
        part: 'an SFTP write',
        capTopLevel: true,
    },
};
/**
 * The staging of `platform`: its section's `staging` over the top-level one over the platform's
 * defaults, each value held against the platform's limits.
 */
function resolveStaging(platform, top, section, file) {
    const limits = STAGING_LIMITS[platform];
    const problems = [];
    const staging = { ...limits.defaults };
    for (const [where, s] of [
        ['staging', top],
        [`${platform}.staging`, section],
    ]) {
        if (!s)
            continue;
        if (s.concurrency !== undefined)
            staging.concurrency = s.concurrency;
        if (s.part_size === undefined)
            continue;
        let bytes = parseSize(s.part_size);
        if (where === 'staging' && limits.capTopLevel)
            bytes = Math.min(Math.max(bytes, limits.minPart), limits.maxPart);
        if (bytes < limits.minPart || bytes > limits.maxPart)
            problems.push({
                file,
                path: `${where}.part_size`,
                expected: `${limits.part} of ${limits.minPart === 1 ? 'at most ' : `${formatSize(limits.minPart)} to `}${formatSize(limits.maxPart)} on ${platform}`,
                found: JSON.stringify(s.part_size),
            });
        else
            staging.partSize = bytes;
    }
    return { staging, problems };
}
/** the part size for a file: `partSize`, raised (to a whole MiB) when the file would need more parts than the storage takes */
function partSizeFor(fileSize, platform, partSize) {
    const { maxParts } = STAGING_LIMITS[platform];
    if (Math.ceil(fileSize / partSize) <= maxParts)
        return partSize;
    return Math.ceil(fileSize / maxParts / MiB) * MiB;
}
/** where the resume record of one upload is kept: one file per (storage, object), under the run's folder */
function checkpointFile(dir, storage, object) {
    return path.join(dir, `${storage}-${createHash('sha256').update(object).digest('hex').slice(0, 32)}.json`);
}
/** writes a checkpoint whole or not at all (a kill mid-write leaves the previous one) */
async function writeCheckpoint(file, record) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(record));
    await fs.rename(tmp, file);
}
/** writeCheckpoint, one write at a time: parts finish side by side, and the last record written is the latest */
function serialWriter(file) {
    let last = Promise.resolve();
    return (record) => {
        // stringified now: the SDK keeps mutating the object it hands over
        const text = JSON.parse(JSON.stringify(record));
        last = last.catch(() => { }).then(() => writeCheckpoint(file, text));
        return last;
    };
}
/** a checkpoint, or undefined when there is none or it does not parse (then the upload starts over) */
async function readCheckpoint(file) {
    try {
        return JSON.parse(await fs.readFile(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Throws the signal's reason when it has fired (before a request that should not start). */
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error('staging was cancelled');
}


/***/ }),

/***/ 83873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony export safeJoin */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Object names from a bucket or container are never trusted as paths: a name is kept only when
 * each of its `/`-separated segments is a plain file name, and the result must stay inside the
 * download folder. Shared by the Azure Blob, OSS and TOS downloads.
 */

/** the local path of `relative` (an object name below the listed prefix) inside `dest`, or null when it would escape */
function safeJoin(dest, relative) {
    if (!relative || relative.includes('\\') || relative.includes('\0'))
        return null;
    const segs = relative.split('/');
    if (segs.some((s) => s === '' || s === '.' || s === '..'))
        return null;
    const root = path.resolve(dest);
    const full = path.resolve(root, ...segs);
    return full.startsWith(root + path.sep) ? full : null;
}


/***/ })

};
