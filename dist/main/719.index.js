export const id = 719;
export const ids = [719];
export const modules = {

/***/ 66477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cl: () => (/* binding */ parseBailianConfig),
/* harmony export */   MW: () => (/* binding */ DLC_API_VERSION),
/* harmony export */   Nh: () => (/* binding */ DEFAULT_STS_ENDPOINT),
/* harmony export */   fv: () => (/* binding */ DEFAULT_OIDC_AUDIENCE)
/* harmony export */ });
/* unused harmony exports DLC_JOB_TYPES, schema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38816);
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71177);
/* harmony import */ var _section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52687);
/**
 * The `bailian` section of the config (platform `bailian`, alias `bairui`): the PAI-DLC workspace
 * the jobs run in, what they run on, the OSS bucket they read and write, and how to reach both.
 *
 * Bailian (Model Studio) itself runs no custom jobs: an evaluation in a custom container on
 * Alibaba Cloud is a PAI-DLC job (Deep Learning Containers) reading and writing OSS.
 */



/** The PAI-DLC API version evalgate speaks (product `pai-dlc`, ROA style). */
const DLC_API_VERSION = '2020-12-03';
/** JobType values CreateJob takes (case-sensitive; pai-dlc-20201203 CreateJobRequest.ts). */
const DLC_JOB_TYPES = [
    'TFJob',
    'PyTorchJob',
    'MPIJob',
    'XGBoostJob',
    'OneFlowJob',
    'ElasticBatchJob',
    'SlurmJob',
    'RayJob',
];
/** the audience aliyun/configure-aliyun-credentials-action asks GitHub for, and RAM's OIDC providers expect by default */
const DEFAULT_OIDC_AUDIENCE = 'sts.aliyuncs.com';
/** the public STS endpoint (what @alicloud/credentials uses without a region) */
const DEFAULT_STS_ENDPOINT = 'sts.aliyuncs.com';
const name = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: what }).min(1, { error: what });
const host = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: what })
    .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/, { error: `${what} (a host name and optional port, without https://)` });
const positive = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: what }).positive({ error: what });
const dataSource = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
    name('a registered data source id'),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        id: name('a registered data source id (DataSourceId)'),
        mount_path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'an absolute path in the container' })
            .regex(/^\/[^\0]*[^/]$/, { error: 'an absolute path in the container' })
            .optional(),
    }, { error: 'a mapping of id and mount_path' }),
], { error: 'a data source id, or a mapping of id and mount_path' });
const schema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    region: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a region id such as cn-hangzhou' })
        .regex(/^[a-z]{2,}-[a-z0-9-]+$/, { error: 'a region id such as cn-hangzhou' })
        .optional(),
    workspace_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([name('a PAI workspace id'), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive()], { error: 'a PAI workspace id' }),
    image: name('a container image (e.g. registry-vpc.cn-hangzhou.aliyuncs.com/<namespace>/<repo>:<tag>)'),
    job_type: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(DLC_JOB_TYPES, { error: `one of ${DLC_JOB_TYPES.join(', ')}` }).optional(),
    ecs_spec: name('an ECS instance type (e.g. ecs.g6.xlarge)').optional(),
    resource_id: name('a resource quota id').optional(),
    cpu: positive('a number of CPU cores').optional(),
    memory_gb: positive('a memory size in GiB').optional(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig({ error: 'a whole number ≥ 0' }).int({ error: 'a whole number ≥ 0' }).min(0, { error: 'a whole number ≥ 0' }).optional(),
    gpu_type: name('a GPU type').optional(),
    shared_memory_gb: positive('a shared memory size in GiB').optional(),
    oss_bucket: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'an OSS bucket name' })
        .regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, { error: 'an OSS bucket name (3 to 63 lower-case letters, digits and -)' }),
    oss_prefix: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a path prefix in the bucket' })
        .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: 'a path prefix of letters, digits, . _ - and /' })
        .optional(),
    oss_endpoint: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'an OSS endpoint' })
        .regex(/^(https?:\/\/)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?\/?$/, {
        error: 'an OSS endpoint (oss-<region>.aliyuncs.com, or an http(s):// URL)',
    })
        .optional(),
    endpoint: host('the PAI-DLC endpoint').optional(),
    protocol: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['HTTPS', 'HTTP', 'https', 'http'], { error: 'HTTPS or HTTP' }).optional(),
    sts_endpoint: host('the STS endpoint').optional(),
    oidc_role_arn: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a RAM role ARN' })
        .regex(/^acs:ram::\d+:role\/.+$/, { error: 'a RAM role ARN (acs:ram::<account id>:role/<name>)' })
        .optional(),
    oidc_provider_arn: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP({ error: 'a RAM OIDC provider ARN' })
        .regex(/^acs:ram::\d+:oidc-provider\/.+$/, { error: 'a RAM OIDC provider ARN (acs:ram::<account id>:oidc-provider/<name>)' })
        .optional(),
    oidc_audience: name('the OIDC audience').optional(),
    data_sources: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(dataSource, { error: 'a list of data source ids' }).optional(),
    code: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([name('a path'), zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(name('a path')).min(1)], { error: 'a path or a list of paths' }).optional(),
    poll_interval_seconds: positive('a number of seconds').max(300, { error: 'at most 300 seconds' }).optional(),
    staging: _staging_js__WEBPACK_IMPORTED_MODULE_0__/* .stagingSchema */ .Nk.optional(),
}, { error: 'a mapping' });
function parseBailianConfig(section, file, env) {
    const parsed = schema.safeParse(section ?? {});
    if (!parsed.success) {
        return {
            config: null,
            problems: (0,_section_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionProblems */ .g)(parsed.error.issues, section, file, 'bailian', Object.keys(schema.shape)),
        };
    }
    const c = parsed.data;
    const problems = [];
    const problem = (key, expected, found) => {
        problems.push({ file, path: `bailian.${key}`, expected, found: found === undefined ? 'nothing' : JSON.stringify(found) });
    };
    if (Boolean(c.oidc_role_arn) !== Boolean(c.oidc_provider_arn)) {
        if (c.oidc_role_arn)
            problem('oidc_provider_arn', 'the RAM OIDC provider of GitHub (needed with bailian.oidc_role_arn)', c.oidc_provider_arn);
        else
            problem('oidc_role_arn', 'the RAM role to assume (needed with bailian.oidc_provider_arn)', c.oidc_role_arn);
    }
    const sizing = ['cpu', 'memory_gb', 'gpus', 'gpu_type', 'shared_memory_gb'].filter((k) => c[k] !== undefined);
    if (sizing.length && !c.resource_id)
        problem(sizing[0], 'nothing without bailian.resource_id: public resources are sized by bailian.ecs_spec (cpu, memory_gb, gpus, gpu_type and shared_memory_gb size the pods of a quota)', c[sizing[0]]);
    if (sizing.length && c.resource_id && c.ecs_spec)
        problem('ecs_spec', `either bailian.ecs_spec or bailian.${sizing.join('/')} (the ResourceConfig of a quota), not both`, c.ecs_spec);
    if (problems.length)
        return { config: null, problems };
    const region = c.region ?? env.ALIBABA_CLOUD_REGION ?? 'cn-hangzhou';
    const ossEndpoint = (c.oss_endpoint ?? `oss-${region}.aliyuncs.com`).replace(/\/+$/, '');
    const config = {
        region,
        workspaceId: String(c.workspace_id),
        image: c.image,
        jobType: c.job_type ?? 'PyTorchJob',
        ossBucket: c.oss_bucket,
        ossPrefix: c.oss_prefix ?? 'evalgate',
        ossEndpoint: /^https?:\/\//.test(ossEndpoint) ? ossEndpoint : `https://${ossEndpoint}`,
        ossMountEndpoint: `oss-${region}-internal.aliyuncs.com`,
        endpoint: c.endpoint ?? `pai-dlc.${region}.aliyuncs.com`,
        protocol: (c.protocol ?? 'HTTPS').toUpperCase(),
        oidcAudience: c.oidc_audience ?? DEFAULT_OIDC_AUDIENCE,
        dataSources: (c.data_sources ?? []).map((d) => (typeof d === 'string' ? { id: d } : { id: d.id, mountPath: d.mount_path })),
        code: c.code === undefined ? [] : Array.isArray(c.code) ? c.code : [c.code],
        pollIntervalMs: Math.round((c.poll_interval_seconds ?? 10) * 1000),
        ...(c.staging ? { staging: c.staging } : {}),
    };
    if (c.resource_id) {
        config.resourceId = c.resource_id;
        if (c.ecs_spec)
            config.ecsSpec = c.ecs_spec;
        else
            config.resourceConfig = {
                cpu: c.cpu ?? 4,
                memoryGb: c.memory_gb ?? 16,
                gpus: c.gpus ?? 0,
                ...(c.gpu_type ? { gpuType: c.gpu_type } : {}),
                ...(c.shared_memory_gb ? { sharedMemoryGb: c.shared_memory_gb } : {}),
            };
    }
    else
        config.ecsSpec = c.ecs_spec ?? 'ecs.g6.xlarge';
    if (c.sts_endpoint)
        config.stsEndpoint = c.sts_endpoint;
    if (c.oidc_role_arn)
        config.oidcRoleArn = c.oidc_role_arn;
    if (c.oidc_provider_arn)
        config.oidcProviderArn = c.oidc_provider_arn;
    return { config, problems: [] };
}


/***/ }),

/***/ 19542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ alibabaCredential),
/* harmony export */   lu: () => (/* binding */ EvalgateAlibabaCredential)
/* harmony export */ });
/* unused harmony exports alibabaSource, stsMessage, roleSessionName */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91659);
/* harmony import */ var _alicloud_credentials__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80477);
/* harmony import */ var _alicloud_credentials__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_alicloud_credentials__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(70626);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66477);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31836);
/**
 * Alibaba Cloud credentials in the order a GitHub user expects, each used only when its
 * configuration is present (through @alicloud/credentials, which signs nothing itself: it hands the
 * keys to @alicloud/openapi-client and ali-oss):
 *
 * 1. an AccessKey from the environment: ALIBABA_CLOUD_ACCESS_KEY_ID and
 *    ALIBABA_CLOUD_ACCESS_KEY_SECRET, with ALIBABA_CLOUD_SECURITY_TOKEN when they are STS keys
 *    (what aliyun/configure-aliyun-credentials-action exports);
 * 2. GitHub OIDC without long-lived keys: with bailian.oidc_role_arn and bailian.oidc_provider_arn,
 *    the workflow's ID token (`core.getIDToken(<bailian.oidc_audience>)`, which needs
 *    `permissions: id-token: write`) is written to a private temp file and exchanged at STS
 *    (AssumeRoleWithOIDC) for temporary keys, session `evalgate-<run id>`; a new ID token is
 *    fetched when the one in the file is about to expire;
 * 3. an OIDC token file someone else maintains (ALIBABA_CLOUD_ROLE_ARN,
 *    ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE: ACK's RRSA, a self-hosted runner).
 *
 * The temporary secret, the STS token and the OIDC token are masked in the workflow log.
 */









/** a CommonJS `exports.default`: Node's ESM loader hands over `module.exports`, vitest and ncc the default export itself */
const Credential = ((_alicloud_credentials__WEBPACK_IMPORTED_MODULE_1___default()["default"]) ?? (_alicloud_credentials__WEBPACK_IMPORTED_MODULE_1___default()));
const LOOKED_FOR = 'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS keys), ' +
    'or bailian.oidc_role_arn and bailian.oidc_provider_arn with `permissions: id-token: write` in the workflow (GitHub OIDC), ' +
    'or ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE';
function stsEndpointOf(s, env) {
    if (s.stsEndpoint)
        return s.stsEndpoint;
    const region = env.ALIBABA_CLOUD_STS_REGION;
    if (!region)
        return _config_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_STS_ENDPOINT */ .Nh;
    return env.ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED?.toLowerCase() === 'true' ? `sts-vpc.${region}.aliyuncs.com` : `sts.${region}.aliyuncs.com`;
}
/**
 * The first credential source whose configuration is present, in the order above; an error that
 * names what was looked for when none is (or when one is half there).
 */
function alibabaSource(env, s = {}) {
    const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID?.trim();
    const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET?.trim();
    const token = env.ALIBABA_CLOUD_SECURITY_TOKEN?.trim();
    if (id && secret) {
        return token
            ? {
                kind: 'sts',
                label: 'STS keys from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_SECURITY_TOKEN)',
                keys: { accessKeyId: id, accessKeySecret: secret, securityToken: token },
            }
            : {
                kind: 'access_key',
                label: 'the AccessKey from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID)',
                keys: { accessKeyId: id, accessKeySecret: secret },
            };
    }
    if (id || secret)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AlibabaCredentialError */ .C2(`no Alibaba Cloud credential: ${id ? 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not' : 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not'}`);
    const stsEndpoint = stsEndpointOf(s, env);
    if (s.oidcRoleArn && s.oidcProviderArn) {
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AlibabaCredentialError */ .C2(`no Alibaba Cloud credential: bailian.oidc_role_arn needs the workflow's OIDC token, and ACTIONS_ID_TOKEN_REQUEST_URL is not set ` +
                '(give the job `permissions: id-token: write`; outside GitHub Actions, set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET)');
        return {
            kind: 'github_oidc',
            label: `GitHub OIDC (role ${s.oidcRoleArn})`,
            roleArn: s.oidcRoleArn,
            providerArn: s.oidcProviderArn,
            audience: s.oidcAudience ?? _config_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_OIDC_AUDIENCE */ .fv,
            stsEndpoint,
        };
    }
    const roleArn = env.ALIBABA_CLOUD_ROLE_ARN?.trim();
    const providerArn = env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN?.trim();
    const tokenFile = env.ALIBABA_CLOUD_OIDC_TOKEN_FILE?.trim();
    if (roleArn && providerArn && tokenFile)
        return {
            kind: 'oidc_file',
            label: `the OIDC token file ALIBABA_CLOUD_OIDC_TOKEN_FILE (role ${roleArn})`,
            roleArn,
            providerArn,
            tokenFile,
            stsEndpoint,
        };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AlibabaCredentialError */ .C2(`no Alibaba Cloud credential: ${LOOKED_FOR}`);
}
/** the `exp` (ms) of a JWT, when it has one */
function jwtExpiry(token) {
    try {
        const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}
/** An STS refusal (`get sts token failed with OIDC: {"Code":…,"Message":…}`) in its own words. */
function stsMessage(e) {
    const text = String(e?.message ?? e);
    const json = /\{.*\}/s.exec(text)?.[0];
    if (json) {
        try {
            const body = JSON.parse(json);
            if (body.Code)
                return `STS AssumeRoleWithOIDC: ${String(body.Code)}: ${String(body.Message ?? '')}${body.RequestId ? ` (request id ${String(body.RequestId)})` : ''}`;
        }
        catch {
            // not JSON after all
        }
    }
    return text.split(/\r?\n/)[0].slice(0, 400);
}
/** a RoleSessionName STS takes (2 to 64 of letters, digits, `.@-_`) */
function roleSessionName(env) {
    const run = (env.GITHUB_RUN_ID || env.EVALGATE_RUN_ID || String(Date.now())).replace(/[^\w.@-]+/g, '-');
    const attempt = env.GITHUB_RUN_ATTEMPT ? `-${env.GITHUB_RUN_ATTEMPT.replace(/[^\w.@-]+/g, '-')}` : '';
    return `evalgate-${run}${attempt}`.slice(0, 64);
}
/**
 * The credential evalgate hands to @alicloud/openapi-client (as `Config.credential`) and reads keys
 * from for ali-oss: the source is chosen on first use (so a dry run needs none), the keys are
 * cached and refreshed by @alicloud/credentials, and every secret learned at run time is masked.
 */
class EvalgateAlibabaCredential {
    env;
    settings;
    source;
    inner;
    tokenDir;
    tokenExpiry;
    tokenFetchedAt = 0;
    masked = new Set();
    constructor(env, settings = {}) {
        this.env = env;
        this.settings = settings;
    }
    /** which source gave the keys ('' before the first use) */
    get label() {
        return this.source?.label ?? '';
    }
    mask(v) {
        if (!v || this.masked.has(v))
            return;
        this.masked.add(v);
        (0,_credentials_js__WEBPACK_IMPORTED_MODULE_7__/* .maskRuntimeSecret */ .T)(v, this.env);
    }
    /** asks GitHub for an ID token and writes it where @alicloud/credentials reads it (a 0600 file in a 0700 temp dir) */
    async writeIdToken(audience) {
        let token;
        try {
            token = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(audience);
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AlibabaCredentialError */ .C2(`GitHub OIDC: could not get the workflow's ID token for audience ${audience} (the job needs \`permissions: id-token: write\`): ${e.message}`);
        }
        this.mask(token);
        this.tokenDir ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_4___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'evalgate-oidc-'));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.chmodSync)(this.tokenDir, 0o700);
        const file = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(this.tokenDir, 'token');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.writeFileSync)(file, token, { mode: 0o600 });
        this.tokenExpiry = jwtExpiry(token);
        this.tokenFetchedAt = Date.now();
        return file;
    }
    async make() {
        this.source ??= alibabaSource(this.env, this.settings);
        const s = this.source;
        switch (s.kind) {
            case 'access_key':
                return new Credential(new _alicloud_credentials__WEBPACK_IMPORTED_MODULE_1__.Config({ type: 'access_key', accessKeyId: s.keys.accessKeyId, accessKeySecret: s.keys.accessKeySecret }));
            case 'sts':
                return new Credential(new _alicloud_credentials__WEBPACK_IMPORTED_MODULE_1__.Config({
                    type: 'sts',
                    accessKeyId: s.keys.accessKeyId,
                    accessKeySecret: s.keys.accessKeySecret,
                    securityToken: s.keys.securityToken,
                }));
            case 'github_oidc':
            case 'oidc_file': {
                const file = s.kind === 'github_oidc' ? await this.writeIdToken(s.audience) : s.tokenFile;
                return new Credential(new _alicloud_credentials__WEBPACK_IMPORTED_MODULE_1__.Config({
                    type: 'oidc_role_arn',
                    roleArn: s.roleArn,
                    oidcProviderArn: s.providerArn,
                    oidcTokenFilePath: file,
                    roleSessionName: roleSessionName(this.env),
                    stsEndpoint: s.stsEndpoint,
                    durationSeconds: 3600,
                }));
            }
        }
    }
    /** the current keys (STS ones are refreshed by @alicloud/credentials before they expire) */
    async getCredential() {
        if (!this.inner) {
            this.inner = this.make();
            // a failure is not remembered: the next call tries again (a transient STS or token-service error)
            this.inner.catch(() => (this.inner = undefined));
        }
        const inner = await this.inner;
        const s = this.source;
        // @alicloud/credentials re-reads the token file when it renews the STS session: keep a valid ID token there
        if (s.kind === 'github_oidc' &&
            this.tokenExpiry !== undefined &&
            this.tokenExpiry - Date.now() < 120_000 &&
            Date.now() - this.tokenFetchedAt > 60_000)
            await this.writeIdToken(s.audience);
        let model;
        try {
            model = await inner.getCredential();
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AlibabaCredentialError */ .C2(`Alibaba Cloud sign-in with ${s.label} failed: ${stsMessage(e)}`);
        }
        if (!model.accessKeyId || !model.accessKeySecret)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AlibabaCredentialError */ .C2(`Alibaba Cloud sign-in with ${s.label} gave no AccessKey`);
        if (model.securityToken) {
            this.mask(model.accessKeySecret);
            this.mask(model.securityToken);
        }
        return {
            accessKeyId: model.accessKeyId,
            accessKeySecret: model.accessKeySecret,
            securityToken: model.securityToken || undefined,
            type: model.type ?? (model.securityToken ? 'sts' : 'access_key'),
            providerName: model.providerName,
        };
    }
    async keys() {
        const m = await this.getCredential();
        return {
            accessKeyId: m.accessKeyId,
            accessKeySecret: m.accessKeySecret,
            ...(m.securityToken ? { securityToken: m.securityToken } : {}),
        };
    }
    /** removes the ID token file */
    close() {
        if (this.tokenDir)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(this.tokenDir, { recursive: true, force: true });
        this.tokenDir = undefined;
    }
}
function alibabaCredential(env, s = {}) {
    return new EvalgateAlibabaCredential(env, s);
}


/***/ }),

/***/ 31836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ AlibabaCredentialError),
/* harmony export */   E2: () => (/* binding */ isThrottling),
/* harmony export */   EG: () => (/* binding */ ossError),
/* harmony export */   OI: () => (/* binding */ dlcError),
/* harmony export */   ZV: () => (/* binding */ AlibabaError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony exports transientCode, backoffMs */
/* harmony import */ var _abort_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24550);
/**
 * Alibaba Cloud errors in Alibaba's own words (Code and Message, the action or operation and the
 * request id), and the retry policy of every PAI-DLC and OSS call: transient errors (Throttling*,
 * 5xx, connection resets and timeouts) are retried with exponential backoff and full jitter;
 * anything else (InvalidAccessKeyId*, SignatureDoesNotMatch, Forbidden*, InvalidParameter, …) is
 * thrown at once.
 *
 * @alicloud/openapi-client 0.4.15 does not expose `x-acs-retry-after` on its errors, so the
 * backoff is ours alone (PAI-DLC's QPS limits are not published).
 */

/** Node and client error codes of a request that may succeed when sent again */
const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);
const NETWORK_NAMES = new Set(['RequestTimeoutError', 'ResponseTimeoutError', 'ConnectionTimeoutError', 'RequestTimeout']);
/** No credential, or one that was refused: the message names what was looked for or tried. Never retried, never rewrapped. */
class AlibabaCredentialError extends Error {
    name = 'AlibabaCredentialError';
}
/** An error answer (or a failed request) of PAI-DLC or OSS. */
class AlibabaError extends Error {
    service;
    action;
    code;
    status;
    detail;
    requestId;
    transient;
    name = 'AlibabaError';
    constructor(
    /** `PAI-DLC` or `OSS` */
    service, 
    /** the API action (CreateJob, GetJob, …) or OSS operation (PutObject, ListObjectsV2, …) */
    action, 
    /** Alibaba's error Code (or a network error code) */
    code, 
    /** the HTTP status, when there was an answer */
    status, 
    /** Alibaba's Message */
    detail, requestId, transient = false) {
        super(`${service} ${action}: ${status ? `${status} ` : ''}${code}: ${detail}${requestId ? ` (request id ${requestId})` : ''}`.replace(/\s+/g, ' '));
        this.service = service;
        this.action = action;
        this.code = code;
        this.status = status;
        this.detail = detail;
        this.requestId = requestId;
        this.transient = transient;
    }
}
const isThrottling = (code) => /^Throttling/i.test(code);
/** transient: throttled, a server error, a reset or a timeout */
function transientCode(code, status) {
    if (isThrottling(code) || code === 'ServiceUnavailable' || code === 'InternalError')
        return true;
    if (status !== undefined && (status === 429 || status >= 500))
        return true;
    return NETWORK_CODES.has(code) || NETWORK_NAMES.has(code);
}
const oneLine = (s, max = 400) => {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max)}…` : t;
};
/**
 * An error of @alicloud/openapi-client (tea ResponseError: `code`, `data: {Code, Message,
 * RequestId, statusCode}`) or of the request itself (httpx: `code` ECONNRESET…, name
 * RequestTimeoutError), as an AlibabaError.
 */
function dlcError(action, e) {
    if (e instanceof AlibabaError)
        return e;
    const err = (e ?? {});
    const data = err.data ?? {};
    const status = Number(data.statusCode ?? err.statusCode) || undefined;
    if (status) {
        const code = String(data.Code ?? data.code ?? err.code ?? `HTTP${status}`);
        const message = String(data.Message ?? data.message ?? err.message ?? '');
        const requestId = data.RequestId ?? data.requestId;
        return new AlibabaError('PAI-DLC', action, code, status, oneLine(message) || 'no error message', requestId ? String(requestId) : undefined, transientCode(code, status));
    }
    const name = typeof err.name === 'string' ? err.name : '';
    const code = typeof err.code === 'string' && err.code ? err.code : name || 'Error';
    const message = oneLine(String(err.message ?? e));
    // a body that is not JSON (a proxy's HTML error page) fails the client's JSON parse
    const transient = transientCode(code, undefined) || NETWORK_NAMES.has(name) || name === 'SyntaxError';
    return new AlibabaError('PAI-DLC', action, code, undefined, message || 'request failed', undefined, transient);
}
/** An ali-oss error (`name` …Error, `code`, `status` (-1 network, -2 timeout), `requestId`) as an AlibabaError. */
function ossError(operation, e, what) {
    if (e instanceof AlibabaError)
        return e;
    const err = (e ?? {});
    const raw = Number(err.status);
    const status = raw > 0 ? raw : undefined;
    const name = typeof err.name === 'string' ? err.name : '';
    const code = typeof err.code === 'string' && err.code ? err.code : name || 'Error';
    const network = raw === -1 || raw === -2 || NETWORK_NAMES.has(name) || NETWORK_CODES.has(code);
    const message = oneLine(String(err.message ?? e)).replace(/, please increase the timeout.*$/, '');
    return new AlibabaError('OSS', what ? `${operation} ${what}` : operation, code, status, message || 'request failed', typeof err.requestId === 'string' && err.requestId ? err.requestId : undefined, network || transientCode(code, status));
}
const DEFAULT_RETRY = { maxRetries: 6, baseMs: 1000, maxMs: 30_000 };
/** full jitter: a random wait up to min(cap, base·2^attempt), never under a tenth of it */
function backoffMs(attempt, o) {
    const ceiling = Math.min(o.maxMs, o.baseMs * 2 ** attempt);
    return Math.round(ceiling * (0.1 + 0.9 * Math.random()));
}
/**
 * Runs `fn` until it succeeds, a permanent error or the retries are spent. `convert` turns what
 * was thrown into an AlibabaError (a credential error is thrown as it is); `beforeRetry` may end the loop with a value (CreateJob: the job
 * a lost answer created after all). `signal` (the run's cancel) ends a backoff at once and drops
 * the request in flight (the Alibaba clients take no signal): the call throws its AbortError.
 */
async function withRetry(fn, convert, o, beforeRetry, signal, 
/** false for a call that stops on the signal itself (a multipart upload: its parts and checkpoint stay consistent) */
race = true) {
    for (let attempt = 0;; attempt++) {
        (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfCancelled */ .dZ)(signal);
        try {
            return await (race ? (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .raceAbort */ .Mu)(fn(), signal) : fn());
        }
        catch (e) {
            (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfCancelled */ .dZ)(signal);
            if (e instanceof AlibabaCredentialError)
                throw e;
            const err = convert(e);
            if (!err.transient || attempt >= o.maxRetries)
                throw err;
            await (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .sleepUnlessAborted */ .bp)(backoffMs(attempt, o), signal);
            (0,_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfCancelled */ .dZ)(signal);
            const done = await beforeRetry?.(err);
            if (done)
                return done.value;
        }
    }
}


/***/ }),

/***/ 25092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ ossClient),
/* harmony export */   fC: () => (/* binding */ parseOssUri),
/* harmony export */   hq: () => (/* binding */ downloadPrefix),
/* harmony export */   kL: () => (/* binding */ uploadPrefix)
/* harmony export */ });
/* unused harmony export listPrefix */
/* harmony import */ var ali_oss__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14391);
/* harmony import */ var ali_oss__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ali_oss__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _stores_blob_safe_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83873);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31836);
/* harmony import */ var _staging_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71177);
/**
 * OSS with ali-oss: staging local inputs under a content-addressed prefix, and downloading what
 * jobs wrote (object names are never trusted as paths). Requests are signed V4
 * (OSS4-HMAC-SHA256); each is retried on 5xx, throttling, resets and timeouts.
 */






async function ossClient(t, credential, retry = {}) {
    const keys = await credential.keys();
    const options = {
        region: `oss-${t.region}`,
        bucket: t.bucket,
        endpoint: t.endpoint,
        secure: t.endpoint.startsWith('https://'),
        accessKeyId: keys.accessKeyId,
        accessKeySecret: keys.accessKeySecret,
        authorizationV4: true,
        timeout: 120_000,
    };
    if (keys.securityToken) {
        options.stsToken = keys.securityToken;
        // ali-oss asks for fresh keys this often; @alicloud/credentials hands out the cached session until it is about to expire
        options.refreshSTSTokenInterval = 5 * 60_000;
        options.refreshSTSToken = async () => {
            const k = await credential.keys();
            return { accessKeyId: k.accessKeyId, accessKeySecret: k.accessKeySecret, stsToken: k.securityToken ?? '' };
        };
    }
    return { client: new (ali_oss__WEBPACK_IMPORTED_MODULE_0___default())(options), bucket: t.bucket, retry: { ..._errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_RETRY */ .vI, ...retry } };
}
const call = (oss, operation, what, fn, signal, race = true) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(fn, (e) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ossError */ .EG)(operation, e, `oss://${oss.bucket}/${what}`), oss.retry, undefined, signal, race);
/** every object below `prefix` (ListObjectsV2, following the continuation tokens): name and size */
async function listPrefix(oss, prefix, signal) {
    const out = [];
    let token;
    do {
        // never an empty query value (`prefix=`): ali-oss signs it V4 as `prefix=`, OSS as `prefix`
        const query = { 'max-keys': 1000 };
        if (prefix)
            query.prefix = prefix;
        if (token)
            query['continuation-token'] = token;
        const page = await call(oss, 'ListObjectsV2', prefix, () => oss.client.listV2(query, {}), signal);
        for (const o of page.objects ?? [])
            out.push({ name: o.name, size: Number(o.size) });
        token = page.isTruncated && page.nextContinuationToken ? page.nextContinuationToken : undefined;
    } while (token);
    return out;
}
/**
 * Uploads files under `prefix` (ending in `/`), skipping each one a previous run already put there
 * with the same size: the prefix is content-addressed, so a name and size that match are the same
 * bytes (a multipart upload makes no object until CompleteMultipartUpload, so an interrupted one
 * left none, and is resumed or redone). A file larger than one part goes up in parts
 * (`staging.concurrency` at once); its checkpoint (upload id and done parts) is written after
 * each part, so that a run killed mid-upload is resumed by the next one from the parts OSS has.
 * Returns how many files were sent.
 */
async function uploadPrefix(oss, prefix, files, opts = {}) {
    const have = new Map((await listPrefix(oss, prefix, opts.signal)).map((o) => [o.name, o.size]));
    const staging = opts.staging ?? _staging_js__WEBPACK_IMPORTED_MODULE_5__/* .STAGING_LIMITS */ .Pg.bailian.defaults;
    let sent = 0;
    for (const [rel, abs] of files) {
        (0,_staging_js__WEBPACK_IMPORTED_MODULE_5__/* .throwIfAborted */ .Te)(opts.signal);
        const name = prefix + rel;
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(abs);
        if (have.get(name) === st.size)
            continue;
        const partSize = (0,_staging_js__WEBPACK_IMPORTED_MODULE_5__/* .partSizeFor */ .oV)(st.size, 'bailian', staging.partSize);
        if (st.size > partSize)
            await multipart(oss, name, abs, st, partSize, staging.concurrency, opts);
        else
            await call(oss, 'PutObject', name, () => oss.client.put(name, abs), opts.signal);
        sent++;
    }
    return sent;
}
async function multipart(oss, name, abs, st, partSize, parallel, opts) {
    const cpFile = opts.checkpointDir ? (0,_staging_js__WEBPACK_IMPORTED_MODULE_5__/* .checkpointFile */ .lS)(opts.checkpointDir, `oss-${oss.bucket}`, name) : undefined;
    const save = cpFile ? (0,_staging_js__WEBPACK_IMPORTED_MODULE_5__/* .serialWriter */ .SP)(cpFile) : undefined;
    // a cancel stops the parts in flight (ali-oss's own cancel, for this client)
    const onAbort = () => oss.client.cancel();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        await call(oss, 'MultipartUpload', name, async () => {
            (0,_staging_js__WEBPACK_IMPORTED_MODULE_5__/* .throwIfAborted */ .Te)(opts.signal);
            let cp = cpFile ? await (0,_staging_js__WEBPACK_IMPORTED_MODULE_5__/* .readCheckpoint */ .HQ)(cpFile) : undefined;
            if (cp &&
                !(cp.file === abs && cp.name === name && cp.fileSize === st.size && cp.partSize === partSize && cp.mtimeMs === st.mtimeMs)) {
                // another file (or the same one changed) under this name: its parts are no use
                await oss.client.abortMultipartUpload(name, cp.uploadId).catch(() => { });
                cp = undefined;
            }
            const options = {
                partSize,
                parallel,
                mime: 'application/octet-stream',
                ...(cp ? { checkpoint: cp } : {}),
                progress: async (_p, checkpoint) => {
                    if (checkpoint && save)
                        await save({ ...checkpoint, mtimeMs: st.mtimeMs });
                },
            };
            try {
                await oss.client.multipartUpload(name, abs, options);
            }
            catch (e) {
                if (opts.signal?.aborted)
                    throw opts.signal.reason;
                // the checkpoint's upload was aborted or expired on the OSS side: start over once
                const code = e ?? {};
                if (cp && (code.name === 'abort' || code.code === 'NoSuchUpload' || code.code === 'InvalidPart')) {
                    if (cpFile)
                        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(cpFile, { force: true });
                    await oss.client.multipartUpload(name, abs, { ...options, checkpoint: undefined });
                }
                else
                    throw e;
            }
            if (cpFile)
                await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(cpFile, { force: true });
        }, opts.signal, false);
    }
    finally {
        opts.signal?.removeEventListener('abort', onAbort);
    }
}
/**
 * Downloads every object below `prefix` whose name ends in one of `suffixes` (all when empty)
 * into `dest`, keeping the names below the prefix as relative paths. A name that is not a plain
 * relative path (`..`, an empty segment, a backslash) is refused, never written.
 */
async function downloadPrefix(oss, prefix, dest, suffixes = [], signal) {
    const files = [];
    const refused = [];
    for (const o of await listPrefix(oss, prefix, signal)) {
        if (o.name.endsWith('/'))
            continue; // a folder marker
        if (suffixes.length && !suffixes.some((s) => o.name.endsWith(s)))
            continue;
        const local = (0,_stores_blob_safe_js__WEBPACK_IMPORTED_MODULE_3__/* .safeJoin */ .g)(dest, o.name.slice(prefix.length));
        if (!local) {
            refused.push(o.name);
            continue;
        }
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(local), { recursive: true });
        await call(oss, 'GetObject', o.name, () => oss.client.get(o.name, local), signal);
        files.push(local);
    }
    return { files: files.sort(), refused };
}
/**
 * `oss://<bucket>/<prefix>` or `oss://<bucket>.<endpoint>/<prefix>` → its parts; the prefix ends
 * in `/` unless it names an object, or is empty (the whole bucket).
 */
function parseOssUri(uri) {
    const m = /^oss:\/\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])(?:\.([A-Za-z0-9.-]+\.[A-Za-z0-9-]+))?(?:\/(.*))?$/.exec(uri);
    if (!m)
        throw new Error(`expected oss://<bucket>/<prefix> (a lower-case bucket name), found ${JSON.stringify(uri)}`);
    return { bucket: m[1], ...(m[2] ? { endpoint: m[2] } : {}), key: (m[3] ?? '').replace(/^\/+/, '') };
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
