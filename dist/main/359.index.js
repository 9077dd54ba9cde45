export const id = 359;
export const ids = [359];
export const modules = {

/***/ 11359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createBailianPlatform: () => (/* binding */ createBailianPlatform)
/* harmony export */ });
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66477);
/* harmony import */ var _bailian_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25648);


function createBailianPlatform(settings, opts) {
    const file = settings.configFile ?? 'config';
    const { config, problems } = (0,_config_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBailianConfig */ .Cl)(settings.platformConfig.bailian, file, opts.env);
    if (!config)
        return { platform: null, problems };
    return {
        platform: new _bailian_js__WEBPACK_IMPORTED_MODULE_1__/* .BailianPlatform */ .uM({
            config,
            env: opts.env,
            cwd: opts.cwd,
            workDir: opts.workDir,
            gate: settings.name,
            dryRun: settings.dryRun,
            ...(opts.retry ? { retry: opts.retry } : {}),
        }),
        problems: [],
    };
}


/***/ })

};
