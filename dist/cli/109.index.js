export const id = 109;
export const ids = [109];
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

/***/ 70626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ maskRuntimeSecret),
/* harmony export */   c: () => (/* binding */ CREDENTIAL_ENV)
/* harmony export */ });
/** The environment variables that hold platform credentials: masked by the action, never passed to jobs. */
const CREDENTIAL_ENV = [
    // Azure (@azure/identity)
    'AZURE_CLIENT_SECRET',
    'AZURE_CLIENT_CERTIFICATE_PASSWORD',
    'AZURE_PASSWORD',
    'AZURE_STORAGE_KEY',
    'AZURE_STORAGE_CONNECTION_STRING',
    'AZURE_STORAGE_SAS_TOKEN',
    // Alibaba Cloud (@alicloud/credentials)
    'ALIBABA_CLOUD_ACCESS_KEY_ID',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'ALIBABA_CLOUD_SECURITY_TOKEN',
    // Volcano Engine
    'VOLCENGINE_ACCESS_KEY',
    'VOLCENGINE_SECRET_KEY',
    'VOLCENGINE_SESSION_TOKEN',
    'VOLC_ACCESSKEY',
    'VOLC_SECRETKEY',
    // DGX over SSH
    'EVALGATE_SSH_KEY',
    'EVALGATE_SSH_PASSPHRASE',
];
/**
 * Masks a secret a platform learned at run time (a datastore key, an STS token) in the workflow
 * log. Only inside Actions: elsewhere the mask command would print the secret itself.
 */
function maskRuntimeSecret(value, env) {
    if (!value || env.GITHUB_ACTIONS !== 'true')
        return;
    // what @actions/core's setSecret writes, without loading @actions/core (and its HTTP client)
    // into every CLI command: a platform module must not cost the CLI's start-up
    const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::add-mask::${escaped}\n`);
}


/***/ }),

/***/ 90005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   downloadOss: () => (/* binding */ downloadOss),
/* harmony export */   ossLocation: () => (/* binding */ ossLocation)
/* harmony export */ });
/* harmony import */ var _platforms_bailian_credential_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19542);
/* harmony import */ var _platforms_bailian_oss_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25092);
/**
 * `oss://<bucket>/<prefix>` (or `oss://<bucket>.<endpoint>/<prefix>`): indicator files in Alibaba
 * Cloud OSS, read with ali-oss. Credentials from the environment, as the bailian platform reads them:
 * ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (with ALIBABA_CLOUD_SECURITY_TOKEN
 * for STS keys), or ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and
 * ALIBABA_CLOUD_OIDC_TOKEN_FILE. The bucket's region is ALIBABA_CLOUD_REGION (default cn-hangzhou)
 * and the endpoint ALIBABA_CLOUD_OSS_ENDPOINT (default https://oss-<region>.aliyuncs.com; a host
 * name or an http(s):// URL), unless the URI names an endpoint itself.
 */


function ossLocation(uri, env) {
    const { bucket, endpoint, key } = (0,_platforms_bailian_oss_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOssUri */ .fC)(uri);
    const region = env.ALIBABA_CLOUD_REGION?.trim() || 'cn-hangzhou';
    const host = endpoint ?? (env.ALIBABA_CLOUD_OSS_ENDPOINT?.trim() || `oss-${region}.aliyuncs.com`);
    return {
        bucket,
        prefix: key && !key.endsWith('/') ? `${key}/` : key,
        region: endpoint ? (/^oss-([a-z0-9-]+?)(-internal)?\.aliyuncs\.com$/.exec(endpoint)?.[1] ?? region) : region,
        endpoint: /^https?:\/\//.test(host) ? host.replace(/\/+$/, '') : `https://${host}`,
    };
}
async function downloadOss(uri, dest, env) {
    const { bucket, prefix, region, endpoint } = ossLocation(uri, env);
    const credential = (0,_platforms_bailian_credential_js__WEBPACK_IMPORTED_MODULE_0__/* .alibabaCredential */ .c)(env);
    try {
        const oss = await (0,_platforms_bailian_oss_js__WEBPACK_IMPORTED_MODULE_1__/* .ossClient */ .TU)({ bucket, region, endpoint }, credential);
        return await (0,_platforms_bailian_oss_js__WEBPACK_IMPORTED_MODULE_1__/* .downloadPrefix */ .hq)(oss, prefix, dest, ['.json']);
    }
    finally {
        credential.close();
    }
}


/***/ })

};
