export const id = 200;
export const ids = [200];
export const modules = {

/***/ 78401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hq: () => (/* binding */ downloadPrefix),
/* harmony export */   iE: () => (/* binding */ resolveDatastore),
/* harmony export */   kL: () => (/* binding */ uploadPrefix),
/* harmony export */   ob: () => (/* binding */ blobTail)
/* harmony export */ });
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28267);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70626);
/* harmony import */ var _stores_blob_safe_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83873);
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71177);
/**
 * The workspace's Blob datastore: resolved through ARM (account, container, how to authenticate),
 * then used with @azure/storage-blob to stage local inputs under a content-addressed prefix and to
 * download what jobs wrote.
 */






async function resolveDatastore(arm, name, credential, env, blobEndpoint, 
/** the run's cancel: ends the reads and their retry waits */
signal) {
    const res = await arm.send('Datastores_Get', 'GET', `/datastores/${encodeURIComponent(name)}`, undefined, [200], signal);
    const p = (res.body?.properties ?? {});
    if (p.datastoreType !== 'AzureBlob')
        throw new Error(`datastore ${name} is ${JSON.stringify(p.datastoreType)}; evalgate reads and writes an AzureBlob datastore (azure.datastore)`);
    const account = String(p.accountName ?? '');
    const container = String(p.containerName ?? '');
    if (!account || !container)
        throw new Error(`datastore ${name} names no accountName/containerName`);
    const serviceUrl = blobEndpoint ?? `${String(p.protocol ?? 'https')}://${account}.blob.${String(p.endpoint ?? 'core.windows.net')}`;
    const kind = String((p.credentials ?? {}).credentialsType ?? 'None');
    let make;
    if (kind === 'AccountKey' || kind === 'Sas') {
        const secrets = (await arm.send('Datastores_ListSecrets', 'POST', `/datastores/${encodeURIComponent(name)}/listSecrets`, {}, [200], signal)).body;
        if (secrets?.secretsType === 'AccountKey' && typeof secrets.key === 'string') {
            const key = secrets.key;
            (0,_credentials_js__WEBPACK_IMPORTED_MODULE_5__/* .maskRuntimeSecret */ .T)(key, env);
            const cred = new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .StorageSharedKeyCredential */ .Z3(account, key);
            make = (c) => new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .ContainerClient */ .bM(`${serviceUrl}/${c}`, cred);
        }
        else if (secrets?.secretsType === 'Sas' && typeof secrets.sasToken === 'string') {
            const sas = secrets.sasToken.replace(/^\?/, '');
            (0,_credentials_js__WEBPACK_IMPORTED_MODULE_5__/* .maskRuntimeSecret */ .T)(sas, env);
            make = (c) => new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .ContainerClient */ .bM(`${serviceUrl}/${c}?${sas}`, new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .AnonymousCredential */ .tv());
        }
        else
            throw new Error(`datastore ${name}: listSecrets gave no account key or SAS token`);
    }
    else {
        // identity-based datastore: the same Entra credential (the principal needs Storage Blob Data Contributor)
        make = (c) => new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .ContainerClient */ .bM(`${serviceUrl}/${c}`, credential);
    }
    return { name, account, container, serviceUrl, client: make(container), logs: make('azureml') };
}
/** the SDK's largest single-shot upload (BLOCK_BLOB_MAX_UPLOAD_BLOB_BYTES): a larger file always goes in blocks */
const MAX_SINGLE_SHOT = 256 * 1024 * 1024;
/**
 * Uploads files under `prefix` (ending in `/`), skipping each one a previous run already put there
 * with the same size: the prefix is content-addressed, so a name and size that match are the same
 * bytes. A file larger than one part goes up as a block blob: `staging.concurrency` Put Block
 * calls at once, then one Put Block List that makes the blob, whole, at the end; an interrupted
 * upload leaves only uncommitted blocks (no blob, which Azure discards after 7 days), and the next
 * run uploads the file again from the start. Returns how many were sent.
 */
async function uploadPrefix(container, prefix, files, opts = {}) {
    const have = new Map();
    for await (const b of container.listBlobsFlat({ prefix, ...(opts.signal ? { abortSignal: opts.signal } : {}) }))
        have.set(b.name, b.properties.contentLength ?? -1);
    const staging = opts.staging ?? _staging_js__WEBPACK_IMPORTED_MODULE_4__/* .STAGING_LIMITS */ .Pg.azure.defaults;
    let sent = 0;
    for (const [rel, abs] of files) {
        (0,_staging_js__WEBPACK_IMPORTED_MODULE_4__/* .throwIfAborted */ .Te)(opts.signal);
        const name = prefix + rel;
        const size = (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(abs)).size;
        if (have.get(name) === size)
            continue;
        const blockSize = (0,_staging_js__WEBPACK_IMPORTED_MODULE_4__/* .partSizeFor */ .oV)(size, 'azure', staging.partSize);
        await container.getBlockBlobClient(name).uploadFile(abs, {
            blockSize,
            concurrency: staging.concurrency,
            maxSingleShotSize: Math.min(blockSize, MAX_SINGLE_SHOT),
            ...(opts.signal ? { abortSignal: opts.signal } : {}),
        });
        sent++;
    }
    return sent;
}
/**
 * Downloads every blob under `prefix` whose name ends in one of `suffixes` (all when empty) into
 * `dest`, keeping the names below the prefix as relative paths. A name that is not a plain relative
 * path (`..`, an empty segment, a backslash) is refused, never written.
 */
async function downloadPrefix(container, prefix, dest, suffixes = [], signal) {
    const files = [];
    const refused = [];
    const abort = signal ? { abortSignal: signal } : {};
    for await (const page of container.listBlobsFlat({ prefix, ...abort }).byPage({ maxPageSize: 1000 })) {
        for (const b of page.segment.blobItems) {
            if (suffixes.length && !suffixes.some((s) => b.name.endsWith(s)))
                continue;
            const local = (0,_stores_blob_safe_js__WEBPACK_IMPORTED_MODULE_3__/* .safeJoin */ .g)(dest, b.name.slice(prefix.length));
            if (!local) {
                refused.push(b.name);
                continue;
            }
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(local), { recursive: true });
            await container.getBlobClient(b.name).downloadToFile(local, undefined, undefined, abort);
            files.push(local);
        }
    }
    return { files: files.sort(), refused };
}
/** the last `lines` lines of a blob, '' when it does not exist */
/** the end of a log blob is enough for its last lines: never more than this is downloaded */
const TAIL_BYTES = 256 * 1024;
async function blobTail(container, name, lines) {
    try {
        const blob = container.getBlobClient(name);
        const size = (await blob.getProperties()).contentLength ?? 0;
        const start = Math.max(0, size - TAIL_BYTES);
        const buf = size === 0 ? Buffer.alloc(0) : await blob.downloadToBuffer(start, size - start);
        const text = buf.toString('utf8');
        return text
            .split('\n')
            .filter((l, i, all) => l !== '' || i < all.length - 1)
            .slice(-lines)
            .join('\n');
    }
    catch (e) {
        // no such blob: null, so that the caller can say where it looked
        if (e.statusCode === 404)
            return null;
        throw e;
    }
}


/***/ }),

/***/ 86183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ azureCredential),
/* harmony export */   Rz: () => (/* binding */ armScope)
/* harmony export */ });
/* unused harmony exports ARM_SCOPE, GITHUB_OIDC_AUDIENCE, AzureCredentialError, credentialMessage, azureSources, EvalgateAzureCredential */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23952);
/**
 * Azure credentials in the order a GitHub user expects, each tried only when its configuration is
 * present (so that one missing piece is not hidden behind another's timeout):
 *
 * 1. a service principal from the environment (AZURE_TENANT_ID, AZURE_CLIENT_ID and
 *    AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH): what @azure/identity's
 *    EnvironmentCredential reads;
 * 2. workload identity (AZURE_FEDERATED_TOKEN_FILE, as on AKS);
 * 3. GitHub OIDC without the az CLI: the workflow's ID token (audience api://AzureADTokenExchange)
 *    exchanged for the app AZURE_CLIENT_ID in AZURE_TENANT_ID (needs `permissions: id-token: write`);
 * 4. the Azure CLI's login (after `azure/login`, OIDC or not);
 * 5. a managed identity (a self-hosted runner on an Azure VM; AZURE_CLIENT_ID picks a user-assigned one).
 *
 * A credential that is configured but refused (a wrong secret, an app without a federated
 * credential) stops the search with its own message: trying the next one would only hide it.
 */


const ARM_SCOPE = 'https://management.azure.com/.default';
/**
 * The token scope of an ARM endpoint: `<endpoint>/.default`. Each Azure cloud's ARM takes tokens for
 * its own endpoint (https://management.azure.com, https://management.chinacloudapi.cn,
 * https://management.usgovcloudapi.net; learn.microsoft.com "Azure China developer guide" and "Azure
 * Government developer guide"), so the scope follows `azure.arm_endpoint`.
 */
function armScope(armEndpoint) {
    return `${new URL(armEndpoint).origin}/.default`;
}
/** the audience an Entra federated credential expects by default */
const GITHUB_OIDC_AUDIENCE = 'api://AzureADTokenExchange';
/** An Azure sign-in that failed: the message names what was tried, in the platform's words. */
class AzureCredentialError extends Error {
    name = 'AzureCredentialError';
}
/** The first line of an MSAL/identity error that says what Entra refused, without trace ids and stack. */
function credentialMessage(e) {
    const text = String(e?.message ?? e);
    const aadsts = /AADSTS\d+:[^\r\n]*?(?=\s+Trace ID:|\r|\n|$)/.exec(text);
    if (aadsts)
        return aadsts[0].trim();
    const first = text.split(/\r?\n/).find((l) => l.trim()) ?? text;
    return first
        .replace(/\s+Trace ID:.*$/, '')
        .trim()
        .slice(0, 400);
}
function azureSources(env, opts = {}) {
    const tenant = env.AZURE_TENANT_ID;
    const client = env.AZURE_CLIENT_ID;
    const authority = opts.authorityHost ? { authorityHost: opts.authorityHost, disableInstanceDiscovery: true } : {};
    const sources = [];
    if (tenant && client && env.AZURE_CLIENT_SECRET) {
        const secret = env.AZURE_CLIENT_SECRET;
        sources.push({
            label: 'service principal (AZURE_CLIENT_SECRET)',
            make: () => new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .ClientSecretCredential */ .HC(tenant, client, secret, authority),
        });
    }
    else if (tenant && client && env.AZURE_CLIENT_CERTIFICATE_PATH) {
        const certificatePath = env.AZURE_CLIENT_CERTIFICATE_PATH;
        sources.push({
            label: 'service principal (AZURE_CLIENT_CERTIFICATE_PATH)',
            make: () => new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .ClientCertificateCredential */ .m0(tenant, client, { certificatePath, certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD }, authority),
        });
    }
    if (tenant && client && env.AZURE_FEDERATED_TOKEN_FILE) {
        const tokenFilePath = env.AZURE_FEDERATED_TOKEN_FILE;
        sources.push({
            label: 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
            make: () => new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .WorkloadIdentityCredential */ .R9({ tenantId: tenant, clientId: client, tokenFilePath, ...authority }),
        });
    }
    if (tenant && client && env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        sources.push({
            label: 'GitHub OIDC (AZURE_CLIENT_ID, AZURE_TENANT_ID)',
            make: () => new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .ClientAssertionCredential */ .XI(tenant, client, () => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(GITHUB_OIDC_AUDIENCE), authority),
        });
    }
    sources.push({ label: 'Azure CLI (az login / azure/login)', make: () => new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .AzureCliCredential */ .nG({ tenantId: tenant }), probe: true });
    sources.push({
        label: 'managed identity',
        make: () => (client ? new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .ManagedIdentityCredential */ .NC({ clientId: client }) : new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .ManagedIdentityCredential */ .NC()),
        probe: true,
    });
    return sources;
}
/** The credential evalgate uses for ARM and Blob: the first source that gives a token, remembered. */
class EvalgateAzureCredential {
    sources;
    chosen;
    made = new Map();
    constructor(sources) {
        this.sources = sources;
    }
    /** which source gave the token ('' before the first token) */
    get label() {
        return this.chosen?.label ?? '';
    }
    async getToken(scopes, options) {
        if (this.chosen) {
            try {
                return await this.chosen.credential.getToken(scopes, options);
            }
            catch (e) {
                throw new AzureCredentialError(`Azure sign-in with ${this.chosen.label} failed: ${credentialMessage(e)}`);
            }
        }
        const tried = [];
        for (const s of this.sources) {
            let credential = this.made.get(s.label);
            if (!credential) {
                credential = s.make();
                this.made.set(s.label, credential);
            }
            try {
                const token = await credential.getToken(scopes, options);
                if (token) {
                    this.chosen = { label: s.label, credential };
                    return token;
                }
                tried.push(`${s.label}: no token`);
            }
            catch (e) {
                const name = e?.name;
                // a configured source that fails (a wrong secret, an app without a federated credential) is the answer
                if (s.probe && (name === 'CredentialUnavailableError' || name === 'AuthenticationRequiredError')) {
                    tried.push(`${s.label}: ${credentialMessage(e)}`);
                    continue;
                }
                throw new AzureCredentialError(`Azure sign-in with ${s.label} failed: ${credentialMessage(e)}`);
            }
        }
        throw new AzureCredentialError(`no Azure credential is available (set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run azure/login first); tried ${tried.join('; ')}`);
    }
}
function azureCredential(env, opts = {}) {
    return new EvalgateAzureCredential(azureSources(env, opts));
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


/***/ }),

/***/ 83873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ safeJoin)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Object names from a bucket or container are never trusted as paths: a name is kept only when
 * each of its `/`-separated segments is a plain file name, and the result must stay inside the
 * download folder. Shared by the Azure Blob, OSS and TOS downloads.
 */

/** the local path of `relative` (an object name below the listed prefix) inside `dest`, or null when it would escape */
function safeJoin(dest, relative) {
    if (!relative || relative.includes('\\') || relative.includes('\0'))
        return null;
    const segs = relative.split('/');
    if (segs.some((s) => s === '' || s === '.' || s === '..'))
        return null;
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(dest);
    const full = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(root, ...segs);
    return full.startsWith(root + (node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)) ? full : null;
}


/***/ })

};
