export const id = 430;
export const ids = [430];
export const modules = {

/***/ 4620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports shellQuote, PLACEHOLDER, PLACEHOLDER_ENV, placeholderSites, placeholderContextProblems, renderCommand, jobName, runIdentity, plan, repeatTags */
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
                tags.set(path.relative(cwd, f) || f, o.job.repeat);
    return tags;
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
async function contentHash(p, signal) {
    throwIfCancelled(signal);
    const st = await fs.stat(p);
    if (st.isFile())
        return fileSha256(p, signal);
    const entries = [];
    const walk = async (dir) => {
        for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, e.name);
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                entries.push(`${path.relative(p, full).split(path.sep).join('/')}\u0000${await contentHash(full, signal)}`);
        }
    };
    await walk(p);
    return createHash('sha256').update(entries.join('\n')).digest('hex');
}
/**
 * The sha256 of a file of any size, read in 4 MiB pieces into one reused buffer (a model checkpoint
 * is often well past 2 GiB, the largest buffer Node reads at once): memory stays at the buffer.
 * The run's cancel stops it between two pieces (a 100 GB checkpoint takes minutes to hash).
 */
async function fileSha256(file, signal) {
    const h = createHash('sha256');
    const fd = await fs.open(file, 'r');
    try {
        const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
        for (;;) {
            throwIfCancelled(signal);
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


/***/ }),

/***/ 83636:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __webpack_require__) => {


// UNUSED EXPORTS: DEFAULT_MAX_FILE_SIZE_MB, MAX_BRACE_EXPANSION, decodeText, display, isUri, listResults, matchName, parseGlob, readIndicatorBytes, readIndicatorText

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/core/indicators/names.ts
/**
 * The names of indicators and their numeric fields, without the schemas (zod): rules, settings
 * and the report need only these, and a command loads only the code it uses.
 */
const names_BUILTIN_INDICATORS = (/* unused pure expression or super */ null && (['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity']));
const names_isBuiltin = (name) => names_BUILTIN_INDICATORS.includes(name);
/** A custom indicator's name: it appears in rules as `<indicator>.<field>`, so no dots or spaces. */
const INDICATOR_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
/**
 * Names that are properties of every JavaScript object (`__proto__`, `constructor`, `toString`…).
 * Indicators are keyed by name in plain objects, where such a name would read or replace what
 * every object inherits and the indicator would silently go missing; they are refused instead.
 */
const isReservedName = (name) => name in Object.prototype || name === 'prototype';
const isIndicatorName = (name) => INDICATOR_NAME.test(name) && !isReservedName(name);
const INDICATOR_NAME_RULE = 'an indicator name of letters, digits, "_" and "-" (not __proto__, constructor or another built-in object property)';
/** The numeric fields of each built-in indicator that a rule may name. */
const names_NUMERIC_FIELDS = {
    accuracy_f1: ['precision', 'recall', 'f1', 'samples', 'tp', 'fp', 'fn', 'tn'],
    latency_p99: ['p50_ms', 'p90_ms', 'p99_ms', 'requests'],
    throughput_rps: ['rps', 'concurrency', 'duration_s', 'requests', 'errors'],
    robustness_adv: ['success_rate', 'f1_drop', 'samples', 'eps', 'f1_clean', 'f1_adv'],
    toxicity: ['toxic_ratio', 'total_samples', 'toxic_count'],
};
/**
 * `p<q>_ms` (SPEC §3): any percentile of latency_p99, 0 < q ≤ 100, written as JavaScript writes the
 * number (p95_ms, p99.9_ms; not p095_ms or p99.0_ms, so one percentile has one field name), with
 * at most 6 decimals.
 */
const PERCENTILE_FIELD = /^p(\d{1,3}(?:\.\d{1,6})?)_ms$/;
const PERCENTILE_FIELD_RULE = 'any percentile p<q>_ms, 0 < q ≤ 100: p95_ms, p99.9_ms';
/** The percentile q a latency field names (95 for p95_ms), or null when it names none. */
function percentileOfField(field) {
    const m = PERCENTILE_FIELD.exec(field);
    if (!m)
        return null;
    const q = Number(m[1]);
    return q > 0 && q <= 100 && String(q) === m[1] ? q : null;
}
const percentileField = (q) => `p${q}_ms`;
/** A field of a built-in indicator a rule may name: its numeric fields, and any p<q>_ms of latency_p99. */
const isRuleField = (indicator, field) => names_NUMERIC_FIELDS[indicator].includes(field) || (indicator === 'latency_p99' && percentileOfField(field) !== null);

;// CONCATENATED MODULE: ./src/core/suggest.ts
/**
 * "Did you mean" for names: the closest candidate within a small edit distance. One mechanism for
 * every name a newcomer types (config keys, placeholders, rules, indicator lists, indicator files):
 * case-insensitive, and `.`, `-` and `_` are the same character (`accuracy.f1` is `accuracy_f1`).
 */

const fold = (s) => s.toLowerCase().replace(/[.\-\s]/g, '_');
function suggest_closest(word, candidates) {
    const w = fold(word);
    const others = candidates.filter((c) => c !== word);
    // the same name but for case or separators
    const same = others.find((c) => fold(c) === w);
    if (same)
        return same;
    // "p99" means "p99_ms": a unique candidate that the word starts (a unit suffix left off).
    const prefixed = others.filter((c) => fold(c).startsWith(w));
    if (word.length >= 2 && prefixed.length === 1)
        return prefixed[0];
    let best;
    let bestDist = Math.max(2, Math.floor(word.length / 3)) + 1;
    for (const c of others) {
        const d = distance(w, fold(c));
        if (d < bestDist) {
            best = c;
            bestDist = d;
        }
    }
    return best;
}
function distance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = tmp;
        }
    }
    return prev[b.length];
}
const didYouMean = (word, candidates) => {
    const c = suggest_closest(word, candidates);
    return c ? ` (did you mean "${c}"?)` : '';
};
const numericKeys = (o) => Object.keys(o).filter((k) => typeof o[k] === 'number');
/** The fields an indicator has: built-in, in its files, named by the rules (but for the rule asking, `self`). */
function fieldsOf(name, known, self) {
    const out = new Set(isBuiltin(name) ? NUMERIC_FIELDS[name] : []);
    for (const k of numericKeys(known.indicators[name]?.fields ?? {}))
        out.add(k);
    for (const r of known.rules)
        if (r.indicator === name && r.field !== self)
            out.add(r.field);
    return [...out];
}
/** Indicator names a typed one may have meant: the built-in ones, those of the files, those of the rules. */
const indicatorNames = (known) => [
    ...new Set([...BUILTIN_INDICATORS, ...Object.keys(known.indicators), ...known.rules.map((r) => r.indicator)]),
];
/** The indicator a missing one was probably meant to be (among the files and the built-ins), or undefined. */
function indicatorHint(name, known) {
    if (known.indicators[name])
        return undefined;
    return suggest_closest(name, indicatorNames(known).filter((n) => n !== name));
}
/**
 * The `<indicator>.<field>` a rule that found nothing was probably meant to name: the indicator
 * corrected when no file carries it, then the field when that indicator has no such field.
 * Undefined when nothing close exists (or the field is an optional one of a built-in indicator,
 * absent for a reason the rule's detail already gives).
 */
function ruleTargetHint(indicator, field, known) {
    let ind = indicator;
    if (!known.indicators[indicator]) {
        const other = suggest_closest(indicator, indicatorNames(known).filter((n) => n !== indicator && (known.indicators[n] || isBuiltin(n))));
        if (!other)
            return undefined;
        ind = other;
    }
    else if (isBuiltin(indicator))
        return undefined;
    const fields = fieldsOf(ind, known, ind === indicator ? field : undefined);
    const f = fields.includes(field) ? field : (suggest_closest(field, fields) ?? field);
    return ind === indicator && f === field ? undefined : `${ind}.${f}`;
}
/**
 * The gate's names checked against each other: a file whose indicator is close to a built-in name
 * (it stays a custom indicator, SPEC §2, so a note), and each required indicator no file carries.
 * Rule results get their hint in their own detail (ruleTargetHint).
 */
function nameNotes(known, missingRequired) {
    const notes = [];
    for (const [name, ind] of Object.entries(known.indicators)) {
        if (isBuiltin(name))
            continue;
        const b = suggest_closest(name, BUILTIN_INDICATORS);
        if (!b || known.indicators[b])
            continue;
        const where = ind.sources.length > 1 ? `${ind.sources[0]} (and ${ind.sources.length - 1} more)` : (ind.sources[0] ?? name);
        notes.push(`${where}: $.indicator: ${JSON.stringify(name)} is not a built-in indicator (did you mean "${b}"?); it is gated as a custom one`);
    }
    for (const r of missingRequired) {
        const hint = indicatorHint(r, known);
        if (hint)
            notes.push(`required indicator ${JSON.stringify(r)} is absent (did you mean "${hint}"?)`);
    }
    return notes;
}
/** Adds "did you mean" to the detail of each rule that found nothing; returns the gate's name notes. */
function hintNames(results, missingRequired, known) {
    for (const r of results) {
        if (r.status !== 'missing')
            continue;
        const hint = ruleTargetHint(r.indicator, r.field, known);
        if (hint)
            r.detail = `${r.detail}${r.detail ? ' ' : ''}(did you mean "${hint}"?)`;
    }
    return nameNotes(known, missingRequired);
}

;// CONCATENATED MODULE: ./src/core/scratch.ts
/**
 * One block of memory for the work that is done one step at a time and kept nowhere: the bytes of
 * the indicator file being read (stores/fs.ts), and, once every file is folded, the candidates a
 * percentile selection copies out (core/percentile.ts). The memory bound of SPEC §8 is the samples
 * as 8-byte floats plus twice the largest file; the read holds the largest file once, and the
 * selection borrows that same memory instead of adding buffers of its own beside it.
 *
 * What a caller gets is valid until the next call from anywhere: whatever it keeps must be copied
 * out first. The block only grows (to the largest request), and is never pooled, so its offset
 * is 0 and a Float64Array view of it is aligned.
 */
let block = Buffer.allocUnsafeSlow(0);
/** At least `bytes` bytes of the shared block (contents undefined). */
function scratch_scratchBytes(bytes) {
    if (block.length < bytes)
        block = Buffer.allocUnsafeSlow(bytes);
    return block;
}
/** `length` 8-byte floats on the shared block (contents undefined). */
function scratchFloat64(length) {
    const b = scratch_scratchBytes(length * 8);
    return new Float64Array(b.buffer, b.byteOffset, length);
}

;// CONCATENATED MODULE: ./src/stores/fs.ts
/**
 * Indicator files on the local file system. ONE resolver of result paths (`--results`, `gate`,
 * `validate`): a file, a folder (every *.json below it, recursively) or a glob (`results/**\/*.json`,
 * `out/shard-?/latency*.json`, `{a,b}`, `[…]`).
 *
 * - Only regular files are ever opened; a FIFO, socket or device is a problem (a FIFO would hang).
 * - A symbolic link below the folder (the glob's literal base) is followed only when its real target
 *   is below it too; otherwise it is a problem naming the link, and nothing of the target is read.
 *   A link loop is a problem; a folder reached twice is read once.
 * - A glob is matched segment by segment with a linear wildcard matcher (no regular expressions, so
 *   no backtracking blow-up), braces expanded up to MAX_BRACE_EXPANSION patterns.
 * - A malformed glob, or a folder or glob that yields no indicator file, is a problem naming it.
 */




const DEFAULT_MAX_FILE_SIZE_MB = 64;
/** `scheme://…` (azblob://, oss://, tos://, s3://, https://): a location staging passes through. */
const isUri = (p) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);
const MIB = (/* unused pure expression or super */ null && (1024 * 1024));
/** Brace alternatives a glob may expand to; more is a problem, not minutes of matching. */
const MAX_BRACE_EXPANSION = 256;
const hasMagic = (p) => /[*?[\]{}]/.test(p.replace(/\\./g, ''));
/** `{a,b}` alternatives expanded (nested braces too), at most `MAX_BRACE_EXPANSION` patterns. */
function expandBraces(glob) {
    // find the first top-level `{` with its matching `}` (a `\` escapes the next character)
    let open = -1;
    let depth = 0;
    const commas = [];
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '\\') {
            i++;
            continue;
        }
        if (c === '[' && open < 0) {
            // a bracket expression may hold braces literally
            const end = classEnd(glob, i);
            if (end > 0)
                i = end;
            continue;
        }
        if (c === '{') {
            if (depth === 0)
                open = i;
            depth++;
        }
        else if (c === '}' && depth > 0) {
            depth--;
            if (depth === 0) {
                const pre = glob.slice(0, open);
                const post = glob.slice(i + 1);
                const alts = [];
                let from = open + 1;
                for (const k of commas) {
                    alts.push(glob.slice(from, k));
                    from = k + 1;
                }
                alts.push(glob.slice(from, i));
                const out = [];
                for (const a of alts) {
                    const rest = expandBraces(pre + a + post);
                    if (!rest.ok)
                        return rest;
                    for (const r of rest.out) {
                        out.push(r);
                        if (out.length > MAX_BRACE_EXPANSION)
                            return { ok: false, reason: `its braces expand to more than ${MAX_BRACE_EXPANSION} patterns` };
                    }
                }
                return { ok: true, out: [...new Set(out)] };
            }
        }
        else if (c === ',' && depth === 1)
            commas.push(i);
        else if (c === '}' && depth === 0)
            return { ok: false, reason: `a "}" at offset ${i} without its "{"` };
    }
    if (depth > 0)
        return { ok: false, reason: `an unclosed "{" at offset ${open}` };
    return { ok: true, out: [glob] };
}
/** Index of the `]` closing the bracket expression at `start`, or -1. */
function classEnd(s, start) {
    let i = start + 1;
    if (s[i] === '!' || s[i] === '^')
        i++;
    if (s[i] === ']')
        i++; // a leading `]` is literal
    for (; i < s.length; i++) {
        if (s[i] === '\\')
            i++;
        else if (s[i] === ']')
            return i;
    }
    return -1;
}
function parseSegment(seg) {
    if (seg === '**')
        return { ok: true, segment: { kind: 'globstar' } };
    const atoms = [];
    for (let i = 0; i < seg.length; i++) {
        const c = seg[i];
        if (c === '\\') {
            if (i + 1 >= seg.length)
                return { ok: false, reason: 'a "\\" at the end of a segment' };
            atoms.push({ kind: 'char', c: seg[++i] });
        }
        else if (c === '*') {
            if (atoms[atoms.length - 1]?.kind !== 'star')
                atoms.push({ kind: 'star' }); // `**` inside a name is `*`
        }
        else if (c === '?')
            atoms.push({ kind: 'any' });
        else if (c === '[') {
            const end = classEnd(seg, i);
            if (end < 0)
                return { ok: false, reason: `an unclosed "[" in ${JSON.stringify(seg)}` };
            let j = i + 1;
            const negate = seg[j] === '!' || seg[j] === '^';
            if (negate)
                j++;
            const items = [];
            const chars = [];
            for (; j < end; j++)
                chars.push(seg[j] === '\\' ? seg[++j] : seg[j]);
            for (let k = 0; k < chars.length; k++) {
                if (chars[k + 1] === '-' && k + 2 < chars.length) {
                    const [lo, hi] = [chars[k], chars[k + 2]];
                    if (lo > hi)
                        return { ok: false, reason: `a character range out of order ("${lo}-${hi}") in ${JSON.stringify(seg.slice(i, end + 1))}` };
                    items.push([lo, hi]);
                    k += 2;
                }
                else
                    items.push([chars[k], chars[k]]);
            }
            atoms.push({ kind: 'class', negate, items });
            i = end;
        }
        else if (c === ']' || c === '}' || c === '{')
            return { ok: false, reason: `a stray "${c}" in ${JSON.stringify(seg)}` };
        else
            atoms.push({ kind: 'char', c });
    }
    return { ok: true, segment: { kind: 'atoms', atoms } };
}
/** Parses a glob: its brace expansions, each as segments, and the literal folder the walk starts at. */
function parseGlob(glob) {
    const norm = glob.split(path.sep).join('/');
    const expanded = expandBraces(norm);
    if (!expanded.ok)
        return expanded;
    const raw = norm.split('/');
    const first = raw.findIndex(hasMagic);
    const baseSegs = first < 0 ? raw.slice(0, -1) : raw.slice(0, first);
    const base = baseSegs.join('/') || (norm.startsWith('/') ? '/' : '.');
    const patterns = [];
    for (const p of expanded.out) {
        const segs = p.split('/');
        if (!segs.slice(0, baseSegs.length).every((s, i) => s === baseSegs[i])) {
            return { ok: false, reason: 'a brace that spans its literal folder' };
        }
        const parsed = [];
        for (const s of segs.slice(baseSegs.length)) {
            if (s === '' || s === '.')
                continue;
            if (s === '..')
                return { ok: false, reason: '".." after a wildcard' };
            const r = parseSegment(s);
            if (!r.ok)
                return r;
            if (r.segment.kind === 'globstar' && parsed[parsed.length - 1]?.kind === 'globstar')
                continue; // `**/**` is `**`
            parsed.push(r.segment);
        }
        patterns.push(parsed);
    }
    return { ok: true, patterns, base };
}
const atomMatches = (a, ch) => {
    switch (a.kind) {
        case 'char':
            return a.c === ch;
        case 'any':
            return true;
        case 'class':
            return a.items.some(([lo, hi]) => ch >= lo && ch <= hi) !== a.negate;
        case 'star':
            return false;
    }
};
/** Wildcard match of one name, greedy with one backtrack point: O(name × pattern), never exponential. */
function matchName(atoms, name) {
    const chars = [...name];
    let p = 0;
    let n = 0;
    let starP = -1;
    let starN = 0;
    while (n < chars.length) {
        const a = atoms[p];
        if (a && a.kind !== 'star' && atomMatches(a, chars[n])) {
            p++;
            n++;
        }
        else if (a?.kind === 'star') {
            starP = p++;
            starN = n;
        }
        else if (starP >= 0) {
            p = starP + 1;
            n = ++starN;
        }
        else
            return false;
    }
    while (atoms[p]?.kind === 'star')
        p++;
    return p === atoms.length;
}
const stateKey = (pi, si) => `${pi}:${si}`;
function closure(patterns, states) {
    const out = new Set();
    for (let [pi, si] of states) {
        for (;;) {
            out.add(stateKey(pi, si));
            if (patterns[pi][si]?.kind !== 'globstar')
                break;
            si++;
        }
    }
    return out;
}
/** The states after consuming `name`, and whether one of them is a complete match. */
function step(patterns, states, name) {
    const moved = [];
    for (const k of states) {
        const [pi, si] = k.split(':').map(Number);
        const seg = patterns[pi][si];
        if (!seg)
            continue;
        if (seg.kind === 'globstar') {
            // `**` matches no hidden-folder magic here: every name, as the folder walk reads every file
            moved.push([pi, si]);
        }
        else if (matchName(seg.atoms, name))
            moved.push([pi, si + 1]);
    }
    const next = closure(patterns, moved);
    let matched = false;
    for (const k of next) {
        const [pi, si] = k.split(':').map(Number);
        if (si === patterns[pi].length)
            matched = true;
    }
    return { next, matched };
}
/** What a path that is neither a file nor a folder is called in messages (it is never opened). */
const SPECIAL = 'a special file (FIFO, socket or device)';
const inside = (root, real) => {
    const rel = path.relative(root, real);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};
/**
 * Walks `start` (real path `root`): every candidate file, and a problem for each link that leaves
 * the root, each link loop and each special file that would have been a candidate. `want` says
 * whether a name is a candidate and whether a folder is worth entering (a glob prunes).
 * Synchronous, as the reads are (see readIndicatorText): for 5000 shards in a few folders the
 * thread-pool round trips of async readdir and realpath cost more than the listing.
 */
function walkTree(start, root, cwd, init, patterns, out, problems) {
    const seen = new Set([root]);
    const visit = (dir, states, viaLink) => {
        // the folder's real path, resolved once for all its files (not once per file: 5000 shards)
        let realDir = null;
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch (e) {
            problems.push({ file: display(dir, cwd), expected: 'a readable folder', found: e.code ?? 'an error' });
            return;
        }
        // how its entries are shown, worked out once for the folder (path.relative per file cost more
        // than reading the file): the same as display(path.join(dir, name), cwd)
        const relDir = path.relative(cwd, dir);
        const below = relDir !== '' && !relDir.startsWith('..') && !path.isAbsolute(relDir);
        for (const e of entries) {
            const p = childPath(dir, e.name);
            const shown = below ? relDir + path.sep + e.name : relDir === '' && !e.name.startsWith('..') ? e.name : p;
            let next = null;
            let candidate;
            if (states) {
                const s = step(patterns, states, e.name);
                if (s.next.size === 0)
                    continue; // nothing below or at this name can match
                next = s.next;
                candidate = s.matched;
            }
            else
                candidate = e.name.endsWith('.json');
            const enter = states ? [...next].some((k) => Number(k.split(':')[1]) < patterns[Number(k.split(':')[0])].length) : true;
            let isDir = e.isDirectory();
            let isFile = e.isFile();
            let real = p;
            let link = viaLink;
            if (e.isSymbolicLink()) {
                link = true;
                try {
                    real = realpathSync.native(p);
                }
                catch (err) {
                    const code = err.code;
                    if (code === 'ELOOP')
                        problems.push({ file: shown, expected: 'a symbolic link that resolves', found: 'a symbolic link loop' });
                    else if (candidate)
                        problems.push({ file: shown, expected: 'a symbolic link to a file', found: `a dangling link (${code ?? 'unresolvable'})` });
                    continue;
                }
                let st;
                try {
                    st = statSync(real);
                }
                catch (err) {
                    if (candidate)
                        problems.push({ file: shown, expected: 'a readable file', found: err.code ?? 'an error' });
                    continue;
                }
                isDir = st.isDirectory();
                isFile = st.isFile();
                if ((isDir && enter) || candidate) {
                    if (!inside(root, real)) {
                        // never read: the target may be anything on the machine (a secret, /proc/self/environ)
                        problems.push({
                            file: shown,
                            expected: `a symbolic link whose target is inside ${display(root, cwd) || '.'} (links are followed only within the folder read)`,
                            found: `a link to ${isDir ? 'a folder' : 'a file'} outside it (not read)`,
                        });
                        continue;
                    }
                }
                if (!isDir && !isFile && candidate) {
                    problems.push({ file: shown, expected: 'a regular file', found: `a link to ${SPECIAL}` });
                    continue;
                }
            }
            else if (!isDir && !isFile) {
                if (candidate)
                    problems.push({ file: shown, expected: 'a regular file', found: SPECIAL });
                continue;
            }
            if (isDir) {
                if (!enter)
                    continue;
                if (!e.isSymbolicLink()) {
                    try {
                        real = realpathSync.native(p);
                    }
                    catch {
                        continue;
                    }
                }
                if (seen.has(real))
                    continue; // a folder reached twice (a link back up) is read once
                seen.add(real);
                visit(p, next, link);
            }
            else if (isFile && candidate) {
                if (!e.isSymbolicLink())
                    realDir ??= realOr(dir);
                out.push({ shown, real: e.isSymbolicLink() ? real : childPath(realDir, e.name), viaLink: link });
            }
        }
    };
    visit(start, init, false);
}
/** A folder's real path, or the folder as named when it cannot be resolved. */
function realOr(dir) {
    try {
        return realpathSync.native(dir);
    }
    catch {
        return dir;
    }
}
/** path.join(dir, name) for a normalised folder and a name read from it (no separator in it). */
const childPath = (dir, name) => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);
/** Files named by a `--results` path, folder or glob, sorted so that every run reads them in the same order. */
async function listResults(spec, cwd) {
    const problems = [];
    const found = [];
    const glob = hasMagic(spec);
    if (!glob) {
        const literal = spec.replace(/\\(.)/g, '$1');
        const abs = path.resolve(cwd, literal);
        let st;
        try {
            st = statSync(abs); // a link named on the command line is the user's own choice: followed
        }
        catch (e) {
            const code = e.code;
            const found = code === 'ENOENT' ? 'nothing at that path' : code === 'ELOOP' ? 'a symbolic link loop' : (code ?? 'an error');
            return { files: [], problems: [{ file: spec, expected: 'a folder, a file or a glob of indicator files', found }] };
        }
        if (st.isFile())
            return { files: [literal], problems: [] };
        if (!st.isDirectory())
            return { files: [], problems: [{ file: spec, expected: 'a folder, a regular file or a glob of indicator files', found: SPECIAL }] };
        walkTree(abs, realpathSync.native(abs), cwd, null, [], found, problems);
        if (found.length === 0)
            problems.push({ file: spec, expected: 'a folder with at least one indicator file (*.json) below it', found: 'none' });
    }
    else {
        const g = parseGlob(spec);
        if (!g.ok)
            return { files: [], problems: [{ file: spec, expected: 'a valid glob (*, **, ?, [a-z], {a,b})', found: g.reason }] };
        const base = path.resolve(cwd, g.base);
        let real;
        try {
            real = realpathSync.native(base);
            if (!statSync(real).isDirectory())
                throw Object.assign(new Error(), { code: 'ENOTDIR' });
        }
        catch {
            return { files: [], problems: [{ file: spec, expected: 'a glob whose folder exists', found: `no folder ${g.base}` }] };
        }
        const init = closure(g.patterns, g.patterns.map((_, i) => [i, 0]));
        walkTree(base, real, cwd, init, g.patterns, found, problems);
        if (found.length === 0) {
            const ext = /\.([A-Za-z0-9]+)$/.exec(spec)?.[1];
            const hint = ext && ext !== 'json' && closest(ext, ['json']) ? ` (did you mean ${JSON.stringify(spec.slice(0, -ext.length) + 'json')}?)` : '';
            problems.push({ file: spec, expected: 'a glob matching at least one indicator file', found: `no file matches it${hint}` });
        }
    }
    // what is reached twice (a file and a link to it) is read once, under its own name
    found.sort((a, b) => Number(a.viaLink) - Number(b.viaLink) || (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
    const byReal = new Map();
    for (const c of found)
        if (!byReal.has(c.real))
            byReal.set(c.real, c.shown);
    const files = [...byReal.values()].sort();
    return { files, problems };
}
/** Paths inside the working directory are shown relative to it, as a user typed them. */
function display(file, cwd) {
    const rel = path.relative(cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
/**
 * Synchronous on purpose: files are folded one at a time, and for thousands of small shard files
 * the thread-pool round trips of async stat + readFile cost more than the reading (5000 files:
 * 1.3 s async, 0.14 s sync). Opened non-blocking and checked with fstat before a byte is read, so a
 * FIFO or a device named *.json (or swapped in after the listing) never blocks the run.
 */
function readIndicatorText(file, cwd, maxFileSizeMb) {
    const r = readIndicatorBytes(file, cwd, maxFileSizeMb);
    if (!r.ok)
        return r;
    return { ok: true, text: decodeText(r.bytes) };
}
/** The text of a file's bytes, without the BOM some Windows tools write. */
function decodeText(bytes) {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    return text;
}
/**
 * Files are read into the shared scratch block (core/scratch.ts), grown to the largest: files are
 * folded one at a time, so the memory of reading is the largest file once (SPEC §8), whatever
 * their number, and no 63 MiB buffer waits for the garbage collector. Files up to SMALL_FILE
 * bytes are read with no fstat.
 */
const SMALL_FILE = (/* unused pure expression or super */ null && (64 * 1024));
/** A size past the cap, in MiB, and in bytes where the MiB would read as the cap itself (1.0 MiB over 1). */
function sizeOver(bytes, capMb) {
    const mib = (bytes / MIB).toFixed(1);
    return Number(mib) > capMb ? `${mib} MiB` : `${bytes} bytes (${mib} MiB)`;
}
/**
 * {@link readIndicatorText}'s bytes. They live in a buffer the next call reuses: whatever is kept
 * of them must be copied out (decoded, parsed) before the next file is read.
 */
function readIndicatorBytes(file, cwd, maxFileSizeMb) {
    // A listed path (relative to cwd, no ".." in it) needs no path.resolve: its cost was more than
    // an open's over 5000 shards. Lexical and physical resolution differ only at a "..".
    const abs = cwd === process.cwd() && !file.includes('..') ? file : path.resolve(cwd, file);
    const failed = (e) => ({
        ok: false,
        problem: { file, expected: 'a readable file', found: e.code ?? 'an error' },
    });
    let fd;
    try {
        fd = openSync(abs, fsc.O_RDONLY | fsc.O_NONBLOCK);
    }
    catch (e) {
        return failed(e);
    }
    try {
        // Most indicator files are small: read to the end into the scratch buffer with no fstat (its
        // Stats object cost as much as the read). The listing found a regular file here; one swapped
        // for another kind since cannot hang the run (opened non-blocking) nor be read past the cap;
        // past the cap, or when the read fails (a folder: EISDIR), fstat below says what it is.
        const cap = maxFileSizeMb * MIB;
        let scratch = scratchBytes(SMALL_FILE);
        const limit = Math.min(scratch.length, Math.floor(cap) + 1);
        try {
            let got = 0;
            while (got < limit) {
                const r = readSync(fd, scratch, got, limit - got, null);
                if (r === 0)
                    return { ok: true, bytes: scratch.subarray(0, got) };
                got += r;
            }
        }
        catch {
            /* said by the metadata below, or by the same read again */
        }
        // larger than the scratch buffer or than the cap: by its metadata, then read from the start
        const st = fstatSync(fd);
        if (!st.isFile())
            return { ok: false, problem: { file, expected: 'a regular file', found: st.isDirectory() ? 'a folder' : SPECIAL } };
        if (st.size > cap) {
            return {
                ok: false,
                problem: { file, expected: `a file of at most ${maxFileSizeMb} MiB (--max-file-size)`, found: sizeOver(st.size, maxFileSizeMb) },
            };
        }
        scratch = scratchBytes(st.size);
        let n = 0;
        while (n < st.size) {
            const r = readSync(fd, scratch, n, st.size - n, n);
            if (r === 0)
                break;
            n += r;
        }
        return { ok: true, bytes: scratch.subarray(0, n) };
    }
    catch (e) {
        return failed(e);
    }
    finally {
        closeSync(fd);
    }
}


/***/ }),

/***/ 52399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports OWNED_MARKER, isOwned, freeFolder, NotOwnedError, claimFolder, freshFolder */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * evalgate never deletes what it did not create. Every folder it creates to fill (a job's folder,
 * the download folder of remote results) carries a marker file, `.evalgate-owned`; only a folder
 * with that marker is ever emptied or removed. Where a folder of that name exists without the
 * marker (the user's own `results/`), evalgate leaves it alone and uses a fresh one beside it
 * (`results-2`, `results-3`, …).
 */


const OWNED_MARKER = '.evalgate-owned';
const MAX_ALTERNATIVES = 100;
/** `dir` is a real folder (not a link) that carries evalgate's marker file */
function isOwned(dir) {
    try {
        return lstatSync(dir).isDirectory() && lstatSync(path.join(dir, OWNED_MARKER)).isFile();
    }
    catch {
        return false;
    }
}
const taken = (dir) => {
    try {
        lstatSync(dir);
        return true;
    }
    catch {
        return existsSync(dir);
    }
};
/** `preferred` when it is free or evalgate's, else the first free or evalgate's `preferred-N` */
function freeFolder(preferred) {
    for (let n = 1; n <= MAX_ALTERNATIVES; n++) {
        const dir = n === 1 ? preferred : `${preferred}-${n}`;
        if (!taken(dir) || isOwned(dir))
            return dir;
    }
    throw new Error(`${preferred} and ${MAX_ALTERNATIVES - 1} folders beside it exist and are not evalgate's (no ${OWNED_MARKER}): remove some`);
}
class NotOwnedError extends Error {
    dir;
    constructor(dir) {
        super(`${dir} exists and is not evalgate's (it has no ${OWNED_MARKER}): evalgate does not delete what it did not create`);
        this.dir = dir;
        this.name = 'NotOwnedError';
    }
}
/**
 * Makes `dir` an empty folder of evalgate's (its marker inside): creates it (and its parents), or
 * empties it when it carries the marker; throws NotOwnedError when it exists without it.
 */
async function claimFolder(dir) {
    await fs.mkdir(path.dirname(dir), { recursive: true });
    try {
        await fs.mkdir(dir);
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        if (!isOwned(dir))
            throw new NotOwnedError(dir);
        await fs.rm(dir, { recursive: true, force: true });
        await fs.mkdir(dir);
    }
    await fs.writeFile(path.join(dir, OWNED_MARKER), 'created by evalgate; it empties or removes this folder when it needs it again\n', {
        flag: 'wx',
    });
}
/** a fresh empty folder of evalgate's at `preferred` or beside it (see freeFolder) */
async function freshFolder(preferred) {
    for (let attempt = 1;; attempt++) {
        const dir = freeFolder(preferred);
        try {
            await claimFolder(dir);
            return dir;
        }
        catch (e) {
            // taken between the look and the claim: look again
            if (!(e instanceof NotOwnedError) || attempt >= 5)
                throw e;
        }
    }
}


/***/ })

};
