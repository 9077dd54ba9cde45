export const id = 952;
export const ids = [952];
export const modules = {

/***/ 7952:
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
// EXTERNAL MODULE: ./src/stores/fs.ts + 4 modules
var stores_fs = __webpack_require__(3095);
// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
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
    constructor(opts) {
        this.opts = opts;
        this.limit = Math.max(1, opts.concurrency ?? availableParallelism());
    }
    locate(_key, _shard, name, staged) {
        const dir = this.dirs.get(name) ?? freeFolder(path.join(this.opts.workDir, name));
        this.dirs.set(name, dir);
        return { model: staged.model, data: staged.data, out: path.join(dir, 'out') };
    }
    async stage(localOrUri) {
        // The runner is the platform: a local path is used where it is, made absolute.
        return isUri(localOrUri) ? localOrUri : path.resolve(this.opts.cwd, localOrUri);
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
        const child = spawn('/bin/sh', ['-c', run.job.command], {
            cwd: this.opts.cwd,
            env,
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
