export const id = 414;
export const ids = [414];
export const modules = {

/***/ 11414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelSavedAzure: () => (/* binding */ cancelSavedAzure)
/* harmony export */ });
/* harmony import */ var _arm_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87046);
/* harmony import */ var _azure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56703);
/* harmony import */ var _credential_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86183);



async function cancelSavedAzure(jobs, env, opts = {}) {
    const out = [];
    const clients = new Map();
    for (const job of jobs) {
        const ws = {
            armEndpoint: String(job.arm_endpoint ?? 'https://management.azure.com'),
            subscription: String(job.subscription ?? ''),
            resourceGroup: String(job.resource_group ?? ''),
            workspace: String(job.workspace ?? ''),
        };
        const authorityHost = typeof job.authority_host === 'string' ? job.authority_host : undefined;
        const key = JSON.stringify([ws, authorityHost]);
        let arm = clients.get(key);
        if (!arm) {
            arm = new _arm_js__WEBPACK_IMPORTED_MODULE_0__/* .Arm */ .zj(ws, (0,_credential_js__WEBPACK_IMPORTED_MODULE_2__/* .azureCredential */ .$D)(env, { authorityHost }));
            clients.set(key, arm);
        }
        try {
            await (0,_azure_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelAzureJob */ .Bk)(arm, job.id, opts.waitMs);
            out.push({ job, result: 'cancelled', detail: `Azure ML job ${job.id} in ${ws.workspace}` });
        }
        catch (e) {
            out.push({ job, result: 'failed', detail: e.message });
        }
    }
    return out;
}


/***/ })

};
