export const id = 359;
export const ids = [359];
export const modules = {

/***/ 11359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createBailianPlatform: () => (/* binding */ createBailianPlatform)
/* harmony export */ });
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71177);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66477);
/* harmony import */ var _bailian_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25648);



function createBailianPlatform(settings, opts) {
    const file = settings.configFile ?? 'config';
    const { config, problems } = (0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBailianConfig */ .Cl)(settings.platformConfig.bailian, file, opts.env);
    if (!config)
        return { platform: null, problems };
    const { staging, problems: stagingProblems } = (0,_staging_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveStaging */ ._M)('bailian', settings.staging, config.staging, file);
    if (stagingProblems.length)
        return { platform: null, problems: stagingProblems };
    return {
        platform: new _bailian_js__WEBPACK_IMPORTED_MODULE_2__/* .BailianPlatform */ .uM({
            config,
            env: opts.env,
            cwd: opts.cwd,
            workDir: opts.workDir,
            gate: settings.name,
            dryRun: settings.dryRun,
            staging,
            ...(opts.signal ? { signal: opts.signal } : {}),
            ...(opts.retry ? { retry: opts.retry } : {}),
        }),
        problems: [],
    };
}


/***/ })

};
