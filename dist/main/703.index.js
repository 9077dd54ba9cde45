export const id = 703;
export const ids = [703];
export const modules = {

/***/ 93008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ asAttempt),
/* harmony export */   GU: () => (/* binding */ confirmName),
/* harmony export */   Vb: () => (/* binding */ findAttempt)
/* harmony export */ });
/* unused harmony exports MAX_ATTEMPTS, attemptName */
/**
 * Attempts of one deterministic job name (SPEC §1): a retried submission attaches to the job found
 * under its name, but a job found there that already failed or was cancelled is not reused: the
 * job is submitted again as `<name>-r2`, then `-r3`, … The names are looked up in that order, so a
 * re-run of a re-run attaches to the newest attempt that is live (queued, running) or succeeded
 * instead of starting yet another.
 */
/** attempts looked up before evalgate gives up (a job that failed this often needs a person) */
const MAX_ATTEMPTS = 50;
/** `<name>` for the first attempt, `<name>-r<n>` after it (at most 5 characters longer) */
function attemptName(name, attempt) {
    return attempt <= 1 ? name : `${name}-r${attempt}`;
}
/**
 * The attempt to use: the first name in order with no job under it (submit there), unless a live
 * or succeeded job is found first (attach to it). `lookup` says what is under a name.
 */
async function findAttempt(name, lookup) {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const n = attemptName(name, attempt);
        const found = await lookup(n, attempt);
        if (found === null)
            return { name: n, attempt };
        if (found !== 'dead')
            return { name: n, attempt, existing: found.live };
    }
    throw new Error(`job ${name}: ${MAX_ATTEMPTS} attempts under this run id already failed or were cancelled; not submitting another (set another EVALGATE_RUN_ID or re-run the workflow)`);
}
/** the job as its attempt runs: its name (and EVALGATE_JOB_NAME) that of the attempt */
function asAttempt(job, name) {
    if (name === job.name)
        return job;
    return { ...job, name, env: { ...job.env, EVALGATE_JOB_NAME: name } };
}
/**
 * The name of a job's confirm attempt (SPEC §9 `confirm`): `<name>-c2`, `-c3`, … A rerun for
 * confirmation is a new measurement, so it never attaches to the first attempt (which succeeded);
 * it is still deterministic, so a retried workflow attaches to the rerun it started, and a rerun
 * that failed is submitted again as `<name>-c2-r2` by the ordinary lookup above.
 */
function confirmName(name, attempt) {
    return `${name}-c${attempt}`;
}


/***/ }),

/***/ 87046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zj: () => (/* binding */ Arm),
  dW: () => (/* binding */ ArmError)
});

// UNUSED EXPORTS: workspaceId

// EXTERNAL MODULE: ./node_modules/@typespec/ts-http-runtime/dist/esm/index.js + 19 modules
var esm = __webpack_require__(76503);
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/restError.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

function createRestError(messageOrResponse, response) {
    if (typeof messageOrResponse === "string") {
        return tspCreateRestError(messageOrResponse, response);
    }
    else {
        return tspCreateRestError(messageOrResponse);
    }
}
//# sourceMappingURL=restError.js.map
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 37 modules
var dist_esm = __webpack_require__(1818);
// EXTERNAL MODULE: ./node_modules/@azure/core-auth/dist/esm/index.js + 4 modules
var core_auth_dist_esm = __webpack_require__(98365);
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/apiVersionPolicy.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
const apiVersionPolicyName = "ApiVersionPolicy";
/**
 * Creates a policy that sets the apiVersion as a query parameter on every request
 * @param options - Client options
 * @returns Pipeline policy that sets the apiVersion as a query parameter on every request
 */
function apiVersionPolicy(options) {
    return {
        name: apiVersionPolicyName,
        sendRequest: (req, next) => {
            // Use the apiVesion defined in request url directly
            // Append one if there is no apiVesion and we have one at client options
            const url = new URL(req.url);
            if (!url.searchParams.get("api-version") && options.apiVersion) {
                req.url = `${req.url}${url.searchParams.size > 0 ? "&" : "?"}api-version=${options.apiVersion}`;
            }
            return next(req);
        },
    };
}
//# sourceMappingURL=apiVersionPolicy.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/keyCredentialAuthenticationPolicy.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * The programmatic identifier of the bearerTokenAuthenticationPolicy.
 */
const keyCredentialAuthenticationPolicyName = "keyCredentialAuthenticationPolicy";
function keyCredentialAuthenticationPolicy(credential, apiKeyHeaderName) {
    return {
        name: keyCredentialAuthenticationPolicyName,
        sendRequest(request, next) {
            request.headers.set(apiKeyHeaderName, credential.key);
            return next(request);
        },
    };
}
//# sourceMappingURL=keyCredentialAuthenticationPolicy.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/clientHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.




/**
 * Adds a credential policy to the pipeline if a credential is provided. If none is provided, no policy is added.
 */
function addCredentialPipelinePolicy(pipeline, endpoint, options = {}) {
    const { credential, clientOptions } = options;
    if (!credential) {
        return;
    }
    if ((0,core_auth_dist_esm/* isTokenCredential */.Zp)(credential)) {
        const tokenPolicy = (0,dist_esm/* bearerTokenAuthenticationPolicy */.N$)({
            credential,
            scopes: clientOptions?.credentials?.scopes ?? `${endpoint}/.default`,
        });
        pipeline.addPolicy(tokenPolicy);
    }
    else if (isKeyCredential(credential)) {
        if (!clientOptions?.credentials?.apiKeyHeaderName) {
            throw new Error(`Missing API Key Header Name`);
        }
        const keyPolicy = keyCredentialAuthenticationPolicy(credential, clientOptions?.credentials?.apiKeyHeaderName);
        pipeline.addPolicy(keyPolicy);
    }
}
/**
 * Creates a default rest pipeline to re-use accross Rest Level Clients
 */
function createDefaultPipeline(endpoint, credential, options = {}) {
    const pipeline = (0,dist_esm/* createPipelineFromOptions */.Fp)(options);
    pipeline.addPolicy(apiVersionPolicy(options));
    addCredentialPipelinePolicy(pipeline, endpoint, { credential, clientOptions: options });
    return pipeline;
}
function isKeyCredential(credential) {
    return (typeof credential === "object" &&
        credential !== null &&
        "key" in credential &&
        typeof credential.key === "string");
}
//# sourceMappingURL=clientHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/operationOptionHelpers.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

/**
 * Helper function to convert OperationOptions to RequestParameters
 * @param options - the options that are used by Modular layer to send the request
 * @returns the result of the conversion in RequestParameters of RLC layer
 */
function operationOptionsToRequestParameters(options) {
    const tspRequestParameters = tspOperationOptionsToRequestParameters(options);
    return {
        ...tspRequestParameters,
        tracingOptions: options.tracingOptions,
    };
}
//# sourceMappingURL=operationOptionHelpers.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/getClient.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.



/**
 * Function to wrap RequestParameters so that we get the legacy onResponse behavior in core-client-rest
 */
function wrapRequestParameters(parameters) {
    if (parameters.onResponse) {
        return {
            ...parameters,
            onResponse(rawResponse, error) {
                parameters.onResponse?.(rawResponse, error, error);
            },
        };
    }
    return parameters;
}
function getClient(endpoint, credentialsOrPipelineOptions, clientOptions = {}) {
    let credentials;
    if (credentialsOrPipelineOptions) {
        if (isCredential(credentialsOrPipelineOptions)) {
            credentials = credentialsOrPipelineOptions;
        }
        else {
            clientOptions = credentialsOrPipelineOptions ?? {};
        }
    }
    const pipeline = clientOptions.pipeline ?? createDefaultPipeline(endpoint, credentials, clientOptions);
    const tspClient = (0,esm/* getClient */.KU)(endpoint, {
        ...clientOptions,
        pipeline,
    });
    const client = (path, ...args) => {
        return {
            get: (requestOptions = {}) => {
                return tspClient.path(path, ...args).get(wrapRequestParameters(requestOptions));
            },
            post: (requestOptions = {}) => {
                return tspClient.path(path, ...args).post(wrapRequestParameters(requestOptions));
            },
            put: (requestOptions = {}) => {
                return tspClient.path(path, ...args).put(wrapRequestParameters(requestOptions));
            },
            patch: (requestOptions = {}) => {
                return tspClient.path(path, ...args).patch(wrapRequestParameters(requestOptions));
            },
            delete: (requestOptions = {}) => {
                return tspClient.path(path, ...args).delete(wrapRequestParameters(requestOptions));
            },
            head: (requestOptions = {}) => {
                return tspClient.path(path, ...args).head(wrapRequestParameters(requestOptions));
            },
            options: (requestOptions = {}) => {
                return tspClient.path(path, ...args).options(wrapRequestParameters(requestOptions));
            },
            trace: (requestOptions = {}) => {
                return tspClient.path(path, ...args).trace(wrapRequestParameters(requestOptions));
            },
        };
    };
    return {
        path: client,
        pathUnchecked: client,
        pipeline: tspClient.pipeline,
    };
}
function isCredential(param) {
    return (0,core_auth_dist_esm/* isKeyCredential */.NO)(param) || (0,core_auth_dist_esm/* isTokenCredential */.Zp)(param);
}
//# sourceMappingURL=getClient.js.map
;// CONCATENATED MODULE: ./node_modules/@azure-rest/core-client/dist/esm/index.js
// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.
/**
 * Azure Rest Core Client library for JavaScript
 * @packageDocumentation
 */





//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: ./src/platforms/azure/config.ts
var config = __webpack_require__(47468);
// EXTERNAL MODULE: ./src/platforms/azure/credential.ts
var azure_credential = __webpack_require__(86183);
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
class ArmError extends Error {
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
class Arm {
    ws;
    client;
    base;
    /** every request this client sent, by operation (the polling cost the README reports) */
    counts = new Map();
    constructor(ws, credential, opts = {}) {
        this.ws = ws;
        this.base = workspaceId(ws);
        this.client = getClient(ws.armEndpoint, credential, {
            apiVersion: config/* AZURE_API_VERSION */.ob,
            credentials: { scopes: [(0,azure_credential/* armScope */.Rz)(ws.armEndpoint)] },
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
            throw new ArmError(status, code, message, operation);
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


/***/ }),

/***/ 56703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Lk: () => (/* binding */ AzurePlatform),
  Bk: () => (/* binding */ cancelAzureJob)
});

// UNUSED EXPORTS: AZURE_STATUS, AZURE_STATUS_RATE, mapAzureStatus, studioUrl

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/stores/fs.ts
var fs = __webpack_require__(23135);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
// EXTERNAL MODULE: ./src/platforms/azure/arm.ts + 7 modules
var arm = __webpack_require__(87046);
// EXTERNAL MODULE: ./src/platforms/abort.ts
var abort = __webpack_require__(24550);
// EXTERNAL MODULE: ./src/platforms/azure/config.ts
var config = __webpack_require__(47468);
// EXTERNAL MODULE: ./src/platforms/azure/blob.ts
var blob = __webpack_require__(78401);
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
const AZURE_LOCATIONS = { model: '${{inputs.model}}', data: '${{inputs.data}}', out: '${{outputs.results}}' };
const AZURE_ENV = {
    EVALGATE_OUT: AZURE_LOCATIONS.out,
    EVALGATE_MODEL: AZURE_LOCATIONS.model,
    EVALGATE_DATA: AZURE_LOCATIONS.data,
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
        ...(0,templates/* jobVars */.K3)(job, gate),
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
async function renderAzureJob(job, gate, v) {
    return (0,templates/* renderTemplate */.Xm)(await (0,templates/* readTemplate */.xV)('azure'), azureTemplateVars(job, gate, v), 'yaml');
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
function restJobBody(yamlText, workspaceId) {
    const spec = (0,dist/* parse */.qg)(yamlText);
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
// EXTERNAL MODULE: ./src/platforms/attempts.ts
var attempts = __webpack_require__(93008);
// EXTERNAL MODULE: ./src/platforms/rate.ts
var rate = __webpack_require__(52192);
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
const sha12 = (s) => (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex').slice(0, 12);
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
        this.rate = new rate/* RateLimiter */.v(opts.statusRate?.perSecond ?? AZURE_STATUS_RATE.perSecond, opts.statusRate?.burst ?? AZURE_STATUS_RATE.burst);
        this.arm = new arm/* Arm */.zj({ armEndpoint: c.armEndpoint, subscription: c.subscription, resourceGroup: c.resourceGroup, workspace: c.workspace }, opts.credential, { maxRetries: opts.maxRetries });
    }
    datastore(signal) {
        // the first caller's signal (the run's) ends the reads; a later one stops waiting for them
        this.ds ??= (0,blob/* resolveDatastore */.iE)(this.arm, this.opts.config.datastore, this.opts.credential, this.opts.env, this.opts.config.blobEndpoint, signal ?? this.opts.signal);
        this.ds.catch(() => (this.ds = undefined));
        return (0,abort/* raceAbort */.Mu)(this.ds, signal);
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
        if ((0,fs/* isUri */.nh)(localOrUri)) {
            const m = /^azblob:\/\/([^/]+)\/([^/]+)\/(.*)$/.exec(localOrUri);
            uri = m ? `https://${m[1]}.blob.core.windows.net/${m[2]}/${m[3]}` : localOrUri;
            type = uriType(uri);
        }
        else {
            const abs = external_node_path_default().resolve(this.opts.cwd, localOrUri);
            const st = await external_node_fs_.promises.stat(abs);
            const sha = await (0,templates/* contentHash */.Ae)(abs, signal);
            this.hashes[kind] = `sha256:${sha}`;
            const prefix = `${this.opts.config.prefix}/cas/${sha}/`;
            if (!this.opts.dryRun) {
                const ds = await this.datastore(signal);
                await (0,blob/* uploadPrefix */.kL)(ds.client, prefix, await (0,snapshot/* localFiles */.J)(abs), this.uploadOptions(signal));
            }
            type = st.isFile() ? 'uri_file' : 'uri_folder';
            uri = this.dsUri(st.isFile() ? prefix + external_node_path_default().basename(abs) : prefix);
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
            const { files, sha } = await (0,snapshot/* codeSnapshot */.Y)(this.opts.cwd, this.opts.config.code, 'azure.code', signal);
            this.hashes.code = `sha256:${sha}`;
            const version = sha.slice(0, 16);
            if (!this.opts.dryRun) {
                const ds = await this.datastore(signal);
                const prefix = `${c.prefix}/code/${sha}/`;
                await (0,blob/* uploadPrefix */.kL)(ds.client, prefix, files, this.uploadOptions(signal));
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
        const found = await (0,attempts/* findAttempt */.Vb)(job.name, async (n) => {
            try {
                const res = (await this.arm.send('Jobs_Get', 'GET', `/jobs/${n}`, undefined, [200], signal)).body;
                const raw = String((res.properties ?? {}).status ?? 'Unknown');
                const state = mapAzureStatus(raw);
                return state === 'failed' || state === 'cancelled' || raw === 'CancelRequested' ? 'dead' : { live: res };
            }
            catch (e) {
                if (e instanceof arm/* ArmError */.dW && e.status === 404)
                    return null;
                throw e;
            }
        });
        const run = (0,attempts/* asAttempt */.Ae)(job, found.name);
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
            (0,abort/* throwIfCancelled */.dZ)(signal);
            resource = (await this.arm.send('Jobs_Get', 'GET', `/jobs/${h.id}`, undefined, [200], signal)).body;
            t.transientErrors = 0;
        }
        catch (e) {
            // throttled or a server error after the pipeline's own retries: ask again next round
            if (e instanceof arm/* ArmError */.dW && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last)
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
            (0,abort/* throwIfCancelled */.dZ)(signal);
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
            const tail = await (0,blob/* blobTail */.ob)(ds.logs, name, lines);
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
        const dest = external_node_path_default().join(await (0,owned/* freshFolder */.lj)(external_node_path_default().join(this.opts.workDir, h.job.name)), 'out');
        const { files, refused } = await (0,blob/* downloadPrefix */.hq)(ds.client, this.outPrefix(h.id), dest, ['.json'], signal);
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
            api_version: config/* AZURE_API_VERSION */.ob,
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


/***/ }),

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

/***/ 47468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fk: () => (/* binding */ parseAzureConfig),
/* harmony export */   ob: () => (/* binding */ AZURE_API_VERSION)
/* harmony export */ });
/* unused harmony export schema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38816);
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71177);
/* harmony import */ var _section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52687);
/** The `azure` section of the config: the workspace, where jobs run, and how to reach Azure. */



/** The ARM api-version evalgate speaks (the newest stable with the same CommandJob shape as 2022-10-01). */
const AZURE_API_VERSION = '2025-09-01';
const name = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: what }).min(1, { error: what });
const schema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    subscription: name('a subscription id').optional(),
    subscription_id: name('a subscription id').optional(),
    resource_group: name('a resource group name'),
    workspace: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a workspace name' })
        .regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/, { error: 'a workspace name (3 to 33 letters, digits, - and _)' }),
    compute: name('a compute name or ARM id'),
    environment: name('an environment (azureml:<name>:<version>, an azureml://registries/… id or an ARM id)').optional(),
    image: name('a container image').optional(),
    experiment: name('an experiment name').optional(),
    datastore: name('a datastore name').optional(),
    prefix: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a path prefix in the datastore' })
        .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
        .optional(),
    code: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([name('a path'), zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(name('a path')).min(1)], { error: 'a path or a list of paths' }).optional(),
    instance_type: name('a VM size').optional(),
    instance_count: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: 'a whole number' }).int({ error: 'a whole number' }).min(1).optional(),
    poll_interval_seconds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: 'a number of seconds' }).positive({ error: 'more than 0 seconds' }).max(300).optional(),
    arm_endpoint: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    authority_host: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    blob_endpoint: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ protocol: /^https?$/, error: 'an http(s):// URL' }).optional(),
    staging: _staging_js__WEBPACK_IMPORTED_MODULE_0__/* .stagingSchema */ .Nk.optional(),
}, { error: 'a mapping' });
function parseAzureConfig(section, file, env) {
    const parsed = schema.safeParse(section ?? {});
    if (!parsed.success) {
        return {
            config: null,
            problems: (0,_section_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionProblems */ .g)(parsed.error.issues, section, file, 'azure', Object.keys(schema.shape)),
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

/***/ 52192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ RateLimiter)
/* harmony export */ });
/**
 * A token bucket for the requests one run sends to a platform's status API (list pages and
 * per-job reads alike): at most `perSecond` on average, `burst` at once. Each platform sets it well
 * under its documented limit (docs/platforms/*.md names the limit and its source), so a wide
 * fan-out never throttles itself, whatever the mix of list calls and per-job fallbacks.
 */
class RateLimiter {
    perSecond;
    burst;
    tokens;
    last = Date.now();
    queue = Promise.resolve();
    /** requests let through, and the most let through in any one second (what tests and the bench read) */
    taken = 0;
    constructor(perSecond, burst = Math.max(1, Math.floor(perSecond))) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = this.burst;
    }
    refill() {
        const now = Date.now();
        this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
        this.last = now;
    }
    /** waits for a token (callers are served in order); an abort ends the wait at once */
    take(signal) {
        const turn = this.queue.then(async () => {
            for (;;) {
                if (signal?.aborted)
                    return;
                this.refill();
                if (this.tokens >= 1) {
                    this.tokens -= 1;
                    this.taken++;
                    return;
                }
                const waitMs = Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
                await new Promise((resolve) => {
                    const t = setTimeout(done, waitMs);
                    function done() {
                        clearTimeout(t);
                        signal?.removeEventListener('abort', done);
                        resolve();
                    }
                    signal?.addEventListener('abort', done, { once: true });
                });
            }
        });
        this.queue = turn.catch(() => { });
        return turn;
    }
}


/***/ }),

/***/ 52687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ pathValue),
/* harmony export */   g: () => (/* binding */ sectionProblems)
/* harmony export */ });
function pathValue(v, p) {
    let cur = v;
    for (const k of p)
        cur = cur && typeof cur === 'object' ? cur[k] : undefined;
    return cur;
}
function sectionProblems(issues, section, file, platform, knownKeys) {
    return issues.map((i) => {
        const at = pathValue(section, i.path);
        const unknownKeys = i.code === 'unrecognized_keys';
        return {
            file,
            path: [platform, ...i.path.map(String)].join('.'),
            expected: unknownKeys ? `one of the known keys (${knownKeys.join(', ')})` : at === undefined ? `${i.message} (required)` : i.message,
            found: unknownKeys ? (i.keys?.join(', ') ?? '') : at === undefined ? 'nothing' : JSON.stringify(at),
        };
    });
}


/***/ }),

/***/ 91178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ localFiles),
/* harmony export */   Y: () => (/* binding */ codeSnapshot)
/* harmony export */ });
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
    const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(root);
    if (st.isFile())
        return [[node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(root), root]];
    const out = [];
    const walk = async (dir) => {
        for (const e of (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name);
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                out.push([node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, full).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/'), full]);
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
        const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, p);
        const rel = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, abs);
        if (rel.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(rel))
            throw new Error(`${key}: ${p} is outside the working directory`);
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(abs).catch(() => null);
        if (!st)
            throw new Error(`${key}: ${p}: no such file or folder`);
        const base = rel.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/');
        for (const [r, a] of await localFiles(abs))
            files.push([st.isFile() ? base : base ? `${base}/${r}` : r, a]);
    }
    files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // overlapping paths (a folder and a file in it) name a file once
    const unique = files.filter(([rel], i) => i === 0 || files[i - 1][0] !== rel);
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const [rel, abs] of unique)
        h.update(`${rel}\u0000${await (0,_templates_js__WEBPACK_IMPORTED_MODULE_3__/* .contentHash */ .Ae)(abs, signal)}\n`);
    return { files: unique, sha: h.digest('hex') };
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
