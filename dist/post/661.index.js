export const id = 661;
export const ids = [661];
export const modules = {

/***/ 24550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ anySignal),
/* harmony export */   Mu: () => (/* binding */ raceAbort),
/* harmony export */   bp: () => (/* binding */ sleepUnlessAborted),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled)
/* harmony export */ });
/* unused harmony exports abortError, isAbort, CANCEL_BUDGET_MS */
/**
 * The run's cancel (Ctrl-C, SIGTERM, a cancelled workflow) as it reaches a platform call: every
 * retry's backoff (a Retry-After of minutes included) and every request still out ends at once
 * when the signal fires, so that the runner can cancel the jobs within SPEC §8's 10 s.
 */
/** what an aborted call throws: the signal's reason when it is an Error, else an AbortError */
function abortError(signal) {
    if (signal.reason instanceof Error)
        return signal.reason;
    const e = new Error('the run was cancelled');
    e.name = 'AbortError';
    return e;
}
/** true for what an aborted call throws (ours, fetch's, an Azure SDK's) */
function isAbort(e, signal) {
    if (signal?.aborted && (e === signal.reason || e?.name === 'AbortError'))
        return true;
    return e?.name === 'AbortError';
}
/** waits `ms`; resolves at once when the signal fires (the caller checks it) */
function sleepUnlessAborted(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const t = setTimeout(done, ms);
        function done() {
            clearTimeout(t);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
/**
 * `p`, or the abort error as soon as the signal fires: for a client that takes no signal (the
 * Alibaba and TOS SDKs). The request itself may still finish in the background; its answer is
 * dropped.
 */
function raceAbort(p, signal) {
    if (!signal)
        return p;
    if (signal.aborted) {
        p.catch(() => { });
        return Promise.reject(abortError(signal));
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => {
            p.catch(() => { });
            reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        p.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
        });
    });
}
/** throws the abort error when the signal has fired (before a request that should not start) */
function throwIfCancelled(signal) {
    if (signal?.aborted)
        throw abortError(signal);
}
/** both signals as one (either fires it); undefined when neither is given */
function anySignal(...signals) {
    const given = signals.filter((s) => s !== undefined);
    if (given.length <= 1)
        return given[0];
    return AbortSignal.any(given);
}
/** how long cancel() of one job may take after the run's abort (its own budget, never the run's signal) */
const CANCEL_BUDGET_MS = 6_000;


/***/ }),

/***/ 49661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cancelSavedAzure: () => (/* binding */ cancelSavedAzure)
});

// EXTERNAL MODULE: ./node_modules/@azure-rest/core-client/dist/esm/index.js + 6 modules
var esm = __webpack_require__(26255);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./src/platforms/staging.ts
var staging = __webpack_require__(71177);
;// CONCATENATED MODULE: ./src/platforms/azure/config.ts
/** The `azure` section of the config: the workspace, where jobs run, and how to reach Azure. */



/** The ARM api-version evalgate speaks (the newest stable with the same CommandJob shape as 2022-10-01). */
const config_AZURE_API_VERSION = '2025-09-01';
const config_name = (what) => schemas/* string */.YjP({ error: what }).min(1, { error: what });
const schema = schemas/* strictObject */.rej({
    subscription: config_name('a subscription id').optional(),
    subscription_id: config_name('a subscription id').optional(),
    resource_group: config_name('a resource group name'),
    workspace: schemas/* string */.YjP({ error: 'a workspace name' })
        .regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/, { error: 'a workspace name (3 to 33 letters, digits, - and _)' }),
    compute: config_name('a compute name or ARM id'),
    environment: config_name('an environment (azureml:<name>:<version>, an azureml://registries/… id or an ARM id)').optional(),
    image: config_name('a container image').optional(),
    experiment: config_name('an experiment name').optional(),
    datastore: config_name('a datastore name').optional(),
    prefix: schemas/* string */.YjP({ error: 'a path prefix in the datastore' })
        .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
        .optional(),
    code: schemas/* union */.KCZ([config_name('a path'), schemas/* array */.YOg(config_name('a path')).min(1)], { error: 'a path or a list of paths' }).optional(),
    instance_type: config_name('a VM size').optional(),
    instance_count: schemas/* number */.aig({ error: 'a whole number' }).int({ error: 'a whole number' }).min(1).optional(),
    poll_interval_seconds: schemas/* number */.aig({ error: 'a number of seconds' }).positive({ error: 'more than 0 seconds' }).max(300).optional(),
    arm_endpoint: schemas/* url */.OZ5({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    authority_host: schemas/* url */.OZ5({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    blob_endpoint: schemas/* url */.OZ5({ protocol: /^https?$/, error: 'an http(s):// URL' }).optional(),
    staging: staging/* stagingSchema */.Nk.optional(),
}, { error: 'a mapping' });
function parseAzureConfig(section, file, env) {
    const parsed = schema.safeParse(section ?? {});
    if (!parsed.success) {
        return {
            config: null,
            problems: sectionProblems(parsed.error.issues, section, file, 'azure', Object.keys(schema.shape)),
        };
    }
    const c = parsed.data;
    const problems = [];
    const subscription = c.subscription ?? c.subscription_id ?? env.AZURE_SUBSCRIPTION_ID;
    if (!subscription)
        problems.push({
            file,
            path: 'azure.subscription',
            expected: 'a subscription id (or AZURE_SUBSCRIPTION_ID in the environment)',
            found: 'nothing',
        });
    if (!c.environment && !c.image)
        problems.push({
            file,
            path: 'azure.environment',
            expected: 'an Azure ML environment, or azure.image (a container image evalgate registers as one)',
            found: 'nothing',
        });
    if (c.environment && c.image)
        problems.push({
            file,
            path: 'azure.image',
            expected: 'either azure.environment or azure.image, not both',
            found: JSON.stringify(c.image),
        });
    if (problems.length)
        return { config: null, problems };
    return {
        config: {
            subscription: subscription,
            resourceGroup: c.resource_group,
            workspace: c.workspace,
            compute: c.compute,
            environment: c.environment,
            image: c.image,
            experiment: c.experiment ?? 'evalgate',
            datastore: c.datastore ?? 'workspaceblobstore',
            prefix: c.prefix ?? 'evalgate',
            code: c.code === undefined ? [] : Array.isArray(c.code) ? c.code : [c.code],
            instanceType: c.instance_type,
            instanceCount: c.instance_count,
            pollIntervalMs: Math.round((c.poll_interval_seconds ?? 10) * 1000),
            armEndpoint: (c.arm_endpoint ?? 'https://management.azure.com').replace(/\/+$/, ''),
            authorityHost: c.authority_host ?? env.AZURE_AUTHORITY_HOST,
            blobEndpoint: c.blob_endpoint?.replace(/\/+$/, ''),
            ...(c.staging ? { staging: c.staging } : {}),
        },
        problems: [],
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 155 modules
var dist_esm = __webpack_require__(23952);
;// CONCATENATED MODULE: ./src/platforms/azure/credential.ts
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
            make: () => new dist_esm/* ClientSecretCredential */.HC(tenant, client, secret, authority),
        });
    }
    else if (tenant && client && env.AZURE_CLIENT_CERTIFICATE_PATH) {
        const certificatePath = env.AZURE_CLIENT_CERTIFICATE_PATH;
        sources.push({
            label: 'service principal (AZURE_CLIENT_CERTIFICATE_PATH)',
            make: () => new dist_esm/* ClientCertificateCredential */.m0(tenant, client, { certificatePath, certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD }, authority),
        });
    }
    if (tenant && client && env.AZURE_FEDERATED_TOKEN_FILE) {
        const tokenFilePath = env.AZURE_FEDERATED_TOKEN_FILE;
        sources.push({
            label: 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
            make: () => new dist_esm/* WorkloadIdentityCredential */.R9({ tenantId: tenant, clientId: client, tokenFilePath, ...authority }),
        });
    }
    if (tenant && client && env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        sources.push({
            label: 'GitHub OIDC (AZURE_CLIENT_ID, AZURE_TENANT_ID)',
            make: () => new dist_esm/* ClientAssertionCredential */.XI(tenant, client, () => core/* getIDToken */.V9(GITHUB_OIDC_AUDIENCE), authority),
        });
    }
    sources.push({ label: 'Azure CLI (az login / azure/login)', make: () => new dist_esm/* AzureCliCredential */.nG({ tenantId: tenant }), probe: true });
    sources.push({
        label: 'managed identity',
        make: () => (client ? new dist_esm/* ManagedIdentityCredential */.NC({ clientId: client }) : new dist_esm/* ManagedIdentityCredential */.NC()),
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

;// CONCATENATED MODULE: ./src/platforms/azure/arm.ts
/**
 * Azure Resource Manager calls for one Azure ML workspace, through Azure's REST client package
 * (@azure-rest/core-client: the core-rest-pipeline with the bearer-token, retry and throttling
 * policies of every Azure SDK) at api-version 2025-09-01.
 *
 * Why not @azure/arm-machinelearning: its last release (2.1.1) is pinned to api-version
 * 2022-10-01 and its serializer drops `uri` and `mode` from uri_file/uri_folder job inputs and
 * outputs (the type lookup is registered under the wrong discriminator names), so a job it
 * creates writes its indicator files to a default path evalgate never reads.
 */



/** An error answer of ARM, in its own words: `{"error":{"code","message"}}`. */
class arm_ArmError extends Error {
    status;
    code;
    operation;
    name = 'ArmError';
    constructor(status, code, message, operation) {
        super(`${operation}: ${status} ${code}: ${message}`);
        this.status = status;
        this.code = code;
        this.operation = operation;
    }
    /** worth asking again later (throttled, a server error, a gateway timeout) */
    get transient() {
        return this.status === 408 || this.status === 429 || this.status >= 500;
    }
}
const workspaceId = (w) => `/subscriptions/${w.subscription}/resourceGroups/${w.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${w.workspace}`;
class arm_Arm {
    ws;
    client;
    base;
    /** every request this client sent, by operation (the polling cost the README reports) */
    counts = new Map();
    constructor(ws, credential, opts = {}) {
        this.ws = ws;
        this.base = workspaceId(ws);
        this.client = (0,esm/* getClient */.KU)(ws.armEndpoint, credential, {
            apiVersion: config_AZURE_API_VERSION,
            credentials: { scopes: [armScope(ws.armEndpoint)] },
            // 429 and 503 wait for Retry-After; other 5xx and resets back off exponentially with jitter
            retryOptions: { maxRetries: opts.maxRetries ?? 6, retryDelayInMs: 1000, maxRetryDelayInMs: 30_000 },
            userAgentOptions: { userAgentPrefix: 'evalgate' },
        });
    }
    /** the ARM id of a workspace resource: `<workspace id>/<kind>/<name>[/versions/<version>]` */
    id(kind, name, version) {
        return `${this.base}/${kind}/${name}${version === undefined ? '' : `/versions/${version}`}`;
    }
    async send(operation, method, pathOrUrl, body, accept = [200], 
    /** the run's cancel: ends the request and the pipeline's retry waits (Retry-After included) at once */
    signal) {
        this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
        const target = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.base}${pathOrUrl}`;
        const req = this.client.pathUnchecked(target);
        const options = {
            ...(body === undefined ? {} : { body, contentType: 'application/json' }),
            ...(signal ? { abortSignal: signal } : {}),
        };
        const res = method === 'GET' ? await req.get(options) : method === 'PUT' ? await req.put(options) : await req.post(options);
        const status = Number(res.status);
        const headers = {};
        for (const [k, v] of Object.entries(res.headers ?? {}))
            headers[k.toLowerCase()] = String(v);
        if (!accept.includes(status)) {
            const err = res.body?.error;
            const code = typeof err?.code === 'string' ? err.code : `HTTP${status}`;
            const message = typeof err?.message === 'string'
                ? err.message
                : typeof res.body === 'string' && res.body
                    ? res.body.slice(0, 300)
                    : 'no error message';
            throw new arm_ArmError(status, code, message, operation);
        }
        return { status, headers, body: res.body };
    }
    /** the total number of requests sent */
    get total() {
        let n = 0;
        for (const v of this.counts.values())
            n += v;
        return n;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/stores/fs.ts + 3 modules
var stores_fs = __webpack_require__(83636);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
// EXTERNAL MODULE: ./src/platforms/abort.ts
var abort = __webpack_require__(24550);
// EXTERNAL MODULE: ./node_modules/@azure/storage-blob/dist/esm/index.js + 145 modules
var storage_blob_dist_esm = __webpack_require__(28267);
// EXTERNAL MODULE: ./src/stores/blob-safe.ts
var blob_safe = __webpack_require__(83873);
;// CONCATENATED MODULE: ./src/platforms/azure/blob.ts
/**
 * The workspace's Blob datastore: resolved through ARM (account, container, how to authenticate),
 * then used with @azure/storage-blob to stage local inputs under a content-addressed prefix and to
 * download what jobs wrote.
 */






async function blob_resolveDatastore(arm, name, credential, env, blobEndpoint, 
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
            maskRuntimeSecret(key, env);
            const cred = new StorageSharedKeyCredential(account, key);
            make = (c) => new ContainerClient(`${serviceUrl}/${c}`, cred);
        }
        else if (secrets?.secretsType === 'Sas' && typeof secrets.sasToken === 'string') {
            const sas = secrets.sasToken.replace(/^\?/, '');
            maskRuntimeSecret(sas, env);
            make = (c) => new ContainerClient(`${serviceUrl}/${c}?${sas}`, new AnonymousCredential());
        }
        else
            throw new Error(`datastore ${name}: listSecrets gave no account key or SAS token`);
    }
    else {
        // identity-based datastore: the same Entra credential (the principal needs Storage Blob Data Contributor)
        make = (c) => new ContainerClient(`${serviceUrl}/${c}`, credential);
    }
    return { name, account, container, serviceUrl, client: make(container), logs: make('azureml') };
}
/** the SDK's largest single-shot upload (BLOCK_BLOB_MAX_UPLOAD_BLOB_BYTES): a larger file always goes in blocks */
const MAX_SINGLE_SHOT = (/* unused pure expression or super */ null && (256 * 1024 * 1024));
/**
 * Uploads files under `prefix` (ending in `/`), skipping each one a previous run already put there
 * with the same size: the prefix is content-addressed, so a name and size that match are the same
 * bytes. A file larger than one part goes up as a block blob: `staging.concurrency` Put Block
 * calls at once, then one Put Block List that makes the blob, whole, at the end; an interrupted
 * upload leaves only uncommitted blocks (no blob, which Azure discards after 7 days), and the next
 * run uploads the file again from the start. Returns how many were sent.
 */
async function blob_uploadPrefix(container, prefix, files, opts = {}) {
    const have = new Map();
    for await (const b of container.listBlobsFlat({ prefix, ...(opts.signal ? { abortSignal: opts.signal } : {}) }))
        have.set(b.name, b.properties.contentLength ?? -1);
    const staging = opts.staging ?? STAGING_LIMITS.azure.defaults;
    let sent = 0;
    for (const [rel, abs] of files) {
        throwIfAborted(opts.signal);
        const name = prefix + rel;
        const size = (await fs.stat(abs)).size;
        if (have.get(name) === size)
            continue;
        const blockSize = partSizeFor(size, 'azure', staging.partSize);
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
async function blob_downloadPrefix(container, prefix, dest, suffixes = [], signal) {
    const files = [];
    const refused = [];
    const abort = signal ? { abortSignal: signal } : {};
    for await (const page of container.listBlobsFlat({ prefix, ...abort }).byPage({ maxPageSize: 1000 })) {
        for (const b of page.segment.blobItems) {
            if (suffixes.length && !suffixes.some((s) => b.name.endsWith(s)))
                continue;
            const local = safeJoin(dest, b.name.slice(prefix.length));
            if (!local) {
                refused.push(b.name);
                continue;
            }
            await fs.mkdir(path.dirname(local), { recursive: true });
            await container.getBlobClient(b.name).downloadToFile(local, undefined, undefined, abort);
            files.push(local);
        }
    }
    return { files: files.sort(), refused };
}
/** the last `lines` lines of a blob, '' when it does not exist */
/** the end of a log blob is enough for its last lines: never more than this is downloaded */
const TAIL_BYTES = (/* unused pure expression or super */ null && (256 * 1024));
async function blob_blobTail(container, name, lines) {
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

// EXTERNAL MODULE: ./src/platforms/snapshot.ts
var snapshot = __webpack_require__(91178);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/platforms/azure/job.ts
/**
 * The Azure ML command job of one evalgate job: rendered from platforms/job_templates/azure/job.yml
 * (the az ml CLI's YAML, so the rendered file also works with `az ml job create --file`), then
 * converted field by field to the REST body ARM takes (PUT …/jobs/<name>).
 */


/** Where the job sees its inputs and output: Azure ML substitutes these in the command before it runs. */
const job_AZURE_LOCATIONS = { model: '${{inputs.model}}', data: '${{inputs.data}}', out: '${{outputs.results}}' };
const AZURE_ENV = {
    EVALGATE_OUT: job_AZURE_LOCATIONS.out,
    EVALGATE_MODEL: job_AZURE_LOCATIONS.model,
    EVALGATE_DATA: job_AZURE_LOCATIONS.data,
};
/**
 * The template variables of a job. Azure ML substitutes `${{outputs.results}}` in the command only,
 * not in environment variables, so EVALGATE_OUT (and EVALGATE_MODEL, EVALGATE_DATA, which the
 * command's placeholders reference) are exported by the command itself.
 */
function azureTemplateVars(job, gate, v) {
    const env = { ...job.env };
    const exports = [];
    for (const [k, v] of Object.entries(AZURE_ENV)) {
        if (k in env)
            exports.push(`${k}="${v}"`);
        delete env[k];
    }
    const resources = {};
    if (v.instanceCount)
        resources.instance_count = v.instanceCount;
    if (job.resources.instance_type ?? v.instanceType)
        resources.instance_type = String(job.resources.instance_type ?? v.instanceType);
    return {
        ...jobVars(job, gate),
        command: `export ${exports.join(' ')}; ${job.command}`,
        env_json: JSON.stringify(env),
        compute: v.compute,
        environment: v.environment,
        experiment: v.experiment,
        code_line: v.code ? `code: ${JSON.stringify(v.code)}` : '# code: none (the command runs from the environment image)',
        resources_line: Object.keys(resources).length ? `resources: ${JSON.stringify(resources)}` : '# resources: the compute default',
        model_type: v.model?.type ?? 'uri_folder',
        model_uri: v.model?.uri ?? '',
        data_type: v.data?.type ?? 'uri_folder',
        data_uri: v.data?.uri ?? '',
        out_uri: v.outUri,
    };
}
async function job_renderAzureJob(job, gate, v) {
    return renderTemplate(await readTemplate('azure'), azureTemplateVars(job, gate, v), 'yaml');
}
const INPUT_MODES = {
    ro_mount: 'ReadOnlyMount',
    rw_mount: 'ReadWriteMount',
    download: 'Download',
    direct: 'Direct',
    eval_mount: 'EvalMount',
    eval_download: 'EvalDownload',
};
const OUTPUT_MODES = { rw_mount: 'ReadWriteMount', upload: 'Upload', direct: 'Direct' };
/** the ARM id of a workspace asset named the CLI's way (`azureml:<name>:<version>`), or the value as given */
function assetId(value, kind, workspaceId, field) {
    if (value.startsWith('azureml://') || value.startsWith('/subscriptions/'))
        return value;
    const m = /^azureml:([^:@/]+):([^:@/]+)$/.exec(value);
    if (!m)
        throw new Error(`${field}: expected azureml:<name>:<version>, an azureml://registries/… id or an ARM id, found ${JSON.stringify(value)}`);
    return `${workspaceId}/${kind}/${m[1]}/versions/${m[2]}`;
}
function computeId(value, workspaceId) {
    if (value.startsWith('/subscriptions/'))
        return value;
    const name = value.replace(/^azureml:/, '');
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name))
        throw new Error(`compute: expected a compute name or ARM id, found ${JSON.stringify(value)}`);
    return `${workspaceId}/computes/${name}`;
}
const str = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
/**
 * The REST body of a rendered job.yml. Throws with the field's name on anything the conversion
 * does not know (so a hand-edited template fails before it reaches Azure, not after).
 */
function job_restJobBody(yamlText, workspaceId) {
    const spec = parseYaml(yamlText);
    if (!spec || typeof spec !== 'object')
        throw new Error('job.yml: expected a mapping');
    if (spec.type !== 'command')
        throw new Error(`type: expected command, found ${JSON.stringify(spec.type)}`);
    const name = str(spec.name);
    const p = { jobType: 'Command' };
    if (spec.display_name)
        p.displayName = str(spec.display_name);
    if (spec.experiment_name)
        p.experimentName = str(spec.experiment_name);
    if (spec.description)
        p.description = str(spec.description);
    p.command = str(spec.command);
    if (spec.code)
        p.codeId = assetId(str(spec.code), 'codes', workspaceId, 'code');
    p.environmentId = assetId(str(spec.environment), 'environments', workspaceId, 'environment');
    p.computeId = computeId(str(spec.compute), workspaceId);
    const env = (spec.environment_variables ?? {});
    p.environmentVariables = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, str(v)]));
    const inputs = {};
    for (const [k, v] of Object.entries((spec.inputs ?? {}))) {
        if (v === null || typeof v !== 'object') {
            inputs[k] = { jobInputType: 'literal', value: str(v) };
            continue;
        }
        const i = v;
        if (!str(i.path))
            continue; // no model or no data: the input is left out
        const mode = INPUT_MODES[str(i.mode || 'ro_mount')];
        if (!mode)
            throw new Error(`inputs.${k}.mode: expected one of ${Object.keys(INPUT_MODES).join(', ')}, found ${JSON.stringify(i.mode)}`);
        inputs[k] = { jobInputType: str(i.type), uri: str(i.path), mode };
    }
    p.inputs = inputs;
    const outputs = {};
    for (const [k, v] of Object.entries((spec.outputs ?? {}))) {
        const o = (v ?? {});
        const mode = OUTPUT_MODES[str(o.mode || 'rw_mount')];
        if (!mode)
            throw new Error(`outputs.${k}.mode: expected one of ${Object.keys(OUTPUT_MODES).join(', ')}, found ${JSON.stringify(o.mode)}`);
        outputs[k] = { jobOutputType: str(o.type), uri: str(o.path), mode };
    }
    p.outputs = outputs;
    const res = spec.resources;
    if (res) {
        const r = {};
        if (res.instance_count !== undefined)
            r.instanceCount = Number(res.instance_count);
        if (res.instance_type !== undefined)
            r.instanceType = str(res.instance_type);
        p.resources = r;
    }
    const limits = spec.limits;
    if (limits?.timeout !== undefined)
        p.limits = { jobLimitsType: 'Command', timeout: `PT${Math.ceil(Number(limits.timeout))}S` };
    if (spec.tags)
        p.tags = Object.fromEntries(Object.entries(spec.tags).map(([k, v]) => [k, str(v)]));
    return { name, body: { properties: p } };
}

// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
;// CONCATENATED MODULE: ./src/platforms/azure/azure.ts
/**
 * `azure`: each evalgate job and shard is an Azure ML command job, created through ARM with a
 * deterministic name (a retried submission finds the job of that name and attaches to it), reading
 * the staged model and data as uri_file/uri_folder inputs and writing its indicator files to a
 * uri_folder output at a known datastore path, which collect downloads from Blob.
 */














/**
 * Status reads per second one run sends to ARM (Jobs_List pages and per-job Jobs_Get alike):
 * ARM refills a subscription's read bucket at 25 a second per principal (bucket 250;
 * learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling);
 * evalgate takes two fifths of it, so other tools of the same principal keep theirs.
 */
const AZURE_STATUS_RATE = { perSecond: 10, burst: 10 };
/** Jobs_List pages followed per poll at most (the service picks the page size; nextLink to the end) */
const MAX_LIST_PAGES = 100;
/** Azure ML's JobStatus values (KnownJobStatus) and what each means for evalgate. */
const AZURE_STATUS = {
    NotStarted: 'queued',
    Starting: 'queued',
    Provisioning: 'queued',
    Preparing: 'queued',
    Queued: 'queued',
    Running: 'running',
    // outputs are being uploaded: not complete until Completed
    Finalizing: 'running',
    // cancel accepted, not done: the job may still write
    CancelRequested: 'running',
    Completed: 'succeeded',
    Failed: 'failed',
    Canceled: 'cancelled',
    // "can go from NotResponding to any of the previous states": not terminal; the job timeout ends it
    NotResponding: 'running',
    Paused: 'queued',
    Unknown: 'queued',
};
function mapAzureStatus(status) {
    return AZURE_STATUS[status] ?? 'queued';
}
/** how many status reads in a row may fail transiently (throttled past the retries, 5xx) before the run gives up */
const MAX_TRANSIENT = 10;
const CANCEL_WAIT_MS = 60_000;
/** how long a submit the abort cut off looks for the job its PUT may have created */
const ORPHAN_LOOKUP_MS = 3_000;
const sha12 = (s) => createHash('sha256').update(s).digest('hex').slice(0, 12);
/** uri_file for a URI that names a file (an extension in its last segment), uri_folder otherwise */
const uriType = (uri) => (!uri.endsWith('/') && /\.[A-Za-z0-9]+$/.test(uri) ? 'uri_file' : 'uri_folder');
class AzurePlatform {
    opts;
    name = 'azure';
    pollIntervalMs;
    maxPollIntervalMs;
    arm;
    ds;
    inputs = { model: null, data: null };
    environments = new Map();
    code;
    prepared = false;
    hashes = {};
    tracked = new Map();
    /** the tag key every job of this run carries: Jobs_List filters on it */
    runTag = 'evalgate_run';
    rate;
    constructor(opts) {
        this.opts = opts;
        const c = opts.config;
        this.pollIntervalMs = c.pollIntervalMs;
        this.maxPollIntervalMs = Math.max(c.pollIntervalMs, 60_000);
        this.rate = new RateLimiter(opts.statusRate?.perSecond ?? AZURE_STATUS_RATE.perSecond, opts.statusRate?.burst ?? AZURE_STATUS_RATE.burst);
        this.arm = new Arm({ armEndpoint: c.armEndpoint, subscription: c.subscription, resourceGroup: c.resourceGroup, workspace: c.workspace }, opts.credential, { maxRetries: opts.maxRetries });
    }
    datastore(signal) {
        // the first caller's signal (the run's) ends the reads; a later one stops waiting for them
        this.ds ??= resolveDatastore(this.arm, this.opts.config.datastore, this.opts.credential, this.opts.env, this.opts.config.blobEndpoint, signal ?? this.opts.signal);
        this.ds.catch(() => (this.ds = undefined));
        return raceAbort(this.ds, signal);
    }
    uploadOptions(signal = this.opts.signal) {
        return { ...(this.opts.staging ? { staging: this.opts.staging } : {}), ...(signal ? { signal } : {}) };
    }
    dsUri(p) {
        return `azureml://datastores/${this.opts.config.datastore}/paths/${p}`;
    }
    /** the output folder of one attempt (its name): a new attempt never collects a dead one's files */
    outPrefix(name) {
        return `${this.opts.config.prefix}/runs/${name}/`;
    }
    locate() {
        return { ...AZURE_LOCATIONS };
    }
    /** a local file or folder goes to <prefix>/cas/<sha256>/ in the datastore (skipped when already there) */
    async stage(localOrUri, kind, signal = this.opts.signal) {
        let uri;
        let type;
        if (isUri(localOrUri)) {
            const m = /^azblob:\/\/([^/]+)\/([^/]+)\/(.*)$/.exec(localOrUri);
            uri = m ? `https://${m[1]}.blob.core.windows.net/${m[2]}/${m[3]}` : localOrUri;
            type = uriType(uri);
        }
        else {
            const abs = path.resolve(this.opts.cwd, localOrUri);
            const st = await fs.stat(abs);
            const sha = await contentHash(abs, signal);
            this.hashes[kind] = `sha256:${sha}`;
            const prefix = `${this.opts.config.prefix}/cas/${sha}/`;
            if (!this.opts.dryRun) {
                const ds = await this.datastore(signal);
                await uploadPrefix(ds.client, prefix, await localFiles(abs), this.uploadOptions(signal));
            }
            type = st.isFile() ? 'uri_file' : 'uri_folder';
            uri = this.dsUri(st.isFile() ? prefix + path.basename(abs) : prefix);
        }
        this.inputs[kind] = { type, uri };
        return uri;
    }
    /** registers what the jobs share once: an environment per image, the code snapshot */
    async prepare(jobs, signal = this.opts.signal) {
        if (this.prepared)
            return;
        const c = this.opts.config;
        // the same plan gives the same tag: a retried run's jobs carry it too
        this.runTag = `evalgate_run_${sha12(jobs.map((j) => j.name).join('\n'))}`;
        for (const job of jobs) {
            const image = job.image ?? c.image;
            if (!image) {
                this.environments.set(job.name, c.environment);
                continue;
            }
            const envName = `evalgate-${sha12(image)}`;
            if (!this.opts.dryRun && ![...this.environments.values()].includes(`azureml:${envName}:1`)) {
                await this.arm.send('EnvironmentVersions_CreateOrUpdate', 'PUT', `/environments/${envName}/versions/1`, {
                    properties: { image, osType: 'Linux', description: `evalgate: ${image}` },
                }, [200, 201], signal);
            }
            this.environments.set(job.name, `azureml:${envName}:1`);
        }
        if (c.code.length) {
            const { files, sha } = await codeSnapshot(this.opts.cwd, this.opts.config.code, 'azure.code', signal);
            this.hashes.code = `sha256:${sha}`;
            const version = sha.slice(0, 16);
            if (!this.opts.dryRun) {
                const ds = await this.datastore(signal);
                const prefix = `${c.prefix}/code/${sha}/`;
                await uploadPrefix(ds.client, prefix, files, this.uploadOptions(signal));
                await this.arm.send('CodeVersions_CreateOrUpdate', 'PUT', `/codes/evalgate-code/versions/${version}`, {
                    properties: { codeUri: `${ds.serviceUrl}/${ds.container}/${prefix.replace(/\/$/, '')}`, description: 'evalgate: azure.code' },
                }, [200, 201], signal);
            }
            this.code = `azureml:evalgate-code:${version}`;
        }
        this.prepared = true;
    }
    hardware(job) {
        const t = job.resources.instance_type ?? this.opts.config.instanceType;
        return t ? { instance_type: String(t) } : {};
    }
    /** `name`: the attempt's, where it writes its output */
    vars(job, name = job.name) {
        const c = this.opts.config;
        return {
            compute: c.compute,
            environment: this.environments.get(job.name) ?? c.environment ?? '',
            experiment: c.experiment,
            code: this.code,
            model: this.inputs.model,
            data: this.inputs.data,
            outUri: this.dsUri(this.outPrefix(name)),
            instanceType: c.instanceType,
            instanceCount: c.instanceCount,
        };
    }
    /** --dry-run: each job's YAML, as `az ml job create --file` takes it and as evalgate sends it */
    async describe(jobs) {
        await this.prepare(jobs);
        const out = [];
        for (const job of jobs) {
            const { text } = await renderAzureJob(job, this.opts.gate, this.vars(job));
            const label = job.shard.count > 1 ? `${job.key} ${job.shard.index + 1}/${job.shard.count}` : job.key;
            out.push(`# ${job.name} (${label}) from platforms/job_templates/azure/job.yml\n${text.endsWith('\n') ? text : text + '\n'}`);
        }
        return out.join('\n');
    }
    async submit(job, signal = this.opts.signal) {
        await this.prepare([job], signal);
        // attach: a retried run finds the job it created before instead of starting a second one;
        // one that failed or was cancelled is submitted again as <name>-r2, -r3, …
        const found = await findAttempt(job.name, async (n) => {
            try {
                const res = (await this.arm.send('Jobs_Get', 'GET', `/jobs/${n}`, undefined, [200], signal)).body;
                const raw = String((res.properties ?? {}).status ?? 'Unknown');
                const state = mapAzureStatus(raw);
                return state === 'failed' || state === 'cancelled' || raw === 'CancelRequested' ? 'dead' : { live: res };
            }
            catch (e) {
                if (e instanceof ArmError && e.status === 404)
                    return null;
                throw e;
            }
        });
        const run = asAttempt(job, found.name);
        const { text, missing } = await renderAzureJob(run, this.opts.gate, this.vars(job, run.name));
        if (missing.length)
            throw new Error(`internal error: azure/job.yml uses unknown variables ${missing.join(', ')}`);
        const { name, body } = restJobBody(text, this.arm.base);
        // one tag key for every job of the run: statusMany lists them with `tag=<key>` (a tag
        // evalgate adds for itself; job.yml keeps the ones a user reads)
        body.properties.tags = { ...(body.properties.tags ?? {}), [this.runTag]: '1' };
        const tracked = { job, transientErrors: 0 };
        this.tracked.set(name, tracked);
        let resource = found.existing;
        if (!resource) {
            // the PUT names the job: a PUT the abort cut off after it was sent may have created it, and
            // a Jobs_Get of that name (within ORPHAN_LOOKUP_MS) finds it for the runner to cancel
            // (the pipeline's retries hide whether the last attempt was answered: it is always looked up)
            try {
                resource = (await this.arm.send('Jobs_CreateOrUpdate', 'PUT', `/jobs/${name}`, body, [200, 201], signal)).body;
            }
            catch (e) {
                if (!signal?.aborted)
                    throw e;
                const lookup = AbortSignal.timeout(ORPHAN_LOOKUP_MS);
                const lost = await this.arm.send('Jobs_Get', 'GET', `/jobs/${name}`, undefined, [200], lookup).catch(() => null);
                if (!lost)
                    throw e;
                resource = lost.body;
            }
        }
        tracked.url = studioUrl(resource) ?? this.fallbackUrl(name);
        return { job, id: name, url: tracked.url };
    }
    fallbackUrl(name) {
        const c = this.opts.config;
        const tid = this.opts.env.AZURE_TENANT_ID ? `&tid=${this.opts.env.AZURE_TENANT_ID}` : '';
        return `https://ml.azure.com/runs/${name}?wsid=/subscriptions/${c.subscription}/resourcegroups/${c.resourceGroup}/workspaces/${c.workspace}${tid}`;
    }
    async status(h, signal) {
        const t = this.track(h);
        let resource;
        try {
            await this.rate.take(signal);
            throwIfCancelled(signal);
            resource = (await this.arm.send('Jobs_Get', 'GET', `/jobs/${h.id}`, undefined, [200], signal)).body;
            t.transientErrors = 0;
        }
        catch (e) {
            // throttled or a server error after the pipeline's own retries: ask again next round
            if (e instanceof ArmError && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last)
                return t.last;
            throw e;
        }
        return this.fromResource(h, resource);
    }
    /**
     * Every job of the run from Jobs_List filtered by the run's tag key (`tag=`, "jobs returned will
     * have this tag key"), nextLink followed verbatim to the end (at most MAX_LIST_PAGES pages): one
     * read per page instead of one per job. A job it does not return (one a run before this one
     * created, without the tag) is left to status().
     */
    async statusMany(handles, signal) {
        const wanted = new Map(handles.map((h) => [h.id, h]));
        const out = new Map();
        let next = `/jobs?listViewType=ActiveOnly&tag=${encodeURIComponent(this.runTag)}`;
        for (let page = 0; next && page < MAX_LIST_PAGES && out.size < wanted.size; page++) {
            await this.rate.take(signal);
            throwIfCancelled(signal);
            const body = (await this.arm.send('Jobs_List', 'GET', next, undefined, [200], signal)).body;
            for (const r of Array.isArray(body.value) ? body.value : []) {
                const h = typeof r.name === 'string' ? wanted.get(r.name) : undefined;
                if (h) {
                    this.track(h).transientErrors = 0;
                    out.set(h.id, this.fromResource(h, r));
                }
            }
            next = typeof body.nextLink === 'string' && body.nextLink ? body.nextLink : undefined;
        }
        return out;
    }
    track(h) {
        const t = this.tracked.get(h.id) ?? { job: h.job, transientErrors: 0 };
        this.tracked.set(h.id, t);
        return t;
    }
    /** a job resource (Jobs_Get, or one item of Jobs_List) as evalgate's status */
    fromResource(h, resource) {
        const t = this.track(h);
        const props = (resource.properties ?? {});
        const raw = typeof props.status === 'string' ? props.status : 'Unknown';
        const state = mapAzureStatus(raw);
        if (state === 'running' && !t.startedAt)
            t.startedAt = Date.now();
        const status = { state, platformStatus: raw };
        if (t.startedAt)
            status.startedAt = t.startedAt;
        if (state === 'succeeded' || state === 'failed' || state === 'cancelled')
            status.finishedAt = Date.now();
        if (state === 'failed')
            status.message = `Azure ML job ${raw}${h.url ? ` (${h.url})` : ''}`;
        if (!(raw in AZURE_STATUS))
            status.message = `unknown Azure ML job status ${JSON.stringify(raw)}; waiting`;
        t.last = status;
        return status;
    }
    async logs(h, lines) {
        try {
            const ds = await this.datastore();
            const name = `ExperimentRun/dcid.${h.id}/user_logs/std_log.txt`;
            const tail = await blobTail(ds.logs, name, lines);
            return (tail ??
                `(no log: looked for ${name} in the ${ds.logs.containerName} container of storage account ${ds.logs.accountName}, ` +
                    `where Azure ML writes a command job's output once its container starts; the Studio link shows what happened before)`);
        }
        catch (e) {
            return `(the job's user_logs/std_log.txt could not be read: ${e.message})`;
        }
    }
    async collect(h, _dest, signal) {
        const ds = await this.datastore(signal);
        // a fresh folder of evalgate's: never one it did not create
        const dest = path.join(await freshFolder(path.join(this.opts.workDir, h.job.name)), 'out');
        const { files, refused } = await downloadPrefix(ds.client, this.outPrefix(h.id), dest, ['.json'], signal);
        if (refused.length)
            throw new Error(`job ${h.id} wrote blobs whose names are not plain relative paths (not downloaded): ${refused.slice(0, 5).join(', ')}`);
        return files;
    }
    /** asks Azure ML to cancel and waits (up to a minute, or until `deadline`) until the cancel is done */
    async cancel(h, deadline) {
        await cancelAzureJob(this.arm, h.id, undefined, deadline);
    }
    saved(h) {
        const c = this.opts.config;
        return {
            platform: 'azure',
            name: h.job.name,
            id: h.id,
            arm_endpoint: c.armEndpoint,
            subscription: c.subscription,
            resource_group: c.resourceGroup,
            workspace: c.workspace,
            ...(c.authorityHost ? { authority_host: c.authorityHost } : {}),
            api_version: AZURE_API_VERSION,
        };
    }
}
function studioUrl(resource) {
    const services = (resource.properties ?? {}).services;
    const url = services?.Studio?.endpoint;
    return typeof url === 'string' && /^https:\/\//.test(url) ? url : undefined;
}
/**
 * POST …/jobs/<id>/cancel (202 and a Location to poll), then polls that Location until it stops
 * answering 202. A job already finished answers without a Location: nothing to wait for.
 */
async function cancelAzureJob(arm, id, waitMs = CANCEL_WAIT_MS, deadline) {
    const res = await arm.send('Jobs_Cancel', 'POST', `/jobs/${id}/cancel`, undefined, [200, 202, 204], deadline);
    const location = res.headers.location;
    if (res.status !== 202 || !location)
        return;
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
        const after = Number(res.headers['retry-after']);
        await (0,abort/* sleepUnlessAborted */.bp)(Math.min(10_000, Math.max(200, Number.isFinite(after) ? after * 1000 : 1000)), deadline);
        // the cancel's own budget ran out (a throttled platform): the cancel was accepted (202)
        if (deadline?.aborted)
            return;
        let poll;
        try {
            poll = await arm.send('Jobs_Cancel_Poll', 'GET', location, undefined, [200, 202, 204], deadline);
        }
        catch (e) {
            if (deadline?.aborted)
                return;
            throw e;
        }
        if (poll.status !== 202)
            return;
    }
    throw new Error(`Azure ML did not finish cancelling job ${id} within ${Math.round(waitMs / 1000)} s`);
}

;// CONCATENATED MODULE: ./src/platforms/azure/cancel-saved.ts



async function cancelSavedAzure(jobs, env, opts = {}) {
    const out = [];
    const clients = new Map();
    for (const job of jobs) {
        const ws = {
            armEndpoint: String(job.arm_endpoint ?? 'https://management.azure.com'),
            subscription: String(job.subscription ?? ''),
            resourceGroup: String(job.resource_group ?? ''),
            workspace: String(job.workspace ?? ''),
        };
        const authorityHost = typeof job.authority_host === 'string' ? job.authority_host : undefined;
        const key = JSON.stringify([ws, authorityHost]);
        let arm = clients.get(key);
        if (!arm) {
            arm = new arm_Arm(ws, azureCredential(env, { authorityHost }));
            clients.set(key, arm);
        }
        try {
            await cancelAzureJob(arm, job.id, opts.waitMs);
            out.push({ job, result: 'cancelled', detail: `Azure ML job ${job.id} in ${ws.workspace}` });
        }
        catch (e) {
            out.push({ job, result: 'failed', detail: e.message });
        }
    }
    return out;
}


/***/ }),

/***/ 91178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports localFiles, codeSnapshot */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7903);
/**
 * Local files as a cloud platform stages them: every file below a path, and the code snapshot
 * (`<platform>.code`: paths under the working directory, kept at their relative paths so that
 * commands written for the repository checkout run unchanged from the snapshot).
 */




/** every file below a local path: [relative posix path, absolute path]; a file is [its basename, itself] */
async function localFiles(root) {
    const st = await fs.stat(root);
    if (st.isFile())
        return [[path.basename(root), root]];
    const out = [];
    const walk = async (dir) => {
        for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, e.name);
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                out.push([path.relative(root, full).split(path.sep).join('/'), full]);
        }
    };
    await walk(root);
    return out;
}
/**
 * The files of `paths` (relative to `cwd`, never outside it) at their relative paths, and the
 * sha256 of the whole (names and contents): the snapshot's content address.
 */
async function codeSnapshot(cwd, paths, key, signal) {
    const files = [];
    for (const p of paths) {
        const abs = path.resolve(cwd, p);
        const rel = path.relative(cwd, abs);
        if (rel.startsWith('..') || path.isAbsolute(rel))
            throw new Error(`${key}: ${p} is outside the working directory`);
        const st = await fs.stat(abs).catch(() => null);
        if (!st)
            throw new Error(`${key}: ${p}: no such file or folder`);
        const base = rel.split(path.sep).join('/');
        for (const [r, a] of await localFiles(abs))
            files.push([st.isFile() ? base : base ? `${base}/${r}` : r, a]);
    }
    files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // overlapping paths (a folder and a file in it) name a file once
    const unique = files.filter(([rel], i) => i === 0 || files[i - 1][0] !== rel);
    const h = createHash('sha256');
    for (const [rel, abs] of unique)
        h.update(`${rel}\u0000${await contentHash(abs, signal)}\n`);
    return { files: unique, sha: h.digest('hex') };
}


/***/ }),

/***/ 71177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nk: () => (/* binding */ stagingSchema),
/* harmony export */   Pg: () => (/* binding */ STAGING_LIMITS),
/* harmony export */   Te: () => (/* binding */ throwIfAborted)
/* harmony export */ });
/* unused harmony exports SIZE_SYNTAX, parseSize, formatSize, resolveStaging, partSizeFor, checkpointFile, writeCheckpoint, serialWriter, readCheckpoint */
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
    return path.join(dir, `${storage}-${createHash('sha256').update(object).digest('hex').slice(0, 32)}.json`);
}
/** writes a checkpoint whole or not at all (a kill mid-write leaves the previous one) */
async function writeCheckpoint(file, record) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(record));
    await fs.rename(tmp, file);
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
        return JSON.parse(await fs.readFile(file, 'utf8'));
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

/* unused harmony export safeJoin */
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
    const root = path.resolve(dest);
    const full = path.resolve(root, ...segs);
    return full.startsWith(root + path.sep) ? full : null;
}


/***/ })

};
