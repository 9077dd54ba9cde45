export const id = 727;
export const ids = [727];
export const modules = {

/***/ 93008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ asAttempt),
/* harmony export */   GU: () => (/* binding */ confirmName),
/* harmony export */   Vb: () => (/* binding */ findAttempt)
/* harmony export */ });
/* unused harmony exports MAX_ATTEMPTS, attemptName */
/**
 * Attempts of one deterministic job name (SPEC §1): a retried submission attaches to the job found
 * under its name, but a job found there that already failed or was cancelled is not reused: the
 * job is submitted again as `<name>-r2`, then `-r3`, … The names are looked up in that order, so a
 * re-run of a re-run attaches to the newest attempt that is live (queued, running) or succeeded
 * instead of starting yet another.
 */
/** attempts looked up before evalgate gives up (a job that failed this often needs a person) */
const MAX_ATTEMPTS = 50;
/** `<name>` for the first attempt, `<name>-r<n>` after it (at most 5 characters longer) */
function attemptName(name, attempt) {
    return attempt <= 1 ? name : `${name}-r${attempt}`;
}
/**
 * The attempt to use: the first name in order with no job under it (submit there), unless a live
 * or succeeded job is found first (attach to it). `lookup` says what is under a name.
 */
async function findAttempt(name, lookup) {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const n = attemptName(name, attempt);
        const found = await lookup(n, attempt);
        if (found === null)
            return { name: n, attempt };
        if (found !== 'dead')
            return { name: n, attempt, existing: found.live };
    }
    throw new Error(`job ${name}: ${MAX_ATTEMPTS} attempts under this run id already failed or were cancelled; not submitting another (set another EVALGATE_RUN_ID or re-run the workflow)`);
}
/** the job as its attempt runs: its name (and EVALGATE_JOB_NAME) that of the attempt */
function asAttempt(job, name) {
    if (name === job.name)
        return job;
    return { ...job, name, env: { ...job.env, EVALGATE_JOB_NAME: name } };
}
/**
 * The name of a job's confirm attempt (SPEC §9 `confirm`): `<name>-c2`, `-c3`, … A rerun for
 * confirmation is a new measurement, so it never attaches to the first attempt (which succeeded);
 * it is still deterministic, so a retried workflow attaches to the rerun it started, and a rerun
 * that failed is submitted again as `<name>-c2-r2` by the ordinary lookup above.
 */
function confirmName(name, attempt) {
    return `${name}-c${attempt}`;
}


/***/ }),

/***/ 52192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ RateLimiter)
/* harmony export */ });
/**
 * A token bucket for the requests one run sends to a platform's status API (list pages and
 * per-job reads alike): at most `perSecond` on average, `burst` at once. Each platform sets it well
 * under its documented limit (docs/platforms/*.md names the limit and its source), so a wide
 * fan-out never throttles itself, whatever the mix of list calls and per-job fallbacks.
 */
class RateLimiter {
    perSecond;
    burst;
    tokens;
    last = Date.now();
    queue = Promise.resolve();
    /** requests let through, and the most let through in any one second (what tests and the bench read) */
    taken = 0;
    constructor(perSecond, burst = Math.max(1, Math.floor(perSecond))) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = this.burst;
    }
    refill() {
        const now = Date.now();
        this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
        this.last = now;
    }
    /** waits for a token (callers are served in order); an abort ends the wait at once */
    take(signal) {
        const turn = this.queue.then(async () => {
            for (;;) {
                if (signal?.aborted)
                    return;
                this.refill();
                if (this.tokens >= 1) {
                    this.tokens -= 1;
                    this.taken++;
                    return;
                }
                const waitMs = Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
                await new Promise((resolve) => {
                    const t = setTimeout(done, waitMs);
                    function done() {
                        clearTimeout(t);
                        signal?.removeEventListener('abort', done);
                        resolve();
                    }
                    signal?.addEventListener('abort', done, { once: true });
                });
            }
        });
        this.queue = turn.catch(() => { });
        return turn;
    }
}


/***/ }),

/***/ 91178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ localFiles),
/* harmony export */   Y: () => (/* binding */ codeSnapshot)
/* harmony export */ });
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
    const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(root);
    if (st.isFile())
        return [[node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(root), root]];
    const out = [];
    const walk = async (dir) => {
        for (const e of (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name);
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                out.push([node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, full).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/'), full]);
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
        const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, p);
        const rel = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, abs);
        if (rel.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(rel))
            throw new Error(`${key}: ${p} is outside the working directory`);
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(abs).catch(() => null);
        if (!st)
            throw new Error(`${key}: ${p}: no such file or folder`);
        const base = rel.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/');
        for (const [r, a] of await localFiles(abs))
            files.push([st.isFile() ? base : base ? `${base}/${r}` : r, a]);
    }
    files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // overlapping paths (a folder and a file in it) name a file once
    const unique = files.filter(([rel], i) => i === 0 || files[i - 1][0] !== rel);
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const [rel, abs] of unique)
        h.update(`${rel}\u0000${await (0,_templates_js__WEBPACK_IMPORTED_MODULE_3__/* .contentHash */ .Ae)(abs, signal)}\n`);
    return { files: unique, sha: h.digest('hex') };
}


/***/ }),

/***/ 46727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mi: () => (/* binding */ VolcPlatform),
  CF: () => (/* binding */ stopVolcJob)
});

// UNUSED EXPORTS: VOLC_STATUS_RATE, commonPrefix, volcJobStatus

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/stores/fs.ts
var fs = __webpack_require__(23135);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
// EXTERNAL MODULE: ./src/platforms/volc/credentials.ts
var credentials = __webpack_require__(52937);
// EXTERNAL MODULE: ./src/core/plan.ts
var plan = __webpack_require__(4620);
;// CONCATENATED MODULE: ./src/platforms/volc/job.ts


const VOLC_MOUNT = '/mnt/evalgate';
/** Where a job sees its code, inputs and output: TOS prefixes mounted by the platform. */
const VOLC_PATHS = {
    code: `${VOLC_MOUNT}/code`,
    model: `${VOLC_MOUNT}/model`,
    data: `${VOLC_MOUNT}/data`,
    out: `${VOLC_MOUNT}/out`,
};
/**
 * The 2024-07-01 API has no log action, so each job tees its own stdout and stderr into its output
 * mount. Not a .json name: collect never takes it for an indicator file.
 */
const VOLC_LOG_FILE = 'evalgate-log.txt';
/** The 2024-07-01 job states (Status.State) and what each means for evalgate. */
const VOLC_STATES = {
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
function mapVolcState(state) {
    return VOLC_STATES[state] ?? 'queued';
}
/**
 * The job's command as the platform runs it: from the code mount when there is one (so commands
 * written for the repository checkout work unchanged), under /bin/sh like every other platform,
 * with stdout and stderr also written to <out>/evalgate-log.txt, and the command's own exit code
 * as the job's (a pipeline's status would be tee's). POSIX sh: no pipefail needed.
 */
function wrapCommand(command, codeDir) {
    const run = `${codeDir ? `cd ${(0,plan/* shellQuote */.ZL)(codeDir)} && ` : ''}/bin/sh -c ${(0,plan/* shellQuote */.ZL)(command)}`;
    return (`rc=/tmp/evalgate-rc.$$; { ${run}; echo $? > "$rc"; } 2>&1 | tee ${VOLC_PATHS.out}/${VOLC_LOG_FILE}; ` +
        `code=$(cat "$rc" 2>/dev/null); rm -f "$rc"; exit "\${code:-1}"`);
}
function volcTemplateVars(job, gate, v) {
    const mount = (m, name) => ({
        [`${name}_bucket`]: m?.bucket ?? '',
        [`${name}_prefix`]: m?.prefix ?? '',
    });
    return {
        ...(0,templates/* jobVars */.K3)(job, gate),
        command: wrapCommand(job.command, v.code ? VOLC_PATHS.code : undefined),
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
async function renderVolcJob(job, gate, v) {
    return (0,templates/* renderTemplate */.Xm)(await (0,templates/* readTemplate */.xV)('volc'), volcTemplateVars(job, gate, v), 'json');
}
/**
 * The CreateJob body of a rendered job.json: parsed, with each TOS storage whose bucket is empty
 * left out (no model, no data, no code, or an input that is a URI the job reads itself).
 */
function createJobBody(text) {
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
function consoleUrl(region, id) {
    return `https://console.volcengine.com/ml-platform/region:ml-platform+${encodeURIComponent(region)}/task/detail?Id=${encodeURIComponent(id)}`;
}

// EXTERNAL MODULE: ./src/platforms/volc/openapi.ts
var openapi = __webpack_require__(47939);
// EXTERNAL MODULE: ./src/platforms/volc/retry.ts
var retry = __webpack_require__(34501);
// EXTERNAL MODULE: ./src/platforms/volc/tos.ts
var tos = __webpack_require__(14065);
// EXTERNAL MODULE: ./src/platforms/snapshot.ts
var snapshot = __webpack_require__(91178);
// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
// EXTERNAL MODULE: ./src/platforms/attempts.ts
var attempts = __webpack_require__(93008);
// EXTERNAL MODULE: ./src/platforms/rate.ts
var rate = __webpack_require__(52192);
// EXTERNAL MODULE: ./src/platforms/abort.ts
var abort = __webpack_require__(24550);
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
const LOG_TAIL_BYTES = 256 * 1024;
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
        this.rate = new rate/* RateLimiter */.v(opts.statusRate?.perSecond ?? VOLC_STATUS_RATE.perSecond, opts.statusRate?.burst ?? VOLC_STATUS_RATE.burst);
        this.pollIntervalMs = opts.config.pollIntervalMs;
        this.maxPollIntervalMs = Math.max(opts.config.pollIntervalMs, 60_000);
    }
    /** the key from the environment, read when first needed (a dry run needs none) */
    credentials() {
        this.creds ??= (0,credentials/* volcCredentials */.b)(this.opts.env);
        return this.creds;
    }
    get api() {
        this.apiClient ??= new openapi/* VolcOpenApi */.h4({
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
            b = new tos/* TosBucket */.hv((0,tos/* tosClient */.iR)(creds, this.opts.config.region, this.opts.config.tosEndpoint), name, creds.source, this.opts.retry);
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
            checkpointDir: external_node_path_default().join(this.opts.workDir, '.staging'),
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
        if ((0,fs/* isUri */.nh)(localOrUri)) {
            if (!/^tos:\/\//i.test(localOrUri)) {
                this.mounts[kind] = null;
                return localOrUri;
            }
            const { bucket, key } = (0,tos/* parseTosUri */.Ku)(localOrUri);
            if (namesFile(key)) {
                const slash = key.lastIndexOf('/');
                this.mounts[kind] = { bucket, prefix: slash >= 0 ? key.slice(0, slash + 1) : '' };
                return `${dir}/${key.slice(slash + 1)}`;
            }
            this.mounts[kind] = { bucket, prefix: key && !key.endsWith('/') ? `${key}/` : key };
            return dir;
        }
        const abs = external_node_path_default().resolve(this.opts.cwd, localOrUri);
        const st = await external_node_fs_.promises.stat(abs);
        const sha = await (0,templates/* contentHash */.Ae)(abs, signal);
        this.hashes[kind] = `sha256:${sha}`;
        const prefix = this.prefix(`cas/${sha}/`);
        if (!this.opts.dryRun)
            await this.bucket().upload(prefix, await (0,snapshot/* localFiles */.J)(abs), this.uploadOptions(signal));
        this.mounts[kind] = { bucket: this.opts.config.tosBucket, prefix };
        return st.isFile() ? `${dir}/${external_node_path_default().basename(abs)}` : dir;
    }
    /** uploads what the jobs share once: the code snapshot */
    async prepare(_jobs, signal = this.opts.signal) {
        if (this.prepared)
            return;
        if (this.opts.config.code.length) {
            const { files, sha } = await (0,snapshot/* codeSnapshot */.Y)(this.opts.cwd, this.opts.config.code, 'volc.code', signal);
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
        const found = await (0,attempts/* findAttempt */.Vb)(job.name, async (n) => {
            const j = await this.findByName(n, signal);
            if (!j)
                return null;
            const raw = j.Status?.State ?? 'Unknown';
            const state = mapVolcState(raw);
            return state === 'failed' || state === 'cancelled' || raw === 'Stopping' ? 'dead' : { live: j };
        });
        const run = (0,attempts/* asAttempt */.Ae)(job, found.name);
        const body = await this.body(run);
        let id = found.existing?.Id;
        if (!id) {
            // CreateJob has no idempotency token: when an attempt fails in a way that may have created the
            // job anyway (a 5xx, a lost answer), look for it by name before sending it again
            // a CreateJob the abort cut off after it was sent may have created the job: it is looked for
            // by name (within the cancel budget) and returned, for the runner to cancel with the others
            let sent = false;
            try {
                id = await (0,retry/* withRetries */.LH)(async () => {
                    sent = true;
                    const r = await this.api.call('CreateJob', body, { maxRetries: 0, ...(signal ? { signal } : {}) });
                    sent = false;
                    return r.Id ?? '';
                }, (e) => {
                    sent = false;
                    return (0,openapi/* classifyVolc */.$P)(e);
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
            if (e instanceof openapi/* VolcApiError */.FC && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last)
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
            (0,abort/* throwIfCancelled */.dZ)(signal);
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
            return (0,tos/* tail */.RT)(text, lines);
        }
        catch (e) {
            return `(the job's ${VOLC_LOG_FILE} could not be read: ${e.message})`;
        }
    }
    async collect(h, _dest, signal) {
        // a fresh folder of evalgate's: never one it did not create
        const dest = external_node_path_default().join(await (0,owned/* freshFolder */.lj)(external_node_path_default().join(this.opts.workDir, h.job.name)), 'out');
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
        if (!(e instanceof openapi/* VolcApiError */.FC) || e.transient)
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
            if (signal?.aborted || (e instanceof openapi/* VolcApiError */.FC && e.transient))
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


/***/ })

};
