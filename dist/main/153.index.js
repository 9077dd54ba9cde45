export const id = 153;
export const ids = [153];
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

/***/ 55153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDgxPlatform: () => (/* binding */ createDgxPlatform),
  m: () => (/* binding */ dgxShell)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/platforms/staging.ts
var platforms_staging = __webpack_require__(71177);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./src/platforms/section.ts
var platforms_section = __webpack_require__(52687);
;// CONCATENATED MODULE: ./src/platforms/dgx/config.ts
/** The `dgx` section of the config: where jobs run (the runner, a node over SSH, Slurm) and how to reach it. */



const DGX_MODES = ['local', 'ssh', 'slurm'];
const schema = schemas/* strictObject */.rej({
    mode: schemas/* enum */.k5n(DGX_MODES, { error: 'one of local, ssh, slurm' }).optional(),
    host: schemas/* string */.YjP({ error: 'a host name' }).min(1, { error: 'a host name' }).optional(),
    user: schemas/* string */.YjP({ error: 'a user name' }).min(1, { error: 'a user name' }).optional(),
    port: schemas/* number */.aig({ error: 'a port number' }).int({ error: 'a port number' }).min(1).max(65535, { error: 'a port number' }).optional(),
    workdir: schemas/* string */.YjP({ error: 'an absolute path' }).startsWith('/', { error: 'an absolute path on the node' }).optional(),
    /** the older name of workdir (the shared folder) */
    shared_dir: schemas/* string */.YjP({ error: 'an absolute path' }).startsWith('/', { error: 'an absolute path on the node' }).optional(),
    cwd: schemas/* string */.YjP({ error: 'a path' }).optional(),
    partition: schemas/* string */.YjP({ error: 'a Slurm partition' }).optional(),
    account: schemas/* string */.YjP({ error: 'a Slurm account' }).optional(),
    known_hosts: schemas/* string */.YjP({ error: 'a known_hosts file' }).optional(),
    host_key: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())], { error: 'a SHA256:… fingerprint or a list of them' }).optional(),
    key_file: schemas/* string */.YjP({ error: 'a private key file' }).optional(),
    key_env: schemas/* string */.YjP({ error: 'an environment variable name' })
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
        .optional(),
    staging: platforms_staging/* stagingSchema */.Nk.optional(),
}, { error: 'a mapping' });
function parseDgxConfig(section, file, defaults) {
    const parsed = schema.safeParse(section ?? {});
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => ({
            file,
            path: ['dgx', ...i.path.map(String)].join('.'),
            expected: i.code === 'unrecognized_keys' ? `one of the known keys (${Object.keys(schema.shape).join(', ')})` : i.message,
            found: i.code === 'unrecognized_keys' ? (i.keys?.join(', ') ?? '') : JSON.stringify((0,platforms_section/* pathValue */.Z)(section, i.path)),
        }));
        return { config: null, problems };
    }
    const c = parsed.data;
    const mode = c.mode ?? (c.host ? 'ssh' : 'local');
    const problems = [];
    if (mode === 'ssh' && !c.host)
        problems.push({ file, path: 'dgx.host', expected: 'the node to reach over SSH (mode: ssh)', found: 'nothing' });
    if (mode === 'local' && c.host) {
        problems.push({
            file,
            path: 'dgx.mode',
            expected: 'ssh or slurm when dgx.host is set (mode local runs on the runner itself)',
            found: '"local"',
        });
    }
    const workdir = c.workdir ?? c.shared_dir;
    if (!workdir && (mode !== 'local' || c.host)) {
        problems.push({ file, path: 'dgx.workdir', expected: 'the shared folder on the node (an absolute path)', found: 'nothing' });
    }
    const hostKeys = c.host_key === undefined ? [] : Array.isArray(c.host_key) ? c.host_key : [c.host_key];
    for (const k of hostKeys) {
        if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(k)) {
            problems.push({
                file,
                path: 'dgx.host_key',
                expected: 'a fingerprint as ssh-keygen -lf prints it (SHA256: and 43 characters)',
                found: JSON.stringify(k),
            });
        }
    }
    if (problems.length)
        return { config: null, problems };
    return {
        config: {
            mode,
            host: c.host,
            user: c.user ?? defaults.user,
            port: c.port ?? 22,
            workdir: (workdir ?? defaults.workdir).replace(/\/+$/, '') || '/',
            cwd: c.cwd,
            partition: c.partition,
            account: c.account,
            knownHosts: c.known_hosts,
            hostKeys,
            keyFile: c.key_file,
            keyEnv: c.key_env ?? 'EVALGATE_SSH_KEY',
            ...(c.staging ? { staging: c.staging } : {}),
        },
        problems: [],
    };
}

// EXTERNAL MODULE: ./src/platforms/dgx/dgx.ts + 1 modules
var dgx = __webpack_require__(37182);
// EXTERNAL MODULE: ./src/platforms/dgx/shell.ts
var dgx_shell = __webpack_require__(62026);
;// CONCATENATED MODULE: ./src/platforms/dgx/create.ts
/** Builds the dgx platform from the config: its section, the shell to reach the node, the SSH key and host key pins. */







function dgxShell(cfg, env, jobEnv, file) {
    if (!cfg.host)
        return { shell: new dgx_shell/* LocalShell */.YI(jobEnv), problems: [] };
    const problems = [];
    let privateKey = env[cfg.keyEnv];
    if (!privateKey && cfg.keyFile) {
        try {
            privateKey = (0,external_node_fs_.readFileSync)(cfg.keyFile, 'utf8');
        }
        catch (e) {
            problems.push({
                file,
                path: 'dgx.key_file',
                expected: 'a readable private key file',
                found: `${JSON.stringify(cfg.keyFile)} (${e.code ?? e.message})`,
            });
        }
    }
    if (!privateKey && !problems.length) {
        problems.push({
            file,
            path: 'dgx',
            expected: `an SSH private key in the environment variable ${cfg.keyEnv} (or dgx.key_file)`,
            found: 'nothing',
        });
    }
    const pins = [...cfg.hostKeys];
    let pinnedBy = cfg.hostKeys.length ? 'dgx.host_key' : '';
    if (cfg.knownHosts) {
        try {
            const keys = (0,dgx_shell/* knownHostKeys */._d)((0,external_node_fs_.readFileSync)(cfg.knownHosts, 'utf8'), cfg.host, cfg.port);
            pins.push(...keys.map(dgx_shell/* fingerprint */.Rj));
            pinnedBy = pinnedBy ? `${pinnedBy} and ${cfg.knownHosts}` : cfg.knownHosts;
        }
        catch (e) {
            problems.push({
                file,
                path: 'dgx.known_hosts',
                expected: 'a readable known_hosts file',
                found: `${JSON.stringify(cfg.knownHosts)} (${e.code ?? e.message})`,
            });
        }
    }
    if (problems.length)
        return { shell: null, problems };
    return {
        shell: new dgx_shell/* SshShell */.Xj({
            host: cfg.host,
            port: cfg.port,
            user: cfg.user,
            privateKey: privateKey,
            passphrase: env.EVALGATE_SSH_PASSPHRASE,
            hostKeys: pins,
            pinnedBy: pinnedBy || 'nothing',
        }),
        problems: [],
    };
}
function createDgxPlatform(settings, opts) {
    const file = settings.configFile ?? 'config';
    let user = 'root';
    try {
        user = (0,external_node_os_.userInfo)().username;
    }
    catch {
        // no passwd entry: root as a default
    }
    const { config, problems } = parseDgxConfig(settings.platformConfig.dgx, file, { workdir: external_node_path_default().join(opts.workDir, 'dgx'), user });
    if (!config)
        return { platform: null, problems };
    const { staging, problems: stagingProblems } = (0,platforms_staging/* resolveStaging */._M)('dgx', settings.staging, config.staging, file);
    if (stagingProblems.length)
        return { platform: null, problems: stagingProblems };
    const { shell, problems: shellProblems } = settings.dryRun
        ? { shell: new dgx_shell/* LocalShell */.YI(opts.jobEnv), problems: [] }
        : dgxShell(config, opts.env, opts.jobEnv, file);
    if (!shell)
        return { platform: null, problems: shellProblems };
    return {
        platform: new dgx/* DgxPlatform */.xX({
            config,
            shell,
            cwd: opts.cwd,
            localDir: opts.workDir,
            gate: settings.name,
            dryRun: settings.dryRun,
            staging,
            ...(opts.signal ? { signal: opts.signal } : {}),
        }),
        problems: [],
    };
}


/***/ }),

/***/ 37182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xX: () => (/* binding */ DgxPlatform),
  bp: () => (/* binding */ killGroupCommand)
});

// UNUSED EXPORTS: baseName, parseHostEnv

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/plan.ts
var plan = __webpack_require__(4620);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(86153);
// EXTERNAL MODULE: ./src/stores/fs.ts
var fs = __webpack_require__(23135);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
// EXTERNAL MODULE: ./src/platforms/dgx/shell.ts
var shell = __webpack_require__(62026);
;// CONCATENATED MODULE: ./src/platforms/dgx/slurm.ts
/** every base and flag state Slurm prints, and what it means for a job */
const SLURM_STATES = {
    PENDING: 'queued',
    REQUEUED: 'queued',
    REQUEUE_FED: 'queued',
    REQUEUE_HOLD: 'queued',
    RESV_DEL_HOLD: 'queued',
    CONFIGURING: 'queued',
    RUNNING: 'running',
    COMPLETING: 'running',
    SUSPENDED: 'running',
    STOPPED: 'running',
    RESIZING: 'running',
    SIGNALING: 'running',
    STAGE_OUT: 'running',
    EXPEDITING: 'running',
    COMPLETED: 'succeeded',
    FAILED: 'failed',
    TIMEOUT: 'failed',
    OUT_OF_MEMORY: 'failed',
    NODE_FAIL: 'failed',
    BOOT_FAIL: 'failed',
    DEADLINE: 'failed',
    PREEMPTED: 'failed',
    SPECIAL_EXIT: 'failed',
    REVOKED: 'failed',
    CANCELLED: 'cancelled',
};
/** `sbatch --parsable` prints `<jobid>` or `<jobid>;<cluster>` */
function parseSbatch(stdout) {
    const m = /^(\d+)(?:;\S+)?\s*$/.exec(stdout.trim());
    return m ? m[1] : null;
}
/** Slurm state word → evalgate state; an exit code other than 0:0 makes COMPLETED a failure */
function mapState(state, exitCode) {
    const word = state.trim().split(/\s+/)[0].replace(/\+$/, '').toUpperCase();
    const mapped = SLURM_STATES[word];
    if (!mapped)
        return { state: 'running', known: false };
    if (mapped === 'succeeded' && exitCode && exitCode !== '0:0')
        return { state: 'failed', known: true };
    return { state: mapped, known: true };
}
function expandRange(spec) {
    // `1-3`, `1,4-5`, `0-7%2` (a throttle), `1-9:2` (a step)
    const out = [];
    for (const part of spec.replace(/%\d+$/, '').split(',')) {
        const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(part.trim());
        if (!m)
            continue;
        const from = Number(m[1]);
        const to = m[2] !== undefined ? Number(m[2]) : from;
        const step = m[3] !== undefined ? Math.max(1, Number(m[3])) : 1;
        for (let i = from; i <= to && out.length < 100_000; i += step)
            out.push(i);
    }
    return out;
}
/** `sacct -X -P -n -o JobID,State,ExitCode` lines: `123_0|COMPLETED|0:0`, `123_[1-3]|PENDING|0:0`, `124|FAILED|3:0` */
function parseSacct(stdout) {
    const out = [];
    for (const line of stdout.split('\n')) {
        const [jobId, state, exitCode] = line.trim().split('|');
        if (!jobId || !state)
            continue;
        const m = /^(\d+)(?:_(\d+|\[([^\]]+)\]))?$/.exec(jobId);
        if (!m)
            continue; // a step (123.batch) or something else
        const exit = exitCode || null;
        if (m[3] !== undefined) {
            for (const t of expandRange(m[3]))
                out.push({ id: `${m[1]}_${t}`, arrayJobId: m[1], taskId: t, state, exitCode: exit });
        }
        else if (m[2] !== undefined)
            out.push({ id: jobId, arrayJobId: m[1], taskId: Number(m[2]), state, exitCode: exit });
        else
            out.push({ id: jobId, arrayJobId: m[1], taskId: null, state, exitCode: exit });
    }
    return out;
}
/** `scontrol show job -o <id>`: one line per job or array task, `Key=Value` pairs */
function parseScontrol(stdout) {
    const out = [];
    for (const line of stdout.split('\n')) {
        if (!/\bJobId=\d+/.test(line))
            continue;
        const field = (k) => new RegExp(`(?:^|\\s)${k}=(\\S*)`).exec(line)?.[1];
        const jobId = field('JobId');
        const arrayJobId = field('ArrayJobId');
        const taskText = field('ArrayTaskId');
        const state = field('JobState') ?? 'UNKNOWN';
        const exitCode = field('ExitCode') ?? null;
        const reason = field('Reason');
        if (arrayJobId && taskText !== undefined) {
            const tasks = /^\d+$/.test(taskText) ? [Number(taskText)] : expandRange(taskText);
            for (const t of tasks)
                out.push({ id: `${arrayJobId}_${t}`, arrayJobId, taskId: t, state, exitCode, reason });
        }
        else
            out.push({ id: jobId, arrayJobId: jobId, taskId: null, state, exitCode, reason });
    }
    return out;
}
/** sbatch options for a job's resources (SPEC: gpus → --gres=gpu:N, cpu → --cpus-per-task, memory_gb → --mem, timeout → --time) */
function sbatchOptions(opts) {
    const out = [];
    if (opts.partition)
        out.push(`--partition=${opts.partition}`);
    if (opts.account)
        out.push(`--account=${opts.account}`);
    if (opts.gpus)
        out.push(`--gres=gpu:${opts.gpuType ? `${opts.gpuType}:` : ''}${opts.gpus}`);
    if (opts.cpus)
        out.push(`--cpus-per-task=${Math.ceil(opts.cpus)}`);
    if (opts.memoryGb)
        out.push(`--mem=${Math.ceil(opts.memoryGb * 1024)}M`);
    if (opts.array)
        out.push(`--array=${opts.array}`);
    return out;
}

// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
// EXTERNAL MODULE: ./src/platforms/attempts.ts
var attempts = __webpack_require__(93008);
// EXTERNAL MODULE: ./src/platforms/abort.ts
var abort = __webpack_require__(24550);
;// CONCATENATED MODULE: ./src/platforms/dgx/dgx.ts
/**
 * `dgx`: jobs on a DGX node: on the runner itself (`mode: local`), on a node over SSH (`ssh`), or
 * through Slurm (`slurm`, from the runner or a login node over SSH). The model and data are staged
 * into the shared folder (content-addressed, skipped when there), every shard's indicator files
 * are written under it and copied back.
 *
 *   <workdir>/evalgate/cas/<sha256>/<name>        staged model / data
 *   <workdir>/evalgate/scripts/<job>.sh           the rendered run.sh of a job (all its shards)
 *   <workdir>/evalgate/runs/<job>-<shard>/        out/, log.txt, pid, exit_code, host.env
 *
 * Without Slurm a shard runs as `setsid bash run.sh <shard>`: its own session and process group,
 * which a cancel signals as a whole. With Slurm a job is one `sbatch --parsable` array, one task per
 * shard; state comes from `sacct` or, where accounting is off, `scontrol show job`.
 */











/** jobs whose state one shell call reads (ssh and local mode) */
const STATE_CHUNK = 500;
/** the shard's number is the last part of a job name (plan.jobName): the rest names the whole job */
const baseName = (name) => name.replace(/-\d+$/, '');
function parseHostEnv(text) {
    const env = { gpus: [] };
    for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const k = line.slice(0, eq);
        const v = line.slice(eq + 1).trim();
        if (k === 'hostname')
            env.hostname = v;
        else if (k === 'cpu_governor')
            env.cpu_governor = v;
        else if (k === 'cpu_model' && v)
            env.cpu_model = v;
        else if (k === 'gpu' && v)
            env.gpus.push(v);
    }
    return env;
}
/**
 * TERM to a shard's process group, KILL to what is left after 5 s; only while the shard's pid file
 * still names that group (a group id the node has since reused is not touched). `kill -TERM -PGID`:
 * dash's kill takes no `--`.
 */
function killGroupCommand(runDir, pgid) {
    const dir = (0,shell/* quote */.hD)(runDir);
    return `[ "$(cat ${dir}/pid 2>/dev/null)" = ${pgid} ] || exit 0; kill -TERM -${pgid} 2>/dev/null; for i in $(seq 1 50); do kill -0 -${pgid} 2>/dev/null || exit 0; sleep 0.1; done; kill -KILL -${pgid} 2>/dev/null; exit 0`;
}
class DgxPlatform {
    opts;
    name = 'dgx';
    pollIntervalMs;
    maxPollIntervalMs;
    warnings = [];
    cfg;
    shell;
    groups = new Map();
    byName = new Map();
    cache = null;
    refreshing = null;
    accounting = null;
    staged = new Map();
    constructor(opts) {
        this.opts = opts;
        this.cfg = opts.config;
        this.shell = opts.shell;
        this.pollIntervalMs = this.cfg.mode === 'slurm' ? 1000 : 250;
        this.maxPollIntervalMs = this.cfg.mode === 'slurm' ? 10_000 : 2000;
    }
    get root() {
        return `${this.cfg.workdir}/evalgate`;
    }
    runDir(name) {
        return `${this.root}/runs/${name}`;
    }
    locate(_key, _shard, name, staged) {
        return { model: staged.model, data: staged.data, out: `${this.runDir(name)}/out` };
    }
    hashes = {};
    async stage(localOrUri, kind, signal = this.opts.signal) {
        (0,abort/* throwIfCancelled */.dZ)(signal);
        if ((0,fs/* isUri */.nh)(localOrUri))
            return localOrUri;
        const local = external_node_path_default().resolve(this.opts.cwd, localOrUri);
        const cached = this.staged.get(local);
        if (cached) {
            if (kind)
                this.hashes[kind] = `sha256:${external_node_path_default().posix.basename(external_node_path_default().posix.dirname(cached))}`;
            return cached;
        }
        // hashed in local mode too: the sha256 is the input's fingerprint (SPEC §10)
        const sha = await (0,templates/* contentHash */.Ae)(local, signal);
        if (kind)
            this.hashes[kind] = `sha256:${sha}`;
        // the runner is the node: jobs read the checkout where it is
        if (this.cfg.mode === 'local')
            return local;
        const target = this.casPath(sha, external_node_path_default().basename(local));
        if (this.opts.dryRun)
            return target;
        const dir = external_node_path_default().posix.dirname(target);
        // content-addressed: present and complete means the same bytes are there already
        const present = await this.shell.exec(`test -e ${(0,shell/* quote */.hD)(`${dir}/.complete`)} && test -e ${(0,shell/* quote */.hD)(target)}`);
        if (present.code !== 0) {
            // what an interrupted run left (its folder untouched for 10 minutes) goes; one in progress (another run's) stays
            await this.shell.exec(`for d in ${(0,shell/* quote */.hD)(dir)}.tmp-*; do [ -d "$d" ] || continue; [ -n "$(find "$d" -mmin -10 2>/dev/null | head -n 1)" ] || rm -rf -- "$d"; done; true`);
            // each upload into its own folder, moved into place whole: a half-sent file is never at the staged path
            const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
            await this.shell.upload(local, `${tmp}/${external_node_path_default().basename(local)}`, {
                ...(this.opts.staging ? { staging: this.opts.staging } : {}),
                ...(signal ? { signal } : {}),
            });
            const r = await this.shell.exec(`mkdir -p ${(0,shell/* quote */.hD)(`${this.root}/cas`)} && rm -rf ${(0,shell/* quote */.hD)(dir)} && mv ${(0,shell/* quote */.hD)(tmp)} ${(0,shell/* quote */.hD)(dir)} && touch ${(0,shell/* quote */.hD)(`${dir}/.complete`)}`);
            if (r.code !== 0)
                throw new Error(`staging ${localOrUri} to ${this.shell.where}:${dir} failed: ${r.stderr.trim()}`);
        }
        this.staged.set(local, target);
        return target;
    }
    /** where a local file or folder with this content is staged on the node */
    casPath(sha, basename) {
        return `${this.root}/cas/${sha}/${basename}`;
    }
    /** the script of one job, every shard of it, from platforms/job_templates/dgx/run.sh */
    async renderScript(jobs, attempt) {
        const first = jobs[0];
        const base = attempt ? `${attempt.base}${attempt.suffix}` : baseName(first.name);
        const shards = jobs.map((j) => {
            const exports = Object.entries(j.env).map(([k, v]) => `export ${k}=${(0,plan/* shellQuote */.ZL)(v)}`);
            return `  ${j.shard.index})\n    run_dir=${(0,plan/* shellQuote */.ZL)(this.runDir(j.name))}\n    command=${(0,plan/* shellQuote */.ZL)(j.command)}\n    ${[...exports, `export EVALGATE_JOB=${(0,plan/* shellQuote */.ZL)(j.name)}`].join('\n    ')}\n    ;;`;
        });
        const isArray = jobs.length > 1 || first.shard.count > 1;
        const options = this.cfg.mode === 'slurm'
            ? sbatchOptions({
                partition: this.cfg.partition,
                account: this.cfg.account,
                gpus: first.resources.gpus,
                gpuType: first.resources.gpu_type,
                cpus: first.resources.cpu,
                memoryGb: first.resources.memory_gb,
                array: jobs.length > 1 || first.shard.count > 1
                    ? `${Math.min(...jobs.map((j) => j.shard.index))}-${Math.max(...jobs.map((j) => j.shard.index))}`
                    : undefined,
            })
            : [];
        const vars = {
            job_name: base,
            timeout_minutes: Math.ceil(first.timeoutMinutes),
            // %a is an array task's index; a job that is no array has none (Slurm writes 4294967294)
            log_pattern: isArray
                ? `${this.root}/runs/${attempt ? attempt.base : base}-%a${attempt?.suffix ?? ''}/log.txt`
                : `${this.runDir(first.name)}/log.txt`,
            sbatch_options: options.map((o) => `#SBATCH ${o}`).join('\n'),
            shards: shards.join('\n'),
            shard_index: first.shard.index,
            cwd: this.cfg.cwd ?? (this.cfg.host ? this.cfg.workdir : this.opts.cwd),
        };
        const { text, missing } = (0,templates/* renderTemplate */.Xm)(await (0,templates/* readTemplate */.xV)('dgx'), vars, 'sh');
        if (missing.length)
            throw new Error(`internal error: dgx/run.sh uses unknown variables ${missing.join(', ')}`);
        return text;
    }
    /** --dry-run: every job's script, as it would be written to the shared folder and run */
    async describe(jobs) {
        await this.prepare(jobs);
        const out = [];
        for (const g of this.groups.values()) {
            const how = this.cfg.mode === 'slurm' ? `sbatch --parsable ${g.script}` : `setsid bash ${g.script} <shard>`;
            const on = this.cfg.host ? `${this.cfg.user}@${this.cfg.host}:${this.cfg.port}` : 'the runner';
            out.push(`# ${g.base} (${how} on ${on}) from platforms/job_templates/dgx/run.sh\n${await this.renderScript(g.jobs)}`);
        }
        return out.join('\n');
    }
    /** groups the shards of each job: a Slurm job is one array for all of them */
    async prepare(jobs) {
        for (const job of jobs) {
            const base = baseName(job.name);
            let g = this.groups.get(base);
            if (!g) {
                g = { key: job.key, base, jobs: [], script: `${this.root}/scripts/${base}.sh` };
                this.groups.set(base, g);
            }
            g.jobs.push(job);
            this.byName.set(job.name, { job, group: g });
        }
    }
    group(job) {
        if (!this.byName.has(job.name))
            void this.prepare([job]);
        return this.byName.get(job.name).group;
    }
    async writeScript(g, attempt) {
        const jobs = attempt?.jobs ?? g.jobs;
        await this.shell.writeFile(attempt?.script ?? g.script, await this.renderScript(jobs, attempt && { base: g.base, suffix: attempt.suffix }));
        const dirs = jobs.map((j) => (0,shell/* quote */.hD)(`${this.runDir(j.name)}/out`)).join(' ');
        const r = await this.shell.exec(`mkdir -p ${dirs}`);
        if (r.code !== 0)
            throw new Error(`${this.shell.where}: cannot create the job folders: ${r.stderr.trim()}`);
    }
    /**
     * sbatch and a launch are single commands that never back off: one the abort finds started runs
     * to its end, so that the job it creates has a handle and is cancelled with the others
     */
    async submit(job, signal) {
        (0,abort/* throwIfCancelled */.dZ)(signal);
        const g = this.group(job);
        if (this.cfg.mode === 'slurm') {
            g.submitting ??= this.submitArray(g);
            const arrayId = await g.submitting;
            const isArray = g.jobs.length > 1 || job.shard.count > 1;
            return { job, id: isArray ? `${arrayId}_${job.shard.index}` : arrayId };
        }
        return { job, id: await this.launch(g, job) };
    }
    async submitArray(g) {
        // a retried run attaches to the array it submitted before (found by its deterministic name),
        // also once it has ended (its run was killed and it finished since): squeue knows only queued
        // and running jobs, sacct (with accounting) and scontrol (for MinJobAge) the finished ones too
        // an array found under its name with a task that failed or was cancelled is submitted again
        // (every shard) as <base>-r2, -r3, …, each shard in a run folder <name>-r2 of its own
        const found = await (0,attempts/* findAttempt */.Vb)(g.base, async (name) => {
            const id = await this.findArray(name);
            if (!id)
                return null;
            const dead = (await this.arrayTasks(id)).some((t) => {
                const s = mapState(t.state, t.exitCode ?? null).state;
                return s === 'failed' || s === 'cancelled';
            });
            return dead ? 'dead' : { live: id };
        });
        const suffix = found.name.slice(g.base.length);
        if (suffix)
            for (const j of g.jobs)
                this.attemptOf.set(j.name, `${j.name}${suffix}`);
        if (found.existing) {
            g.arrayId = found.existing;
            return found.existing;
        }
        const script = suffix ? `${this.root}/scripts/${found.name}.sh` : g.script;
        if (suffix) {
            const jobs = g.jobs.map((j) => {
                const run = (0,attempts/* asAttempt */.Ae)(j, `${j.name}${suffix}`);
                return { ...run, env: { ...run.env, EVALGATE_OUT: `${this.runDir(run.name)}/out` } };
            });
            await this.writeScript(g, { jobs, script, suffix });
        }
        else
            await this.writeScript(g);
        const r = await this.shell.exec(`sbatch --parsable ${(0,shell/* quote */.hD)(script)}`);
        const id = parseSbatch(r.stdout);
        if (r.code !== 0 || !id) {
            throw new Error(`sbatch on ${this.shell.where} failed for ${found.name}: ${(r.stderr || r.stdout).trim() || `exit code ${r.code}`}`);
        }
        g.arrayId = id;
        return id;
    }
    /** the id of the array (or job) of this name Slurm knows: queued or running (squeue), or finished (sacct, scontrol) */
    async findArray(name) {
        const n = (0,shell/* quote */.hD)(name);
        const existing = await this.shell.exec(`squeue -h --name=${n} -o %i; echo @; sacct -X -n -P --name=${n} -o JobID 2>/dev/null; echo @; scontrol -o show job 2>/dev/null | grep -F -e ${(0,shell/* quote */.hD)(` JobName=${name} `)}`);
        const [queued = '', accounted = '', remembered = ''] = existing.stdout.split(/^@$/m).map((s) => s.trim());
        return (/^(\d+)/.exec(queued)?.[1] ??
            /^(\d+)/.exec(accounted)?.[1] ??
            /\bArrayJobId=(\d+)/.exec(remembered)?.[1] ??
            /^JobId=(\d+)/.exec(remembered)?.[1]);
    }
    /** the tasks of one array as Slurm reports them (sacct with accounting, scontrol without) */
    async arrayTasks(id) {
        if (this.accounting !== false) {
            const r = await this.shell.exec(`sacct -X -P -n -j ${id} -o JobID,State,ExitCode`);
            if (r.code === 0) {
                const tasks = parseSacct(r.stdout);
                if (tasks.length)
                    return tasks;
            }
        }
        const r = await this.shell.exec(`scontrol show job -o ${id} 2>/dev/null`);
        return parseScontrol(r.stdout);
    }
    async launch(g, job) {
        // attach: a shard a retried run started is still running or has finished with 0; one that
        // failed or was killed is started again as <name>-r2, -r3, … in a run folder of its own
        const found = await (0,attempts/* findAttempt */.Vb)(job.name, async (n) => {
            const r = await this.shell.exec(this.stateLine('-', this.runDir(n)));
            const [, state, value] = r.stdout.trim().split(' ');
            if (state === 'none' || !state)
                return null;
            if (state === 'running')
                return { live: value ?? '' };
            if (state === 'exit' && value === '0') {
                const pid = await this.shell.exec(`cat ${(0,shell/* quote */.hD)(`${this.runDir(n)}/pid`)} 2>/dev/null`);
                return { live: pid.stdout.trim() };
            }
            return 'dead';
        });
        if (found.attempt > 1)
            this.attemptOf.set(job.name, found.name);
        const pid = /^(\d+)/.exec(found.existing ?? '')?.[1];
        if (pid)
            return pid;
        const dir = this.runDir(found.name);
        let script = g.script;
        if (found.attempt > 1) {
            // this attempt's own script: its folder and {out} are the attempt's
            const run = (0,attempts/* asAttempt */.Ae)(job, found.name);
            run.env = { ...run.env, EVALGATE_OUT: `${dir}/out` };
            script = `${this.root}/scripts/${found.name}.sh`;
            await this.shell.writeFile(script, await this.renderScript([run]));
            const m = await this.shell.exec(`mkdir -p ${(0,shell/* quote */.hD)(`${dir}/out`)}`);
            if (m.code !== 0)
                throw new Error(`${this.shell.where}: cannot create the job folder ${dir}: ${m.stderr.trim()}`);
        }
        else {
            if (!g.submitting)
                g.submitting = this.writeScript(g).then(() => 'written');
            await g.submitting;
        }
        const r = await this.shell.exec(`cd ${(0,shell/* quote */.hD)(dir)} && rm -f exit_code pid && (setsid nohup bash ${(0,shell/* quote */.hD)(script)} ${job.shard.index} > log.txt 2>&1 < /dev/null & echo $! > pid) && cat pid`);
        const started = /^(\d+)/.exec(r.stdout.trim())?.[1];
        if (r.code !== 0 || !started)
            throw new Error(`could not start ${found.name} on ${this.shell.where}: ${(r.stderr || r.stdout).trim()}`);
        return started;
    }
    async refresh() {
        const states = new Map();
        if (this.cfg.mode === 'slurm') {
            const ids = [...new Set([...this.groups.values()].map((g) => g.arrayId).filter((x) => !!x))];
            if (ids.length) {
                let tasks = null;
                if (this.accounting !== false) {
                    const r = await this.shell.exec(`sacct -X -P -n -j ${ids.join(',')} -o JobID,State,ExitCode`);
                    if (r.code === 0) {
                        this.accounting = true;
                        tasks = parseSacct(r.stdout);
                    }
                    else if (/accounting storage is disabled/i.test(r.stderr))
                        this.accounting = false;
                    else
                        throw new Error(`sacct on ${this.shell.where}: ${r.stderr.trim() || `exit code ${r.code}`}`);
                }
                // sacct can lag behind a submission, and without accounting it says nothing: scontrol knows
                const known = new Set(tasks?.map((t) => t.arrayJobId));
                const missing = ids.filter((id) => !known.has(id));
                if (tasks === null || missing.length) {
                    const r = await this.shell.exec(`for j in ${(tasks === null ? ids : missing).join(' ')}; do scontrol show job -o "$j"; done`);
                    tasks = [...(tasks ?? []), ...parseScontrol(r.stdout)];
                }
                for (const t of tasks)
                    states.set(t.id, t);
            }
        }
        else {
            const jobs = [...this.byName.values()].map(({ job }) => job);
            // one script for STATE_CHUNK jobs: a shell function, then one short call per job (a command
            // line stays far under the kernel's 128 KiB limit on one argument, whatever the fan-out)
            for (let i = 0; i < jobs.length; i += STATE_CHUNK) {
                const r = await this.shell.exec(this.stateScript(jobs.slice(i, i + STATE_CHUNK)));
                for (const line of r.stdout.split('\n')) {
                    const [n, state, exit] = line.trim().split(' ');
                    if (n && state)
                        states.set(n, { pidState: state, exit: exit !== undefined ? Number(exit) : undefined });
                }
            }
        }
        this.cache = { at: Date.now(), states };
    }
    async states() {
        if (this.cache && Date.now() - this.cache.at < (this.opts.statusTtlMs ?? 200))
            return this.cache.states;
        this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
        await this.refreshing;
        return this.cache.states;
    }
    /**
     * Every job from one read: one `sacct` for all the run's arrays (slurm; `scontrol` where
     * accounting is off), one state script per STATE_CHUNK jobs (ssh, local). The same read
     * answers status(), so a job is never left out: one not listed yet is queued.
     */
    async statusMany(handles, signal) {
        await (0,abort/* raceAbort */.Mu)(this.states(), signal);
        const out = new Map();
        for (const h of handles)
            out.set(h.id, await this.status(h));
        return out;
    }
    async status(h, signal) {
        const states = await (0,abort/* raceAbort */.Mu)(this.states(), signal);
        if (this.cfg.mode === 'slurm') {
            const t = states.get(h.id);
            if (!t)
                return { state: 'queued', platformStatus: 'submitted (not listed yet)' };
            const m = mapState(t.state, t.exitCode);
            const word = t.state.split(/\s+/)[0];
            const status = { state: m.state, platformStatus: `${word}${t.exitCode && t.exitCode !== '0:0' ? ` ${t.exitCode}` : ''}` };
            if (!m.known)
                status.platformStatus = `${word} (unknown to evalgate; still waiting)`;
            if (m.state === 'failed')
                status.message = `Slurm ${word}${t.exitCode ? `, exit code ${t.exitCode}` : ''}${t.reason && t.reason !== 'None' ? `, reason ${t.reason}` : ''}`;
            if (m.state === 'running' && !this.startedAt.has(h.id))
                this.startedAt.set(h.id, Date.now());
            if (this.startedAt.has(h.id))
                status.startedAt = this.startedAt.get(h.id);
            if (m.state !== 'queued' && m.state !== 'running')
                status.finishedAt = Date.now();
            return status;
        }
        const s = states.get(h.job.name);
        if (!this.startedAt.has(h.id))
            this.startedAt.set(h.id, Date.now());
        const startedAt = this.startedAt.get(h.id);
        if (!s || s.pidState === 'none')
            return { state: 'queued', platformStatus: 'starting', startedAt };
        if (s.pidState === 'running')
            return { state: 'running', platformStatus: `running (pid ${h.id} on ${this.shell.where})`, startedAt };
        if (s.pidState === 'exit') {
            if (s.exit === 0)
                return { state: 'succeeded', platformStatus: 'exited 0', startedAt, finishedAt: Date.now() };
            if (this.cancelled.has(h.id))
                return { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled', startedAt, finishedAt: Date.now() };
            return {
                state: 'failed',
                platformStatus: `exited ${s.exit}`,
                message: `exited with code ${s.exit}`,
                startedAt,
                finishedAt: Date.now(),
            };
        }
        if (this.cancelled.has(h.id))
            return { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled', startedAt, finishedAt: Date.now() };
        return {
            state: 'failed',
            platformStatus: 'gone',
            message: `its process ended without an exit code on ${this.shell.where} (killed, or the node rebooted)`,
            startedAt,
            finishedAt: Date.now(),
        };
    }
    startedAt = new Map();
    /** ssh mode: planned job name → the name of the attempt that runs it (its run folder), where not the first */
    attemptOf = new Map();
    /** the run folder of the attempt that runs a job */
    dirOf(job) {
        return this.runDir(this.attemptOf.get(job.name) ?? job.name);
    }
    /** the script that prints `<name> exit <code>|running <pid>|gone|none` for each job's run folder */
    stateScript(jobs) {
        const fn = `s() { d=${(0,shell/* quote */.hD)(`${this.root}/runs`)}/"\${2:-$1}"; if [ -f "$d/exit_code" ]; then echo "$1 exit $(cat "$d/exit_code")"; ` +
            `elif [ -f "$d/pid" ] && kill -0 "$(cat "$d/pid")" 2>/dev/null; then echo "$1 running $(cat "$d/pid")"; ` +
            `elif [ -f "$d/pid" ]; then echo "$1 gone"; else echo "$1 none"; fi; }`;
        const calls = jobs.map((j) => {
            const attempt = this.attemptOf.get(j.name);
            return attempt && attempt !== j.name ? `s ${(0,shell/* quote */.hD)(j.name)} ${(0,shell/* quote */.hD)(attempt)}` : `s ${(0,shell/* quote */.hD)(j.name)}`;
        });
        return [fn, ...calls].join('\n');
    }
    /** the shell line that prints `<key> exit <code>|running|gone|none` for a run folder */
    stateLine(key, dir) {
        const d = (0,shell/* quote */.hD)(dir);
        return `if [ -f ${d}/exit_code ]; then echo "${key} exit $(cat ${d}/exit_code)"; elif [ -f ${d}/pid ] && kill -0 "$(cat ${d}/pid)" 2>/dev/null; then echo "${key} running $(cat ${d}/pid)"; elif [ -f ${d}/pid ]; then echo "${key} gone"; else echo "${key} none"; fi`;
    }
    cancelled = new Set();
    async logs(h, lines) {
        const r = await this.shell.exec(`tail -n ${Math.max(1, Math.floor(lines))} ${(0,shell/* quote */.hD)(`${this.dirOf(h.job)}/log.txt`)} 2>/dev/null`);
        return r.stdout.replace(/\n$/, '');
    }
    async collect(h, _dest, signal) {
        (0,abort/* throwIfCancelled */.dZ)(signal);
        // a fresh folder of evalgate's: never one it did not create
        const local = external_node_path_default().join(await (0,owned/* freshFolder */.lj)(external_node_path_default().join(this.opts.localDir, h.job.name)), 'out');
        const files = await this.shell.download(`${this.dirOf(h.job)}/out`, local, (n) => n.endsWith('.json'));
        const env = await this.hostEnv(h);
        if (env)
            await this.annotate(h, files, env);
        return files;
    }
    async hostEnv(h) {
        const r = await this.shell.exec(`cat ${(0,shell/* quote */.hD)(`${this.dirOf(h.job)}/host.env`)} 2>/dev/null`);
        return r.code === 0 && r.stdout.trim() ? parseHostEnv(r.stdout) : null;
    }
    /** records where a job ran in each of its indicator files (`host`), and warns about a latency job without the performance governor */
    async annotate(h, files, env) {
        const host = {
            hostname: env.hostname ?? null,
            cpu_model: env.cpu_model ?? null,
            cpu_governor: env.cpu_governor ?? null,
            gpus: env.gpus,
        };
        let latency = false;
        for (const f of files) {
            const text = await external_node_fs_.promises.readFile(f, 'utf8');
            const parsed = (0,json/* parseJsonText */.lk)(text, f);
            // a file with a problem is left exactly as written, for validation to name it
            if (!parsed.ok || parsed.problems.length || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value))
                continue;
            const v = parsed.value;
            if (v.indicator === 'latency_p99')
                latency = true;
            if (!('host' in v))
                await external_node_fs_.promises.writeFile(f, JSON.stringify({ ...v, host }));
        }
        const governor = env.cpu_governor;
        if ((latency || h.job.indicators.includes('latency_p99')) && governor && governor !== 'unknown' && governor !== 'performance') {
            this.warnings.push(`${h.job.name} measured latency on ${env.hostname ?? this.shell.where} with the CPU frequency governor ${JSON.stringify(env.cpu_governor ?? 'unknown')}, not "performance": its latency is not repeatable against a baseline`);
        }
    }
    async cancel(h) {
        this.cancelled.add(h.id);
        if (this.cfg.mode === 'slurm') {
            const r = await this.shell.exec(`scancel ${(0,shell/* quote */.hD)(h.id)}`);
            if (r.code !== 0 && !/already completing or completed|Invalid job id/i.test(r.stderr)) {
                throw new Error(`scancel ${h.id} on ${this.shell.where}: ${r.stderr.trim()}`);
            }
            // wait until Slurm has taken it (a few seconds at most)
            for (let i = 0; i < 40; i++) {
                this.cache = null;
                const s = await this.status(h);
                if (s.state !== 'queued' && s.state !== 'running')
                    return;
                await new Promise((res) => setTimeout(res, 250));
            }
            return;
        }
        const pgid = Number(h.id);
        if (!Number.isSafeInteger(pgid) || pgid <= 1)
            return;
        // TERM the whole group, KILL what is left after 5 s; only while the job's pid file still names it
        await this.shell.exec(killGroupCommand(this.dirOf(h.job), pgid));
        this.cache = null;
    }
    saved(h) {
        return {
            platform: this.name,
            name: h.job.name,
            id: h.id,
            mode: this.cfg.mode,
            host: this.cfg.host ?? null,
            port: this.cfg.port,
            user: this.cfg.user,
            host_keys: this.cfg.hostKeys,
            known_hosts: this.cfg.knownHosts ?? null,
            key_env: this.cfg.keyEnv,
            key_file: this.cfg.keyFile ?? null,
            run_dir: this.dirOf(h.job),
        };
    }
    async close() {
        await this.shell.close();
    }
}


/***/ }),

/***/ 62026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   Xj: () => (/* binding */ SshShell),
/* harmony export */   YI: () => (/* binding */ LocalShell),
/* harmony export */   _d: () => (/* binding */ knownHostKeys),
/* harmony export */   hD: () => (/* binding */ quote)
/* harmony export */ });
/* unused harmony exports safeSegment, HostKeyError, readKnownHosts */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85472);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(ssh2__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71177);
/**
 * Where DGX jobs are started: on the runner itself (`mode: local`) or on a node over SSH (the
 * `ssh2` package; SFTP for files). Both give the same small interface, so the job logic (process
 * groups, Slurm) is written once. Paths on the node are POSIX.
 */






/** a name from the node is one path segment, never `..` or a path: a listing cannot write outside the folder */
function safeSegment(name) {
    return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\\') && !name.includes('\0');
}
class LocalShell {
    env;
    where = 'the runner';
    constructor(env = process.env) {
        this.env = env;
    }
    exec(command) {
        return new Promise((resolve) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('/bin/sh', ['-c', command], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d) => (stdout += d));
            child.stderr.on('data', (d) => (stderr += d));
            child.once('error', (e) => resolve({ code: null, signal: null, stdout, stderr: stderr + e.message }));
            child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
        });
    }
    async writeFile(remote, content) {
        await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(remote), { recursive: true });
        await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.writeFile(remote, content);
    }
    async upload(local, remote, opts = {}) {
        (0,_staging_js__WEBPACK_IMPORTED_MODULE_5__/* .throwIfAborted */ .Te)(opts.signal);
        await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(remote), { recursive: true });
        await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.cp(local, remote, { recursive: true, dereference: true });
    }
    async download(remoteDir, localDir, keep) {
        const out = [];
        const walk = async (from, to) => {
            let entries;
            try {
                entries = await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.readdir(from, { withFileTypes: true });
            }
            catch {
                return;
            }
            for (const e of entries) {
                if (!safeSegment(e.name))
                    continue;
                if (e.isDirectory())
                    await walk(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(from, e.name), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(to, e.name));
                else if (e.isFile() && keep(e.name)) {
                    await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.mkdir(to, { recursive: true });
                    await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.copyFile(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(from, e.name), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(to, e.name));
                    out.push(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(to, e.name));
                }
            }
        };
        await walk(remoteDir, localDir);
        return out.sort();
    }
    async close() { }
}
/** OpenSSH's fingerprint of a host key blob: `SHA256:` and unpadded base64 */
function fingerprint(key) {
    return `SHA256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
/** the keys known_hosts lists for host:port (plain or hashed `|1|salt|hash` names, `[host]:port` for other ports) */
function knownHostKeys(text, host, port) {
    const names = port === 22 ? [host, `[${host}]:22`] : [`[${host}]:${port}`];
    const keys = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const parts = line.split(/\s+/);
        if (parts[0].startsWith('@'))
            continue; // @cert-authority / @revoked: not for pinning
        const [hosts, , blob] = parts;
        if (!hosts || !blob)
            continue;
        const matches = hosts.split(',').some((h) => {
            const hashed = /^\|1\|([^|]+)\|([^|]+)$/.exec(h);
            if (!hashed)
                return names.includes(h);
            return names.some((n) => createHmacSha1(Buffer.from(hashed[1], 'base64'), n) === hashed[2]);
        });
        if (matches)
            keys.push(Buffer.from(blob, 'base64'));
    }
    return keys;
}
function createHmacSha1(salt, name) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHmac)('sha1', salt).update(name).digest('base64');
}
class HostKeyError extends Error {
}
class SshShell {
    opts;
    where;
    conn = null;
    sftpP = null;
    constructor(opts) {
        this.opts = opts;
        this.where = `${opts.user}@${opts.host}:${opts.port}`;
    }
    connect() {
        if (this.conn)
            return this.conn;
        const o = this.opts;
        this.conn = new Promise((resolve, reject) => {
            const c = new ssh2__WEBPACK_IMPORTED_MODULE_4__.Client();
            let presented = null;
            const config = {
                host: o.host,
                port: o.port,
                username: o.user,
                privateKey: o.privateKey,
                passphrase: o.passphrase,
                readyTimeout: o.readyTimeoutMs ?? 20_000,
                keepaliveInterval: 15_000,
                keepaliveCountMax: 4,
                hostVerifier: (key) => {
                    presented = fingerprint(key);
                    return o.hostKeys.includes(presented);
                },
            };
            c.once('ready', () => resolve(c));
            c.once('error', (e) => {
                this.conn = null;
                if (presented && !o.hostKeys.includes(presented)) {
                    const how = o.hostKeys.length === 0
                        ? `it is not pinned: check it (ssh-keyscan -p ${o.port} ${o.host} | ssh-keygen -lf -) and pin it with dgx.host_key: ${presented} or a dgx.known_hosts file`
                        : `${o.pinnedBy} expects ${o.hostKeys.join(' or ')}: the host key changed (a new node, or someone in between); if the change is expected, pin the new key`;
                    reject(new HostKeyError(`refused ${this.where}: its host key is ${presented}; ${how}`));
                    return;
                }
                reject(new Error(`cannot connect to ${this.where}: ${e.message}`));
            });
            c.once('close', () => {
                this.conn = null;
                this.sftpP = null;
            });
            c.connect(config);
        });
        return this.conn;
    }
    async exec(command) {
        const c = await this.connect();
        return new Promise((resolve, reject) => {
            c.exec(command, (err, stream) => {
                if (err)
                    return reject(new Error(`${this.where}: ${err.message}`));
                let stdout = '';
                let stderr = '';
                stream.on('data', (d) => (stdout += d));
                stream.stderr.on('data', (d) => (stderr += d));
                stream.once('close', (code, signal) => resolve({ code: code ?? null, signal: signal ?? null, stdout, stderr }));
            });
        });
    }
    sftp() {
        if (this.sftpP)
            return this.sftpP;
        this.sftpP = this.connect().then((c) => new Promise((resolve, reject) => {
            c.sftp((err, s) => (err ? reject(new Error(`${this.where}: sftp: ${err.message}`)) : resolve(s)));
        }));
        this.sftpP.catch(() => (this.sftpP = null));
        return this.sftpP;
    }
    async mkdirp(dir) {
        const r = await this.exec(`mkdir -p -- ${quote(dir)}`);
        if (r.code !== 0)
            throw new Error(`${this.where}: mkdir ${dir}: ${r.stderr.trim()}`);
    }
    async writeFile(remote, content) {
        await this.mkdirp(node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.dirname(remote));
        const s = await this.sftp();
        await new Promise((resolve, reject) => s.writeFile(remote, content, (e) => (e ? reject(new Error(`${this.where}: write ${remote}: ${e.message}`)) : resolve())));
    }
    async upload(local, remote, opts = {}) {
        (0,_staging_js__WEBPACK_IMPORTED_MODULE_5__/* .throwIfAborted */ .Te)(opts.signal);
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.stat(local);
        if (st.isFile()) {
            await this.mkdirp(node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.dirname(remote));
            const s = await this.sftp();
            const staging = opts.staging ?? _staging_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGING_LIMITS */ .Pg.dgx.defaults;
            const signal = opts.signal;
            await new Promise((resolve, reject) => {
                // fastPut has no cancel of its own: a cancel ends the connection (the next command opens another)
                const onAbort = () => {
                    reject(signal.reason instanceof Error ? signal.reason : new Error('staging was cancelled'));
                    void this.close();
                };
                signal?.addEventListener('abort', onAbort, { once: true });
                s.fastPut(local, remote, { chunkSize: staging.partSize, concurrency: staging.concurrency }, (e) => {
                    signal?.removeEventListener('abort', onAbort);
                    if (e)
                        reject(new Error(`${this.where}: upload ${remote}: ${e.message}`));
                    else
                        resolve();
                });
            });
            return;
        }
        await this.mkdirp(remote);
        for (const e of await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.readdir(local, { withFileTypes: true })) {
            const from = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(local, e.name);
            const to = node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.join(remote, e.name);
            if (e.isDirectory() || e.isFile() || e.isSymbolicLink())
                await this.upload(from, to, opts);
        }
    }
    async download(remoteDir, localDir, keep) {
        const s = await this.sftp();
        const out = [];
        const list = (dir) => new Promise((resolve) => s.readdir(dir, (e, items) => resolve(e ? [] : items)));
        const walk = async (from, to) => {
            for (const item of await list(from)) {
                if (!safeSegment(item.filename))
                    continue;
                const src = node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.join(from, item.filename);
                const dst = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(to, item.filename);
                if (item.attrs.isDirectory())
                    await walk(src, dst);
                else if (item.attrs.isFile() && keep(item.filename)) {
                    await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.mkdir(to, { recursive: true });
                    await new Promise((resolve, reject) => s.fastGet(src, dst, (e) => (e ? reject(new Error(`${this.where}: download ${src}: ${e.message}`)) : resolve())));
                    out.push(dst);
                }
            }
        };
        await walk(remoteDir, localDir);
        return out.sort();
    }
    async close() {
        const c = this.conn;
        this.conn = null;
        this.sftpP = null;
        if (!c)
            return;
        try {
            (await c).end();
        }
        catch {
            // never connected
        }
    }
}
/** POSIX single-quote quoting for a path in a command on the node */
function quote(s) {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function readKnownHosts(file) {
    return readFileSync(file, 'utf8');
}


/***/ }),

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


/***/ })

};
