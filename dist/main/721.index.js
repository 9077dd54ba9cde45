export const id = 721;
export const ids = [721];
export const modules = {

/***/ 49721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   artifactDownloader: () => (/* binding */ artifactDownloader),
/* harmony export */   uploadReport: () => (/* binding */ uploadReport)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60683);
/**
 * The `evalgate-<name>` workflow artifact (report.json, report.md and report.html at the zip's
 * root) through the official @actions/artifact client: uploaded every run, and downloaded from an
 * earlier run as the baseline. Without an artifact service (no ACTIONS_RUNTIME_TOKEN, an upload that fails) the gate
 * goes on: one warning, the verdict and outputs unchanged.
 */


async function uploadReport(name, files, env, client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_1__/* .DefaultArtifactClient */ .t9(), opts = {}) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        return {
            ok: false,
            warning: `artifact ${name} not uploaded: no artifact service here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set); the report is in the job summary`,
        };
    }
    try {
        const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(files[0]);
        // A re-run is the same workflow run: the name is taken by the earlier attempt's artifact,
        // which must not stay the baseline of later pull requests. Replace it (upload-artifact's
        // overwrite); so does `replace`, for the same artifact with one more file.
        if (opts.replace || Number(env.GITHUB_RUN_ATTEMPT ?? '1') > 1) {
            try {
                await client.deleteArtifact(name);
            }
            catch {
                // the earlier attempt uploaded none
            }
        }
        const r = await client.uploadArtifact(name, files, root);
        return { ok: true, id: r.id ?? null, size: r.size ?? null };
    }
    catch (e) {
        const message = e?.message ?? String(e);
        const hint = /already exists|conflict|409/i.test(message)
            ? " (another job of this run uploaded the same name: give each gate its own `name`; a re-run replaces its earlier attempt's artifact)"
            : '';
        return { ok: false, warning: `artifact ${name} not uploaded: ${message}${hint}; the report is in the job summary` };
    }
}
/** downloads an earlier run's artifact through the public REST API (needs `actions: read`) */
function artifactDownloader(token, owner, repo, client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_1__/* .DefaultArtifactClient */ .t9()) {
    return async (id, runId, dir) => {
        await client.downloadArtifact(id, {
            path: dir,
            findBy: { token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo },
        });
    };
}


/***/ })

};
