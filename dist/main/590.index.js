export const id = 590;
export const ids = [590];
export const modules = {

/***/ 63590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createAzurePlatform: () => (/* binding */ createAzurePlatform)
/* harmony export */ });
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71177);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47468);
/* harmony import */ var _credential_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86183);
/* harmony import */ var _azure_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56703);




function createAzurePlatform(settings, opts) {
    const file = settings.configFile ?? 'config';
    const { config, problems } = (0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAzureConfig */ .Fk)(settings.platformConfig.azure, file, opts.env);
    if (!config)
        return { platform: null, problems };
    const { staging, problems: stagingProblems } = (0,_staging_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveStaging */ ._M)('azure', settings.staging, config.staging, file);
    if (stagingProblems.length)
        return { platform: null, problems: stagingProblems };
    return {
        platform: new _azure_js__WEBPACK_IMPORTED_MODULE_3__/* .AzurePlatform */ .Lk({
            config,
            credential: (0,_credential_js__WEBPACK_IMPORTED_MODULE_2__/* .azureCredential */ .$D)(opts.env, { authorityHost: config.authorityHost }),
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
