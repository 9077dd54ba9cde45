export const id = 863;
export const ids = [863];
export const modules = {

/***/ 4620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports shellQuote, PLACEHOLDER, PLACEHOLDER_ENV, placeholderSites, placeholderContextProblems, renderCommand, jobName, runIdentity, plan */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
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
    const jobPart = norm(key) === key ? key : `${norm(key)}-${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
    // a repeat is its own shard set: `-r<k>` before the shard number (which stays last), and only
    // with repeats, so a job without them keeps the name it always had
    const rep = repeat && repeat.count > 1 ? [`r${repeat.index}`] : [];
    const parts = ['evalgate', id.repository, id.runId, id.runAttempt, id.gate, key, ...rep, String(shard.index)];
    const clean = [...parts.slice(0, 5).map(norm), jobPart, ...rep, String(shard.index)].join('-');
    if (clean.length <= MAX_NAME)
        return clean;
    // Too long: keep the readable end (gate, job, shard) and make the start unique with a hash.
    const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 10);
    return `evalgate-${hash}-${clean.slice(clean.length - (MAX_NAME - 20))}`.replace(/--+/g, '-');
}
function runIdentity(env, cwdName, gate, now) {
    return {
        repository: env.GITHUB_REPOSITORY || cwdName,
        // Outside Actions every run is new: a timestamp keeps a later run from attaching to this one's
        // jobs, and a random part keeps two runs started in the same second apart.
        runId: env.EVALGATE_RUN_ID ||
            env.GITHUB_RUN_ID ||
            `local${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(4).toString('hex')}`,
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

/***/ 7903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports TEMPLATES, templatesDir, renderTemplate, readTemplate, contentHash, fileSha256, jobVars */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4620);
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
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'platforms', 'job_templates');
}
function renderTemplate(text, vars, format) {
    const missing = new Set();
    const escape = (v) => (format === 'sh' ? shellQuote(v) : JSON.stringify(v).slice(1, -1));
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
    return fs.readFile(path.join(templatesDir(), TEMPLATES[platform].file), 'utf8');
}
/**
 * The content address of a local file or folder: sha256 of the file, or of the sorted list of
 * (relative path, file sha256) of a folder. An unchanged model is staged under the same prefix
 * and never sent twice.
 */
async function contentHash(p) {
    const st = await fs.stat(p);
    if (st.isFile())
        return fileSha256(p);
    const entries = [];
    const walk = async (dir) => {
        for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, e.name);
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                entries.push(`${path.relative(p, full).split(path.sep).join('/')}\u0000${await contentHash(full)}`);
        }
    };
    await walk(p);
    return createHash('sha256').update(entries.join('\n')).digest('hex');
}
/**
 * The sha256 of a file of any size, read in 4 MiB pieces into one reused buffer (a model checkpoint
 * is often well past 2 GiB, the largest buffer Node reads at once): memory stays at the buffer.
 */
async function fileSha256(file) {
    const h = createHash('sha256');
    const fd = await fs.open(file, 'r');
    try {
        const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
        for (;;) {
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
            .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
            .join('\n'),
    };
}


/***/ })

};
