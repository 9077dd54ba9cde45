export const id = 648;
export const ids = [648];
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

/***/ 25648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uM: () => (/* binding */ BailianPlatform),
  Xe: () => (/* binding */ cancelDlcJob)
});

// UNUSED EXPORTS: DLC_STATUS, DLC_STATUS_RATE, consoleUrl, mapDlcStatus

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/stores/fs.ts
var fs = __webpack_require__(23135);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
// EXTERNAL MODULE: ./src/platforms/bailian/config.ts
var config = __webpack_require__(66477);
// EXTERNAL MODULE: ./src/platforms/bailian/credential.ts
var credential = __webpack_require__(19542);
// EXTERNAL MODULE: ./src/platforms/bailian/dlc.ts
var dlc = __webpack_require__(98626);
// EXTERNAL MODULE: ./src/platforms/bailian/errors.ts
var errors = __webpack_require__(31836);
// EXTERNAL MODULE: ./src/platforms/abort.ts
var abort = __webpack_require__(24550);
;// CONCATENATED MODULE: ./src/platforms/bailian/job.ts

const MOUNT = '/mnt/evalgate';
/** Where a job sees its inputs, its code and its output folder (OSS prefixes mounted by PAI-DLC). */
const BAILIAN_MOUNTS = { model: `${MOUNT}/model`, data: `${MOUNT}/data`, code: `${MOUNT}/code`, out: `${MOUNT}/out` };
const TEMPLATE_FILE = 'platforms/job_templates/bailian/job.json';
/** `oss://<bucket>.<endpoint>/<key>` as DataSources take it */
const mountUri = (bucket, endpoint, key) => `oss://${bucket}.${endpoint}/${key}`;
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
        sources.push({ Uri: v.model.uri, MountPath: BAILIAN_MOUNTS.model, MountAccess: 'ReadOnly' });
    if (v.data)
        sources.push({ Uri: v.data.uri, MountPath: BAILIAN_MOUNTS.data, MountAccess: 'ReadOnly' });
    if (v.code)
        sources.push({ Uri: v.code, MountPath: BAILIAN_MOUNTS.code, MountAccess: 'ReadOnly' });
    sources.push({ Uri: v.outUri, MountPath: BAILIAN_MOUNTS.out });
    for (const d of c.dataSources)
        sources.push({ DataSourceId: d.id, ...(d.mountPath ? { MountPath: d.mountPath } : {}) });
    return {
        ...(0,templates/* jobVars */.K3)(job, gate),
        // commands are written for the repository checkout: with a code snapshot they start in it
        command: v.code ? `cd ${BAILIAN_MOUNTS.code} && ${job.command}` : job.command,
        workspace_id: c.workspaceId,
        job_type: c.jobType,
        resource_id: c.resourceId ?? '',
        image: job.image ?? c.image,
        ecs_spec: ecsSpec,
        resource_config_json: JSON.stringify(resourceConfig),
        data_sources_json: JSON.stringify(sources),
    };
}
async function renderBailianJob(job, gate, c, v) {
    return (0,templates/* renderTemplate */.Xm)(await (0,templates/* readTemplate */.xV)('bailian'), bailianTemplateVars(job, gate, c, v), 'json');
}
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The CreateJob body of a rendered job.json. Throws with the field's name when a hand-edited
 * template lost something CreateJob requires, before anything reaches PAI-DLC.
 */
function createJobBody(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${TEMPLATE_FILE} did not render to JSON: ${e.message}`);
    }
    if (!isObj(body))
        throw new Error(`${TEMPLATE_FILE}: expected a JSON object (the CreateJob body)`);
    for (const k of ['DisplayName', 'JobType', 'UserCommand'])
        if (typeof body[k] !== 'string' || !body[k])
            throw new Error(`${TEMPLATE_FILE}: ${k}: expected a non-empty string`);
    if (!Array.isArray(body.JobSpecs) || body.JobSpecs.length === 0 || !body.JobSpecs.every(isObj))
        throw new Error(`${TEMPLATE_FILE}: JobSpecs: expected a non-empty list of job specs`);
    if (body.ResourceId === '' || body.ResourceId === null)
        delete body.ResourceId;
    for (const spec of body.JobSpecs) {
        if (spec.EcsSpec === '' || spec.EcsSpec === null)
            delete spec.EcsSpec;
        if (spec.ResourceConfig === null || (isObj(spec.ResourceConfig) && Object.keys(spec.ResourceConfig).length === 0))
            delete spec.ResourceConfig;
        if (spec.EcsSpec === undefined && spec.ResourceConfig === undefined)
            throw new Error(`${TEMPLATE_FILE}: JobSpecs: each spec needs EcsSpec (public resources) or ResourceConfig (a quota)`);
    }
    if (body.DataSources !== undefined && !Array.isArray(body.DataSources))
        throw new Error(`${TEMPLATE_FILE}: DataSources: expected a list`);
    return body;
}

// EXTERNAL MODULE: ./src/platforms/bailian/oss.ts
var oss = __webpack_require__(25092);
// EXTERNAL MODULE: ./src/platforms/snapshot.ts
var snapshot = __webpack_require__(91178);
// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
// EXTERNAL MODULE: ./src/platforms/attempts.ts
var attempts = __webpack_require__(93008);
// EXTERNAL MODULE: ./src/platforms/rate.ts
var rate = __webpack_require__(52192);
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
        this.rate = new rate/* RateLimiter */.v(opts.statusRate?.perSecond ?? DLC_STATUS_RATE.perSecond, opts.statusRate?.burst ?? DLC_STATUS_RATE.burst);
        this.pollIntervalMs = c.pollIntervalMs;
        this.maxPollIntervalMs = Math.max(c.pollIntervalMs, 60_000);
        this.credential =
            opts.credential ??
                new credential/* EvalgateAlibabaCredential */.lu(opts.env, {
                    oidcRoleArn: c.oidcRoleArn,
                    oidcProviderArn: c.oidcProviderArn,
                    oidcAudience: c.oidcAudience,
                    stsEndpoint: c.stsEndpoint,
                });
        this.dlc = new dlc/* Dlc */.G({ region: c.region, endpoint: c.endpoint, protocol: c.protocol }, this.credential, opts.retry);
    }
    /** the OSS client (made on first use: it needs the keys) */
    oss() {
        const c = this.opts.config;
        this.ossP ??= (0,oss/* ossClient */.TU)({ bucket: c.ossBucket, region: c.region, endpoint: c.ossEndpoint }, this.credential, this.opts.retry);
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
            checkpointDir: external_node_path_default().join(this.opts.workDir, '.staging'),
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
        if ((0,fs/* isUri */.nh)(localOrUri)) {
            if (/^oss:\/\//i.test(localOrUri)) {
                const { bucket, endpoint, key } = (0,oss/* parseOssUri */.fC)(localOrUri);
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
            const abs = external_node_path_default().resolve(this.opts.cwd, localOrUri);
            const st = await external_node_fs_.promises.stat(abs);
            const sha = await (0,templates/* contentHash */.Ae)(abs, signal);
            this.hashes[kind] = `sha256:${sha}`;
            const prefix = `${c.ossPrefix}/cas/${sha}/`;
            if (!this.opts.dryRun)
                await (0,oss/* uploadPrefix */.kL)(await (0,abort/* raceAbort */.Mu)(this.oss(), signal), prefix, await (0,snapshot/* localFiles */.J)(abs), this.uploadOptions(signal));
            mount = { uri: this.mount(prefix), ...(st.isFile() ? { file: external_node_path_default().basename(abs) } : {}) };
        }
        this.inputs[kind] = mount;
        return mount.uri;
    }
    /** uploads the code snapshot once (content-addressed: <oss_prefix>/code/<sha256>/) */
    async prepare(_jobs, signal = this.opts.signal) {
        await (0,abort/* raceAbort */.Mu)(this.code(signal), signal);
    }
    code(signal = this.opts.signal) {
        this.codeP ??= (async () => {
            const c = this.opts.config;
            if (!c.code.length)
                return undefined;
            const { files, sha } = await (0,snapshot/* codeSnapshot */.Y)(this.opts.cwd, this.opts.config.code, 'bailian.code', signal);
            this.hashes.code = `sha256:${sha}`;
            const prefix = `${c.ossPrefix}/code/${sha}/`;
            if (!this.opts.dryRun)
                await (0,oss/* uploadPrefix */.kL)(await this.oss(), prefix, files, this.uploadOptions(signal));
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
        const found = await (0,attempts/* findAttempt */.Vb)(job.name, async (n) => {
            const j = await this.existing(n, signal);
            if (!j)
                return null;
            const raw = typeof j.Status === 'string' ? j.Status : 'Unknown';
            const state = mapDlcStatus(raw);
            return state === 'failed' || state === 'cancelled' || raw === 'Stopping' ? 'dead' : { live: j };
        });
        const run = (0,attempts/* asAttempt */.Ae)(job, found.name);
        const body = await this.body(run);
        let id = found.existing?.JobId;
        if (!id) {
            // a CreateJob the abort cut off after it was sent may have created the job: it is looked for
            // by name (within ORPHAN_LOOKUP_MS) and returned, for the runner to cancel with the others
            let sent = false;
            let created;
            try {
                created = await (0,errors/* withRetry */.bD)(async () => {
                    sent = true;
                    const r = await this.dlc.once('CreateJob', 'POST', '/api/v1/jobs', { body }).catch((e) => {
                        sent = false;
                        throw e;
                    });
                    sent = false;
                    return r;
                }, (e) => (0,errors/* dlcError */.OI)('CreateJob', e), this.dlc.retry, async (e) => {
                    // a throttled request created nothing; after a reset or a 5xx the job may exist all the same
                    if ((0,errors/* isThrottling */.E2)(e.code))
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
            if (e instanceof errors/* AlibabaError */.ZV && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last)
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
        const dest = external_node_path_default().join(await (0,owned/* freshFolder */.lj)(external_node_path_default().join(this.opts.workDir, h.job.name)), 'out');
        const { files, refused } = await (0,oss/* downloadPrefix */.hq)(await (0,abort/* raceAbort */.Mu)(this.oss(), signal), this.outPrefix(this.attempts.get(h.id) ?? h.job.name), dest, ['.json'], signal);
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
            api_version: config/* DLC_API_VERSION */.MW,
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
        if (e instanceof errors/* AlibabaError */.ZV && !e.transient) {
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
            if (deadline?.aborted || (e instanceof errors/* AlibabaError */.ZV && e.transient))
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


/***/ }),

/***/ 98626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ Dlc)
/* harmony export */ });
/* harmony import */ var _alicloud_openapi_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46500);
/* harmony import */ var _alicloud_openapi_client__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_alicloud_openapi_client__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66477);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31836);
/**
 * PAI-DLC (product `pai-dlc`, API 2020-12-03, ROA style) through Alibaba's generic official client,
 * @alicloud/openapi-client `callApi`, which signs every request ACS3-HMAC-SHA256 (its default).
 *
 * Why not the generated @alicloud/pai-dlc20201203 client: the registry the project's machines
 * reach answers E404 for it; `callApi` with the same Params is exactly what it would send.
 */



/** a CommonJS `exports.default`: Node's ESM loader hands over `module.exports`, vitest and ncc the default export itself */
const OpenApi = ((_alicloud_openapi_client__WEBPACK_IMPORTED_MODULE_0___default()["default"]) ?? (_alicloud_openapi_client__WEBPACK_IMPORTED_MODULE_0___default()));
class Dlc {
    where;
    client;
    /** every request sent, by action (the polling cost the README reports) */
    counts = new Map();
    retry;
    constructor(where, credential, retry = {}) {
        this.where = where;
        this.retry = { ..._errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_RETRY */ .vI, ...retry };
        // the credential alone, never accessKeyId too: openapi-client 0.4.15 ignores `credential` when accessKeyId is set
        this.client = new OpenApi(new _alicloud_openapi_client__WEBPACK_IMPORTED_MODULE_0__.Config({
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
        const params = new _alicloud_openapi_client__WEBPACK_IMPORTED_MODULE_0__.Params({
            action,
            version: _config_js__WEBPACK_IMPORTED_MODULE_1__/* .DLC_API_VERSION */ .MW,
            protocol: this.where.protocol,
            pathname,
            method,
            authType: 'AK',
            style: 'ROA',
            reqBodyType: 'json',
            bodyType: 'json',
        });
        try {
            const res = await this.client.callApi(params, new _alicloud_openapi_client__WEBPACK_IMPORTED_MODULE_0__.OpenApiRequest(req), { autoretry: false });
            return res.body;
        }
        catch (e) {
            throw e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AlibabaCredentialError */ .C2 ? e : (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .dlcError */ .OI)(action, e);
        }
    }
    /** a request, retried on throttling and transient errors */
    call(action, method, pathname, req = {}, beforeRetry, signal) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(() => this.once(action, method, pathname, req), (e) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .dlcError */ .OI)(action, e), this.retry, beforeRetry, signal);
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


/***/ })

};
