export const id = 795;
export const ids = [795];
export const modules = {

/***/ 46795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cancelSavedLocal: () => (/* binding */ cancelSavedLocal)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/stores/fs.ts + 3 modules
var stores_fs = __webpack_require__(83636);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
;// CONCATENATED MODULE: ./src/platforms/local/hardware.ts
/**
 * The runner's own hardware, for the fingerprint of latency and throughput measured by local jobs
 * (SPEC §10): its CPU model and CPU frequency governor, where the machine tells. A job that measures
 * a service elsewhere names that machine in its files' `host` metadata, which wins over this.
 */


let cached;
function hardware_runnerHardware() {
    if (cached)
        return cached;
    const out = {};
    const model = cpus()[0]?.model?.replace(/\s+/g, ' ').trim();
    if (model && model !== 'unknown')
        out.cpu_model = model;
    try {
        const governor = readFileSync('/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor', 'utf8').trim();
        if (governor)
            out.cpu_governor = governor;
    }
    catch {
        // no cpufreq here (a container, a VM without it): not recorded
    }
    cached = out;
    return out;
}

// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
;// CONCATENATED MODULE: ./src/platforms/local/isolation.ts
/**
 * How a local job is kept from the action's secrets (SPEC §6).
 *
 * Removing the tokens from a job's environment is not enough: the initial environment of every
 * process stays readable in /proc/<pid>/environ by any process of the same user, and the action's
 * own process (the job's parent) was started with INPUT_GITHUB-TOKEN, ACTIONS_RUNTIME_TOKEN and the
 * platform credentials in it. So a job runs in a PID namespace of its own, with /proc mounted for
 * that namespace: it sees its own processes and nothing else, and its parent is not there (getppid
 * is 0). The first of these that works on the machine is used:
 *
 *   pidns   as root: `unshare --pid --mount-proc`, with CAP_SYS_ADMIN, CAP_SYS_PTRACE,
 *           CAP_SYS_RAWIO and CAP_SYS_MODULE dropped from the job's bounding set (so that it cannot
 *           unmount its /proc to uncover the host's, nor read other processes' memory);
 *   userns  unprivileged: `unshare --user --map-current-user --pid --mount-proc` (a user namespace
 *           in which the job keeps its own uid and holds no capability);
 *   sudo    unprivileged with passwordless sudo (GitHub-hosted runners, where AppArmor may refuse
 *           unprivileged user namespaces): `sudo unshare --pid --mount-proc`, then back to the
 *           user's own uid, gid and groups with `setpriv` before the job starts;
 *   none    none of these: the job runs as before, and a warning in the log and the report says that
 *           it can read this process's environment.
 *
 * In the namespace, process 1 is a small /bin/sh that starts the job's command, forwards TERM, INT
 * and HUP to it and exits with its status (the init of a PID namespace ignores signals it has no
 * handler for, so the job itself must not be process 1). When process 1 exits, the kernel kills
 * whatever the job left in its namespace.
 *
 * EVALGATE_LOCAL_ISOLATION chooses one (`pidns`, `userns`, `sudo` or `none`) instead of the first
 * that works; a chosen one that does not work on this machine is an error, never a silent downgrade.
 */



const ISOLATION_MODES = (/* unused pure expression or super */ null && (['pidns', 'userns', 'sudo', 'none']));
const ISOLATION_ENV = 'EVALGATE_LOCAL_ISOLATION';
const NO_ISOLATION_WARNING = (/* unused pure expression or super */ null && ('local: jobs run as this user without a PID namespace of their own (no unshare, no user namespaces, no passwordless sudo): ' +
    "a job can read this process's environment in /proc, the action's tokens among them"));
/**
 * Process 1 of the job's namespace: runs "$@" in the background, passes TERM/INT/HUP on, waits
 * until it is gone (a trapped signal interrupts `wait`) and exits with its status.
 */
const INIT = (/* unused pure expression or super */ null && ('"$@" & c=$!; ' +
    'trap \'kill -TERM "$c" 2>/dev/null\' TERM; trap \'kill -INT "$c" 2>/dev/null\' INT; trap \'kill -HUP "$c" 2>/dev/null\' HUP; ' +
    'while :; do wait "$c"; s=$?; kill -0 "$c" 2>/dev/null || exit "$s"; done'));
/** with sudo: the job's environment comes from a file of `export` lines (sudo would filter it), removed once read */
const INIT_FROM_FILE = (/* unused pure expression or super */ null && (`f=$1; shift; . "$f" || exit 126; rm -f -- "$f"; ${INIT}`));
const DROPPED_AS_ROOT = '-sys_admin,-sys_ptrace,-sys_rawio,-sys_module';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const sq = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
/** the job's environment as lines a POSIX shell sources (names it cannot export are named in a comment and left out) */
function envScript(env) {
    const lines = [];
    for (const [k, v] of Object.entries(env)) {
        if (v === undefined)
            continue;
        if (!ENV_NAME.test(k))
            continue;
        lines.push(`export ${k}=${sq(v)}`);
    }
    return lines.join('\n') + '\n';
}
function prefix(mode, ids, mapCurrent) {
    const ns = ['--pid', '--fork', '--mount-proc', '--kill-child'];
    switch (mode) {
        case 'pidns':
            return ['unshare', ...ns, '--', 'setpriv', `--bounding-set=${DROPPED_AS_ROOT}`, '--'];
        case 'userns':
            // util-linux before 2.38 has only --map-root-user: root in the namespace, so every
            // capability is dropped from the bounding set before the job starts
            return mapCurrent
                ? ['unshare', '--user', '--map-current-user', ...ns, '--']
                : ['unshare', '--user', '--map-root-user', ...ns, '--', 'setpriv', '--bounding-set=-all', '--'];
        case 'sudo':
            return [
                'sudo',
                '-n',
                '--',
                'unshare',
                ...ns,
                '--',
                'setpriv',
                `--reuid=${ids.uid}`,
                `--regid=${ids.gid}`,
                '--init-groups',
                `--bounding-set=-all`,
                '--',
                'env',
                '-i',
            ];
        case 'none':
            return [];
    }
}
/** runs a probe command as a job would run; true when its shell is process 1's child in a namespace of its own, as `uid` */
function works(argv, uid) {
    const r = spawnSync(argv[0], [...argv.slice(1), '/bin/sh', '-c', INIT, 'evalgate-init', '/bin/sh', '-c', 'test "$PPID" = 1 && id -u'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 10_000,
        env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
    });
    return r.status === 0 && r.stdout.trim() === String(uid);
}
let isolation_cached;
/**
 * The isolation local jobs get on this machine (probed once per process). `choice` is the value
 * of EVALGATE_LOCAL_ISOLATION; an unknown or unworkable choice throws an Error saying why.
 */
function isolation_chooseIsolation(choice) {
    isolation_cached ??= new Map();
    const key = choice ?? '';
    const hit = isolation_cached.get(key);
    if (hit)
        return hit;
    const made = probe(choice);
    isolation_cached.set(key, made);
    return made;
}
function probe(choice) {
    const want = choice?.trim() || 'auto';
    if (want !== 'auto' && !ISOLATION_MODES.includes(want))
        throw new Error(`${ISOLATION_ENV}: expected one of auto, ${ISOLATION_MODES.join(', ')}, got ${JSON.stringify(choice)}`);
    if (process.platform !== 'linux') {
        if (want !== 'auto' && want !== 'none')
            throw new Error(`${ISOLATION_ENV}=${want}: PID namespaces exist on Linux only`);
        return make('none', [], NO_ISOLATION_WARNING);
    }
    const ids = { uid: process.getuid?.() ?? -1, gid: process.getgid?.() ?? -1 };
    const root = ids.uid === 0;
    const candidates = want === 'auto' ? (root ? ['pidns', 'userns'] : ['userns', 'sudo']) : [want];
    for (const mode of candidates) {
        if (mode === 'none')
            return make('none', [], NO_ISOLATION_WARNING);
        if (mode === 'userns') {
            for (const mapCurrent of [true, false]) {
                const argv = prefix(mode, ids, mapCurrent);
                if (works(argv, mapCurrent ? ids.uid : 0))
                    return make(mode, argv);
            }
            continue;
        }
        const argv = prefix(mode, ids, true);
        if (works(mode === 'sudo' ? [...argv, `PATH=${process.env.PATH ?? '/usr/bin:/bin'}`] : argv, ids.uid))
            return make(mode, argv);
    }
    if (want !== 'auto')
        throw new Error(`${ISOLATION_ENV}=${want} does not work on this machine (${want === 'pidns'
            ? 'it needs root and unshare(1)'
            : want === 'userns'
                ? 'unprivileged user namespaces are refused (kernel.unprivileged_userns_clone, AppArmor) or unshare(1) is missing'
                : 'it needs passwordless sudo (sudo -n), unshare(1) and setpriv(1)'})`);
    return make('none', [], NO_ISOLATION_WARNING);
}
function make(mode, argv, warning) {
    return {
        mode,
        warning,
        launch(command, env, dir) {
            if (mode === 'none')
                return { file: '/bin/sh', args: ['-c', command], env };
            if (mode === 'sudo') {
                // sudo resets and filters the environment (PATH, PYTHONPATH, LD_*): the job's comes from a
                // file only this user can read, which process 1 sources and removes
                const file = path.join(dir, '.evalgate-env.sh');
                writeFileSync(file, envScript(env), { mode: 0o600 });
                return {
                    file: argv[0],
                    args: [...argv.slice(1), '/bin/sh', '-c', INIT_FROM_FILE, 'evalgate-init', file, '/bin/sh', '-c', command],
                    env: { PATH: env.PATH ?? process.env.PATH },
                };
            }
            return { file: argv[0], args: [...argv.slice(1), '/bin/sh', '-c', INIT, 'evalgate-init', '/bin/sh', '-c', command], env };
        },
    };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/platforms/local/cli-path.ts
/**
 * The evalgate CLI a local job can run, for the `{evalgate}` placeholder: the bundle this process
 * came from (dist/cli/index.js of the same checkout or package, found from this module's place:
 * dist/<entry>/… in the bundles, src/platforms/local/ in the sources). A job runs it as
 * `"${EVALGATE_CLI}" bench http …` (the file is executable, `#!/usr/bin/env node`): jobs run with a
 * cleaned environment and, where the machine allows, in their own PID namespace, so neither
 * `npx evalgate` nor a PATH entry of the runner's can be relied on there.
 */



let found;
function cli_path_runnerCli() {
    if (found !== undefined)
        return found;
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const cli = path.join(dir, 'dist', 'cli', 'index.js');
        if (existsSync(cli) && existsSync(path.join(dir, 'package.json')))
            return (found = cli);
        dir = path.dirname(dir);
    }
    // not beside a build: the one on the job's PATH, if any
    return (found = 'evalgate');
}

;// CONCATENATED MODULE: ./src/platforms/local/local.ts
/**
 * `local`: jobs as child processes on the runner, in parallel (bounded, default the number of
 * CPUs). Each job runs through /bin/sh in its own process group with its own output folder and
 * log; a timeout or a cancel kills the whole group (TERM, then KILL after a grace period), and so
 * does a job's normal exit, so a server a job left in the background does not outlive it.
 */











/** set in every local job's environment: the post step checks it before it signals a process group */
const JOB_MARKER = 'EVALGATE_JOB';
class LocalPlatform {
    opts;
    name = 'local';
    pollIntervalMs = 200;
    maxPollIntervalMs = 1000;
    jobs = new Map();
    queue = [];
    active = 0;
    limit;
    /** each job's folder, chosen when it is located: <workDir>/<name>, or beside it when that is not evalgate's */
    dirs = new Map();
    isolation;
    warnings;
    constructor(opts) {
        this.opts = opts;
        this.limit = Math.max(1, opts.concurrency ?? availableParallelism());
        this.isolation = opts.isolation ?? chooseIsolation();
        this.warnings = this.isolation.warning ? [this.isolation.warning] : [];
    }
    locate(_key, _shard, name, staged) {
        const dir = this.dirs.get(name) ?? freeFolder(path.join(this.opts.workDir, name));
        this.dirs.set(name, dir);
        return { model: staged.model, data: staged.data, out: path.join(dir, 'out'), evalgate: runnerCli() };
    }
    hashes = {};
    async stage(localOrUri, kind, signal) {
        // The runner is the platform: a local path is used where it is, made absolute.
        if (isUri(localOrUri))
            return localOrUri;
        const abs = path.resolve(this.opts.cwd, localOrUri);
        // hashed as the cloud platforms hash what they stage, for the fingerprint (SPEC §10); before
        // any job starts, so that the read never competes with a latency measurement
        if (kind)
            this.hashes[kind] = `sha256:${await contentHash(abs, signal)}`;
        return abs;
    }
    hardware() {
        return runnerHardware();
    }
    async submit(job) {
        const existing = this.jobs.get(job.name);
        if (existing)
            return { job, id: job.name };
        // emptied only when it is evalgate's own (its marker inside); a folder that became someone
        // else's since it was located fails the submit (NotOwnedError), it is never removed
        const dir = this.dirs.get(job.name) ?? path.join(this.opts.workDir, job.name);
        await claimFolder(dir);
        await fs.mkdir(path.join(dir, 'out'));
        let resolveDone;
        const done = new Promise((r) => (resolveDone = r));
        const run = { job, dir, status: { state: 'queued', platformStatus: 'queued' }, done, resolveDone, tail: new LogTail() };
        this.jobs.set(job.name, run);
        this.queue.push(run);
        this.pump();
        return { job, id: job.name };
    }
    pump() {
        while (this.active < this.limit && this.queue.length) {
            const run = this.queue.shift();
            if (run.status.state !== 'queued')
                continue;
            this.start(run);
        }
    }
    start(run) {
        this.active++;
        const log = createWriteStream(path.join(run.dir, 'log.txt'));
        const env = { ...(this.opts.env ?? process.env), ...run.job.env, [JOB_MARKER]: run.job.name };
        let launch;
        try {
            launch = this.isolation.launch(run.job.command, env, run.dir);
        }
        catch (e) {
            this.active--;
            run.status = { state: 'failed', platformStatus: 'spawn error', message: `could not start the job: ${e.message}` };
            log.end(() => run.resolveDone());
            queueMicrotask(() => this.pump());
            return;
        }
        const child = spawn(launch.file, launch.args, {
            cwd: this.opts.cwd,
            env: launch.env,
            detached: true, // its own process group, so the whole tree can be signalled at once
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        run.child = child;
        run.status = { state: 'running', platformStatus: `running (pid ${child.pid})`, startedAt: Date.now() };
        child.stdout.pipe(log, { end: false });
        child.stderr.pipe(log, { end: false });
        const keep = (chunk) => run.tail.push(chunk);
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        // The log is complete when the job has exited and both pipes have closed, in either order
        // ('close' of a pipe can come before or after the child's 'exit').
        let pipesOpen = 2;
        let exited = false;
        const endLog = () => {
            if (exited && pipesOpen === 0)
                log.end();
        };
        const pipeClosed = () => {
            pipesOpen--;
            endLog();
        };
        child.stdout.once('close', pipeClosed);
        child.stderr.once('close', pipeClosed);
        log.once('close', () => run.resolveDone());
        run.timer = setTimeout(() => {
            run.timedOut = true;
            this.killGroup(run);
        }, 
        // setTimeout fires at once past 2^31-1 ms (24.8 days); longer is as good as no timeout
        Math.min(run.job.timeoutMinutes * 60_000, 2 ** 31 - 1));
        const finish = (code, signal, error) => {
            if (run.status.state !== 'running')
                return;
            clearTimeout(run.timer);
            // Nothing a job started may outlive it: its group goes too (ESRCH when already gone).
            this.signalGroup(child, 'SIGKILL');
            const finishedAt = Date.now();
            const base = { startedAt: run.status.startedAt, finishedAt };
            if (run.cancelled)
                run.status = { ...base, state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled' };
            else if (run.timedOut) {
                run.status = {
                    ...base,
                    state: 'failed',
                    platformStatus: 'timed out',
                    message: `timed out after ${run.job.timeoutMinutes} min (killed)`,
                };
            }
            else if (error)
                run.status = { ...base, state: 'failed', platformStatus: 'spawn error', message: error.message };
            else if (code === 0)
                run.status = { ...base, state: 'succeeded', platformStatus: 'exited 0' };
            else if (signal)
                run.status = { ...base, state: 'failed', platformStatus: `killed by ${signal}`, message: `killed by ${signal}` };
            else
                run.status = { ...base, state: 'failed', platformStatus: `exited ${code}`, message: `exited with code ${code}` };
            this.active--;
            this.pump();
            exited = true;
            endLog();
            if (pipesOpen > 0) {
                // Still open after the group was killed: a process that left the group (setsid) holds
                // them. Its output is cut, so that the run is not held hostage by it.
                const grace = setTimeout(() => {
                    if (pipesOpen === 0)
                        return;
                    const note = '\n[evalgate: output cut: a process that left the job still held it open]\n';
                    log.write(note);
                    run.tail.push(note);
                    child.stdout.destroy();
                    child.stderr.destroy();
                    pipesOpen = 0;
                    endLog();
                }, this.opts.pipeGraceMs ?? 2000);
                grace.unref();
            }
        };
        child.once('error', (e) => finish(null, null, e));
        // 'exit', not 'close': a background process the job left holds its stdout open, and 'close'
        // would wait for it. On exit the group is killed, which closes the pipes too.
        child.once('exit', (code, signal) => finish(code, signal));
    }
    signalGroup(child, signal) {
        if (!child?.pid)
            return;
        try {
            process.kill(-child.pid, signal);
        }
        catch {
            // the group is already gone
        }
    }
    killGroup(run) {
        this.signalGroup(run.child, 'SIGTERM');
        const t = setTimeout(() => this.signalGroup(run.child, 'SIGKILL'), this.opts.killGraceMs ?? 5000);
        t.unref();
    }
    async status(h) {
        return this.jobs.get(h.id).status;
    }
    async logs(h, lines) {
        const run = this.jobs.get(h.id);
        if (!run)
            return '';
        // the whole log can be gigabytes: its end was kept as it was written (the last of it arrives
        // once the pipes are drained, which the cut of a left-behind process bounds)
        let wait;
        await Promise.race([run.done, new Promise((r) => (wait = setTimeout(r, (this.opts.pipeGraceMs ?? 2000) + 1000)))]);
        clearTimeout(wait);
        return run.tail.text(lines);
    }
    async collect(h) {
        const run = this.jobs.get(h.id);
        await run.done;
        const out = [];
        const walk = async (dir) => {
            for (const e of await fs.readdir(dir, { withFileTypes: true })) {
                const p = path.join(dir, e.name);
                if (e.isDirectory())
                    await walk(p);
                else if (e.name.endsWith('.json'))
                    out.push(p);
            }
        };
        await walk(path.join(run.dir, 'out'));
        return out.sort();
    }
    async cancel(h) {
        const run = this.jobs.get(h.id);
        if (!run)
            return;
        if (run.status.state === 'queued') {
            run.status = { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled before it started' };
            run.resolveDone();
            return;
        }
        if (run.status.state !== 'running')
            return;
        run.cancelled = true;
        this.killGroup(run);
        await run.done;
    }
    saved(h) {
        const run = this.jobs.get(h.id);
        if (!run?.child?.pid || run.status.state !== 'running')
            return null;
        return { platform: this.name, name: run.job.name, id: h.id, pgid: run.child.pid };
    }
    async close() {
        await Promise.all([...this.jobs.values()].map((r) => this.cancel({ job: r.job, id: r.job.name })));
    }
}

;// CONCATENATED MODULE: ./src/platforms/local/cancel-saved.ts
/**
 * The post step's half of the local platform: kills the process groups of jobs the main step
 * recorded as running, after the main step itself is gone (a cancelled workflow, a killed step).
 * On Linux a group is signalled only when one of its processes carries the job's marker in its
 * environment, so a process group id the system has since reused is never touched.
 */


const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** the live pids in process group `pgid` (Linux /proc), or null where /proc is not there */
function groupMembers(pgid) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return null;
    }
    const pids = [];
    for (const e of entries) {
        if (!/^\d+$/.test(e))
            continue;
        try {
            const stat = (0,external_node_fs_.readFileSync)(`/proc/${e}/stat`, 'utf8');
            // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses: split after the last ')'
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            // a zombie has ended; only its parent's wait() is missing
            if (Number(fields[2]) === pgid && fields[0] !== 'Z')
                pids.push(Number(e));
        }
        catch {
            // gone meanwhile
        }
    }
    return pids;
}
function carriesMarker(pid, name) {
    try {
        return (0,external_node_fs_.readFileSync)(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${JOB_MARKER}=${name}`);
    }
    catch {
        return false;
    }
}
function alive(pgid) {
    const members = groupMembers(pgid);
    if (members !== null)
        return members.length > 0;
    try {
        process.kill(-pgid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
async function cancelSavedLocal(jobs, graceMs = 5000) {
    const out = [];
    const toKill = [];
    for (const job of jobs) {
        const pgid = Number(job.pgid);
        if (!Number.isSafeInteger(pgid) || pgid <= 1) {
            out.push({ job, result: 'failed', detail: `no usable process group id (${JSON.stringify(job.pgid)})` });
            continue;
        }
        const members = groupMembers(pgid);
        if (members !== null) {
            if (members.length === 0) {
                out.push({ job, result: 'gone' });
                continue;
            }
            if (!members.some((pid) => carriesMarker(pid, job.name))) {
                out.push({ job, result: 'not ours', detail: `process group ${pgid} now belongs to another program` });
                continue;
            }
        }
        else if (!alive(pgid)) {
            out.push({ job, result: 'gone' });
            continue;
        }
        try {
            process.kill(-pgid, 'SIGTERM');
            toKill.push({ job, pgid });
        }
        catch (e) {
            out.push({ job, result: e.code === 'ESRCH' ? 'gone' : 'failed', detail: e.message });
        }
    }
    const deadline = Date.now() + graceMs;
    while (toKill.some((k) => alive(k.pgid)) && Date.now() < deadline)
        await sleep(100);
    for (const { job, pgid } of toKill) {
        if (alive(pgid)) {
            try {
                process.kill(-pgid, 'SIGKILL');
            }
            catch {
                // gone between the check and the kill
            }
        }
        out.push({ job, result: 'killed', detail: `process group ${pgid}` });
    }
    return out;
}


/***/ })

};
