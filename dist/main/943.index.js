export const id = 943;
export const ids = [943];
export const modules = {

/***/ 28943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeError: () => (/* binding */ describeError),
/* harmony export */   githubApi: () => (/* binding */ githubApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49735);
/**
 * The GitHub REST client: Octokit from @actions/github (what GitHub's own actions use) with the
 * retry plugin, so a 5xx or a 429 is retried with backoff before it becomes a warning.
 */


const quiet = { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } };
function githubApi(token, env) {
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), log: quiet }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L);
}
/** `403 Resource not accessible by integration`, from an Octokit RequestError or anything else */
function describeError(e) {
    const err = e;
    const status = typeof err?.status === 'number' ? err.status : null;
    const apiMessage = typeof err?.response?.data?.message === 'string' ? err.response.data.message : null;
    const message = apiMessage ?? (typeof err?.message === 'string' ? err.message : String(e));
    return { status, message: status ? `${status} ${message}` : message };
}


/***/ })

};
