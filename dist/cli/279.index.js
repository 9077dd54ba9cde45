export const id = 279;
export const ids = [279];
export const modules = {

/***/ 99279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelSavedVolc: () => (/* binding */ cancelSavedVolc)
/* harmony export */ });
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48665);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52937);
/* harmony import */ var _openapi_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47939);
/* harmony import */ var _volc_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46727);




async function cancelSavedVolc(jobs, env, opts = {}) {
    const out = [];
    const clients = new Map();
    for (const job of jobs) {
        const endpoint = (0,_config_js__WEBPACK_IMPORTED_MODULE_0__/* .parseEndpoint */ .Bk)(typeof job.endpoint === 'string' && job.endpoint ? job.endpoint : _config_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_VOLC_ENDPOINT */ .n6).url;
        const region = typeof job.region === 'string' && job.region ? job.region : _config_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_VOLC_REGION */ .Q2;
        try {
            const key = `${endpoint} ${region}`;
            let api = clients.get(key);
            if (!api) {
                const creds = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .volcCredentials */ .b)(env);
                api = new _openapi_js__WEBPACK_IMPORTED_MODULE_1__/* .VolcOpenApi */ .h4({ endpoint, region, credentials: () => creds, retry: opts.retry });
                clients.set(key, api);
            }
            const state = await (0,_volc_js__WEBPACK_IMPORTED_MODULE_2__/* .stopVolcJob */ .CF)(api, job.id, { waitMs: opts.waitMs });
            out.push({ job, result: 'cancelled', detail: `Volcengine ML job ${job.id} in ${region}: ${state}` });
        }
        catch (e) {
            out.push({ job, result: 'failed', detail: e.message });
        }
    }
    return out;
}


/***/ })

};
