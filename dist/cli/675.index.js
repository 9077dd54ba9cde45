export const id = 675;
export const ids = [675];
export const modules = {

/***/ 6675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createVolcPlatform: () => (/* binding */ createVolcPlatform)
/* harmony export */ });
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71177);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48665);
/* harmony import */ var _volc_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46727);



function createVolcPlatform(settings, opts) {
    const file = settings.configFile ?? 'config';
    const { config, problems } = (0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVolcConfig */ .QB)(settings.platformConfig.volc, file, opts.env);
    if (!config)
        return { platform: null, problems };
    const { staging, problems: stagingProblems } = (0,_staging_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveStaging */ ._M)('volc', settings.staging, config.staging, file);
    if (stagingProblems.length)
        return { platform: null, problems: stagingProblems };
    return {
        platform: new _volc_js__WEBPACK_IMPORTED_MODULE_2__/* .VolcPlatform */ .mi({
            config,
            env: opts.env,
            cwd: opts.cwd,
            workDir: opts.workDir,
            gate: settings.name,
            dryRun: settings.dryRun,
            staging,
            ...(opts.signal ? { signal: opts.signal } : {}),
        }),
        problems: [],
    };
}


/***/ })

};
