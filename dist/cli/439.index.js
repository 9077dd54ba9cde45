export const id = 439;
export const ids = [439];
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
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

/***/ 71177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HQ: () => (/* binding */ readCheckpoint),
/* harmony export */   Nk: () => (/* binding */ stagingSchema),
/* harmony export */   Pg: () => (/* binding */ STAGING_LIMITS),
/* harmony export */   SP: () => (/* binding */ serialWriter),
/* harmony export */   Te: () => (/* binding */ throwIfAborted),
/* harmony export */   _M: () => (/* binding */ resolveStaging),
/* harmony export */   lS: () => (/* binding */ checkpointFile),
/* harmony export */   oV: () => (/* binding */ partSizeFor)
/* harmony export */ });
/* unused harmony exports SIZE_SYNTAX, parseSize, formatSize, writeCheckpoint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38816);
/**
 * How local inputs go up: in parts of `part_size` bytes, `concurrency` at a time, through each
 * storage's own multipart API (Azure block blobs, OSS multipart, TOS uploadFile, SFTP writes).
 * `staging: {part_size, concurrency}` at the top of the config applies to every platform; the same
 * mapping in a platform's section (`azure.staging`, …) wins over it.
 *
 * Sizes are written as people write them: `64MiB`, `512 KiB`, `1GiB` (powers of 1024), `100MB`
 * (powers of 1000), or a whole number of bytes.
 *
 * Each storage has its own limits (sources in docs/config.md):
 *   azure   a block of at most 4000 MiB, at most 50,000 blocks per blob
 *   bailian an OSS part of 100 KiB to 5 GiB (but the last), at most 10,000 parts
 *   volc    a TOS part of 5 MiB to 5 GiB (but the last), at most 10,000 parts
 *   dgx     an SFTP write of at most 1 MiB (a larger top-level part_size is capped, not refused)
 * A file with more parts than its storage allows goes up in larger parts (the size is raised to fit).
 */




const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const SIZE_SYNTAX = 'a size such as "64MiB" (B, KiB, MiB, GiB, or KB, MB, GB), or a whole number of bytes';
const UNITS = { b: 1, kib: KiB, mib: MiB, gib: GiB, kb: 1e3, mb: 1e6, gb: 1e9 };
/** bytes of a size text or number; undefined when it is not one */
function parseSize(v) {
    if (typeof v === 'number')
        return Number.isSafeInteger(v) && v > 0 ? v : undefined;
    if (typeof v !== 'string')
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(v);
    if (!m)
        return undefined;
    const unit = m[2].toLowerCase();
    const scale = unit === '' ? 1 : UNITS[unit];
    if (scale === undefined)
        return undefined;
    const bytes = Number(m[1]) * scale;
    return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}
/** 67108864 → "64 MiB", 1500000 → "1500000 bytes" */
function formatSize(bytes) {
    for (const [unit, n] of [
        ['GiB', GiB],
        ['MiB', MiB],
        ['KiB', KiB],
    ])
        if (bytes >= n && bytes % n === 0)
            return `${bytes / n} ${unit}`;
    return `${bytes} bytes`;
}
const MAX_CONCURRENCY = 64;
/** `staging:` at the top level or in a platform's section */
const stagingSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({
    part_size: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig()], { error: SIZE_SYNTAX })
        .refine((v) => parseSize(v) !== undefined, { error: SIZE_SYNTAX })
        .optional(),
    concurrency: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig({ error: `an integer from 1 to ${MAX_CONCURRENCY}` })
        .int({ error: `an integer from 1 to ${MAX_CONCURRENCY}` })
        .min(1, { error: `an integer from 1 to ${MAX_CONCURRENCY}` })
        .max(MAX_CONCURRENCY, { error: `an integer from 1 to ${MAX_CONCURRENCY}` })
        .optional(),
}, { error: 'a mapping of part_size (e.g. 64MiB) and concurrency (parts sent at once)' });
const STAGING_LIMITS = {
    // Put Block: at most 4000 MiB a block, 50,000 blocks a blob (x-ms-version 2019-12-12 and later)
    azure: { minPart: 1, maxPart: 4000 * MiB, maxParts: 50_000, defaults: { partSize: 16 * MiB, concurrency: 4 }, part: 'a block' },
    // UploadPart: 100 KB to 5 GB each but the last, part numbers 1 to 10,000
    bailian: {
        minPart: 100 * KiB,
        maxPart: 5 * GiB,
        maxParts: 10_000,
        defaults: { partSize: 16 * MiB, concurrency: 4 },
        part: 'an OSS part',
    },
    // UploadPart: 5 MiB to 5 GiB each but the last, part numbers 1 to 10,000 (the SDK's MIN_PART_SIZE_EXCEPT_LAST_ONE)
    volc: { minPart: 5 * MiB, maxPart: 5 * GiB, maxParts: 10_000, defaults: { partSize: 16 * MiB, concurrency: 4 }, part: 'a TOS part' },
    // ssh2 fastPut: chunkSize bytes per read/write, `concurrency` of them in flight (ssh2's defaults: 32 KiB × 64);
    // ssh2 splits a write above its packet limit (254 KiB against OpenSSH) into several requests
    dgx: {
        minPart: 4 * KiB,
        maxPart: MiB,
        maxParts: Number.POSITIVE_INFINITY,
        defaults: { partSize: 128 * KiB, concurrency: 64 },
        part: 'an SFTP write',
        capTopLevel: true,
    },
};
/**
 * The staging of `platform`: its section's `staging` over the top-level one over the platform's
 * defaults, each value held against the platform's limits.
 */
function resolveStaging(platform, top, section, file) {
    const limits = STAGING_LIMITS[platform];
    const problems = [];
    const staging = { ...limits.defaults };
    for (const [where, s] of [
        ['staging', top],
        [`${platform}.staging`, section],
    ]) {
        if (!s)
            continue;
        if (s.concurrency !== undefined)
            staging.concurrency = s.concurrency;
        if (s.part_size === undefined)
            continue;
        let bytes = parseSize(s.part_size);
        if (where === 'staging' && limits.capTopLevel)
            bytes = Math.min(Math.max(bytes, limits.minPart), limits.maxPart);
        if (bytes < limits.minPart || bytes > limits.maxPart)
            problems.push({
                file,
                path: `${where}.part_size`,
                expected: `${limits.part} of ${limits.minPart === 1 ? 'at most ' : `${formatSize(limits.minPart)} to `}${formatSize(limits.maxPart)} on ${platform}`,
                found: JSON.stringify(s.part_size),
            });
        else
            staging.partSize = bytes;
    }
    return { staging, problems };
}
/** the part size for a file: `partSize`, raised (to a whole MiB) when the file would need more parts than the storage takes */
function partSizeFor(fileSize, platform, partSize) {
    const { maxParts } = STAGING_LIMITS[platform];
    if (Math.ceil(fileSize / partSize) <= maxParts)
        return partSize;
    return Math.ceil(fileSize / maxParts / MiB) * MiB;
}
/** where the resume record of one upload is kept: one file per (storage, object), under the run's folder */
function checkpointFile(dir, storage, object) {
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `${storage}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(object).digest('hex').slice(0, 32)}.json`);
}
/** writes a checkpoint whole or not at all (a kill mid-write leaves the previous one) */
async function writeCheckpoint(file, record) {
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(tmp, JSON.stringify(record));
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(tmp, file);
}
/** writeCheckpoint, one write at a time: parts finish side by side, and the last record written is the latest */
function serialWriter(file) {
    let last = Promise.resolve();
    return (record) => {
        // stringified now: the SDK keeps mutating the object it hands over
        const text = JSON.parse(JSON.stringify(record));
        last = last.catch(() => { }).then(() => writeCheckpoint(file, text));
        return last;
    };
}
/** a checkpoint, or undefined when there is none or it does not parse (then the upload starts over) */
async function readCheckpoint(file) {
    try {
        return JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Throws the signal's reason when it has fired (before a request that should not start). */
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error('staging was cancelled');
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
