export const id = 641;
export const ids = [641];
export const modules = {

/***/ 29641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   confirmPhase: () => (/* binding */ confirmPhase)
/* harmony export */ });
/* unused harmony export attemptJob */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4620);
/* harmony import */ var _core_gate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14888);
/* harmony import */ var _core_confirm_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3783);
/* harmony import */ var _core_report_md_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1103);
/* harmony import */ var _engine_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82211);
/* harmony import */ var _platforms_attempts_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(93008);
/* harmony import */ var _core_sanitize_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(89528);
/**
 * The confirm phase of `evalgate run` (SPEC §9 `confirm: N`), between the first gate and the
 * report: when an error-level rule fails on an indicator that jobs of this run produced (and that
 * `confirm_indicators` lists), only the jobs that produced it are run again, through the platform's
 * own submit/attach path under a new attempt name (`<name>-c2`, …), up to N more times, until more
 * attempts could not change the rule's status (core/confirm.ts confirmDecided). The gate then
 * judges the rule on the median over all attempts (core/confirm.ts confirmRule).
 */








/** the job of `attempt` (2, 3, …): a new name, its own output folder, EVALGATE_ATTEMPT set */
function attemptJob(platform, job, attempt, staged) {
    const name = (0,_platforms_attempts_js__WEBPACK_IMPORTED_MODULE_5__/* .confirmName */ .GU)(job.name, attempt);
    const loc = platform.locate(job.key, job.shard, name, staged);
    const env = { ...job.env, EVALGATE_JOB_NAME: name, EVALGATE_OUT: loc.out, EVALGATE_ATTEMPT: String(attempt) };
    if (env.EVALGATE_MODEL !== undefined)
        env.EVALGATE_MODEL = loc.model;
    if (env.EVALGATE_DATA !== undefined)
        env.EVALGATE_DATA = loc.data;
    return { ...job, name, env };
}
async function confirmPhase(input) {
    const { settings, rt, platform, planned, staged, baseline } = input;
    const result = { attempts: {}, reruns: [], problems: [] };
    if (settings.confirm <= 0)
        return result;
    const first = await (0,_engine_js__WEBPACK_IMPORTED_MODULE_4__.collect)(input.files, settings, rt, input.repeatOf);
    // a run whose first files are invalid fails on them: nothing to confirm
    if (first.problems.length)
        return result;
    const produced = new Set(planned.flatMap((j) => j.indicators));
    const confirmable = (indicator) => settings.confirmIndicators.includes(indicator) && produced.has(indicator);
    const maxAttempts = settings.confirm + 1;
    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
        const outcome = (0,_core_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .gate */ .Gj)(settings.rules, settings.indicators, first.merge.indicators, baseline.indicators, {
            invalidInput: false,
            ...(baseline.history ? { history: baseline.history } : {}),
            attempts: result.attempts,
        });
        const open = outcome.results.filter((r) => r.level === 'error' &&
            confirmable(r.indicator) &&
            (r.attempts ? !(0,_core_confirm_js__WEBPACK_IMPORTED_MODULE_6__/* .confirmDecided */ .tK)(r.attempts.map((a) => a.status), maxAttempts) : r.status === 'fail' && r.limit !== null));
        if (open.length === 0)
            break;
        const indicators = new Set(open.map((r) => r.indicator));
        const jobs = planned.filter((j) => j.indicators.some((i) => indicators.has(i))).map((j) => attemptJob(platform, j, attempt, staged));
        for (const r of open) {
            const was = r.attempts ? `so far ${r.attempts.map((a) => `${(0,_core_report_md_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(a.actual)} ${a.status}`).join(', ')}` : `found ${(0,_core_report_md_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(r.actual)}`;
            rt.stderr((0,_core_sanitize_js__WEBPACK_IMPORTED_MODULE_7__/* .printable */ .g$)(`evalgate: confirm: ${r.indicator}.${r.field} ${r.op} ${r.expr} (${was})\n`));
        }
        rt.stderr(`evalgate: confirm: attempt ${attempt} of ${maxAttempts}: running ${jobs.length} job(s) again (${[...indicators].join(', ')})\n`);
        const ran = await input.run(jobs);
        for (const o of ran)
            result.reruns.push({ attempt, outcome: o });
        // a rerun that failed fails the run as any job does; its attempt is not judged
        if (ran.some((o) => o.status.state !== 'succeeded'))
            break;
        const files = ran.flatMap((o) => o.files).map((f) => node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(rt.cwd, f) || f);
        // each attempt of a repeated job is the median over its own repeats, as the first one is
        const got = await (0,_engine_js__WEBPACK_IMPORTED_MODULE_4__.collect)(files, settings, rt, (0,_core_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .repeatTags */ .N7)(ran, rt.cwd));
        result.problems.push(...got.problems);
        if (got.problems.length)
            break;
        for (const i of indicators)
            (result.attempts[i] ??= []).push(got.merge.indicators[i]);
    }
    return result;
}


/***/ }),

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


/***/ })

};
