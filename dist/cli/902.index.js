export const id = 902;
export const ids = [902];
export const modules = {

/***/ 13902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelSavedDgx: () => (/* binding */ cancelSavedDgx)
/* harmony export */ });
/* harmony import */ var _create_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55153);
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62026);
/* harmony import */ var _dgx_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37182);



async function cancelSavedDgx(jobs, env) {
    const out = [];
    const shells = new Map();
    for (const job of jobs) {
        const host = typeof job.host === 'string' ? job.host : undefined;
        const key = `${host ?? ''}:${job.port}:${job.user}`;
        let shell = shells.get(key);
        if (!shell) {
            const cfg = {
                mode: job.mode === 'slurm' ? 'slurm' : job.mode === 'ssh' ? 'ssh' : 'local',
                host,
                port: Number(job.port) || 22,
                user: String(job.user ?? 'root'),
                workdir: '/',
                hostKeys: Array.isArray(job.host_keys) ? job.host_keys.map(String) : [],
                knownHosts: typeof job.known_hosts === 'string' ? job.known_hosts : undefined,
                keyEnv: typeof job.key_env === 'string' ? job.key_env : 'EVALGATE_SSH_KEY',
                keyFile: typeof job.key_file === 'string' ? job.key_file : undefined,
            };
            const made = (0,_create_js__WEBPACK_IMPORTED_MODULE_0__/* .dgxShell */ .m)(cfg, env, env, 'saved job');
            if (!made.shell) {
                out.push({ job, result: 'failed', detail: made.problems.map((p) => `${p.path}: expected ${p.expected}`).join('; ') });
                continue;
            }
            shell = made.shell;
            shells.set(key, shell);
        }
        try {
            if (job.mode === 'slurm') {
                const r = await shell.exec(`scancel ${(0,_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(job.id)}`);
                out.push({ job, result: r.code === 0 ? 'cancelled' : 'failed', detail: r.code === 0 ? `scancel ${job.id}` : r.stderr.trim() });
            }
            else {
                const pgid = Number(job.id);
                const r = await shell.exec((0,_dgx_js__WEBPACK_IMPORTED_MODULE_2__/* .killGroupCommand */ .bp)(String(job.run_dir), pgid));
                out.push({
                    job,
                    result: r.code === 0 ? 'cancelled' : 'failed',
                    detail: r.code === 0 ? `process group ${pgid} on ${shell.where}` : r.stderr.trim(),
                });
            }
        }
        catch (e) {
            out.push({ job, result: 'failed', detail: e.message });
        }
    }
    for (const s of shells.values())
        await s.close();
    return out;
}


/***/ })

};
