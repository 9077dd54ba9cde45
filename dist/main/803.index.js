export const id = 803;
export const ids = [803];
export const modules = {

/***/ 83803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelSavedBailian: () => (/* binding */ cancelSavedBailian)
/* harmony export */ });
/* harmony import */ var _bailian_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25648);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66477);
/* harmony import */ var _credential_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19542);
/* harmony import */ var _dlc_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98626);




const str = (v) => (typeof v === 'string' && v ? v : undefined);
async function cancelSavedBailian(jobs, env, opts = {}) {
    const out = [];
    const clients = new Map();
    const credentials = new Map();
    try {
        for (const job of jobs) {
            const region = str(job.region) ?? 'cn-hangzhou';
            const where = {
                region,
                endpoint: str(job.endpoint) ?? `pai-dlc.${region}.aliyuncs.com`,
                protocol: str(job.protocol)?.toUpperCase() === 'HTTP' ? 'HTTP' : 'HTTPS',
            };
            const auth = {
                oidcRoleArn: str(job.oidc_role_arn),
                oidcProviderArn: str(job.oidc_provider_arn),
                oidcAudience: str(job.oidc_audience) ?? _config_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_OIDC_AUDIENCE */ .fv,
                stsEndpoint: str(job.sts_endpoint),
            };
            const authKey = JSON.stringify(auth);
            let credential = credentials.get(authKey);
            if (!credential) {
                credential = new _credential_js__WEBPACK_IMPORTED_MODULE_2__/* .EvalgateAlibabaCredential */ .lu(env, auth);
                credentials.set(authKey, credential);
            }
            const key = JSON.stringify([where, authKey]);
            let dlc = clients.get(key);
            if (!dlc) {
                dlc = new _dlc_js__WEBPACK_IMPORTED_MODULE_3__/* .Dlc */ .G(where, credential, opts.retry);
                clients.set(key, dlc);
            }
            try {
                await (0,_bailian_js__WEBPACK_IMPORTED_MODULE_0__/* .cancelDlcJob */ .Xe)(dlc, job.id, opts.waitMs);
                out.push({ job, result: 'cancelled', detail: `PAI-DLC job ${job.id} in workspace ${str(job.workspace_id) ?? '?'} (${region})` });
            }
            catch (e) {
                out.push({ job, result: 'failed', detail: e.message });
            }
        }
    }
    finally {
        for (const c of credentials.values())
            c.close();
    }
    return out;
}


/***/ })

};
