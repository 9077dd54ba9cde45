export const id = 452;
export const ids = [452];
export const modules = {

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
