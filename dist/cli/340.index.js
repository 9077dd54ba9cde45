export const id = 340;
export const ids = [340];
export const modules = {

/***/ 4620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N7: () => (/* binding */ repeatTags),
/* harmony export */   ZL: () => (/* binding */ shellQuote),
/* harmony export */   et: () => (/* binding */ plan),
/* harmony export */   f7: () => (/* binding */ placeholderContextProblems),
/* harmony export */   yK: () => (/* binding */ runIdentity)
/* harmony export */ });
/* unused harmony exports PLACEHOLDER, PLACEHOLDER_ENV, placeholderSites, renderCommand, jobName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * plan: from the config's jobs, one job per indicator (or one job writing several), times
 * `shards`. Pure: where the model, data and output are *inside* a job is the platform's to say
 * (`Locations`); this module renders each placeholder as a reference to the environment variable
 * that carries its value (PLACEHOLDER_ENV), never the value itself.
 */


/** POSIX shell quoting: one literal word whatever the value holds (`$(…)`, quotes, spaces). */
function shellQuote(value) {
    if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** `{name}`, but not a shell's `${name}`. Inline JSON (`{"a": 1}`) never matches. */
const PLACEHOLDER = /(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** The environment variable that carries each placeholder's value into the job. */
const PLACEHOLDER_ENV = {
    model: 'EVALGATE_MODEL',
    data: 'EVALGATE_DATA',
    out: 'EVALGATE_OUT',
    shard_index: 'EVALGATE_SHARD_INDEX',
    shard_count: 'EVALGATE_SHARD_COUNT',
    evalgate: 'EVALGATE_CLI',
    repeat_index: 'EVALGATE_REPEAT_INDEX',
    repeat_count: 'EVALGATE_REPEAT_COUNT',
};
/** The placeholders whose values are numbers (allowed in shell arithmetic). */
const NUMERIC_PLACEHOLDERS = new Set(['shard_index', 'shard_count', 'repeat_index', 'repeat_count']);
const CODE_ARG = /(?:^|[\s;&|(])(?:-c|-e|--command|--eval|eval)\s*$/;
const EVAL_SEGMENT = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(?:eval|exec\s+eval)\s/;
/**
 * Where each placeholder stands in a POSIX shell command, and what it becomes: a reference to its
 * environment variable, never the value. `"${EVALGATE_MODEL}"` bare (also inside `$(…)` and
 * backticks, which start a fresh command), `${EVALGATE_MODEL}` inside "…" and unquoted heredoc
 * bodies, `${EVALGATE_SHARD_INDEX}` in arithmetic. The shell expands a variable once and never
 * parses the result as code, so the value arrives byte for byte whatever it holds. Places where no
 * reference is both safe and correct are problems: single quotes, quoted heredocs, arithmetic on a
 * path, and strings another interpreter runs as code (after `-c`, `-e`, `eval`).
 */
function placeholderSites(command) {
    const at = new Map();
    for (const m of command.matchAll(PLACEHOLDER))
        at.set(m.index, m[1]);
    const stack = [{ kind: 'bare', start: 0, depth: 0, code: false }];
    const pending = [];
    const sites = [];
    let lineStart = false;
    const push = (kind, i, code = false, doc) => {
        const f = stack[stack.length - 1];
        stack.push({ kind, start: i, depth: 0, code: code || f.code, ...(doc ? { doc } : {}) });
    };
    const startDoc = (i) => {
        const doc = pending.shift();
        if (doc) {
            push(doc.quoted ? 'qheredoc' : 'heredoc', i, false, doc);
            lineStart = true;
        }
    };
    for (let i = 0; i < command.length;) {
        const f = stack[stack.length - 1];
        const c = command[i];
        const next = command[i + 1];
        if ((f.kind === 'heredoc' || f.kind === 'qheredoc') && lineStart) {
            lineStart = false;
            const nl = command.indexOf('\n', i);
            const lineEnd = nl < 0 ? command.length : nl;
            const line = command.slice(i, lineEnd);
            if ((f.doc.strip ? line.replace(/^\t+/, '') : line) === f.doc.delim) {
                stack.pop();
                i = lineEnd + 1;
                startDoc(i);
                continue;
            }
        }
        const name = at.get(i);
        if (name !== undefined) {
            sites.push(site(command, name, i, f));
            i += name.length + 2;
            continue;
        }
        if (f.kind === 'single') {
            if (c === "'")
                stack.pop();
            i++;
            continue;
        }
        if (f.kind === 'qheredoc') {
            if (c === '\n')
                lineStart = true;
            i++;
            continue;
        }
        if (c === '\\') {
            i += 2;
            continue;
        }
        if (c === '$' && next === '(' && command[i + 2] === '(') {
            push('arith', i + 3);
            i += 3;
            continue;
        }
        if (c === '$' && next === '(') {
            push('cmdsub', i + 2);
            i += 2;
            continue;
        }
        if (c === '`') {
            if (f.kind === 'backtick')
                stack.pop();
            else
                push('backtick', i + 1);
            i++;
            continue;
        }
        if (f.kind === 'heredoc') {
            if (c === '\n')
                lineStart = true;
            i++;
            continue;
        }
        if (f.kind === 'double') {
            if (c === '"')
                stack.pop();
            i++;
            continue;
        }
        // bare, cmdsub, backtick, arith: a command (or an expression)
        if (f.kind === 'arith') {
            if (c === '(')
                f.depth++;
            else if (c === ')') {
                if (f.depth > 0)
                    f.depth--;
                else if (next === ')') {
                    stack.pop();
                    i += 2;
                    continue;
                }
            }
            i++;
            continue;
        }
        if (c === "'" || c === '"') {
            push(c === "'" ? 'single' : 'double', i + 1, CODE_ARG.test(command.slice(f.start, i)));
            i++;
            continue;
        }
        if (c === '(' && next === '(') {
            push('arith', i + 2);
            i += 2;
            continue;
        }
        if (c === '(' && f.kind === 'cmdsub')
            f.depth++;
        if (c === ')' && f.kind === 'cmdsub') {
            if (f.depth > 0)
                f.depth--;
            else
                stack.pop();
            i++;
            continue;
        }
        if (c === '#' && (i === 0 || /[\s;&|(]/.test(command[i - 1]))) {
            const nl = command.indexOf('\n', i);
            i = nl < 0 ? command.length : nl;
            continue;
        }
        if (c === '<' && next === '<' && command[i + 2] !== '<') {
            let j = i + 2;
            const strip = command[j] === '-';
            if (strip)
                j++;
            while (command[j] === ' ' || command[j] === '\t')
                j++;
            const w = /^(?:[^\s;&|<>()'"\\]|\\.|'[^']*'|"[^"]*")+/.exec(command.slice(j));
            if (w) {
                pending.push({ delim: w[0].replace(/\\(.)|['"]/g, '$1'), quoted: /['"\\]/.test(w[0]), strip });
                i = j + w[0].length;
                continue;
            }
        }
        if (c === '\n' && pending.length) {
            i++;
            startDoc(i);
            continue;
        }
        i++;
    }
    return sites;
}
function site(command, name, offset, f) {
    const s = { name, offset, length: name.length + 2 };
    const v = PLACEHOLDER_ENV[name];
    if (v === undefined)
        return { ...s, problem: `unknown placeholder {${name}}` };
    if (f.kind === 'single')
        return { ...s, problem: `{${name}} inside single quotes, where nothing expands: write it outside the quotes ('…'{${name}}'…')` };
    if (f.kind === 'qheredoc')
        return {
            ...s,
            problem: `{${name}} in the body of a quoted heredoc (<<'${f.doc.delim}'), where nothing expands: quote no part of the delimiter`,
        };
    const segment = command
        .slice(f.start, offset)
        .split(/[;&|\n(]/)
        .pop() ?? '';
    if (f.code || ((f.kind === 'bare' || f.kind === 'cmdsub' || f.kind === 'backtick') && EVAL_SEGMENT.test(segment)))
        return {
            ...s,
            problem: `{${name}} inside a string another interpreter runs as code (after -c, -e or eval), where its value would become code: read the environment variable ${v} there instead`,
        };
    switch (f.kind) {
        case 'arith':
            return NUMERIC_PLACEHOLDERS.has(name)
                ? { ...s, render: `\${${v}}` }
                : {
                    ...s,
                    problem: `{${name}} inside arithmetic ((…)), where a value is evaluated: only {shard_index}, {shard_count}, {repeat_index} and {repeat_count} are numbers`,
                };
        case 'double':
        case 'heredoc':
            return { ...s, render: `\${${v}}` };
        default:
            return { ...s, render: `"\${${v}}"` };
    }
}
/** Every reason the placeholders of `command` cannot be rendered (unknown names, unsafe places). */
function placeholderContextProblems(command) {
    return placeholderSites(command).flatMap((p) => (p.problem && !p.problem.startsWith('unknown') ? [p.problem] : []));
}
/**
 * Renders `{model}` `{data}` `{out}` `{shard_index}` `{shard_count}` `{evalgate}` as references to
 * the job's EVALGATE_MODEL … EVALGATE_SHARD_COUNT, EVALGATE_CLI (see `placeholderSites`); the values travel in the job's
 * environment, never in the command text. Throws with the first problem.
 */
function renderCommand(template) {
    const sites = placeholderSites(template);
    const bad = sites.find((s) => s.problem);
    if (bad)
        throw new Error(bad.problem);
    let out = '';
    let last = 0;
    for (const s of sites) {
        out += template.slice(last, s.offset) + s.render;
        last = s.offset + s.length;
    }
    return out + template.slice(last);
}
const MAX_NAME = 100;
/** A job name every platform accepts: lower-case letters, digits, `-` and `_`, at most 100 characters. */
function jobName(id, key, shard, repeat) {
    const norm = (p) => p
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    // Job keys are case-sensitive in the config but names are not: "tp" and "TP" must not become
    // one job (the second submit would attach to the first). A key that normalising changed
    // carries a hash of itself.
    const jobPart = norm(key) === key ? key : `${norm(key)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex').slice(0, 6)}`;
    // a repeat is its own shard set: `-r<k>` before the shard number (which stays last), and only
    // with repeats, so a job without them keeps the name it always had
    const rep = repeat && repeat.count > 1 ? [`r${repeat.index}`] : [];
    const parts = ['evalgate', id.repository, id.runId, id.runAttempt, id.gate, key, ...rep, String(shard.index)];
    const clean = [...parts.slice(0, 5).map(norm), jobPart, ...rep, String(shard.index)].join('-');
    if (clean.length <= MAX_NAME)
        return clean;
    // Too long: keep the readable end (gate, job, shard) and make the start unique with a hash.
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 10);
    return `evalgate-${hash}-${clean.slice(clean.length - (MAX_NAME - 20))}`.replace(/--+/g, '-');
}
function runIdentity(env, cwdName, gate, now) {
    return {
        repository: env.GITHUB_REPOSITORY || cwdName,
        // Outside Actions every run is new: a timestamp keeps a later run from attaching to this one's
        // jobs, and a random part keeps two runs started in the same second apart.
        runId: env.EVALGATE_RUN_ID ||
            env.GITHUB_RUN_ID ||
            `local${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`,
        runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
        gate,
    };
}
function plan(input, id, locate) {
    const problems = [];
    const file = input.configFile ?? 'config';
    const entries = Object.entries(input.jobs);
    if (entries.length === 0) {
        problems.push({ file, path: 'jobs', expected: 'at least one job (jobs.<indicator>.command) to run', found: 'none' });
        return { jobs: [], problems };
    }
    const written = new Set(entries.flatMap(([key, j]) => j.indicators ?? [key]));
    for (const r of input.required) {
        if (!written.has(r)) {
            problems.push({
                file,
                path: `jobs.${r}`,
                expected: `a job that writes the required indicator ${r} (or leave it out of indicators)`,
                found: 'none',
            });
        }
    }
    const jobs = [];
    for (const [key, j] of entries) {
        const count = j.shards ?? 1;
        const repeats = j.repeats ?? 1;
        // each repeat is a whole shard set: every shard of repeat 0, then of repeat 1, …
        for (let k = 0; k < repeats * count; k++) {
            const r = Math.floor(k / count);
            const index = k % count;
            const shard = { index, count };
            const repeat = { index: r, count: repeats };
            const name = jobName(id, key, shard, repeat);
            const loc = locate(key, shard, name);
            let command;
            try {
                command = renderCommand(j.command);
            }
            catch (e) {
                problems.push({
                    file,
                    path: `jobs.${key}.command`,
                    expected: 'known placeholders where the shell expands them as data',
                    found: e.message,
                });
                continue;
            }
            const env = {};
            for (const [k, v] of Object.entries(j.env ?? {}))
                env[k] = String(v);
            Object.assign(env, {
                EVALGATE_JOB_NAME: name,
                EVALGATE_INDICATOR: (j.indicators ?? [key]).join(','),
                EVALGATE_SHARD_INDEX: String(index),
                EVALGATE_SHARD_COUNT: String(count),
                EVALGATE_OUT: loc.out,
            });
            // only where there are repeats (or the command asks): other jobs keep the environment they had
            if (repeats > 1 || /\{repeat_(index|count)\}/.test(j.command)) {
                env.EVALGATE_REPEAT_INDEX = String(r);
                env.EVALGATE_REPEAT_COUNT = String(repeats);
            }
            // the values of the placeholders the command uses, byte for byte (the command references them)
            if (j.command.includes('{model}'))
                env.EVALGATE_MODEL = loc.model;
            if (j.command.includes('{data}'))
                env.EVALGATE_DATA = loc.data;
            if (j.command.includes('{evalgate}'))
                env.EVALGATE_CLI = loc.evalgate ?? 'evalgate';
            const job = {
                key,
                indicators: j.indicators ?? [key],
                shard,
                ...(repeats > 1 ? { repeat } : {}),
                name,
                command,
                env,
                timeoutMinutes: j.timeout_minutes ?? input.timeoutMinutes,
                resources: j.resources ?? {},
            };
            if (j.image)
                job.image = j.image;
            jobs.push(job);
        }
    }
    return { jobs, problems };
}
/**
 * The repeat each file of a repeated job is of (SPEC §9), by the file's name as the gate is given
 * it (relative to `cwd`): a repeat's job need not say so in its files. Used for the first
 * attempt's files and for every confirm attempt's alike, so each attempt is the median over its
 * repeats, never the repeats pooled as shards of one set.
 */
function repeatTags(outcomes, cwd) {
    const tags = new Map();
    for (const o of outcomes)
        if (o.job.repeat)
            for (const f of o.files)
                tags.set(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(cwd, f) || f, o.job.repeat);
    return tags;
}


/***/ }),

/***/ 24550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ anySignal),
/* harmony export */   Mu: () => (/* binding */ raceAbort),
/* harmony export */   W3: () => (/* binding */ CANCEL_BUDGET_MS),
/* harmony export */   bp: () => (/* binding */ sleepUnlessAborted),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled)
/* harmony export */ });
/* unused harmony exports abortError, isAbort */
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

/***/ 43268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ ISOLATION_ENV),
/* harmony export */   I1: () => (/* binding */ chooseIsolation)
/* harmony export */ });
/* unused harmony exports ISOLATION_MODES, NO_ISOLATION_WARNING, envScript */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * How a local job is kept from the action's secrets (SPEC §6).
 *
 * Removing the tokens from a job's environment is not enough: the initial environment of every
 * process stays readable in /proc/<pid>/environ by any process of the same user, and the action's
 * own process (the job's parent) was started with INPUT_GITHUB-TOKEN, ACTIONS_RUNTIME_TOKEN and the
 * platform credentials in it. So a job runs in a PID namespace of its own, with /proc mounted for
 * that namespace: it sees its own processes and nothing else, and its parent is not there (getppid
 * is 0). The first of these that works on the machine is used:
 *
 *   pidns   as root: `unshare --pid --mount-proc`, with CAP_SYS_ADMIN, CAP_SYS_PTRACE,
 *           CAP_SYS_RAWIO and CAP_SYS_MODULE dropped from the job's bounding set (so that it cannot
 *           unmount its /proc to uncover the host's, nor read other processes' memory);
 *   userns  unprivileged: `unshare --user --map-current-user --pid --mount-proc` (a user namespace
 *           in which the job keeps its own uid and holds no capability);
 *   sudo    unprivileged with passwordless sudo (GitHub-hosted runners, where AppArmor may refuse
 *           unprivileged user namespaces): `sudo unshare --pid --mount-proc`, then back to the
 *           user's own uid, gid and groups with `setpriv` before the job starts;
 *   none    none of these: the job runs as before, and a warning in the log and the report says that
 *           it can read this process's environment.
 *
 * In the namespace, process 1 is a small /bin/sh that starts the job's command, forwards TERM, INT
 * and HUP to it and exits with its status (the init of a PID namespace ignores signals it has no
 * handler for, so the job itself must not be process 1). When process 1 exits, the kernel kills
 * whatever the job left in its namespace.
 *
 * EVALGATE_LOCAL_ISOLATION chooses one (`pidns`, `userns`, `sudo` or `none`) instead of the first
 * that works; a chosen one that does not work on this machine is an error, never a silent downgrade.
 */



const ISOLATION_MODES = ['pidns', 'userns', 'sudo', 'none'];
const ISOLATION_ENV = 'EVALGATE_LOCAL_ISOLATION';
const NO_ISOLATION_WARNING = 'local: jobs run as this user without a PID namespace of their own (no unshare, no user namespaces, no passwordless sudo): ' +
    "a job can read this process's environment in /proc, the action's tokens among them";
/**
 * Process 1 of the job's namespace: runs "$@" in the background, passes TERM/INT/HUP on, waits
 * until it is gone (a trapped signal interrupts `wait`) and exits with its status.
 */
const INIT = '"$@" & c=$!; ' +
    'trap \'kill -TERM "$c" 2>/dev/null\' TERM; trap \'kill -INT "$c" 2>/dev/null\' INT; trap \'kill -HUP "$c" 2>/dev/null\' HUP; ' +
    'while :; do wait "$c"; s=$?; kill -0 "$c" 2>/dev/null || exit "$s"; done';
/** with sudo: the job's environment comes from a file of `export` lines (sudo would filter it), removed once read */
const INIT_FROM_FILE = `f=$1; shift; . "$f" || exit 126; rm -f -- "$f"; ${INIT}`;
const DROPPED_AS_ROOT = '-sys_admin,-sys_ptrace,-sys_rawio,-sys_module';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const sq = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
/** the job's environment as lines a POSIX shell sources (names it cannot export are named in a comment and left out) */
function envScript(env) {
    const lines = [];
    for (const [k, v] of Object.entries(env)) {
        if (v === undefined)
            continue;
        if (!ENV_NAME.test(k))
            continue;
        lines.push(`export ${k}=${sq(v)}`);
    }
    return lines.join('\n') + '\n';
}
function prefix(mode, ids, mapCurrent) {
    const ns = ['--pid', '--fork', '--mount-proc', '--kill-child'];
    switch (mode) {
        case 'pidns':
            return ['unshare', ...ns, '--', 'setpriv', `--bounding-set=${DROPPED_AS_ROOT}`, '--'];
        case 'userns':
            // util-linux before 2.38 has only --map-root-user: root in the namespace, so every
            // capability is dropped from the bounding set before the job starts
            return mapCurrent
                ? ['unshare', '--user', '--map-current-user', ...ns, '--']
                : ['unshare', '--user', '--map-root-user', ...ns, '--', 'setpriv', '--bounding-set=-all', '--'];
        case 'sudo':
            return [
                'sudo',
                '-n',
                '--',
                'unshare',
                ...ns,
                '--',
                'setpriv',
                `--reuid=${ids.uid}`,
                `--regid=${ids.gid}`,
                '--init-groups',
                `--bounding-set=-all`,
                '--',
                'env',
                '-i',
            ];
        case 'none':
            return [];
    }
}
/** runs a probe command as a job would run; true when its shell is process 1's child in a namespace of its own, as `uid` */
function works(argv, uid) {
    const r = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(argv[0], [...argv.slice(1), '/bin/sh', '-c', INIT, 'evalgate-init', '/bin/sh', '-c', 'test "$PPID" = 1 && id -u'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 10_000,
        env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
    });
    return r.status === 0 && r.stdout.trim() === String(uid);
}
let cached;
/**
 * The isolation local jobs get on this machine (probed once per process). `choice` is the value
 * of EVALGATE_LOCAL_ISOLATION; an unknown or unworkable choice throws an Error saying why.
 */
function chooseIsolation(choice) {
    cached ??= new Map();
    const key = choice ?? '';
    const hit = cached.get(key);
    if (hit)
        return hit;
    const made = probe(choice);
    cached.set(key, made);
    return made;
}
function probe(choice) {
    const want = choice?.trim() || 'auto';
    if (want !== 'auto' && !ISOLATION_MODES.includes(want))
        throw new Error(`${ISOLATION_ENV}: expected one of auto, ${ISOLATION_MODES.join(', ')}, got ${JSON.stringify(choice)}`);
    if (process.platform !== 'linux') {
        if (want !== 'auto' && want !== 'none')
            throw new Error(`${ISOLATION_ENV}=${want}: PID namespaces exist on Linux only`);
        return make('none', [], NO_ISOLATION_WARNING);
    }
    const ids = { uid: process.getuid?.() ?? -1, gid: process.getgid?.() ?? -1 };
    const root = ids.uid === 0;
    const candidates = want === 'auto' ? (root ? ['pidns', 'userns'] : ['userns', 'sudo']) : [want];
    for (const mode of candidates) {
        if (mode === 'none')
            return make('none', [], NO_ISOLATION_WARNING);
        if (mode === 'userns') {
            for (const mapCurrent of [true, false]) {
                const argv = prefix(mode, ids, mapCurrent);
                if (works(argv, mapCurrent ? ids.uid : 0))
                    return make(mode, argv);
            }
            continue;
        }
        const argv = prefix(mode, ids, true);
        if (works(mode === 'sudo' ? [...argv, `PATH=${process.env.PATH ?? '/usr/bin:/bin'}`] : argv, ids.uid))
            return make(mode, argv);
    }
    if (want !== 'auto')
        throw new Error(`${ISOLATION_ENV}=${want} does not work on this machine (${want === 'pidns'
            ? 'it needs root and unshare(1)'
            : want === 'userns'
                ? 'unprivileged user namespaces are refused (kernel.unprivileged_userns_clone, AppArmor) or unshare(1) is missing'
                : 'it needs passwordless sudo (sudo -n), unshare(1) and setpriv(1)'})`);
    return make('none', [], NO_ISOLATION_WARNING);
}
function make(mode, argv, warning) {
    return {
        mode,
        warning,
        launch(command, env, dir) {
            if (mode === 'none')
                return { file: '/bin/sh', args: ['-c', command], env };
            if (mode === 'sudo') {
                // sudo resets and filters the environment (PATH, PYTHONPATH, LD_*): the job's comes from a
                // file only this user can read, which process 1 sources and removes
                const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, '.evalgate-env.sh');
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(file, envScript(env), { mode: 0o600 });
                return {
                    file: argv[0],
                    args: [...argv.slice(1), '/bin/sh', '-c', INIT_FROM_FILE, 'evalgate-init', file, '/bin/sh', '-c', command],
                    env: { PATH: env.PATH ?? process.env.PATH },
                };
            }
            return { file: argv[0], args: [...argv.slice(1), '/bin/sh', '-c', INIT, 'evalgate-init', '/bin/sh', '-c', command], env };
        },
    };
}


/***/ }),

/***/ 44061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ JOB_MARKER),
  n: () => (/* binding */ LocalPlatform)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/stores/fs.ts
var fs = __webpack_require__(23135);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
;// CONCATENATED MODULE: ./src/platforms/local/hardware.ts
/**
 * The runner's own hardware, for the fingerprint of latency and throughput measured by local jobs
 * (SPEC §10): its CPU model and CPU frequency governor, where the machine tells. A job that measures
 * a service elsewhere names that machine in its files' `host` metadata, which wins over this.
 */


let cached;
function runnerHardware() {
    if (cached)
        return cached;
    const out = {};
    const model = (0,external_node_os_.cpus)()[0]?.model?.replace(/\s+/g, ' ').trim();
    if (model && model !== 'unknown')
        out.cpu_model = model;
    try {
        const governor = (0,external_node_fs_.readFileSync)('/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor', 'utf8').trim();
        if (governor)
            out.cpu_governor = governor;
    }
    catch {
        // no cpufreq here (a container, a VM without it): not recorded
    }
    cached = out;
    return out;
}

// EXTERNAL MODULE: ./src/platforms/log-tail.ts
var log_tail = __webpack_require__(12941);
// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
// EXTERNAL MODULE: ./src/platforms/local/isolation.ts
var isolation = __webpack_require__(43268);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/platforms/local/cli-path.ts
/**
 * The evalgate CLI a local job can run, for the `{evalgate}` placeholder: the bundle this process
 * came from (dist/cli/index.js of the same checkout or package, found from this module's place:
 * dist/<entry>/… in the bundles, src/platforms/local/ in the sources). A job runs it as
 * `"${EVALGATE_CLI}" bench http …` (the file is executable, `#!/usr/bin/env node`): jobs run with a
 * cleaned environment and, where the machine allows, in their own PID namespace, so neither
 * `npx evalgate` nor a PATH entry of the runner's can be relied on there.
 */



let found;
function runnerCli() {
    if (found !== undefined)
        return found;
    let dir = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const cli = external_node_path_default().join(dir, 'dist', 'cli', 'index.js');
        if ((0,external_node_fs_.existsSync)(cli) && (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, 'package.json')))
            return (found = cli);
        dir = external_node_path_default().dirname(dir);
    }
    // not beside a build: the one on the job's PATH, if any
    return (found = 'evalgate');
}

;// CONCATENATED MODULE: ./src/platforms/local/local.ts
/**
 * `local`: jobs as child processes on the runner, in parallel (bounded, default the number of
 * CPUs). Each job runs through /bin/sh in its own process group with its own output folder and
 * log; a timeout or a cancel kills the whole group (TERM, then KILL after a grace period), and so
 * does a job's normal exit, so a server a job left in the background does not outlive it.
 */











/** set in every local job's environment: the post step checks it before it signals a process group */
const JOB_MARKER = 'EVALGATE_JOB';
class LocalPlatform {
    opts;
    name = 'local';
    pollIntervalMs = 200;
    maxPollIntervalMs = 1000;
    jobs = new Map();
    queue = [];
    active = 0;
    limit;
    /** each job's folder, chosen when it is located: <workDir>/<name>, or beside it when that is not evalgate's */
    dirs = new Map();
    isolation;
    warnings;
    constructor(opts) {
        this.opts = opts;
        this.limit = Math.max(1, opts.concurrency ?? (0,external_node_os_.availableParallelism)());
        this.isolation = opts.isolation ?? (0,isolation/* chooseIsolation */.I1)();
        this.warnings = this.isolation.warning ? [this.isolation.warning] : [];
    }
    locate(_key, _shard, name, staged) {
        const dir = this.dirs.get(name) ?? (0,owned/* freeFolder */.$S)(external_node_path_default().join(this.opts.workDir, name));
        this.dirs.set(name, dir);
        return { model: staged.model, data: staged.data, out: external_node_path_default().join(dir, 'out'), evalgate: runnerCli() };
    }
    hashes = {};
    async stage(localOrUri, kind, signal) {
        // The runner is the platform: a local path is used where it is, made absolute.
        if ((0,fs/* isUri */.nh)(localOrUri))
            return localOrUri;
        const abs = external_node_path_default().resolve(this.opts.cwd, localOrUri);
        // hashed as the cloud platforms hash what they stage, for the fingerprint (SPEC §10); before
        // any job starts, so that the read never competes with a latency measurement
        if (kind)
            this.hashes[kind] = `sha256:${await (0,templates/* contentHash */.Ae)(abs, signal)}`;
        return abs;
    }
    hardware() {
        return runnerHardware();
    }
    async submit(job) {
        const existing = this.jobs.get(job.name);
        if (existing)
            return { job, id: job.name };
        // emptied only when it is evalgate's own (its marker inside); a folder that became someone
        // else's since it was located fails the submit (NotOwnedError), it is never removed
        const dir = this.dirs.get(job.name) ?? external_node_path_default().join(this.opts.workDir, job.name);
        await (0,owned/* claimFolder */.Pm)(dir);
        await external_node_fs_.promises.mkdir(external_node_path_default().join(dir, 'out'));
        let resolveDone;
        const done = new Promise((r) => (resolveDone = r));
        const run = { job, dir, status: { state: 'queued', platformStatus: 'queued' }, done, resolveDone, tail: new log_tail/* LogTail */.J3() };
        this.jobs.set(job.name, run);
        this.queue.push(run);
        this.pump();
        return { job, id: job.name };
    }
    pump() {
        while (this.active < this.limit && this.queue.length) {
            const run = this.queue.shift();
            if (run.status.state !== 'queued')
                continue;
            this.start(run);
        }
    }
    start(run) {
        this.active++;
        const log = (0,external_node_fs_.createWriteStream)(external_node_path_default().join(run.dir, 'log.txt'));
        const env = { ...(this.opts.env ?? process.env), ...run.job.env, [JOB_MARKER]: run.job.name };
        let launch;
        try {
            launch = this.isolation.launch(run.job.command, env, run.dir);
        }
        catch (e) {
            this.active--;
            run.status = { state: 'failed', platformStatus: 'spawn error', message: `could not start the job: ${e.message}` };
            log.end(() => run.resolveDone());
            queueMicrotask(() => this.pump());
            return;
        }
        const child = (0,external_node_child_process_.spawn)(launch.file, launch.args, {
            cwd: this.opts.cwd,
            env: launch.env,
            detached: true, // its own process group, so the whole tree can be signalled at once
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        run.child = child;
        run.status = { state: 'running', platformStatus: `running (pid ${child.pid})`, startedAt: Date.now() };
        child.stdout.pipe(log, { end: false });
        child.stderr.pipe(log, { end: false });
        const keep = (chunk) => run.tail.push(chunk);
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        // The log is complete when the job has exited and both pipes have closed, in either order
        // ('close' of a pipe can come before or after the child's 'exit').
        let pipesOpen = 2;
        let exited = false;
        const endLog = () => {
            if (exited && pipesOpen === 0)
                log.end();
        };
        const pipeClosed = () => {
            pipesOpen--;
            endLog();
        };
        child.stdout.once('close', pipeClosed);
        child.stderr.once('close', pipeClosed);
        log.once('close', () => run.resolveDone());
        run.timer = setTimeout(() => {
            run.timedOut = true;
            this.killGroup(run);
        }, 
        // setTimeout fires at once past 2^31-1 ms (24.8 days); longer is as good as no timeout
        Math.min(run.job.timeoutMinutes * 60_000, 2 ** 31 - 1));
        const finish = (code, signal, error) => {
            if (run.status.state !== 'running')
                return;
            clearTimeout(run.timer);
            // Nothing a job started may outlive it: its group goes too (ESRCH when already gone).
            this.signalGroup(child, 'SIGKILL');
            const finishedAt = Date.now();
            const base = { startedAt: run.status.startedAt, finishedAt };
            if (run.cancelled)
                run.status = { ...base, state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled' };
            else if (run.timedOut) {
                run.status = {
                    ...base,
                    state: 'failed',
                    platformStatus: 'timed out',
                    message: `timed out after ${run.job.timeoutMinutes} min (killed)`,
                };
            }
            else if (error)
                run.status = { ...base, state: 'failed', platformStatus: 'spawn error', message: error.message };
            else if (code === 0)
                run.status = { ...base, state: 'succeeded', platformStatus: 'exited 0' };
            else if (signal)
                run.status = { ...base, state: 'failed', platformStatus: `killed by ${signal}`, message: `killed by ${signal}` };
            else
                run.status = { ...base, state: 'failed', platformStatus: `exited ${code}`, message: `exited with code ${code}` };
            this.active--;
            this.pump();
            exited = true;
            endLog();
            if (pipesOpen > 0) {
                // Still open after the group was killed: a process that left the group (setsid) holds
                // them. Its output is cut, so that the run is not held hostage by it.
                const grace = setTimeout(() => {
                    if (pipesOpen === 0)
                        return;
                    const note = '\n[evalgate: output cut: a process that left the job still held it open]\n';
                    log.write(note);
                    run.tail.push(note);
                    child.stdout.destroy();
                    child.stderr.destroy();
                    pipesOpen = 0;
                    endLog();
                }, this.opts.pipeGraceMs ?? 2000);
                grace.unref();
            }
        };
        child.once('error', (e) => finish(null, null, e));
        // 'exit', not 'close': a background process the job left holds its stdout open, and 'close'
        // would wait for it. On exit the group is killed, which closes the pipes too.
        child.once('exit', (code, signal) => finish(code, signal));
    }
    signalGroup(child, signal) {
        if (!child?.pid)
            return;
        try {
            process.kill(-child.pid, signal);
        }
        catch {
            // the group is already gone
        }
    }
    killGroup(run) {
        this.signalGroup(run.child, 'SIGTERM');
        const t = setTimeout(() => this.signalGroup(run.child, 'SIGKILL'), this.opts.killGraceMs ?? 5000);
        t.unref();
    }
    async status(h) {
        return this.jobs.get(h.id).status;
    }
    async logs(h, lines) {
        const run = this.jobs.get(h.id);
        if (!run)
            return '';
        // the whole log can be gigabytes: its end was kept as it was written (the last of it arrives
        // once the pipes are drained, which the cut of a left-behind process bounds)
        let wait;
        await Promise.race([run.done, new Promise((r) => (wait = setTimeout(r, (this.opts.pipeGraceMs ?? 2000) + 1000)))]);
        clearTimeout(wait);
        return run.tail.text(lines);
    }
    async collect(h) {
        const run = this.jobs.get(h.id);
        await run.done;
        const out = [];
        const walk = async (dir) => {
            for (const e of await external_node_fs_.promises.readdir(dir, { withFileTypes: true })) {
                const p = external_node_path_default().join(dir, e.name);
                if (e.isDirectory())
                    await walk(p);
                else if (e.name.endsWith('.json'))
                    out.push(p);
            }
        };
        await walk(external_node_path_default().join(run.dir, 'out'));
        return out.sort();
    }
    async cancel(h) {
        const run = this.jobs.get(h.id);
        if (!run)
            return;
        if (run.status.state === 'queued') {
            run.status = { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled before it started' };
            run.resolveDone();
            return;
        }
        if (run.status.state !== 'running')
            return;
        run.cancelled = true;
        this.killGroup(run);
        await run.done;
    }
    saved(h) {
        const run = this.jobs.get(h.id);
        if (!run?.child?.pid || run.status.state !== 'running')
            return null;
        return { platform: this.name, name: run.job.name, id: h.id, pgid: run.child.pid };
    }
    async close() {
        await Promise.all([...this.jobs.values()].map((r) => this.cancel({ job: r.job, id: r.job.name })));
    }
}


/***/ }),

/***/ 12941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J3: () => (/* binding */ LogTail),
/* harmony export */   hk: () => (/* binding */ boundTail)
/* harmony export */ });
/* unused harmony exports TAIL_LINES, TAIL_LINE_BYTES */
/**
 * The end of a job's log in bounded memory, whatever the job writes: the last `maxLines` lines,
 * each cut at `maxLineBytes` (the full log goes to disk, or stays on the platform). A chunk is
 * scanned from its end, so a job writing gigabytes costs a few native searches per chunk.
 */
const NL = 0x0a;
const TAIL_LINES = 50;
const TAIL_LINE_BYTES = 4096;
class LogTail {
    maxLines;
    maxLineBytes;
    lines = [];
    partial = [];
    partialBytes = 0;
    partialCut = false;
    constructor(maxLines = TAIL_LINES, maxLineBytes = TAIL_LINE_BYTES) {
        this.maxLines = maxLines;
        this.maxLineBytes = maxLineBytes;
    }
    push(chunk) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        if (buf.length === 0)
            return;
        // the last maxLines + 1 newlines of the chunk, from the end
        const cuts = [];
        for (let i = buf.lastIndexOf(NL); i >= 0 && cuts.length <= this.maxLines; i = i > 0 ? buf.lastIndexOf(NL, i - 1) : -1)
            cuts.push(i);
        if (cuts.length === 0)
            return this.add(buf);
        cuts.reverse();
        let from = 0;
        if (cuts.length > this.maxLines) {
            // more complete lines in this chunk than are kept: what came before them is gone
            this.lines.length = 0;
            this.resetPartial();
            from = cuts[0] + 1;
            cuts.shift();
        }
        for (const at of cuts) {
            this.add(buf.subarray(from, at));
            this.endLine();
            from = at + 1;
        }
        if (from < buf.length)
            this.add(buf.subarray(from));
    }
    /** the last `n` lines (at most maxLines), the unfinished last line among them */
    text(n = this.maxLines) {
        const all = this.partialBytes || this.partialCut ? [...this.lines, this.current()] : this.lines;
        return n <= 0 ? '' : all.slice(-n).join('\n');
    }
    add(part) {
        const room = this.maxLineBytes - this.partialBytes;
        if (part.length > room)
            this.partialCut = true;
        const kept = part.subarray(0, Math.max(0, room));
        if (kept.length === 0)
            return;
        // a copy: a slice would keep the whole chunk alive
        this.partial.push(Buffer.from(kept));
        this.partialBytes += kept.length;
    }
    current() {
        const text = Buffer.concat(this.partial, this.partialBytes).toString('utf8');
        return this.partialCut ? `${text} [… line cut at ${this.maxLineBytes} bytes]` : text;
    }
    endLine() {
        this.lines.push(this.current());
        if (this.lines.length > this.maxLines)
            this.lines.shift();
        this.resetPartial();
    }
    resetPartial() {
        this.partial = [];
        this.partialBytes = 0;
        this.partialCut = false;
    }
}
/** `text` bounded as a job's tail is: its last `lines` lines, each cut at TAIL_LINE_BYTES */
function boundTail(text, lines = TAIL_LINES) {
    const tail = new LogTail(lines);
    tail.push(text);
    return tail.text(lines);
}


/***/ }),

/***/ 7903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ contentHash),
/* harmony export */   K3: () => (/* binding */ jobVars),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   xV: () => (/* binding */ readTemplate)
/* harmony export */ });
/* unused harmony exports TEMPLATES, templatesDir, fileSha256 */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4620);
/* harmony import */ var _abort_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24550);
/**
 * Job specs rendered from platforms/job_templates/: `{{name}}` is replaced by the value escaped
 * for where the template writes it (JSON/YAML: inside a double-quoted string; shell: one quoted
 * word), `{{{name}}}` by the value as is (a JSON object, a block of export lines).
 */






const TEMPLATES = {
    azure: { file: 'azure/job.yml', format: 'yaml' },
    volc: { file: 'volc/job.json', format: 'json' },
    bailian: { file: 'bailian/job.json', format: 'json' },
    dgx: { file: 'dgx/run.sh', format: 'sh' },
};
/**
 * The templates ship beside the code: two levels up from this module, whether it runs from
 * src/platforms/ (tests) or from a bundle in dist/<entry>/.
 */
function templatesDir() {
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url)), '..', '..', 'platforms', 'job_templates');
}
function renderTemplate(text, vars, format) {
    const missing = new Set();
    const escape = (v) => (format === 'sh' ? (0,_core_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .shellQuote */ .ZL)(v) : JSON.stringify(v).slice(1, -1));
    const out = text.replace(/\{\{\{([a-z0-9_]+)\}\}\}|\{\{([a-z0-9_]+)\}\}/g, (_m, raw, esc) => {
        const name = (raw ?? esc);
        const v = vars[name];
        if (v === undefined) {
            missing.add(name);
            return `<${name}>`;
        }
        return raw ? String(v) : escape(String(v));
    });
    return { text: out, missing: [...missing] };
}
async function readTemplate(platform) {
    return node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(templatesDir(), TEMPLATES[platform].file), 'utf8');
}
/**
 * The content address of a local file or folder: sha256 of the file, or of the sorted list of
 * (relative path, file sha256) of a folder. An unchanged model is staged under the same prefix
 * and never sent twice.
 */
async function contentHash(p, signal) {
    (0,_abort_js__WEBPACK_IMPORTED_MODULE_5__/* .throwIfCancelled */ .dZ)(signal);
    const st = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(p);
    if (st.isFile())
        return fileSha256(p, signal);
    const entries = [];
    const walk = async (dir) => {
        for (const e of (await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name);
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                entries.push(`${node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(p, full).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/')}\u0000${await contentHash(full, signal)}`);
        }
    };
    await walk(p);
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(entries.join('\n')).digest('hex');
}
/**
 * The sha256 of a file of any size, read in 4 MiB pieces into one reused buffer (a model checkpoint
 * is often well past 2 GiB, the largest buffer Node reads at once): memory stays at the buffer.
 * The run's cancel stops it between two pieces (a 100 GB checkpoint takes minutes to hash).
 */
async function fileSha256(file, signal) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fd = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(file, 'r');
    try {
        const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
        for (;;) {
            (0,_abort_js__WEBPACK_IMPORTED_MODULE_5__/* .throwIfCancelled */ .dZ)(signal);
            const { bytesRead } = await fd.read(buf, 0, buf.length, null);
            if (bytesRead === 0)
                break;
            h.update(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
        }
    }
    finally {
        await fd.close();
    }
    return h.digest('hex');
}
/** Common template variables of a job. */
function jobVars(job, gate) {
    return {
        job_name: job.name,
        job_key: job.key,
        display_name: `evalgate ${gate} ${job.key} ${job.shard.index}/${job.shard.count}${job.repeat ? ` repeat ${job.repeat.index}/${job.repeat.count}` : ''}`,
        gate,
        indicators: job.indicators.join(', '),
        shard_index: job.shard.index,
        shard_count: job.shard.count,
        command: job.command,
        timeout_minutes: Math.ceil(job.timeoutMinutes),
        timeout_seconds: Math.ceil(job.timeoutMinutes * 60),
        env_json: JSON.stringify(job.env),
        env_list_json: JSON.stringify(Object.entries(job.env).map(([Name, Value]) => ({ Name, Value, IsPrivate: false }))),
        env_exports: Object.entries(job.env)
            .map(([k, v]) => `export ${k}=${(0,_core_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .shellQuote */ .ZL)(v)}`)
            .join('\n'),
    };
}


/***/ }),

/***/ 50340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* binding */ runPipeline)
});

// UNUSED EXPORTS: POLL_CONCURRENCY, STATUS_READ_LIMIT, fencedTail, jobEnvironment, jobWithoutOutput, runFacts, runJobs, semaphore

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/stores/fs.ts
var fs = __webpack_require__(23135);
// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
// EXTERNAL MODULE: ./src/stores/out-lock.ts
var out_lock = __webpack_require__(93296);
// EXTERNAL MODULE: ./src/core/plan.ts
var plan = __webpack_require__(4620);
// EXTERNAL MODULE: ./src/engine.ts + 9 modules
var engine = __webpack_require__(82211);
// EXTERNAL MODULE: ./src/platforms/local/local.ts + 2 modules
var local = __webpack_require__(44061);
// EXTERNAL MODULE: ./src/platforms/local/isolation.ts
var local_isolation = __webpack_require__(43268);
;// CONCATENATED MODULE: ./src/platforms/platform.ts
const TERMINAL = ['succeeded', 'failed', 'cancelled'];
/** a SavedJob read back from JSON (the step state, a file): the fields every canceller needs */
/** A saved job's identity across the places it is saved (the step state, RUNNER_TEMP, the out folder's record). */
const savedJobKey = (j) => `${j.platform}\0${j.id}`;
function isSavedJob(j) {
    const v = j;
    return v !== null && typeof v === 'object' && typeof v.platform === 'string' && typeof v.name === 'string' && typeof v.id === 'string';
}

// EXTERNAL MODULE: ./src/core/sanitize.ts
var sanitize = __webpack_require__(89528);
;// CONCATENATED MODULE: ./src/progress.ts

const ICON = { queued: '…', running: '▶', succeeded: '✓', failed: '✗', cancelled: '-' };
class Progress {
    write;
    tty;
    now;
    state = new Map();
    drawn = 0;
    lastDraw = 0;
    jobs;
    /** `write` gets the terminal's cursor moves when `tty`: give it the raw stdout (Runtime.terminal) */
    constructor(jobs, write, tty, now = Date.now) {
        this.write = write;
        this.tty = tty;
        this.now = now;
        // a label is the config's job key: printed with the rest of the line, never as a control
        this.jobs = jobs.map((j) => ({ ...j, label: (0,sanitize/* printable */.g$)(j.label) }));
        for (const j of jobs)
            this.state.set(j.name, { state: 'queued', since: this.now() });
        if (!tty)
            this.write(`evalgate: ${jobs.length} job${jobs.length === 1 ? '' : 's'} submitted\n`);
    }
    update(name, state) {
        const s = this.state.get(name);
        if (!s || s.state === state)
            return;
        const t = this.now();
        if (state === 'running')
            s.started = t;
        if (state === 'succeeded' || state === 'failed' || state === 'cancelled')
            s.ended = t;
        s.state = state;
        s.since = t;
        if (!this.tty) {
            const job = this.jobs.find((j) => j.name === name);
            const elapsed = s.started !== undefined && s.ended !== undefined ? ` after ${((s.ended - s.started) / 1000).toFixed(1)} s` : '';
            this.write(`evalgate: ${job.label}: ${state}${elapsed}${this.tally()}\n`);
        }
        else
            this.draw(false);
    }
    /** Redraws the live lines (terminal only); called on each poll. */
    tick() {
        if (this.tty)
            this.draw(false);
    }
    done() {
        if (this.tty)
            this.draw(true);
    }
    tally() {
        const counts = new Map();
        for (const s of this.state.values())
            counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
        const done = (counts.get('succeeded') ?? 0) + (counts.get('failed') ?? 0) + (counts.get('cancelled') ?? 0);
        return ` (${done}/${this.jobs.length} done)`;
    }
    draw(force) {
        const t = this.now();
        if (!force && t - this.lastDraw < 250)
            return;
        this.lastDraw = t;
        const lines = this.jobs.map((j) => {
            const s = this.state.get(j.name);
            const from = s.started ?? s.since;
            const to = s.ended ?? t;
            const elapsed = s.state === 'queued' ? '' : ` ${((to - from) / 1000).toFixed(1)} s`;
            return `${ICON[s.state]} ${j.label.padEnd(28)} ${s.state}${elapsed}`;
        });
        // move up over what was drawn before, clear each line, draw anew
        const up = this.drawn ? `\x1b[${this.drawn}A` : '';
        this.write(up + lines.map((l) => `\x1b[2K${l}`).join('\n') + '\n');
        this.drawn = lines.length;
    }
}

// EXTERNAL MODULE: ./src/platforms/log-tail.ts
var log_tail = __webpack_require__(12941);
// EXTERNAL MODULE: ./src/platforms/credentials.ts
var platforms_credentials = __webpack_require__(70626);
;// CONCATENATED MODULE: ./src/platforms/cancel-saved.ts
const CANCELLERS = {
    local: async (list) => (await __webpack_require__.e(/* import() */ 334).then(__webpack_require__.bind(__webpack_require__, 67334))).cancelSavedLocal(list),
    dgx: async (list, e) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(472), __webpack_require__.e(153), __webpack_require__.e(902)]).then(__webpack_require__.bind(__webpack_require__, 13902))).cancelSavedDgx(list, e),
    azure: async (list, e) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(421), __webpack_require__.e(662), __webpack_require__.e(815), __webpack_require__.e(439), __webpack_require__.e(703), __webpack_require__.e(414)]).then(__webpack_require__.bind(__webpack_require__, 11414))).cancelSavedAzure(list, e),
    volc: async (list, e) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(869), __webpack_require__.e(147), __webpack_require__.e(705), __webpack_require__.e(727), __webpack_require__.e(279)]).then(__webpack_require__.bind(__webpack_require__, 99279))).cancelSavedVolc(list, e),
    bailian: async (list, e) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(421), __webpack_require__.e(869), __webpack_require__.e(819), __webpack_require__.e(500), __webpack_require__.e(719), __webpack_require__.e(648), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 83803))).cancelSavedBailian(list, e),
};
/** every job's outcome, in the order given per platform; a canceller that throws fails its jobs with its message */
async function cancelSavedJobs(jobs, env) {
    const byPlatform = new Map();
    for (const j of jobs)
        byPlatform.set(j.platform, [...(byPlatform.get(j.platform) ?? []), j]);
    const out = [];
    for (const [platform, list] of byPlatform) {
        const cancel = CANCELLERS[platform];
        if (!cancel) {
            for (const job of list)
                out.push({ job, result: 'failed', detail: `cannot cancel ${platform} jobs in this version` });
            continue;
        }
        try {
            out.push(...(await cancel(list, env)));
        }
        catch (e) {
            for (const job of list)
                out.push({ job, result: 'failed', detail: e?.message ?? String(e) });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/platforms/abort.ts
var abort = __webpack_require__(24550);
;// CONCATENATED MODULE: ./src/stores/left-jobs.ts
/**
 * The jobs a run started and that may still be running, kept in its `--out` folder
 * (`<out>/.evalgate-jobs.json`) while it runs, so that the next run in that folder finds what a
 * killed run (SIGKILL, a lost machine) left: it attaches to the remote jobs it plans again under
 * the same names, and cancels every other one (SPEC §1; issue #16 item 7). The file is rewritten
 * atomically whenever the set changes and removed when nothing is left running.
 */



const LEFT_JOBS_FILE = '.evalgate-jobs.json';
/** what an earlier run left in `outDir` (null: nothing); an unreadable file is named in `problem` */
function readLeftJobs(outDir) {
    const file = external_node_path_default().join(outDir, LEFT_JOBS_FILE);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return { left: null };
    }
    try {
        const v = JSON.parse(text);
        if (!v || typeof v !== 'object' || !Array.isArray(v.jobs))
            throw new Error('expected {"run_id", "pid", "jobs": [...]}');
        const jobs = v.jobs.filter(isSavedJob);
        return { left: { run_id: String(v.run_id ?? ''), pid: Number(v.pid) || 0, jobs } };
    }
    catch (e) {
        return { left: null, problem: `${file}: ${e.message}` };
    }
}
/** records the jobs of run `runId` that may still be running (`carried`: an earlier run's that could not be cancelled) */
function leftJobsRecorder(outDir, runId, carried = []) {
    const file = external_node_path_default().join(outDir, LEFT_JOBS_FILE);
    return (jobs) => writeRecord(file, { run_id: runId, pid: process.pid, jobs: [...carried, ...jobs] });
}
/** The record written atomically, or removed when it lists no job; a folder gone away is no error. */
function writeRecord(file, record) {
    try {
        if (record.jobs.length === 0) {
            (0,external_node_fs_.rmSync)(file, { force: true });
            return;
        }
        const tmp = `${file}.${process.pid}.tmp`;
        (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(record) + '\n');
        (0,external_node_fs_.renameSync)(tmp, file);
    }
    catch {
        // the folder went away: the action's post step has its own record
    }
}
/**
 * Drops from `outDir`'s record the jobs `settled` says are dealt with (cancelled, gone, not ours):
 * what the action's post step cancelled is not cancelled again, with a warning, by the next run in
 * that folder (a self-hosted runner keeps its workspace). The rest stay for the next run to try.
 */
function forgetLeftJobs(outDir, settled) {
    const { left } = readLeftJobs(outDir);
    if (!left)
        return;
    const keep = left.jobs.filter((j) => !settled(j));
    if (keep.length < left.jobs.length)
        writeRecord(path.join(outDir, LEFT_JOBS_FILE), { ...left, jobs: keep });
}

// EXTERNAL MODULE: ./src/core/fingerprint.ts
var fingerprint = __webpack_require__(75527);
;// CONCATENATED MODULE: ./src/run.ts
/**
 * `evalgate run`: plan → stage → submit → wait → collect → validate & merge → gate → report.
 * Every remote job the run started is cancelled when the run fails, times out or is cancelled.
 */



















const LOG_TAIL = 50;
/** status calls in flight at once while polling */
const POLL_CONCURRENCY = 16;
/** failed status reads of one job in a row before it counts as failed */
const STATUS_READ_LIMIT = 5;
/** runs at most `limit` of the functions given to it at once, the others waiting in order */
function semaphore(limit) {
    let active = 0;
    const waiting = [];
    return async (fn) => {
        if (active >= limit)
            await new Promise((r) => waiting.push(r));
        active++;
        try {
            return await fn();
        }
        finally {
            active--;
            waiting.shift()?.();
        }
    };
}
const label = (j) => (j.shard.count > 1 ? `${j.key} ${j.shard.index + 1}/${j.shard.count}` : j.key) +
    (j.repeat ? ` repeat ${j.repeat.index + 1}/${j.repeat.count}` : '');
function usesPlaceholder(settings, name) {
    return Object.entries(settings.jobs).find(([, j]) => j.command.includes(`{${name}}`))?.[0];
}
/**
 * What a job's process inherits: the runner's environment without the credentials of the action
 * itself. Evaluation jobs run model code; they get no GitHub token, no artifact-service token,
 * no OIDC request token and no action input (INPUT_GITHUB-TOKEN among them). A job that needs a
 * secret names it in its `env`.
 */
function jobEnvironment(env) {
    const out = {};
    const credentials = new Set(platforms_credentials/* CREDENTIAL_ENV */.c);
    for (const [k, v] of Object.entries(env)) {
        if (/^INPUT_/i.test(k) || /^ACTIONS_(RUNTIME|ID_TOKEN_REQUEST|RESULTS|CACHE)_/i.test(k) || /^(GITHUB_TOKEN|GH_TOKEN)$/i.test(k))
            continue;
        // the step's file commands: a job must not set the step's outputs, state, env or summary
        if (/^GITHUB_(OUTPUT|STATE|ENV|PATH|STEP_SUMMARY)$/i.test(k))
            continue;
        // platform credentials are evalgate's, not the job's (a job names what it needs in its env)
        if (credentials.has(k.toUpperCase()))
            continue;
        out[k] = v;
    }
    return out;
}
const planInput = (s) => ({ jobs: s.jobs, required: s.indicators, timeoutMinutes: s.timeoutMinutes, configFile: s.configFile });
/**
 * One run at a time per --out (its lock file, SPEC §1: runs never collide); a dry run writes
 * nothing there and takes no lock.
 */
async function runPipeline(settings, rt, opts = {}) {
    if (settings.dryRun)
        return pipeline(settings, rt, opts);
    let release;
    try {
        release = await (0,out_lock/* lockOut */.g)(rt.cwd, settings.out, opts.flag?.('out') ?? '--out');
    }
    catch (e) {
        if (!(e instanceof problem/* EvalgateError */.ax))
            throw e;
        for (const p of e.problems)
            rt.stderr(`error: ${(0,problem/* formatProblem */.Vw)(p)}\n`);
        return { exitCode: e.exitCode, problems: e.problems };
    }
    try {
        return await pipeline(settings, rt, opts);
    }
    finally {
        await release();
    }
}
async function pipeline(settings, rt, opts) {
    // the run's signal reaches every platform call (uploads in parallel, pollers): no leak warning
    if (opts.signal)
        (0,external_node_events_.setMaxListeners)(0, opts.signal);
    const problems = [];
    const flag = opts.flag ?? ((name) => `--${name}`);
    const fail = (ps) => {
        for (const p of ps)
            rt.stderr(`error: ${(0,problem/* formatProblem */.Vw)(p)}\n`);
        return { exitCode: problem/* ExitCode */.yU.InvalidInput, problems: ps };
    };
    const outDir = external_node_path_default().resolve(rt.cwd, settings.out);
    // Results given: nothing to run, gate them (the action's `results` input, `run --results`).
    if (settings.results) {
        const left = settings.dryRun ? { carried: [], warnings: [] } : await pickUpLeftJobs(outDir, settings.platform, [], rt);
        const gate = await (0,engine.runGate)(settings, rt, { baseline: opts.baseline, ...(left.warnings.length ? { warnings: left.warnings } : {}) });
        return { exitCode: gate.exitCode, gate };
    }
    for (const kind of ['model', 'data']) {
        const user = usesPlaceholder(settings, kind);
        if (user && !settings[kind]) {
            problems.push({
                file: settings.configFile ?? 'config',
                path: kind,
                expected: `a path or URI (jobs.${user}.command uses {${kind}})`,
                found: 'nothing',
            });
        }
    }
    // a local model or data path must exist before anything is sent; a URI is passed through
    for (const kind of ['model', 'data']) {
        const src = settings[kind];
        if (!src || (0,fs/* isUri */.nh)(src))
            continue;
        try {
            await external_node_fs_.promises.stat(external_node_path_default().resolve(rt.cwd, src));
        }
        catch {
            problems.push({
                file: settings.configFile ?? flag(kind),
                path: kind,
                expected: 'an existing file or folder, or a URI',
                found: `${JSON.stringify(src)} (no such file or folder)`,
            });
        }
    }
    if (problems.length)
        return fail(problems);
    const id = (0,plan/* runIdentity */.yK)(rt.env, external_node_path_default().basename(rt.cwd), settings.name, rt.now());
    const workDir = external_node_path_default().resolve(rt.cwd, settings.out, 'jobs');
    let platform;
    if (opts.platform)
        platform = opts.platform;
    // Each platform's module (and the SDKs it bundles) is loaded only when that platform is chosen:
    // a command pays the start-up of the code it uses (SPEC §8).
    else if (settings.platform === 'dgx') {
        const { createDgxPlatform } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(472), __webpack_require__.e(153)]).then(__webpack_require__.bind(__webpack_require__, 55153));
        const created = createDgxPlatform(settings, {
            cwd: rt.cwd,
            env: rt.env,
            jobEnv: jobEnvironment(rt.env),
            workDir,
            ...(opts.signal ? { signal: opts.signal } : {}),
        });
        if (!created.platform)
            return fail(created.problems);
        platform = created.platform;
    }
    else if (settings.platform === 'azure') {
        const { createAzurePlatform } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(421), __webpack_require__.e(662), __webpack_require__.e(815), __webpack_require__.e(439), __webpack_require__.e(703), __webpack_require__.e(590)]).then(__webpack_require__.bind(__webpack_require__, 63590));
        const created = createAzurePlatform(settings, { cwd: rt.cwd, env: rt.env, workDir, ...(opts.signal ? { signal: opts.signal } : {}) });
        if (!created.platform)
            return fail(created.problems);
        platform = created.platform;
    }
    else if (settings.platform === 'volc') {
        const { createVolcPlatform } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(869), __webpack_require__.e(147), __webpack_require__.e(705), __webpack_require__.e(727), __webpack_require__.e(675)]).then(__webpack_require__.bind(__webpack_require__, 6675));
        const created = createVolcPlatform(settings, { cwd: rt.cwd, env: rt.env, workDir, ...(opts.signal ? { signal: opts.signal } : {}) });
        if (!created.platform)
            return fail(created.problems);
        platform = created.platform;
    }
    else if (settings.platform === 'bailian') {
        const { createBailianPlatform } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(421), __webpack_require__.e(869), __webpack_require__.e(819), __webpack_require__.e(500), __webpack_require__.e(719), __webpack_require__.e(648), __webpack_require__.e(359)]).then(__webpack_require__.bind(__webpack_require__, 11359));
        const created = createBailianPlatform(settings, { cwd: rt.cwd, env: rt.env, workDir, ...(opts.signal ? { signal: opts.signal } : {}) });
        if (!created.platform)
            return fail(created.problems);
        platform = created.platform;
    }
    else {
        let isolation;
        try {
            isolation = (0,local_isolation/* chooseIsolation */.I1)(rt.env[local_isolation/* ISOLATION_ENV */.H_]);
        }
        catch (e) {
            return fail([
                { file: local_isolation/* ISOLATION_ENV */.H_, expected: 'a way of isolating local jobs that works on this machine', found: e.message },
            ]);
        }
        platform = new local/* LocalPlatform */.n({ cwd: rt.cwd, workDir, concurrency: settings.concurrency, env: jobEnvironment(rt.env), isolation });
    }
    // stage() passes a URI through and stages a local path
    // the platform itself failing (unreachable node, refused host key, sbatch error) fails the run
    // with the platform's own words: exit 3, and a report; every job it started was cancelled
    const platformFailure = async (e) => {
        await platform.close?.().catch(() => { });
        const message = e?.message ?? String(e);
        rt.stderr(`error: ${settings.platform}: ${(0,sanitize/* printable */.g$)(message)}\n`);
        const gate = await (0,engine.runGate)(settings, rt, {
            files: [],
            jobs: [],
            platformFailure: `${settings.platform}: ${message}`,
            baseline: opts.baseline,
            warnings: [`${settings.platform}: ${message}`],
        });
        return { exitCode: gate.exitCode, gate };
    };
    let where;
    try {
        where = {
            model: settings.model ? await platform.stage(settings.model, 'model', opts.signal) : '',
            data: settings.data ? await platform.stage(settings.data, 'data', opts.signal) : '',
        };
    }
    catch (e) {
        if (settings.dryRun)
            throw e;
        // Ctrl-C during an upload (or its throttled backoff): no job was submitted, nothing to cancel
        if (opts.signal?.aborted)
            return platformFailure(new Error('the run was cancelled while staging; no job was submitted'));
        return platformFailure(e);
    }
    const planned = (0,plan/* plan */.et)(planInput(settings), id, (key, shard, name) => platform.locate(key, shard, name, where));
    if (planned.problems.length)
        return fail(planned.problems);
    if (settings.dryRun && platform.describe) {
        rt.stdout(await platform.describe(planned.jobs));
        return { exitCode: problem/* ExitCode */.yU.Ok };
    }
    if (settings.dryRun) {
        for (const job of planned.jobs) {
            const env = Object.entries(job.env)
                .map(([k, v]) => `${k}=${(0,plan/* shellQuote */.ZL)(v)}`)
                .join(' \\\n    ');
            rt.stdout(`# ${job.name} (${label(job)}; timeout ${job.timeoutMinutes} min)\n(cd ${(0,plan/* shellQuote */.ZL)(rt.cwd)} && mkdir -p ${(0,plan/* shellQuote */.ZL)(job.env.EVALGATE_OUT)} && env ${env} \\\n    /bin/sh -c ${(0,plan/* shellQuote */.ZL)(job.command)})\n\n`);
        }
        return { exitCode: problem/* ExitCode */.yU.Ok };
    }
    // what a run killed in this --out left: attached to where this run plans it again, else cancelled
    const left = await pickUpLeftJobs(outDir, platform.name, planned.jobs, rt);
    const record = leftJobsRecorder(outDir, id.runId, left.carried);
    record([]);
    const onActiveJobs = (list) => {
        record(list);
        opts.onActiveJobs?.(list);
    };
    let outcome;
    try {
        outcome = await runJobs(platform, planned.jobs, rt, { ...opts, onActiveJobs });
    }
    catch (e) {
        return platformFailure(e);
    }
    // confirm (SPEC §9): the jobs behind a failing rule run again before the rule fails
    let confirmed;
    try {
        confirmed = await confirmRuns(settings, rt, platform, planned.jobs, where, outcome, { ...opts, onActiveJobs });
    }
    catch (e) {
        return platformFailure(e);
    }
    await platform.close?.();
    const failed = outcome.filter((o) => o.status.state !== 'succeeded');
    for (const o of failed.filter((f) => f.status.state === 'failed')) {
        rt.stderr(`error: job ${o.job.name} (${(0,sanitize/* printable */.g$)(label(o.job))}) failed: ${(0,sanitize/* printable */.g$)(o.status.message ?? o.status.platformStatus)}\n`);
        if (o.logTail)
            rt.stderr(`  last ${LOG_TAIL} lines of its log:\n${(0,sanitize/* printable */.g$)(o.logTail)
                .split('\n')
                .map((l) => `  | ${l}`)
                .join('\n')}\n`);
    }
    // A job that exited 0 but wrote no indicator file: almost always a command that ignores {out}.
    const silent = opts.signal?.aborted ? [] : outcome.filter((o) => o.status.state === 'succeeded' && o.files.length === 0);
    const silentProblems = silent.map((o) => jobWithoutOutput(o));
    for (const p of silentProblems)
        rt.stderr(`error: ${(0,problem/* formatProblem */.Vw)(p)}\n`);
    if (opts.signal?.aborted)
        rt.stderr(`evalgate: run cancelled; ${outcome.filter((o) => o.status.state === 'cancelled').length} job(s) cancelled\n`);
    const files = outcome.flatMap((o) => o.files).map((f) => external_node_path_default().relative(rt.cwd, f) || f);
    // every file a repeat's job wrote is of that repeat (the job need not say so itself)
    const repeatOf = (0,plan/* repeatTags */.N7)(outcome, rt.cwd);
    const jobs = [...outcome.map((o) => jobRecord(o)), ...confirmed.reruns.map((r) => jobRecord(r.outcome, r.attempt))];
    const warnings = [...(platform.warnings ?? []), ...left.warnings];
    for (const w of warnings)
        rt.stderr(`warning: ${(0,sanitize/* printable */.g$)(w)}\n`);
    // a failed, timed-out or cancelled job fails the verdict (the gate derives it from `jobs`)
    const gate = await (0,engine.runGate)(settings, rt, {
        files,
        jobs,
        baseline: opts.baseline,
        warnings,
        facts: runFacts(platform, planned.jobs),
        problems: [...silentProblems, ...confirmed.problems],
        repeatOf,
        ...(confirmed.baseline ? { loadedBaseline: confirmed.baseline, attempts: confirmed.attempts } : {}),
    });
    return { exitCode: gate.exitCode, gate };
}
/**
 * What the run knows of what its indicators were measured on (SPEC §10): the sha256 of what was
 * staged and of the code snapshot, and per indicator the hardware its jobs ran on as far as the
 * platform knows (jobs of one indicator on different hardware: every value, as files that disagree).
 */
function runFacts(platform, jobs) {
    const h = platform.hashes ?? {};
    const facts = {
        ...(h.model ? { model: h.model } : {}),
        ...(h.data ? { dataset: h.data } : {}),
        ...(h.code ? { code: h.code } : {}),
    };
    if (!platform.hardware)
        return facts;
    const seen = new Map();
    for (const job of jobs) {
        const hw = platform.hardware(job);
        for (const indicator of job.indicators) {
            if (!(0,fingerprint/* measuresHardware */.ov)(indicator))
                continue;
            const per = seen.get(indicator) ?? new Map();
            seen.set(indicator, per);
            for (const f of fingerprint/* HARDWARE_FIELDS */.DW) {
                const v = hw[f];
                if (v)
                    per.set(f, (per.get(f) ?? new Set()).add(v));
            }
        }
    }
    const hardware = {};
    for (const [indicator, per] of seen) {
        const one = {};
        for (const [f, values] of per)
            one[f] = (0,fingerprint/* joinDistinct */.BS)(values);
        if (Object.keys(one).length)
            hardware[indicator] = one;
    }
    return Object.keys(hardware).length ? { ...facts, hardware } : facts;
}
function jobRecord(o, attempt) {
    return {
        indicator: o.job.indicators.join(','),
        shard: o.job.shard.index,
        ...(o.job.repeat ? { repeat: o.job.repeat.index } : {}),
        platform_id: o.handle?.id ?? null,
        platform_url: o.handle?.url ?? null,
        status: o.status.state,
        duration_s: o.status.startedAt && o.status.finishedAt ? Math.round((o.status.finishedAt - o.status.startedAt) / 100) / 10 : null,
        ...(o.status.message ? { message: o.status.message } : {}),
        ...(attempt ? { attempt } : {}),
    };
}
/**
 * `confirm: N` after the first attempt, when every job of it succeeded (a failed job fails the run
 * whatever its files say): see confirm-phase.ts. The baseline is read once, here, and handed on to
 * the final gate. A rerun that succeeded without writing a file is a problem, as a first job is.
 */
async function confirmRuns(settings, rt, platform, planned, staged, outcome, opts) {
    const none = { reruns: [], attempts: {}, problems: [] };
    if (settings.confirm <= 0 || opts.signal?.aborted || outcome.some((o) => o.status.state !== 'succeeded' || o.files.length === 0))
        return none;
    const baseline = await (0,engine.loadBaseline)(settings, rt, opts.baseline);
    if (baseline.problems.length)
        return { ...none, baseline };
    const files = outcome.flatMap((o) => o.files).map((f) => external_node_path_default().relative(rt.cwd, f) || f);
    const { confirmPhase } = await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 29641));
    const r = await confirmPhase({
        settings,
        rt,
        platform,
        planned,
        staged,
        files,
        repeatOf: (0,plan/* repeatTags */.N7)(outcome, rt.cwd),
        baseline,
        run: (jobs) => runJobs(platform, jobs, rt, opts),
    });
    const silent = r.reruns
        .filter((x) => x.outcome.status.state === 'succeeded' && x.outcome.files.length === 0)
        .map((x) => jobWithoutOutput(x.outcome));
    for (const x of r.reruns.filter((y) => y.outcome.status.state === 'failed'))
        rt.stderr(`error: job ${x.outcome.job.name} (confirm attempt ${x.attempt}) failed: ${(0,sanitize/* printable */.g$)(x.outcome.status.message ?? x.outcome.status.platformStatus)}\n`);
    return { reruns: r.reruns, attempts: r.attempts, problems: [...r.problems, ...silent], baseline };
}
/**
 * The jobs an earlier run in this `--out` recorded as possibly running and never saw end (it was
 * killed): a remote job this run plans again under the same name is left for submit to attach to;
 * every other one (another run id, a job no longer planned, any local process) is cancelled now.
 * Returns the ones that could not be cancelled (kept on record for the next run, and warned about).
 */
async function pickUpLeftJobs(outDir, platformName, planned, rt) {
    const { left, problem } = readLeftJobs(outDir);
    const warnings = [];
    if (problem) {
        warnings.push(`${problem}: not a record of jobs; ignored`);
        rt.stderr(`warning: ${(0,sanitize/* printable */.g$)(warnings[0])}\n`);
    }
    if (!left?.jobs.length)
        return { carried: [], warnings };
    const names = new Set(planned.map((j) => j.name));
    const attach = left.jobs.filter((j) => j.platform === platformName && platformName !== 'local' && names.has(j.name));
    const cancel = left.jobs.filter((j) => !attach.includes(j));
    rt.stderr(`evalgate: an earlier run here (run id ${(0,sanitize/* printable */.g$)(left.run_id)}, pid ${left.pid}) ended with ${left.jobs.length} job(s) still recorded as running: ` +
        `attaching to ${attach.length}, cancelling ${cancel.length}\n`);
    for (const j of attach)
        rt.stderr(`evalgate: job ${(0,sanitize/* printable */.g$)(j.name)}: attaching (this run plans it under the same name)\n`);
    const carried = [];
    // a job carried over from a run before (it could not cancel it) keeps the run that started it
    const leftBy = (j) => (typeof j.left_by === 'string' ? j.left_by : left.run_id);
    for (const o of await cancelSavedJobs(cancel, rt.env)) {
        rt.stderr(`evalgate: job ${(0,sanitize/* printable */.g$)(o.job.name)} (left by run ${(0,sanitize/* printable */.g$)(leftBy(o.job))}): ${o.result}${o.detail ? ` (${(0,sanitize/* printable */.g$)(o.detail)})` : ''}\n`);
        if (o.result === 'failed') {
            carried.push({ ...o.job, left_by: leftBy(o.job) });
            warnings.push(`${o.job.platform} job ${o.job.name} (${o.job.id}), left running by run ${leftBy(o.job)}, could not be cancelled: ${o.detail ?? 'unknown'}`);
        }
    }
    return { carried, warnings };
}
/** Text from a job's log as it may reach a terminal or a CI log: no control characters but tab. */
const plain = (line) => line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '?');
/** The tail of a job's log, each line fenced with "  | " so that none can start a workflow command. */
function fencedTail(tail, lines = LOG_TAIL) {
    const all = (tail ?? '').split(/\r?\n/).filter((l, i, a) => l !== '' || i < a.length - 1);
    if (all.length === 0 || (all.length === 1 && all[0] === ''))
        return 'its log is empty';
    const last = all.slice(-lines);
    return `the last ${last.length} line${last.length === 1 ? '' : 's'} of its log:\n${last.map((l) => `  | ${plain(l)}`).join('\n')}`;
}
/** The problem of a job that succeeded but wrote no indicator file: the job, its {out} and its log. */
function jobWithoutOutput(o) {
    const j = o.job;
    return {
        subject: `job ${j.name} (${j.indicators.join(', ')}, shard ${j.shard.index + 1}/${j.shard.count})`,
        expected: `an indicator file (*.json) written to its {out} folder ${j.env.EVALGATE_OUT ?? ''} (the command must write there)`.replace('  ', ' '),
        found: `none: the job succeeded but wrote nothing there; ${fencedTail(o.logTail)}`,
    };
}
/**
 * Submits every job, then polls with backoff and jitter until all are done. The first failure
 * cancels the rest (a failed job fails the run, and jobs left running on a paid cluster cost
 * money); so do a timeout and an abort.
 */
async function runJobs(platform, jobs, rt, opts = {}) {
    const progress = new Progress(jobs.map((j) => ({ name: j.name, label: label(j) })), rt.isTTY ? (rt.terminal ?? rt.stdout) : rt.stdout, rt.isTTY ?? false);
    const out = jobs.map((job) => ({ job, status: { state: 'queued', platformStatus: 'not submitted' }, files: [] }));
    if (opts.signal)
        (0,external_node_events_.setMaxListeners)(0, opts.signal);
    const cancelAll = async (reason) => {
        await Promise.all(out.map(async (o) => {
            if (TERMINAL.includes(o.status.state))
                return;
            if (o.handle) {
                // after a Ctrl-C, its own budget (not the run's signal, which has fired): the stop is sent
                // whatever the run's state, and a throttled platform cannot hold the exit past SPEC §8's
                // 10 s; after a failed job, the platform's own wait for the stop to be done
                const deadline = opts.signal?.aborted ? AbortSignal.timeout(abort/* CANCEL_BUDGET_MS */.W3) : undefined;
                try {
                    await (0,abort/* raceAbort */.Mu)(platform.cancel(o.handle, deadline), deadline);
                }
                catch (e) {
                    rt.stderr(`warning: could not cancel ${o.job.name}: ${(0,sanitize/* printable */.g$)(e.message)}\n`);
                }
                // a job that ended on its own before the cancel reached it keeps its own end (one read,
                // bounded: a cancel must not wait on a throttled platform)
                const read = AbortSignal.timeout(1000);
                const last = await (0,abort/* raceAbort */.Mu)(platform.status(o.handle, read), read).catch(() => null);
                if (last && (last.state === 'succeeded' || last.state === 'failed')) {
                    o.status = last;
                    progress.update(o.job.name, last.state);
                    return;
                }
            }
            o.status = { ...o.status, state: 'cancelled', platformStatus: 'cancelled', message: reason, finishedAt: Date.now() };
            progress.update(o.job.name, 'cancelled');
        }));
    };
    let lastSaved = '[]';
    const publish = () => {
        if (!opts.onActiveJobs)
            return;
        const active = out.flatMap((o) => (o.handle && !TERMINAL.includes(o.status.state) ? [platform.saved?.(o.handle) ?? null] : []));
        const list = active.filter((s) => s !== null);
        const text = JSON.stringify(list);
        if (text === lastSaved)
            return;
        lastSaved = text;
        opts.onActiveJobs(list);
    };
    try {
        await platform.prepare?.(jobs, opts.signal);
        for (const o of out) {
            if (opts.signal?.aborted)
                break;
            try {
                // a submit the abort interrupted returns the job its request created when it finds it
                // by name (then it is cancelled below with the others), else throws the abort
                o.handle = await platform.submit(o.job, opts.signal);
            }
            catch (e) {
                if (!opts.signal?.aborted)
                    throw e;
                break;
            }
            publish();
        }
        opts.onSubmitted?.(out.flatMap((o) => (o.handle ? [{ name: o.job.name, ...(o.handle.url ? { url: o.handle.url } : {}) }] : [])));
        // a job's time limit counts from its start, never while it waits for a slot or a node
        const seenRunning = new Map();
        const cap = opts.maxPollMs ?? platform.maxPollIntervalMs;
        // consecutive failed status reads per job: a read that fails (after the platform client's own
        // retries) is tried again on the next poll; only STATUS_READ_LIMIT failures in a row fail the job
        const readFailures = new Map();
        // ends every poller: an abort of the run, or a failed job
        const stop = new AbortController();
        // every poller and every call in flight listens on it (a fan-out of thousands): no leak warning
        (0,external_node_events_.setMaxListeners)(0, stop.signal);
        const stopAll = () => stop.abort();
        opts.signal?.addEventListener('abort', stopAll, { once: true });
        if (opts.signal?.aborted)
            stop.abort();
        /** a status answer (or a read that failed) applied to its job: true when that job failed */
        const apply = async (o, read) => {
            let status;
            if ('status' in read) {
                status = read.status;
                readFailures.delete(o);
            }
            else {
                const n = (readFailures.get(o) ?? 0) + 1;
                readFailures.set(o, n);
                const why = (0,sanitize/* printable */.g$)(read.error?.message ?? String(read.error));
                if (n < STATUS_READ_LIMIT) {
                    if (n === 1)
                        rt.stderr(`warning: job ${o.job.name}: its status could not be read (${why}); trying again on the next poll\n`);
                    return false;
                }
                status = {
                    ...o.status,
                    state: 'failed',
                    platformStatus: 'status unreadable',
                    message: `its status could not be read ${n} times in a row: ${why}`,
                    finishedAt: Date.now(),
                };
            }
            o.status = status;
            progress.update(o.job.name, o.status.state);
            let failed = o.status.state === 'failed';
            if (o.status.state === 'running' && !seenRunning.has(o))
                seenRunning.set(o, Date.now());
            const startedAt = o.status.startedAt ?? seenRunning.get(o);
            if (!TERMINAL.includes(o.status.state) && startedAt !== undefined && Date.now() - startedAt > o.job.timeoutMinutes * 60_000 + 5_000) {
                await platform.cancel(o.handle);
                o.status = {
                    ...o.status,
                    state: 'failed',
                    platformStatus: 'timed out',
                    message: `timed out after ${o.job.timeoutMinutes} min (cancelled)`,
                    finishedAt: Date.now(),
                };
                progress.update(o.job.name, 'failed');
                failed = true;
            }
            return failed;
        };
        const poll = async (o) => {
            let read;
            try {
                read = { status: await platform.status(o.handle, stop.signal) };
            }
            catch (e) {
                read = { error: e };
            }
            // the run stopped while this call was out (a Ctrl-C during a throttled call's backoff): its
            // answer must not overwrite the job's cancellation
            if (stop.signal.aborted)
                return false;
            return apply(o, read);
        };
        // Each job is polled on its own, with its own backoff and jitter, and at most
        // POLL_CONCURRENCY status calls are in flight: a slow or throttled call (retried inside the
        // platform's client) never holds up the status of the others. The first failure stops all.
        // A platform with a list call (statusMany) reads every job of the run from it instead, once per
        // poll interval, in its own loop; a job the list does not return is polled on its own from then on.
        const slots = semaphore(POLL_CONCURRENCY);
        let failed = false;
        const ticker = setInterval(() => progress.tick(), 1000);
        const follow = async (o) => {
            let interval = platform.pollIntervalMs;
            while (!stop.signal.aborted && !TERMINAL.includes(o.status.state)) {
                const jobFailed = await slots(() => (stop.signal.aborted ? Promise.resolve(false) : poll(o)));
                publish();
                if (jobFailed) {
                    failed = true;
                    stop.abort();
                    return;
                }
                if (TERMINAL.includes(o.status.state))
                    return;
                // backoff with jitter: a thousand pollers must not hit the platform in step
                await (0,abort/* sleepUnlessAborted */.bp)(interval * (0.8 + Math.random() * 0.4), stop.signal);
                interval = Math.min(cap, Math.ceil(interval * 1.5));
            }
        };
        const tasks = [];
        const listed = new Set();
        const listLoop = async (statusMany) => {
            // no backoff: one list call answers for every job, so its cost does not grow with the wait
            const interval = Math.min(cap, platform.pollIntervalMs);
            let failures = 0;
            while (!stop.signal.aborted) {
                const batch = [...listed].filter((o) => !TERMINAL.includes(o.status.state));
                if (!batch.length)
                    return;
                let answer = null;
                const began = Date.now();
                try {
                    answer = await statusMany(batch.map((o) => o.handle), stop.signal);
                    failures = 0;
                }
                catch (e) {
                    if (stop.signal.aborted)
                        return;
                    failures++;
                    const why = (0,sanitize/* printable */.g$)(e?.message ?? String(e));
                    if (failures === 1)
                        rt.stderr(`warning: the ${platform.name} job list could not be read (${why}); trying again on the next poll\n`);
                    if (failures >= STATUS_READ_LIMIT) {
                        rt.stderr(`warning: the ${platform.name} job list failed ${failures} times in a row; polling its ${batch.length} job(s) one by one\n`);
                        for (const o of batch) {
                            listed.delete(o);
                            tasks.push(follow(o));
                        }
                        return;
                    }
                }
                if (stop.signal.aborted)
                    return;
                if (answer) {
                    for (const o of batch) {
                        const s = answer.get(o.handle.id);
                        if (!s) {
                            // not in the list (yet): its own poller takes over, the list goes on without it
                            listed.delete(o);
                            tasks.push(follow(o));
                            continue;
                        }
                        if (await apply(o, { status: s })) {
                            failed = true;
                            stop.abort();
                            return;
                        }
                    }
                    publish();
                }
                // the interval counts from the start of the round: a job that ends is seen within one
                // interval plus the time one round takes (its pages under the platform's rate bound)
                await (0,abort/* sleepUnlessAborted */.bp)(Math.max(0, interval * (0.9 + Math.random() * 0.2) - (Date.now() - began)), stop.signal);
            }
        };
        try {
            // a stop (abort, a failed job) does not wait for status calls still out: cancelling comes first
            const stopped = new Promise((r) => stop.signal.aborted ? r() : stop.signal.addEventListener('abort', () => r(), { once: true }));
            const statusMany = platform.statusMany?.bind(platform);
            for (const o of out) {
                if (!o.handle)
                    continue;
                if (statusMany)
                    listed.add(o);
                else
                    tasks.push(follow(o));
            }
            if (statusMany && listed.size)
                tasks.push(listLoop(statusMany));
            const all = (async () => {
                // pollers are added while others run (a job the list does not return gets its own)
                while (tasks.length)
                    await Promise.all(tasks.splice(0));
            })();
            await Promise.race([all, stopped]);
        }
        finally {
            clearInterval(ticker);
            opts.signal?.removeEventListener('abort', stopAll);
        }
        progress.tick();
        if (failed && !opts.signal?.aborted)
            await cancelAll('cancelled because another job failed');
        if (opts.signal?.aborted)
            await cancelAll('cancelled: the run was cancelled');
    }
    catch (e) {
        await cancelAll(`cancelled: ${e.message}`);
        throw e;
    }
    finally {
        progress.done();
        publish();
    }
    for (const o of out) {
        if (!o.handle)
            continue;
        if (o.status.state === 'succeeded') {
            try {
                o.files = await platform.collect(o.handle, '', opts.signal);
            }
            catch (e) {
                // cancelled while downloading: the run is cancelled, its report says so
                if (!opts.signal?.aborted)
                    throw e;
            }
        }
        // a failed job, and one that succeeded without writing anything, is shown with its log's tail
        // (bounded whatever the platform returned: LOG_TAIL lines of at most 4 KiB)
        // (not after a cancel: a throttled platform must not hold the exit for a log)
        if (!opts.signal?.aborted && (o.status.state === 'failed' || (o.status.state === 'succeeded' && o.files.length === 0)))
            o.logTail = (0,log_tail/* boundTail */.hk)(await platform.logs(o.handle, LOG_TAIL).catch(() => ''), LOG_TAIL);
    }
    return out;
}


/***/ })

};
