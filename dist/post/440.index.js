export const id = 440;
export const ids = [440];
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
};
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
            return name === 'shard_index' || name === 'shard_count'
                ? { ...s, render: `\${${v}}` }
                : {
                    ...s,
                    problem: `{${name}} inside arithmetic ((…)), where a value is evaluated: only {shard_index} and {shard_count} are numbers`,
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
 * Renders `{model}` `{data}` `{out}` `{shard_index}` `{shard_count}` as references to the job's
 * EVALGATE_MODEL … EVALGATE_SHARD_COUNT (see `placeholderSites`); the values travel in the job's
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
function jobName(id, key, shard) {
    const norm = (p) => p
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    // Job keys are case-sensitive in the config but names are not: "tp" and "TP" must not become
    // one job (the second submit would attach to the first). A key that normalising changed
    // carries a hash of itself.
    const jobPart = norm(key) === key ? key : `${norm(key)}-${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
    const parts = ['evalgate', id.repository, id.runId, id.runAttempt, id.gate, key, String(shard.index)];
    const clean = [...parts.slice(0, 5).map(norm), jobPart, String(shard.index)].join('-');
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
        for (let index = 0; index < count; index++) {
            const shard = { index, count };
            const name = jobName(id, key, shard);
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
            // the values of the placeholders the command uses, byte for byte (the command references them)
            if (j.command.includes('{model}'))
                env.EVALGATE_MODEL = loc.model;
            if (j.command.includes('{data}'))
                env.EVALGATE_DATA = loc.data;
            const job = {
                key,
                indicators: j.indicators ?? [key],
                shard,
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
async function codeSnapshot(cwd, paths, key) {
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
        h.update(`${rel}\u0000${await contentHash(abs)}\n`);
    return { files: unique, sha: h.digest('hex') };
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
        display_name: `evalgate ${gate} ${job.key} ${job.shard.index}/${job.shard.count}`,
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
