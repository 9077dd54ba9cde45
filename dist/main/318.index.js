export const id = 318;
export const ids = [318,943];
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


/***/ }),

/***/ 47318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTIONS_BOT: () => (/* binding */ ACTIONS_BOT),
/* harmony export */   COMMENT_MODES: () => (/* reexport safe */ _config_settings_js__WEBPACK_IMPORTED_MODULE_1__.p8),
/* harmony export */   tokenIdentity: () => (/* binding */ tokenIdentity),
/* harmony export */   upsertComment: () => (/* binding */ upsertComment),
/* harmony export */   warningFor: () => (/* binding */ warningFor)
/* harmony export */ });
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28943);
/* harmony import */ var _config_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54661);
/**
 * The sticky PR comment (SPEC §4): one per gate, found again by its hidden marker in a comment
 * written by the token's own identity, across every page of the pull request's comments, and
 * updated in place. A stranger's comment that quotes the marker is never touched.
 */


/** the workflow token (GITHUB_TOKEN) is an installation token of the GitHub Actions app */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * Who the token writes as. The workflow token (an installation token, `ghs_…`) writes as
 * github-actions[bot] and may not read GET /user (403 "Resource not accessible by integration");
 * a personal token reads its login from GET /user.
 */
async function tokenIdentity(api, token) {
    if (token.startsWith('ghs_'))
        return ACTIONS_BOT;
    try {
        const { data } = await api.rest.users.getAuthenticated();
        return data.login;
    }
    catch (e) {
        const { status } = (0,_api_js__WEBPACK_IMPORTED_MODULE_0__.describeError)(e);
        if (status === 403 || status === 404)
            return ACTIONS_BOT;
        throw e;
    }
}
function warningFor(status, message, target) {
    const where = `pull request #${target.issue}`;
    if (status === 403 || status === 404) {
        return (`could not comment on ${where}: ${message}. A pull request from a fork gets a read-only token; otherwise give the ` +
            'workflow `permissions: pull-requests: write`. The report is in the job summary.');
    }
    return `could not comment on ${where}: ${message}. The report is in the job summary.`;
}
async function upsertComment(api, token, target, marker, body, opts) {
    if (opts.mode === 'never')
        return { action: 'skipped', url: null, reason: 'comment: never' };
    if (!body.startsWith(marker))
        throw new Error(`internal error: the comment body does not start with its marker ${marker}`);
    try {
        const me = await tokenIdentity(api, token);
        const all = (await api.paginate(api.rest.issues.listComments, {
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issue,
            per_page: 100,
        }));
        // Ours: written by this identity and starting with the marker (a report quotes file names and
        // text from indicator files, which may hold another gate's marker). The oldest keeps its place.
        const mine = all.find((c) => c.user?.login === me && typeof c.body === 'string' && c.body.startsWith(marker));
        if (mine) {
            if (mine.body === body)
                return { action: 'unchanged', url: mine.html_url, id: mine.id };
            const { data } = await api.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body });
            return { action: 'updated', url: data.html_url, id: data.id };
        }
        // on-failure: a new comment only for a failing gate; an existing one is always updated (above),
        // so that a fixed pull request shows it is fixed.
        if (opts.mode === 'on-failure' && !opts.failing) {
            return { action: 'skipped', url: null, reason: 'comment: on-failure and the gate passed' };
        }
        const { data } = await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issue, body });
        return { action: 'created', url: data.html_url, id: data.id };
    }
    catch (e) {
        const { status, message } = (0,_api_js__WEBPACK_IMPORTED_MODULE_0__.describeError)(e);
        return { action: 'failed', url: null, warning: warningFor(status, message, target) };
    }
}


/***/ })

};
