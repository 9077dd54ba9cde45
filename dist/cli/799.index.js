export const id = 799;
export const ids = [799];
export const modules = {

/***/ 70626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ maskRuntimeSecret),
/* harmony export */   c: () => (/* binding */ CREDENTIAL_ENV)
/* harmony export */ });
/** The environment variables that hold platform credentials: masked by the action, never passed to jobs. */
const CREDENTIAL_ENV = [
    // Azure (@azure/identity)
    'AZURE_CLIENT_SECRET',
    'AZURE_CLIENT_CERTIFICATE_PASSWORD',
    'AZURE_PASSWORD',
    'AZURE_STORAGE_KEY',
    'AZURE_STORAGE_CONNECTION_STRING',
    'AZURE_STORAGE_SAS_TOKEN',
    // Alibaba Cloud (@alicloud/credentials)
    'ALIBABA_CLOUD_ACCESS_KEY_ID',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'ALIBABA_CLOUD_SECURITY_TOKEN',
    // Volcano Engine
    'VOLCENGINE_ACCESS_KEY',
    'VOLCENGINE_SECRET_KEY',
    'VOLCENGINE_SESSION_TOKEN',
    'VOLC_ACCESSKEY',
    'VOLC_SECRETKEY',
    // DGX over SSH
    'EVALGATE_SSH_KEY',
    'EVALGATE_SSH_PASSPHRASE',
];
/**
 * Masks a secret a platform learned at run time (a datastore key, an STS token) in the workflow
 * log. Only inside Actions: elsewhere the mask command would print the secret itself.
 */
function maskRuntimeSecret(value, env) {
    if (!value || env.GITHUB_ACTIONS !== 'true')
        return;
    // what @actions/core's setSecret writes, without loading @actions/core (and its HTTP client)
    // into every CLI command: a platform module must not cost the CLI's start-up
    const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::add-mask::${escaped}\n`);
}


/***/ }),

/***/ 64200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   azblobContainer: () => (/* binding */ azblobContainer),
/* harmony export */   downloadAzblob: () => (/* binding */ downloadAzblob),
/* harmony export */   parseAzblob: () => (/* binding */ parseAzblob)
/* harmony export */ });
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28267);
/* harmony import */ var _platforms_azure_credential_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86183);
/* harmony import */ var _platforms_azure_blob_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(78401);
/**
 * `azblob://<account>/<container>/<prefix>`: indicator files in Azure Blob storage. Credentials,
 * in order: AZURE_STORAGE_CONNECTION_STRING (when it names this account; its BlobEndpoint is used,
 * so Azurite and private endpoints work), AZURE_STORAGE_KEY (the account key), AZURE_STORAGE_SAS_TOKEN,
 * then the Entra credentials of the azure platform (the principal needs Storage Blob Data Reader).
 */



function parseAzblob(uri) {
    const m = /^azblob:\/\/([a-z0-9]{3,24})\/([a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?)(?:\/(.*))?$/.exec(uri);
    if (!m)
        throw new Error('expected azblob://<account>/<container>/<prefix> (a lower-case storage account and container name)');
    const prefix = (m[3] ?? '').replace(/^\/+/, '');
    return { account: m[1], container: m[2], prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix };
}
const connectionField = (cs, key) => cs
    .split(';')
    .map((p) => p.split(/=(.*)/s))
    .find(([k]) => k?.trim().toLowerCase() === key.toLowerCase())?.[1];
function azblobContainer(account, container, env) {
    const cs = env.AZURE_STORAGE_CONNECTION_STRING;
    if (cs && connectionField(cs, 'AccountName') === account)
        return _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlobServiceClient */ .wS.fromConnectionString(cs).getContainerClient(container);
    const url = `https://${account}.blob.core.windows.net/${container}`;
    if (env.AZURE_STORAGE_KEY)
        return new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .ContainerClient */ .bM(url, new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .StorageSharedKeyCredential */ .Z3(account, env.AZURE_STORAGE_KEY));
    if (env.AZURE_STORAGE_SAS_TOKEN)
        return new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .ContainerClient */ .bM(`${url}?${env.AZURE_STORAGE_SAS_TOKEN.replace(/^\?/, '')}`, new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .AnonymousCredential */ .tv());
    return new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .ContainerClient */ .bM(url, (0,_platforms_azure_credential_js__WEBPACK_IMPORTED_MODULE_1__/* .azureCredential */ .$D)(env));
}
async function downloadAzblob(uri, dest, env) {
    const { account, container, prefix } = parseAzblob(uri);
    const client = azblobContainer(account, container, env);
    try {
        return await (0,_platforms_azure_blob_js__WEBPACK_IMPORTED_MODULE_2__/* .downloadPrefix */ .hq)(client, prefix, dest, ['.json']);
    }
    catch (e) {
        const err = e;
        if (err.statusCode)
            throw new Error(`Blob storage answered ${err.statusCode} ${err.code ?? ''}: ${(err.message ?? '').split('\n')[0]}`.trim());
        throw e;
    }
}


/***/ })

};
