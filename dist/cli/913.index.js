export const id = 913;
export const ids = [913];
export const modules = {

/***/ 24550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ anySignal),
/* harmony export */   Mu: () => (/* binding */ raceAbort),
/* harmony export */   W3: () => (/* binding */ CANCEL_BUDGET_MS),
/* harmony export */   bp: () => (/* binding */ sleepUnlessAborted),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled)
/* harmony export */ });
/* unused harmony exports abortError, isAbort */
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

/***/ 76452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   downloadTos: () => (/* binding */ downloadTos)
/* harmony export */ });
/* harmony import */ var _platforms_volc_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48665);
/* harmony import */ var _platforms_volc_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52937);
/* harmony import */ var _platforms_volc_tos_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14065);
/**
 * `tos://<bucket>/<prefix>`: indicator files in Volcano Engine TOS. The key: VOLCENGINE_ACCESS_KEY /
 * VOLCENGINE_SECRET_KEY (+ VOLCENGINE_SESSION_TOKEN), else VOLC_ACCESSKEY / VOLC_SECRETKEY, as for
 * the volc platform. Where the bucket is, from the environment too (a URI names no region):
 * - VOLCENGINE_REGION: the bucket's region, default cn-beijing;
 * - VOLCENGINE_TOS_ENDPOINT: the TOS endpoint, default tos-<region>.volces.com (a host, or an
 *   http(s):// URL, e.g. a private endpoint or a local emulator).
 */



async function downloadTos(uri, dest, env) {
    const { bucket, key } = (0,_platforms_volc_tos_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTosUri */ .Ku)(uri);
    const prefix = key && !key.endsWith('/') ? `${key}/` : key;
    const region = env.VOLCENGINE_REGION?.trim() || 'cn-beijing';
    const endpoint = (0,_platforms_volc_config_js__WEBPACK_IMPORTED_MODULE_0__/* .parseEndpoint */ .Bk)(env.VOLCENGINE_TOS_ENDPOINT?.trim() || `tos-${region}.volces.com`);
    const creds = (0,_platforms_volc_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .volcCredentials */ .b)(env);
    return new _platforms_volc_tos_js__WEBPACK_IMPORTED_MODULE_1__/* .TosBucket */ .hv((0,_platforms_volc_tos_js__WEBPACK_IMPORTED_MODULE_1__/* .tosClient */ .iR)(creds, region, endpoint), bucket, creds.source).download(prefix, dest, ['.json']);
}


/***/ })

};
