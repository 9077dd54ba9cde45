export const id = 334;
export const ids = [334];
export const modules = {

/***/ 67334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelSavedLocal: () => (/* binding */ cancelSavedLocal)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _local_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44061);
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
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)('/proc');
    }
    catch {
        return null;
    }
    const pids = [];
    for (const e of entries) {
        if (!/^\d+$/.test(e))
            continue;
        try {
            const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${e}/stat`, 'utf8');
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
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${_local_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_MARKER */ .d}=${name}`);
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
