export const id = 705;
export const ids = [705];
export const modules = {

/***/ 52687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ pathValue),
/* harmony export */   g: () => (/* binding */ sectionProblems)
/* harmony export */ });
function pathValue(v, p) {
    let cur = v;
    for (const k of p)
        cur = cur && typeof cur === 'object' ? cur[k] : undefined;
    return cur;
}
function sectionProblems(issues, section, file, platform, knownKeys) {
    return issues.map((i) => {
        const at = pathValue(section, i.path);
        const unknownKeys = i.code === 'unrecognized_keys';
        return {
            file,
            path: [platform, ...i.path.map(String)].join('.'),
            expected: unknownKeys ? `one of the known keys (${knownKeys.join(', ')})` : at === undefined ? `${i.message} (required)` : i.message,
            found: unknownKeys ? (i.keys?.join(', ') ?? '') : at === undefined ? 'nothing' : JSON.stringify(at),
        };
    });
}


/***/ }),

/***/ 71177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HQ: () => (/* binding */ readCheckpoint),
/* harmony export */   Nk: () => (/* binding */ stagingSchema),
/* harmony export */   Pg: () => (/* binding */ STAGING_LIMITS),
/* harmony export */   SP: () => (/* binding */ serialWriter),
/* harmony export */   Te: () => (/* binding */ throwIfAborted),
/* harmony export */   _M: () => (/* binding */ resolveStaging),
/* harmony export */   lS: () => (/* binding */ checkpointFile),
/* harmony export */   oV: () => (/* binding */ partSizeFor)
/* harmony export */ });
/* unused harmony exports SIZE_SYNTAX, parseSize, formatSize, writeCheckpoint */
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
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `${storage}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(object).digest('hex').slice(0, 32)}.json`);
}
/** writes a checkpoint whole or not at all (a kill mid-write leaves the previous one) */
async function writeCheckpoint(file, record) {
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(tmp, JSON.stringify(record));
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(tmp, file);
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
        return JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(file, 'utf8'));
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

/***/ 48665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ parseEndpoint),
/* harmony export */   Q2: () => (/* binding */ DEFAULT_VOLC_REGION),
/* harmony export */   QB: () => (/* binding */ parseVolcConfig),
/* harmony export */   Wu: () => (/* binding */ TOS_BUCKET),
/* harmony export */   f6: () => (/* binding */ VOLC_API_VERSION),
/* harmony export */   n6: () => (/* binding */ DEFAULT_VOLC_ENDPOINT),
/* harmony export */   rc: () => (/* binding */ VOLC_SERVICE)
/* harmony export */ });
/* unused harmony exports VOLC_FRAMEWORKS, schema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38816);
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71177);
/* harmony import */ var _section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52687);
/** The `volc` section of the config: where jobs run on the Volcano Engine ML platform, and the TOS bucket they read and write. */



/** The ML platform OpenAPI: service `ml_platform`, the "Job" API generation (CreateJob, GetJob, StopJob, ListJobs). */
const VOLC_SERVICE = 'ml_platform';
const VOLC_API_VERSION = '2024-07-01';
const DEFAULT_VOLC_REGION = 'cn-beijing';
const DEFAULT_VOLC_ENDPOINT = 'open.volcengineapi.com';
/** RuntimeConfig.Framework values CreateJob takes (the Go SDK's input enum; `Custom` is listed for GetJob output only, so on input it is [U]) */
const VOLC_FRAMEWORKS = ['PyTorch', 'TensorFlow', 'MPI', 'Ray', 'Custom'];
/** TOS bucket names: 3 to 63 lower-case letters, digits and `-`, not starting or ending with `-` (the TOS SDK's own check) */
const TOS_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const name = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: what }).trim().min(1, { error: what });
/** a host[:port], or an http(s):// URL with nothing after the host */
const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;
const endpoint = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: what }).refine((v) => HOST.test(v) || /^https?:\/\/[^/?#\s]+\/?$/.test(v), { error: what });
const schema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    region: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a region id such as cn-beijing' })
        .regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, { error: 'a region id such as cn-beijing' })
        .optional(),
    resource_queue_id: name('a resource queue id (q-…)'),
    image: name('a container image (e.g. vemlp-cn-beijing.cr.volces.com/<namespace>/<repository>:<tag>)'),
    instance_type: name('an instance type id (e.g. ml.g1e.large)'),
    tos_bucket: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a TOS bucket name' })
        .regex(TOS_BUCKET, { error: 'a TOS bucket name (3 to 63 lower-case letters, digits and -)' }),
    tos_prefix: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a path prefix in the bucket' })
        .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
        .optional(),
    project: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a project name' })
        .min(1, { error: 'a project name (1 to 64 characters)' })
        .max(64, { error: 'a project name (1 to 64 characters)' })
        .optional(),
    framework: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(VOLC_FRAMEWORKS, { error: `one of ${VOLC_FRAMEWORKS.join(', ')}` }).optional(),
    endpoint: endpoint(`the ML platform OpenAPI host, or an http(s):// URL (default ${DEFAULT_VOLC_ENDPOINT})`).optional(),
    tos_endpoint: endpoint('the TOS endpoint host, or an http(s):// URL (default tos-<region>.volces.com)').optional(),
    code: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([name('a path'), zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(name('a path')).min(1, { error: 'a path or a list of paths' })], {
        error: 'a path or a list of paths',
    })
        .optional(),
    poll_interval_seconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: 'a number of seconds' })
        .positive({ error: 'more than 0 seconds' })
        .max(300, { error: 'at most 300 seconds' })
        .optional(),
    staging: _staging_js__WEBPACK_IMPORTED_MODULE_0__/* .stagingSchema */ .Nk.optional(),
}, { error: 'a mapping' });
function parseEndpoint(value) {
    const m = /^(https?):\/\/([^/?#\s]+)\/?$/.exec(value.trim());
    if (m)
        return { url: `${m[1]}://${m[2]}`, host: m[2], secure: m[1] === 'https' };
    return { url: `https://${value.trim()}`, host: value.trim(), secure: true };
}
function parseVolcConfig(section, file, 
// the signature every platform section has; nothing of the volc section comes from the environment
_env = {}) {
    const parsed = schema.safeParse(section ?? {});
    if (!parsed.success) {
        return {
            config: null,
            problems: (0,_section_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionProblems */ .g)(parsed.error.issues, section, file, 'volc', Object.keys(schema.shape)),
        };
    }
    const c = parsed.data;
    const region = c.region ?? DEFAULT_VOLC_REGION;
    const tosEndpoint = parseEndpoint(c.tos_endpoint ?? `tos-${region}.volces.com`);
    // the TOS SDK refuses an endpoint with "s3" in it (the S3-compatible tos-s3-… endpoints take S3 signatures)
    if (/s3/i.test(tosEndpoint.host)) {
        return {
            config: null,
            problems: [
                {
                    file,
                    path: 'volc.tos_endpoint',
                    expected: `the TOS endpoint (tos-${region}.volces.com), not the S3-compatible one`,
                    found: JSON.stringify(c.tos_endpoint),
                },
            ],
        };
    }
    return {
        config: {
            region,
            resourceQueueId: c.resource_queue_id,
            image: c.image,
            instanceType: c.instance_type,
            tosBucket: c.tos_bucket,
            tosPrefix: c.tos_prefix ?? 'evalgate',
            project: c.project ?? 'default',
            framework: c.framework ?? 'PyTorch',
            endpoint: parseEndpoint(c.endpoint ?? DEFAULT_VOLC_ENDPOINT),
            tosEndpoint,
            code: c.code === undefined ? [] : Array.isArray(c.code) ? c.code : [c.code],
            pollIntervalMs: Math.round((c.poll_interval_seconds ?? 10) * 1000),
            ...(c.staging ? { staging: c.staging } : {}),
        },
        problems: [],
    };
}


/***/ }),

/***/ 52937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ volcCredentials)
/* harmony export */ });
/* unused harmony export VolcCredentialsError */
/**
 * Volcengine credentials from the environment: an AccessKey pair (and, for a temporary STS key,
 * its session token). The names are those of Volcengine's own SDKs: VOLCENGINE_ACCESS_KEY /
 * VOLCENGINE_SECRET_KEY / VOLCENGINE_SESSION_TOKEN (the Go SDK's environment provider), then
 * VOLC_ACCESSKEY / VOLC_SECRETKEY (the Node SDK's). The same key signs the ML platform's OpenAPI
 * and TOS. A secret never goes into a message; the action masks these variables in the log.
 */
class VolcCredentialsError extends Error {
    name = 'VolcCredentialsError';
}
const NAMES = [
    ['VOLCENGINE_ACCESS_KEY', 'VOLCENGINE_SECRET_KEY'],
    ['VOLC_ACCESSKEY', 'VOLC_SECRETKEY'],
];
/** the key pair from the environment, or a VolcCredentialsError naming the variables to set */
function volcCredentials(env) {
    // a secret pasted with a trailing newline is still the secret
    const get = (k) => env[k]?.trim() || undefined;
    for (const [akName, skName] of NAMES) {
        const ak = get(akName);
        const sk = get(skName);
        if (!ak && !sk)
            continue;
        if (!ak || !sk)
            throw new VolcCredentialsError(`Volcengine credentials: ${ak ? skName : akName} is not set (${ak ? akName : skName} is); set both`);
        const sessionToken = get('VOLCENGINE_SESSION_TOKEN');
        return { accessKeyId: ak, secretKey: sk, ...(sessionToken ? { sessionToken } : {}), source: `${akName}/${skName}` };
    }
    throw new VolcCredentialsError('no Volcengine credentials: set VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY (and VOLCENGINE_SESSION_TOKEN for a temporary STS key), ' +
        'or VOLC_ACCESSKEY and VOLC_SECRETKEY, in the environment of the step (from repository secrets)');
}


/***/ }),

/***/ 47939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ classifyVolc),
/* harmony export */   FC: () => (/* binding */ VolcApiError),
/* harmony export */   h4: () => (/* binding */ VolcOpenApi),
/* harmony export */   mF: () => (/* binding */ AUTH_CODES)
/* harmony export */ });
/* harmony import */ var _volcengine_openapi__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97615);
/* harmony import */ var _volcengine_openapi__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_volcengine_openapi__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48665);
/* harmony import */ var _abort_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24550);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34501);
/**
 * The Volcano Engine ML platform OpenAPI (service `ml_platform`, Version 2024-07-01): every action
 * is `POST /?Action=<A>&Version=2024-07-01` with a JSON body, signed Volcengine HMAC-SHA256 by
 * @volcengine/openapi's own `Signer`, answered by `{ResponseMetadata: {…, Error?: {Code, Message}}, Result}`.
 *
 * Why our own fetch instead of the SDK's `Service(...).createJSONAPI(Action)`: that client resolves
 * every answer, 4xx and 5xx included, as a body, and hides the HTTP status and headers, so
 * throttling (HTTP 429 and its Retry-After) cannot be told apart from a rejected key, and it never
 * retries. Signing stays the SDK's, so the signature is exactly what Volcengine's SDK sends.
 */




/** Gateway and service codes that mean "later": throttling and the gateway's own server errors. */
const TRANSIENT_CODES = new Set([
    'FlowLimitExceeded',
    'RequestLimitExceeded',
    'Throttling',
    'ThrottlingException',
    'TooManyRequests',
    'ServiceUnavailable',
    'ServiceUnavailableTemp',
    'InternalServiceError',
    'InternalServiceTimeout',
    'InternalError',
]);
/** Codes of a refused key or signature: the message says which variables the key came from. */
const AUTH_CODES = new Set([
    'SignatureDoesNotMatch',
    'InvalidAccessKey',
    'InvalidAccessKeyId',
    'InvalidSecretToken',
    'InvalidSecurityToken',
    'MissingAuthenticationToken',
    'MissingSignature',
    'InvalidTimestamp',
    'AccessDenied',
    'InvalidCredential',
]);
/** An error answer of the ML platform, in its own words (`ResponseMetadata.Error`), or a failed connection. */
class VolcApiError extends Error {
    action;
    status;
    code;
    detail;
    requestId;
    retryAfterMs;
    name = 'VolcApiError';
    constructor(action, 
    /** the HTTP status, 0 when no answer came */
    status, code, detail, requestId, retryAfterMs, hint) {
        super(`${_config_js__WEBPACK_IMPORTED_MODULE_1__/* .VOLC_SERVICE */ .rc} ${action}: ${status ? `HTTP ${status} ` : ''}${code}: ${detail}${hint ? ` (${hint})` : ''}`);
        this.action = action;
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.requestId = requestId;
        this.retryAfterMs = retryAfterMs;
    }
    /** worth asking again later: throttled, a server error, no answer */
    get transient() {
        return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500 || TRANSIENT_CODES.has(this.code);
    }
}
const classifyVolc = (e) => e instanceof VolcApiError && e.transient ? (e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) : null;
class VolcOpenApi {
    opts;
    /** every request sent, by action (retries included): the polling cost the README reports */
    counts = new Map();
    constructor(opts) {
        this.opts = opts;
    }
    /**
     * one action, retried while the error is transient; `maxRetries: 0` for one attempt. `retry.signal`
     * (the run's cancel) ends a backoff and the request in flight at once.
     */
    async call(action, body, retry = {}) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(() => this.send(action, body, retry.signal), classifyVolc, { ...this.opts.retry, ...retry });
    }
    /** one signed request */
    async send(action, body, signal) {
        const creds = this.opts.credentials();
        const text = JSON.stringify(body);
        const params = { Action: action, Version: _config_js__WEBPACK_IMPORTED_MODULE_1__/* .VOLC_API_VERSION */ .f6 };
        const req = {
            region: this.opts.region,
            method: 'POST',
            pathname: '/',
            params: { ...params },
            headers: { 'Content-Type': 'application/json; charset=utf-8' },
            // a string, so that X-Content-Sha256 is the hash of exactly the bytes sent
            body: text,
        };
        new _volcengine_openapi__WEBPACK_IMPORTED_MODULE_0__.Signer(req, _config_js__WEBPACK_IMPORTED_MODULE_1__/* .VOLC_SERVICE */ .rc).addAuthorization({
            accessKeyId: creds.accessKeyId,
            secretKey: creds.secretKey,
            ...(creds.sessionToken ? { sessionToken: creds.sessionToken } : {}),
        });
        this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
        const url = `${this.opts.endpoint}/?${new URLSearchParams(params).toString()}`;
        let res;
        let raw;
        try {
            res = await (this.opts.fetch ?? fetch)(url, {
                method: 'POST',
                headers: { ...req.headers, 'User-Agent': 'evalgate' },
                body: text,
                signal: (0,_abort_js__WEBPACK_IMPORTED_MODULE_3__/* .anySignal */ .JG)(AbortSignal.timeout(this.opts.timeoutMs ?? 30_000), signal),
            });
            raw = await res.text();
        }
        catch (e) {
            (0,_abort_js__WEBPACK_IMPORTED_MODULE_3__/* .throwIfCancelled */ .dZ)(signal);
            if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isNetworkError */ .TX)(e))
                throw new VolcApiError(action, 0, 'NetworkError', describeNetworkError(e));
            throw e;
        }
        let env = null;
        try {
            env = raw ? JSON.parse(raw) : {};
        }
        catch {
            env = null;
        }
        const err = env?.ResponseMetadata?.Error;
        const retryAfterMs = (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after'));
        const requestId = env?.ResponseMetadata?.RequestId;
        if (err || !res.ok || !env) {
            const code = typeof err?.Code === 'string' && err.Code ? err.Code : typeof env?.errorcode === 'string' ? env.errorcode : `HTTP${res.status}`;
            const message = typeof err?.Message === 'string'
                ? err.Message
                : typeof env?.message === 'string'
                    ? env.message
                    : raw
                        ? raw.slice(0, 300)
                        : 'no error message';
            const hint = AUTH_CODES.has(code) ? `the key from ${creds.source}` : undefined;
            throw new VolcApiError(action, res.status, code, `${message}${requestId ? ` [RequestId ${requestId}]` : ''}`, requestId, retryAfterMs, hint);
        }
        return (env.Result ?? {});
    }
    /** the total number of requests sent */
    get total() {
        let n = 0;
        for (const v of this.counts.values())
            n += v;
        return n;
    }
}
function describeNetworkError(e) {
    const parts = [];
    for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = cur.cause, depth++) {
        const m = cur.message;
        const code = cur.code;
        if (typeof m === 'string' && m)
            parts.push(typeof code === 'string' && !m.includes(code) ? `${m} (${code})` : m);
    }
    return parts.join(': ') || 'the connection failed';
}


/***/ }),

/***/ 34501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   TX: () => (/* binding */ isNetworkError),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports RETRY_AFTER_LIMIT_MS, retryDelayMs */
/* harmony import */ var _abort_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24550);
/**
 * Retries of transient Volcengine errors (throttled, a server error, a reset connection): exponential
 * backoff with jitter, or the server's Retry-After when it sends one. Shared by the ML platform
 * OpenAPI client and the TOS calls (the TOS SDK's own retries go again at once, without waiting,
 * so they are turned off and these are used instead).
 */

/** a Retry-After longer than this is not waited for: the error is reported instead */
const RETRY_AFTER_LIMIT_MS = 5 * 60_000;
/** `Retry-After: <seconds>` or `Retry-After: <HTTP date>`, in ms from now */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const v = value.trim();
    if (/^\d+(\.\d+)?$/.test(v))
        return Math.round(Number(v) * 1000);
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/** the wait before retry number `attempt` (0-based): Retry-After (plus up to 20% so that many clients spread), else base·2^attempt with jitter */
function retryDelayMs(attempt, transience, o = {}) {
    const random = o.random ?? Math.random;
    if (transience.retryAfterMs !== undefined)
        return Math.round(transience.retryAfterMs * (1 + 0.2 * random()));
    const base = o.baseMs ?? 1000;
    const cap = o.maxMs ?? 30_000;
    // "equal jitter": half the exponential step, plus a random part of the other half
    const step = Math.min(cap, base * 2 ** attempt);
    return Math.round(step / 2 + (step / 2) * random());
}
/**
 * Runs `fn`, retrying while `classify` calls its error transient. `beforeRetry` runs before each
 * retry and may end the loop with a value (a CreateJob whose answer was lost, found by its name).
 */
async function withRetries(fn, classify, o = {}, beforeRetry) {
    const maxRetries = o.maxRetries ?? 6;
    const signal = o.signal;
    const sleep = o.sleep ?? ((ms) => (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .sleepUnlessAborted */ .bp)(ms, signal));
    for (let attempt = 0;; attempt++) {
        (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfCancelled */ .dZ)(signal);
        try {
            return await fn();
        }
        catch (e) {
            (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfCancelled */ .dZ)(signal);
            const t = classify(e);
            if (!t || attempt >= maxRetries || (t.retryAfterMs ?? 0) > RETRY_AFTER_LIMIT_MS)
                throw e;
            await sleep(retryDelayMs(attempt, t, o));
            (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfCancelled */ .dZ)(signal);
            if (beforeRetry) {
                const done = await beforeRetry();
                if (done !== undefined)
                    return done;
            }
        }
    }
}
/** a connection-level failure (reset, refused, timed out, DNS hiccup): the request may be sent again */
function isNetworkError(e) {
    const codes = new Set([
        'ECONNRESET',
        'ECONNREFUSED',
        'ECONNABORTED',
        'ETIMEDOUT',
        'EPIPE',
        'EAI_AGAIN',
        'ENETUNREACH',
        'EHOSTUNREACH',
        'UND_ERR_SOCKET',
        'UND_ERR_CONNECT_TIMEOUT',
        'UND_ERR_HEADERS_TIMEOUT',
        'UND_ERR_BODY_TIMEOUT',
        'UND_ERR_CLOSED',
    ]);
    for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = cur.cause, depth++) {
        const err = cur;
        if (typeof err.code === 'string' && codes.has(err.code))
            return true;
        if (err.name === 'TimeoutError')
            return true;
        if (typeof err.message === 'string' && /socket hang up|other side closed/i.test(err.message))
            return true;
    }
    return false;
}


/***/ }),

/***/ 14065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ku: () => (/* binding */ parseTosUri),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   hv: () => (/* binding */ TosBucket),
/* harmony export */   iR: () => (/* binding */ tosClient)
/* harmony export */ });
/* unused harmony export TosError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _volcengine_tos_sdk__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20741);
/* harmony import */ var _volcengine_tos_sdk__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(_volcengine_tos_sdk__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71177);
/* harmony import */ var _stores_blob_safe_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83873);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48665);
/* harmony import */ var _openapi_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(47939);
/* harmony import */ var _abort_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(24550);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(34501);
/**
 * TOS, Volcano Engine's object storage, through @volcengine/tos-sdk: staging local inputs under a
 * content-addressed prefix, listing a job's output prefix page by page (ListObjectsType2 with
 * continuation tokens), downloading what jobs wrote (object names never trusted as paths) and the
 * tail of a job's log. Every call is retried here on throttling and server errors, honouring
 * Retry-After: the SDK's own retries go again at once, so they are turned off.
 */









/** small files sent side by side */
const UPLOADS_AT_ONCE = 8;
const TRANSIENT_TOS_CODES = new Set([
    'TooManyRequests',
    'ExceedQPSLimit',
    'ExceedRateLimit',
    'InternalError',
    'ServiceUnavailable',
    'Timeout',
    'TimeOut',
]);
/** `tos://<bucket>/<key or prefix>` */
function parseTosUri(uri) {
    const m = /^tos:\/\/([^/]+)(?:\/(.*))?$/.exec(uri);
    if (!m || !_config_js__WEBPACK_IMPORTED_MODULE_5__/* .TOS_BUCKET */ .Wu.test(m[1]))
        throw new Error('expected tos://<bucket>/<prefix> (a bucket name of 3 to 63 lower-case letters, digits and -)');
    return { bucket: m[1], key: (m[2] ?? '').replace(/^\/+/, '') };
}
function tosClient(creds, region, endpoint) {
    return new _volcengine_tos_sdk__WEBPACK_IMPORTED_MODULE_2__.TosClient({
        accessKeyId: creds.accessKeyId,
        accessKeySecret: creds.secretKey,
        ...(creds.sessionToken ? { stsToken: creds.sessionToken } : {}),
        region,
        // an IP endpoint (a local emulator) makes the SDK use path-style /<bucket>/<key> by itself
        endpoint: endpoint.host,
        secure: endpoint.secure,
        maxRetryCount: 0,
    });
}
/** a TOS error answer (or failed connection), with TOS's own code and message */
class TosError extends Error {
    operation;
    status;
    code;
    retryAfterMs;
    name = 'TosError';
    constructor(operation, status, code, detail, retryAfterMs) {
        super(`TOS ${operation}: ${status ? `HTTP ${status} ` : ''}${code}: ${detail}`);
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }
    get transient() {
        return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500 || TRANSIENT_TOS_CODES.has(this.code);
    }
}
function tosError(operation, e, source) {
    if (e instanceof _volcengine_tos_sdk__WEBPACK_IMPORTED_MODULE_2__.TosServerError) {
        const message = e.data?.Message || e.message || 'no error message';
        const hint = _openapi_js__WEBPACK_IMPORTED_MODULE_6__/* .AUTH_CODES */ .mF.has(e.code) || e.code === 'AccessDenied' ? ` (the key from ${source})` : '';
        return new TosError(operation, e.statusCode, e.code || `HTTP${e.statusCode}`, `${message}${e.requestId ? ` [RequestId ${e.requestId}]` : ''}${hint}`, (0,_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .parseRetryAfter */ .mu)(e.headers?.['retry-after']));
    }
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .isNetworkError */ .TX)(e))
        return new TosError(operation, 0, 'NetworkError', e.message || 'the connection failed');
    return e;
}
const classifyTos = (e) => e instanceof TosError && e.transient ? (e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) : null;
/** One bucket, with retries. */
class TosBucket {
    client;
    bucket;
    source;
    retry;
    /** requests sent, by operation (retries included) */
    counts = new Map();
    constructor(client, bucket, 
    /** where the key came from, for messages */
    source, retry = {}) {
        this.client = client;
        this.bucket = bucket;
        this.source = source;
        this.retry = retry;
    }
    /** one operation with retries; `signal` (the run's cancel) ends its backoff and drops the request in flight (the SDK takes no signal) */
    run(operation, what, fn, signal, cancelsItself = false) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .withRetries */ .LH)(async () => {
            this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
            try {
                // an uploadFile stops on its own cancel token (the signal fires it): its parts and
                // checkpoint are left consistent for the next run to resume, so it is not raced
                return await (cancelsItself ? fn() : (0,_abort_js__WEBPACK_IMPORTED_MODULE_8__/* .raceAbort */ .Mu)(fn(), signal));
            }
            catch (e) {
                if (signal?.aborted)
                    throw e;
                throw tosError(`${operation} ${this.bucket}/${what}`, e, this.source);
            }
        }, classifyTos, { ...this.retry, ...(signal ? { signal } : {}) });
    }
    /** every object below `prefix`, one ListObjectsType2 page (up to 1000 keys) at a time */
    async *list(prefix, signal) {
        let token;
        do {
            const page = await this.run('ListObjectsType2', prefix, () => this.client.listObjectsType2({
                bucket: this.bucket,
                prefix,
                maxKeys: 1000,
                // one page per call: the SDK would otherwise follow the tokens itself, without our retries
                listOnlyOnce: true,
                ...(token ? { continuationToken: token } : {}),
            }), signal);
            yield (page.data.Contents ?? []).map((c) => ({ key: c.Key, size: Number(c.Size) }));
            token = page.data.IsTruncated ? page.data.NextContinuationToken : undefined;
        } while (token);
    }
    /**
     * Uploads files under `prefix` (ending in `/`), skipping each one a previous run already put there
     * with the same size: the prefix is content-addressed, so a name and size that match are the same
     * bytes (uploadFile makes no object until CompleteMultipartUpload, so an interrupted upload left
     * none). A file larger than one part goes up through uploadFile, `staging.concurrency` parts at
     * once, with its checkpoint file in `checkpointDir` (the SDK writes it after each part and reads
     * it back): a run killed mid-upload is resumed by the next from the parts TOS has. Returns how
     * many files were sent.
     */
    async upload(prefix, files, opts = {}) {
        const have = new Map();
        for await (const page of this.list(prefix, opts.signal))
            for (const o of page)
                have.set(o.key, o.size);
        const staging = opts.staging ?? _staging_js__WEBPACK_IMPORTED_MODULE_3__/* .STAGING_LIMITS */ .Pg.volc.defaults;
        const todo = [];
        for (const [rel, abs] of files) {
            const size = (await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(abs)).size;
            if (have.get(prefix + rel) !== size)
                todo.push([prefix + rel, abs, size]);
        }
        let next = 0;
        // small files side by side; a large one alone carries `concurrency` parts
        const worker = async () => {
            while (next < todo.length) {
                (0,_staging_js__WEBPACK_IMPORTED_MODULE_3__/* .throwIfAborted */ .Te)(opts.signal);
                const [key, abs, size] = todo[next++];
                const partSize = (0,_staging_js__WEBPACK_IMPORTED_MODULE_3__/* .partSizeFor */ .oV)(size, 'volc', staging.partSize);
                if (size > partSize)
                    await this.uploadLarge(key, abs, partSize, staging.concurrency, opts);
                else
                    // a fresh file stream per attempt: a retried upload starts from the first byte
                    await this.run('PutObject', key, () => this.client.putObjectFromFile({ bucket: this.bucket, key, filePath: abs }), opts.signal);
            }
        };
        await Promise.all(Array.from({ length: Math.min(UPLOADS_AT_ONCE, todo.length) }, worker));
        return todo.length;
    }
    async uploadLarge(key, abs, partSize, taskNum, opts) {
        const checkpoint = opts.checkpointDir ? (0,_staging_js__WEBPACK_IMPORTED_MODULE_3__/* .checkpointFile */ .lS)(opts.checkpointDir, `tos-${this.bucket}`, key) : undefined;
        const source = _volcengine_tos_sdk__WEBPACK_IMPORTED_MODULE_2__.CancelToken.source();
        const onAbort = () => source.cancel('staging was cancelled');
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const send = () => this.client.uploadFile({
            bucket: this.bucket,
            key,
            file: abs,
            partSize,
            taskNum,
            cancelToken: source.token,
            ...(checkpoint ? { checkpoint } : {}),
        });
        try {
            await this.run('UploadFile', key, async () => {
                (0,_staging_js__WEBPACK_IMPORTED_MODULE_3__/* .throwIfAborted */ .Te)(opts.signal);
                try {
                    return await send();
                }
                catch (e) {
                    if (opts.signal?.aborted)
                        throw opts.signal.reason;
                    // a checkpoint whose upload TOS no longer has (aborted, expired), or one a kill left unreadable: start over once
                    const stale = e instanceof _volcengine_tos_sdk__WEBPACK_IMPORTED_MODULE_2__.TosServerError ? e.statusCode === 404 || e.code === 'InvalidPart' : e instanceof SyntaxError;
                    if (!checkpoint || !stale)
                        throw e;
                    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(checkpoint, { force: true });
                    return await send();
                }
            }, opts.signal, true);
        }
        finally {
            opts.signal?.removeEventListener('abort', onAbort);
        }
    }
    /**
     * Downloads every object below `prefix` whose name ends in one of `suffixes` (all when empty) into
     * `dest`, keeping the names below the prefix as relative paths. A name that is not a plain relative
     * path (`..`, an empty segment, a backslash) is refused, never written.
     */
    async download(prefix, dest, suffixes = [], signal) {
        const files = [];
        const refused = [];
        for await (const page of this.list(prefix, signal)) {
            for (const o of page) {
                if (suffixes.length && !suffixes.some((s) => o.key.endsWith(s)))
                    continue;
                const local = (0,_stores_blob_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .safeJoin */ .g)(dest, o.key.slice(prefix.length));
                if (!local) {
                    refused.push(o.key);
                    continue;
                }
                const data = await this.get(o.key, signal);
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(local), { recursive: true });
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(local, data);
                files.push(local);
            }
        }
        return { files: files.sort(), refused };
    }
    /** the last `bytes` bytes of an object (a suffix range: a long log is not read whole), or null when there is no such object */
    async tailBytes(key, bytes) {
        try {
            const res = await this.run('GetObject', key, () => this.client.getObjectV2({ bucket: this.bucket, key, dataType: 'buffer', range: `bytes=-${bytes}` }));
            return res.data.content;
        }
        catch (e) {
            if (e instanceof TosError && e.status === 404)
                return null;
            // an empty object has no last bytes to give
            if (e instanceof TosError && e.status === 416)
                return Buffer.alloc(0);
            throw e;
        }
    }
    async get(key, signal) {
        const res = await this.run('GetObject', key, () => this.client.getObjectV2({ bucket: this.bucket, key, dataType: 'buffer' }), signal);
        return res.data.content;
    }
}
/** the last `lines` lines of a text */
function tail(text, lines) {
    const all = text.split('\n');
    if (all.at(-1) === '')
        all.pop();
    return all.slice(-lines).join('\n');
}


/***/ }),

/***/ 83873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ safeJoin)
/* harmony export */ });
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
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(dest);
    const full = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(root, ...segs);
    return full.startsWith(root + (node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)) ? full : null;
}


/***/ })

};
