export const id = 530;
export const ids = [530];
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

/***/ 19530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cancelSavedVolc: () => (/* binding */ cancelSavedVolc)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./src/platforms/staging.ts
var staging = __webpack_require__(71177);
;// CONCATENATED MODULE: ./src/platforms/volc/config.ts
/** The `volc` section of the config: where jobs run on the Volcano Engine ML platform, and the TOS bucket they read and write. */



/** The ML platform OpenAPI: service `ml_platform`, the "Job" API generation (CreateJob, GetJob, StopJob, ListJobs). */
const VOLC_SERVICE = 'ml_platform';
const VOLC_API_VERSION = '2024-07-01';
const DEFAULT_VOLC_REGION = 'cn-beijing';
const DEFAULT_VOLC_ENDPOINT = 'open.volcengineapi.com';
/** RuntimeConfig.Framework values CreateJob takes (the Go SDK's input enum; `Custom` is listed for GetJob output only, so on input it is [U]) */
const VOLC_FRAMEWORKS = ['PyTorch', 'TensorFlow', 'MPI', 'Ray', 'Custom'];
/** TOS bucket names: 3 to 63 lower-case letters, digits and `-`, not starting or ending with `-` (the TOS SDK's own check) */
const config_TOS_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const config_name = (what) => schemas/* string */.YjP({ error: what }).trim().min(1, { error: what });
/** a host[:port], or an http(s):// URL with nothing after the host */
const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/;
const endpoint = (what) => schemas/* string */.YjP({ error: what }).refine((v) => HOST.test(v) || /^https?:\/\/[^/?#\s]+\/?$/.test(v), { error: what });
const schema = schemas/* strictObject */.rej({
    region: schemas/* string */.YjP({ error: 'a region id such as cn-beijing' })
        .regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, { error: 'a region id such as cn-beijing' })
        .optional(),
    resource_queue_id: config_name('a resource queue id (q-…)'),
    image: config_name('a container image (e.g. vemlp-cn-beijing.cr.volces.com/<namespace>/<repository>:<tag>)'),
    instance_type: config_name('an instance type id (e.g. ml.g1e.large)'),
    tos_bucket: schemas/* string */.YjP({ error: 'a TOS bucket name' })
        .regex(config_TOS_BUCKET, { error: 'a TOS bucket name (3 to 63 lower-case letters, digits and -)' }),
    tos_prefix: schemas/* string */.YjP({ error: 'a path prefix in the bucket' })
        .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
        .optional(),
    project: schemas/* string */.YjP({ error: 'a project name' })
        .min(1, { error: 'a project name (1 to 64 characters)' })
        .max(64, { error: 'a project name (1 to 64 characters)' })
        .optional(),
    framework: schemas/* enum */.k5n(VOLC_FRAMEWORKS, { error: `one of ${VOLC_FRAMEWORKS.join(', ')}` }).optional(),
    endpoint: endpoint(`the ML platform OpenAPI host, or an http(s):// URL (default ${DEFAULT_VOLC_ENDPOINT})`).optional(),
    tos_endpoint: endpoint('the TOS endpoint host, or an http(s):// URL (default tos-<region>.volces.com)').optional(),
    code: schemas/* union */.KCZ([config_name('a path'), schemas/* array */.YOg(config_name('a path')).min(1, { error: 'a path or a list of paths' })], {
        error: 'a path or a list of paths',
    })
        .optional(),
    poll_interval_seconds: schemas/* number */.aig({ error: 'a number of seconds' })
        .positive({ error: 'more than 0 seconds' })
        .max(300, { error: 'at most 300 seconds' })
        .optional(),
    staging: staging/* stagingSchema */.Nk.optional(),
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
            problems: sectionProblems(parsed.error.issues, section, file, 'volc', Object.keys(schema.shape)),
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

;// CONCATENATED MODULE: ./src/platforms/volc/credentials.ts
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
function credentials_volcCredentials(env) {
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

// EXTERNAL MODULE: ./node_modules/@volcengine/openapi/lib/index.js
var lib = __webpack_require__(97615);
// EXTERNAL MODULE: ./src/platforms/abort.ts
var abort = __webpack_require__(24550);
;// CONCATENATED MODULE: ./src/platforms/volc/retry.ts
/**
 * Retries of transient Volcengine errors (throttled, a server error, a reset connection): exponential
 * backoff with jitter, or the server's Retry-After when it sends one. Shared by the ML platform
 * OpenAPI client and the TOS calls (the TOS SDK's own retries go again at once, without waiting,
 * so they are turned off and these are used instead).
 */

/** a Retry-After longer than this is not waited for: the error is reported instead */
const RETRY_AFTER_LIMIT_MS = 5 * 60_000;
/** `Retry-After: <seconds>` or `Retry-After: <HTTP date>`, in ms from now */
function retry_parseRetryAfter(value, now = Date.now()) {
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
async function retry_withRetries(fn, classify, o = {}, beforeRetry) {
    const maxRetries = o.maxRetries ?? 6;
    const signal = o.signal;
    const sleep = o.sleep ?? ((ms) => (0,abort/* sleepUnlessAborted */.bp)(ms, signal));
    for (let attempt = 0;; attempt++) {
        (0,abort/* throwIfCancelled */.dZ)(signal);
        try {
            return await fn();
        }
        catch (e) {
            (0,abort/* throwIfCancelled */.dZ)(signal);
            const t = classify(e);
            if (!t || attempt >= maxRetries || (t.retryAfterMs ?? 0) > RETRY_AFTER_LIMIT_MS)
                throw e;
            await sleep(retryDelayMs(attempt, t, o));
            (0,abort/* throwIfCancelled */.dZ)(signal);
            if (beforeRetry) {
                const done = await beforeRetry();
                if (done !== undefined)
                    return done;
            }
        }
    }
}
/** a connection-level failure (reset, refused, timed out, DNS hiccup): the request may be sent again */
function retry_isNetworkError(e) {
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

;// CONCATENATED MODULE: ./src/platforms/volc/openapi.ts
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
const openapi_AUTH_CODES = new Set([
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
class openapi_VolcApiError extends Error {
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
        super(`${VOLC_SERVICE} ${action}: ${status ? `HTTP ${status} ` : ''}${code}: ${detail}${hint ? ` (${hint})` : ''}`);
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
const openapi_classifyVolc = (e) => e instanceof openapi_VolcApiError && e.transient ? (e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) : null;
class openapi_VolcOpenApi {
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
        return retry_withRetries(() => this.send(action, body, retry.signal), openapi_classifyVolc, { ...this.opts.retry, ...retry });
    }
    /** one signed request */
    async send(action, body, signal) {
        const creds = this.opts.credentials();
        const text = JSON.stringify(body);
        const params = { Action: action, Version: VOLC_API_VERSION };
        const req = {
            region: this.opts.region,
            method: 'POST',
            pathname: '/',
            params: { ...params },
            headers: { 'Content-Type': 'application/json; charset=utf-8' },
            // a string, so that X-Content-Sha256 is the hash of exactly the bytes sent
            body: text,
        };
        new lib.Signer(req, VOLC_SERVICE).addAuthorization({
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
                signal: (0,abort/* anySignal */.JG)(AbortSignal.timeout(this.opts.timeoutMs ?? 30_000), signal),
            });
            raw = await res.text();
        }
        catch (e) {
            (0,abort/* throwIfCancelled */.dZ)(signal);
            if (retry_isNetworkError(e))
                throw new openapi_VolcApiError(action, 0, 'NetworkError', describeNetworkError(e));
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
        const retryAfterMs = retry_parseRetryAfter(res.headers.get('retry-after'));
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
            const hint = openapi_AUTH_CODES.has(code) ? `the key from ${creds.source}` : undefined;
            throw new openapi_VolcApiError(action, res.status, code, `${message}${requestId ? ` [RequestId ${requestId}]` : ''}`, requestId, retryAfterMs, hint);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/stores/fs.ts + 3 modules
var stores_fs = __webpack_require__(83636);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
// EXTERNAL MODULE: ./src/core/plan.ts
var plan = __webpack_require__(4620);
;// CONCATENATED MODULE: ./src/platforms/volc/job.ts


const VOLC_MOUNT = '/mnt/evalgate';
/** Where a job sees its code, inputs and output: TOS prefixes mounted by the platform. */
const job_VOLC_PATHS = {
    code: `${VOLC_MOUNT}/code`,
    model: `${VOLC_MOUNT}/model`,
    data: `${VOLC_MOUNT}/data`,
    out: `${VOLC_MOUNT}/out`,
};
/**
 * The 2024-07-01 API has no log action, so each job tees its own stdout and stderr into its output
 * mount. Not a .json name: collect never takes it for an indicator file.
 */
const job_VOLC_LOG_FILE = 'evalgate-log.txt';
/** The 2024-07-01 job states (Status.State) and what each means for evalgate. */
const job_VOLC_STATES = {
    Creating: 'queued',
    Waiting: 'queued',
    Queueing: 'queued',
    Deploying: 'queued',
    Running: 'running',
    // stop accepted, not done: the job may still write
    Stopping: 'running',
    Completed: 'succeeded',
    Failed: 'failed',
    Stopped: 'cancelled',
};
/** an unknown state is not terminal: the job timeout ends a job that never leaves it */
function job_mapVolcState(state) {
    return job_VOLC_STATES[state] ?? 'queued';
}
/**
 * The job's command as the platform runs it: from the code mount when there is one (so commands
 * written for the repository checkout work unchanged), under /bin/sh like every other platform,
 * with stdout and stderr also written to <out>/evalgate-log.txt, and the command's own exit code
 * as the job's (a pipeline's status would be tee's). POSIX sh: no pipefail needed.
 */
function wrapCommand(command, codeDir) {
    const run = `${codeDir ? `cd ${shellQuote(codeDir)} && ` : ''}/bin/sh -c ${shellQuote(command)}`;
    return (`rc=/tmp/evalgate-rc.$$; { ${run}; echo $? > "$rc"; } 2>&1 | tee ${job_VOLC_PATHS.out}/${job_VOLC_LOG_FILE}; ` +
        `code=$(cat "$rc" 2>/dev/null); rm -f "$rc"; exit "\${code:-1}"`);
}
function volcTemplateVars(job, gate, v) {
    const mount = (m, name) => ({
        [`${name}_bucket`]: m?.bucket ?? '',
        [`${name}_prefix`]: m?.prefix ?? '',
    });
    return {
        ...jobVars(job, gate),
        command: wrapCommand(job.command, v.code ? job_VOLC_PATHS.code : undefined),
        project: v.project,
        image: job.image ?? v.image,
        framework: v.framework,
        resource_queue_id: v.resourceQueueId,
        instance_type: job.resources.instance_type ?? v.instanceType,
        ...mount(v.code, 'code'),
        ...mount(v.model, 'model'),
        ...mount(v.data, 'data'),
        ...mount(v.out, 'out'),
        // the bucket of the output and staged inputs (the template's old name for it)
        tos_bucket: v.out.bucket,
    };
}
async function job_renderVolcJob(job, gate, v) {
    return renderTemplate(await readTemplate('volc'), volcTemplateVars(job, gate, v), 'json');
}
/**
 * The CreateJob body of a rendered job.json: parsed, with each TOS storage whose bucket is empty
 * left out (no model, no data, no code, or an input that is a URI the job reads itself).
 */
function job_createJobBody(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`volc/job.json does not render to JSON: ${e.message}`);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new Error('volc/job.json: expected a JSON object');
    const b = body;
    const storage = b.StorageConfig;
    if (storage && Array.isArray(storage.Storages)) {
        storage.Storages = storage.Storages.filter((s) => {
            const tos = s.Config?.Tos;
            return !tos || (typeof tos.Bucket === 'string' && tos.Bucket !== '');
        });
    }
    return b;
}
/** [U] the console's job page (platform-apis §3.8: the job list's form, from third-party docs; the detail path is a guess) */
function job_consoleUrl(region, id) {
    return `https://console.volcengine.com/ml-platform/region:ml-platform+${encodeURIComponent(region)}/task/detail?Id=${encodeURIComponent(id)}`;
}

// EXTERNAL MODULE: ./node_modules/@volcengine/tos-sdk/dist/index.js
var dist = __webpack_require__(20741);
// EXTERNAL MODULE: ./src/stores/blob-safe.ts
var blob_safe = __webpack_require__(83873);
;// CONCATENATED MODULE: ./src/platforms/volc/tos.ts
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
function tos_parseTosUri(uri) {
    const m = /^tos:\/\/([^/]+)(?:\/(.*))?$/.exec(uri);
    if (!m || !TOS_BUCKET.test(m[1]))
        throw new Error('expected tos://<bucket>/<prefix> (a bucket name of 3 to 63 lower-case letters, digits and -)');
    return { bucket: m[1], key: (m[2] ?? '').replace(/^\/+/, '') };
}
function tos_tosClient(creds, region, endpoint) {
    return new TosClient({
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
    if (e instanceof TosServerError) {
        const message = e.data?.Message || e.message || 'no error message';
        const hint = AUTH_CODES.has(e.code) || e.code === 'AccessDenied' ? ` (the key from ${source})` : '';
        return new TosError(operation, e.statusCode, e.code || `HTTP${e.statusCode}`, `${message}${e.requestId ? ` [RequestId ${e.requestId}]` : ''}${hint}`, parseRetryAfter(e.headers?.['retry-after']));
    }
    if (isNetworkError(e))
        return new TosError(operation, 0, 'NetworkError', e.message || 'the connection failed');
    return e;
}
const classifyTos = (e) => e instanceof TosError && e.transient ? (e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) : null;
/** One bucket, with retries. */
class tos_TosBucket {
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
        return withRetries(async () => {
            this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
            try {
                // an uploadFile stops on its own cancel token (the signal fires it): its parts and
                // checkpoint are left consistent for the next run to resume, so it is not raced
                return await (cancelsItself ? fn() : raceAbort(fn(), signal));
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
        const staging = opts.staging ?? STAGING_LIMITS.volc.defaults;
        const todo = [];
        for (const [rel, abs] of files) {
            const size = (await fs.stat(abs)).size;
            if (have.get(prefix + rel) !== size)
                todo.push([prefix + rel, abs, size]);
        }
        let next = 0;
        // small files side by side; a large one alone carries `concurrency` parts
        const worker = async () => {
            while (next < todo.length) {
                throwIfAborted(opts.signal);
                const [key, abs, size] = todo[next++];
                const partSize = partSizeFor(size, 'volc', staging.partSize);
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
        const checkpoint = opts.checkpointDir ? checkpointFile(opts.checkpointDir, `tos-${this.bucket}`, key) : undefined;
        const source = CancelToken.source();
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
                throwIfAborted(opts.signal);
                try {
                    return await send();
                }
                catch (e) {
                    if (opts.signal?.aborted)
                        throw opts.signal.reason;
                    // a checkpoint whose upload TOS no longer has (aborted, expired), or one a kill left unreadable: start over once
                    const stale = e instanceof TosServerError ? e.statusCode === 404 || e.code === 'InvalidPart' : e instanceof SyntaxError;
                    if (!checkpoint || !stale)
                        throw e;
                    await fs.rm(checkpoint, { force: true });
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
                const local = safeJoin(dest, o.key.slice(prefix.length));
                if (!local) {
                    refused.push(o.key);
                    continue;
                }
                const data = await this.get(o.key, signal);
                await fs.mkdir(path.dirname(local), { recursive: true });
                await fs.writeFile(local, data);
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
function tos_tail(text, lines) {
    const all = text.split('\n');
    if (all.at(-1) === '')
        all.pop();
    return all.slice(-lines).join('\n');
}

// EXTERNAL MODULE: ./src/platforms/snapshot.ts
var snapshot = __webpack_require__(91178);
// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
;// CONCATENATED MODULE: ./src/platforms/volc/volc.ts
/**
 * `volc`: each evalgate job and shard is a Volcano Engine ML platform job (OpenAPI 2024-07-01),
 * created with a deterministic Name (a retried submission finds the job of that name with ListJobs
 * and attaches to it), reading the staged model, data and code from TOS prefixes mounted read-only
 * and writing its indicator files (and its own log) to a TOS prefix mounted read-write, which
 * collect downloads.
 */














/**
 * Status requests per second one run sends to the ML platform (ListJobs pages and per-job GetJob
 * alike). Volcengine documents no rate limit for ml_platform's OpenAPI (see docs/platforms/volc.md):
 * this is a conservative bound: ten requests a second, one round of ListJobs pages for 1,000 jobs.
 */
const VOLC_STATUS_RATE = { perSecond: 10, burst: 10 };
/** ListJobs' largest PageSize (the Go SDK checks 10..100) */
const LIST_PAGE = 100;
/** the longest prefix every name shares */
function commonPrefix(names) {
    if (!names.length)
        return '';
    let p = names[0];
    for (const n of names)
        while (!n.startsWith(p))
            p = p.slice(0, -1);
    return p;
}
/** how many status reads in a row may fail transiently (throttled past the retries, 5xx) before the run gives up */
const MAX_TRANSIENT = 10;
const CANCEL_WAIT_MS = 60_000;
/** how long a submit the abort cut off looks for the job its CreateJob may have created */
const ORPHAN_LOOKUP_MS = 3_000;
const STOP_REASON = 'cancelled by evalgate';
/** how much of the end of a job's log is read for its tail */
const LOG_TAIL_BYTES = (/* unused pure expression or super */ null && (256 * 1024));
/** a URI that names a file (an extension in its last segment) rather than a prefix */
const namesFile = (key) => key !== '' && !key.endsWith('/') && /\.[A-Za-z0-9]+$/.test(key);
const isoMs = (s) => {
    const t = s ? Date.parse(s) : NaN;
    return Number.isNaN(t) ? undefined : t;
};
class VolcPlatform {
    opts;
    name = 'volc';
    pollIntervalMs;
    maxPollIntervalMs;
    creds;
    apiClient;
    bucketClients = new Map();
    mounts = { model: null, data: null };
    code = null;
    prepared = false;
    hashes = {};
    tracked = new Map();
    /** job Id → the name of the attempt it runs (where it writes) */
    attempts = new Map();
    rate;
    constructor(opts) {
        this.opts = opts;
        this.rate = new RateLimiter(opts.statusRate?.perSecond ?? VOLC_STATUS_RATE.perSecond, opts.statusRate?.burst ?? VOLC_STATUS_RATE.burst);
        this.pollIntervalMs = opts.config.pollIntervalMs;
        this.maxPollIntervalMs = Math.max(opts.config.pollIntervalMs, 60_000);
    }
    /** the key from the environment, read when first needed (a dry run needs none) */
    credentials() {
        this.creds ??= volcCredentials(this.opts.env);
        return this.creds;
    }
    get api() {
        this.apiClient ??= new VolcOpenApi({
            endpoint: this.opts.config.endpoint.url,
            region: this.opts.config.region,
            credentials: () => this.credentials(),
            retry: this.opts.retry,
            ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
        });
        return this.apiClient;
    }
    bucket(name = this.opts.config.tosBucket) {
        let b = this.bucketClients.get(name);
        if (!b) {
            const creds = this.credentials();
            b = new TosBucket(tosClient(creds, this.opts.config.region, this.opts.config.tosEndpoint), name, creds.source, this.opts.retry);
            this.bucketClients.set(name, b);
        }
        return b;
    }
    /** every request sent to the ML platform and TOS, by operation */
    get requestCounts() {
        const out = {};
        for (const [k, v] of this.apiClient?.counts ?? [])
            out[k] = v;
        for (const b of this.bucketClients.values())
            for (const [k, v] of b.counts)
                out[`TOS ${k}`] = (out[`TOS ${k}`] ?? 0) + v;
        return out;
    }
    prefix(sub) {
        return `${this.opts.config.tosPrefix}/${sub}`;
    }
    /** the output prefix of one attempt (its name): a new attempt never collects a dead one's files */
    outPrefix(job) {
        return this.prefix(`runs/${typeof job === 'string' ? job : job.name}/`);
    }
    /** uploadFile's checkpoints live in <workDir>/.staging: a re-run in the same folder resumes an interrupted upload */
    uploadOptions(signal = this.opts.signal) {
        return {
            checkpointDir: path.join(this.opts.workDir, '.staging'),
            ...(this.opts.staging ? { staging: this.opts.staging } : {}),
            ...(signal ? { signal } : {}),
        };
    }
    locate(_key, _shard, _name, staged) {
        return { model: staged.model, data: staged.data, out: VOLC_PATHS.out };
    }
    /**
     * A local file or folder goes to <tos_prefix>/cas/<sha256>/ (skipped when already there) and is
     * mounted read-only (a file keeps its name: {model} is /mnt/evalgate/model/<name>); a
     * tos://bucket/prefix is mounted as it is; any other URI is passed to the command for the job to
     * read itself.
     */
    async stage(localOrUri, kind, signal = this.opts.signal) {
        const dir = VOLC_PATHS[kind];
        if (isUri(localOrUri)) {
            if (!/^tos:\/\//i.test(localOrUri)) {
                this.mounts[kind] = null;
                return localOrUri;
            }
            const { bucket, key } = parseTosUri(localOrUri);
            if (namesFile(key)) {
                const slash = key.lastIndexOf('/');
                this.mounts[kind] = { bucket, prefix: slash >= 0 ? key.slice(0, slash + 1) : '' };
                return `${dir}/${key.slice(slash + 1)}`;
            }
            this.mounts[kind] = { bucket, prefix: key && !key.endsWith('/') ? `${key}/` : key };
            return dir;
        }
        const abs = path.resolve(this.opts.cwd, localOrUri);
        const st = await fs.stat(abs);
        const sha = await contentHash(abs, signal);
        this.hashes[kind] = `sha256:${sha}`;
        const prefix = this.prefix(`cas/${sha}/`);
        if (!this.opts.dryRun)
            await this.bucket().upload(prefix, await localFiles(abs), this.uploadOptions(signal));
        this.mounts[kind] = { bucket: this.opts.config.tosBucket, prefix };
        return st.isFile() ? `${dir}/${path.basename(abs)}` : dir;
    }
    /** uploads what the jobs share once: the code snapshot */
    async prepare(_jobs, signal = this.opts.signal) {
        if (this.prepared)
            return;
        if (this.opts.config.code.length) {
            const { files, sha } = await codeSnapshot(this.opts.cwd, this.opts.config.code, 'volc.code', signal);
            this.hashes.code = `sha256:${sha}`;
            const prefix = this.prefix(`code/${sha}/`);
            if (!this.opts.dryRun)
                await this.bucket().upload(prefix, files, this.uploadOptions(signal));
            this.code = { bucket: this.opts.config.tosBucket, prefix };
        }
        this.prepared = true;
    }
    hardware(job) {
        const t = job.resources.instance_type ?? this.opts.config.instanceType;
        return t ? { instance_type: String(t) } : {};
    }
    vars(job) {
        const c = this.opts.config;
        return {
            project: c.project,
            image: c.image,
            framework: c.framework,
            resourceQueueId: c.resourceQueueId,
            instanceType: c.instanceType,
            code: this.code,
            model: this.mounts.model,
            data: this.mounts.data,
            out: { bucket: c.tosBucket, prefix: this.outPrefix(job) },
        };
    }
    /** the CreateJob body of a job */
    async body(job) {
        const { text, missing } = await renderVolcJob(job, this.opts.gate, this.vars(job));
        if (missing.length)
            throw new Error(`internal error: volc/job.json uses unknown variables ${missing.join(', ')}`);
        return createJobBody(text);
    }
    /** --dry-run: each job's CreateJob body, as evalgate sends it (and as it works by hand) */
    async describe(jobs) {
        await this.prepare(jobs);
        const out = [];
        for (const job of jobs) {
            const label = job.shard.count > 1 ? `${job.key} ${job.shard.index + 1}/${job.shard.count}` : job.key;
            out.push(`# ${job.name} (${label}) from platforms/job_templates/volc/job.json\n${JSON.stringify(await this.body(job), null, 2)}\n`);
        }
        return out.join('\n');
    }
    /** the newest job of this exact name in the project, or null (ListJobs matches names by substring) */
    async findByName(name, signal) {
        const size = 100;
        for (let page = 1;; page++) {
            const r = await this.api.call('ListJobs', {
                NameContains: name,
                ProjectName: this.opts.config.project,
                SortBy: 'CreateTime',
                SortOrder: 'Descend',
                PageNumber: page,
                PageSize: size,
            }, signal ? { signal } : {});
            const items = r.Items ?? [];
            const hit = items.find((j) => j.Name === name);
            if (hit)
                return hit;
            if (items.length < size || page * size >= (r.TotalCount ?? 0))
                return null;
        }
    }
    async submit(job, signal = this.opts.signal) {
        await this.prepare([job], signal);
        this.tracked.set(job.name, { job, transientErrors: 0 });
        // attach: a retried run finds the job it created before instead of starting a second one;
        // one that failed or was stopped is submitted again as <name>-r2, -r3, …
        const found = await findAttempt(job.name, async (n) => {
            const j = await this.findByName(n, signal);
            if (!j)
                return null;
            const raw = j.Status?.State ?? 'Unknown';
            const state = mapVolcState(raw);
            return state === 'failed' || state === 'cancelled' || raw === 'Stopping' ? 'dead' : { live: j };
        });
        const run = asAttempt(job, found.name);
        const body = await this.body(run);
        let id = found.existing?.Id;
        if (!id) {
            // CreateJob has no idempotency token: when an attempt fails in a way that may have created the
            // job anyway (a 5xx, a lost answer), look for it by name before sending it again
            // a CreateJob the abort cut off after it was sent may have created the job: it is looked for
            // by name (within the cancel budget) and returned, for the runner to cancel with the others
            let sent = false;
            try {
                id = await withRetries(async () => {
                    sent = true;
                    const r = await this.api.call('CreateJob', body, { maxRetries: 0, ...(signal ? { signal } : {}) });
                    sent = false;
                    return r.Id ?? '';
                }, (e) => {
                    sent = false;
                    return classifyVolc(e);
                }, { ...this.opts.retry, ...(signal ? { signal } : {}) }, async () => (await this.findByName(run.name, signal))?.Id);
            }
            catch (e) {
                if (!signal?.aborted || !sent)
                    throw e;
                const lost = await this.findByName(run.name, AbortSignal.timeout(ORPHAN_LOOKUP_MS)).catch(() => null);
                if (!lost)
                    throw e;
                id = lost.Id;
            }
            if (!id)
                throw new Error(`ml_platform CreateJob of ${run.name} answered no Id`);
        }
        this.attempts.set(id, run.name);
        return { job, id, url: consoleUrl(this.opts.config.region, id) };
    }
    async getJob(id, signal) {
        return this.api.call('GetJob', { Id: id }, signal ? { signal } : {});
    }
    async status(h, signal) {
        const t = this.tracked.get(h.job.name) ?? { job: h.job, transientErrors: 0 };
        this.tracked.set(h.job.name, t);
        let j;
        try {
            await this.rate.take(signal);
            j = await this.getJob(h.id, signal);
            t.transientErrors = 0;
        }
        catch (e) {
            // throttled or a server error after the client's own retries: ask again next round
            if (e instanceof VolcApiError && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last)
                return t.last;
            throw e;
        }
        const status = volcJobStatus(j, h.url);
        t.last = status;
        return status;
    }
    /**
     * The run's jobs from ListJobs: `NameContains` the prefix all their names share (the run's
     * `evalgate-<repo>-<run>-<attempt>-<gate>-`), the project's, PageSize 100, pages followed until
     * TotalCount or every job is found, at most twice the pages the run's jobs fill (other jobs may
     * share the prefix). A job it does not return is left to status().
     */
    async statusMany(handles, signal) {
        const out = new Map();
        const byId = new Map(handles.map((h) => [h.id, h]));
        const prefix = commonPrefix(handles.map((h) => this.attempts.get(h.id) ?? h.job.name));
        const maxPages = 2 * Math.ceil(handles.length / LIST_PAGE) + 1;
        for (let page = 1; page <= maxPages && out.size < byId.size; page++) {
            await this.rate.take(signal);
            throwIfCancelled(signal);
            const r = await this.api.call('ListJobs', {
                ...(prefix ? { NameContains: prefix } : {}),
                ProjectName: this.opts.config.project,
                SortBy: 'CreateTime',
                SortOrder: 'Descend',
                PageNumber: page,
                PageSize: LIST_PAGE,
            }, signal ? { signal } : {});
            const items = r.Items ?? [];
            for (const j of items) {
                const h = byId.get(j.Id);
                if (!h)
                    continue;
                const t = this.tracked.get(h.job.name) ?? { job: h.job, transientErrors: 0 };
                this.tracked.set(h.job.name, t);
                t.transientErrors = 0;
                t.last = volcJobStatus(j, h.url);
                out.set(h.id, t.last);
            }
            if (items.length === 0 || page * LIST_PAGE >= (r.TotalCount ?? 0))
                break;
        }
        return out;
    }
    async logs(h, lines) {
        try {
            const data = await this.bucket().tailBytes(`${this.outPrefix(this.attempts.get(h.id) ?? h.job.name)}${VOLC_LOG_FILE}`, LOG_TAIL_BYTES);
            if (data === null)
                return `(the job wrote no ${VOLC_LOG_FILE}: it failed before its command ran; see ${h.url ?? 'the console'})`;
            let text = data.toString('utf8');
            // a cut log starts mid-line: drop that part line
            if (data.length >= LOG_TAIL_BYTES)
                text = text.slice(text.indexOf('\n') + 1);
            return tail(text, lines);
        }
        catch (e) {
            return `(the job's ${VOLC_LOG_FILE} could not be read: ${e.message})`;
        }
    }
    async collect(h, _dest, signal) {
        // a fresh folder of evalgate's: never one it did not create
        const dest = path.join(await freshFolder(path.join(this.opts.workDir, h.job.name)), 'out');
        const { files, refused } = await this.bucket().download(this.outPrefix(this.attempts.get(h.id) ?? h.job.name), dest, ['.json'], signal);
        if (refused.length)
            throw new Error(`job ${h.id} wrote objects whose names are not plain relative paths (not downloaded): ${refused.slice(0, 5).join(', ')}`);
        return files;
    }
    /** StopJob, then waits (up to a minute, or until `deadline`) until the job is Stopped */
    async cancel(h, deadline) {
        await stopVolcJob(this.api, h.id, { waitMs: this.opts.cancelWaitMs, ...(deadline ? { signal: deadline } : {}) });
    }
    saved(h) {
        const c = this.opts.config;
        return { platform: 'volc', name: h.job.name, id: h.id, endpoint: c.endpoint.url, region: c.region, project: c.project };
    }
}
/** a job's GetJob answer as evalgate's status */
function volcJobStatus(j, url) {
    const s = j.Status ?? {};
    const raw = typeof s.State === 'string' && s.State ? s.State : 'Unknown';
    const state = mapVolcState(raw);
    const status = { state, platformStatus: s.SecondaryState ? `${raw} (${s.SecondaryState})` : raw };
    const started = isoMs(s.StartTime);
    const ended = isoMs(s.EndTime);
    if (started !== undefined)
        status.startedAt = started;
    if (state === 'succeeded' || state === 'failed' || state === 'cancelled')
        status.finishedAt = ended ?? Date.now();
    if (state === 'failed') {
        const why = s.Message?.trim();
        status.message = `Volcengine ML job ${raw}${s.SecondaryState ? ` (${s.SecondaryState})` : ''}${why ? `: ${why}` : ''}${url ? ` (${url})` : ''}`;
    }
    else if (state === 'cancelled') {
        const why = j.StopReason?.trim() || s.Message?.trim();
        status.message = `Volcengine ML job Stopped${why ? `: ${why}` : ''}`;
    }
    if (!(raw in VOLC_STATES))
        status.message = `unknown Volcengine ML job state ${JSON.stringify(raw)}; waiting`;
    return status;
}
/**
 * StopJob, then GetJob until the job is Stopped (or ended by itself), up to `waitMs`; a job still
 * Stopping then is left to finish stopping (the stop was accepted). A job that already ended
 * answers StopJob either way.
 */
async function stopVolcJob(api, id, o = {}) {
    const signal = o.signal;
    const sleep = o.sleep ?? ((ms) => (0,abort/* sleepUnlessAborted */.bp)(ms, signal));
    const retry = signal ? { signal } : {};
    const ended = (state) => state === 'Stopped' || state === 'Completed' || state === 'Failed';
    try {
        await api.call('StopJob', { Id: id, Reason: STOP_REASON }, retry);
    }
    catch (e) {
        // [U] StopJob of a finished job: an error here is fine when the job has ended
        if (!(e instanceof openapi_VolcApiError) || e.transient)
            throw e;
        const state = (await api.call('GetJob', { Id: id }, retry)).Status?.State;
        if (ended(state))
            return state;
        throw e;
    }
    const until = Date.now() + (o.waitMs ?? CANCEL_WAIT_MS);
    let wait = 250;
    for (;;) {
        let state;
        try {
            // one attempt: a throttled read is not retried (its Retry-After can be minutes)
            state = (await api.call('GetJob', { Id: id }, { ...retry, maxRetries: 0 })).Status?.State ?? 'Unknown';
        }
        catch (e) {
            // the stop was accepted: a throttled (or unavailable) platform, or the cancel's own budget
            // running out, ends the wait for Stopped, not the cancel
            if (signal?.aborted || (e instanceof openapi_VolcApiError && e.transient))
                return 'Stopping';
            throw e;
        }
        if (ended(state))
            return state;
        if (Date.now() >= until) {
            if (state === 'Stopping')
                return state;
            throw new Error(`the Volcengine ML job ${id} is still ${state} ${Math.round((o.waitMs ?? CANCEL_WAIT_MS) / 1000)} s after StopJob`);
        }
        await sleep(Math.min(wait, Math.max(0, until - Date.now())));
        if (signal?.aborted)
            return state;
        wait = Math.min(5_000, wait * 2);
    }
}

;// CONCATENATED MODULE: ./src/platforms/volc/cancel-saved.ts




async function cancelSavedVolc(jobs, env, opts = {}) {
    const out = [];
    const clients = new Map();
    for (const job of jobs) {
        const endpoint = parseEndpoint(typeof job.endpoint === 'string' && job.endpoint ? job.endpoint : DEFAULT_VOLC_ENDPOINT).url;
        const region = typeof job.region === 'string' && job.region ? job.region : DEFAULT_VOLC_REGION;
        try {
            const key = `${endpoint} ${region}`;
            let api = clients.get(key);
            if (!api) {
                const creds = credentials_volcCredentials(env);
                api = new openapi_VolcOpenApi({ endpoint, region, credentials: () => creds, retry: opts.retry });
                clients.set(key, api);
            }
            const state = await stopVolcJob(api, job.id, { waitMs: opts.waitMs });
            out.push({ job, result: 'cancelled', detail: `Volcengine ML job ${job.id} in ${region}: ${state}` });
        }
        catch (e) {
            out.push({ job, result: 'failed', detail: e.message });
        }
    }
    return out;
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
