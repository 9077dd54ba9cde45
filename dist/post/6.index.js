export const id = 6;
export const ids = [6];
export const modules = {

/***/ 4620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports shellQuote, PLACEHOLDER, renderCommand, jobName, runIdentity, plan */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * plan: from the config's jobs, one job per indicator (or one job writing several), times
 * `shards`. Pure: where the model, data and output are *inside* a job is the platform's to say
 * (`Locations`); this module substitutes them, shell-quoted, into each command.
 */

/** POSIX shell quoting: one literal word whatever the value holds (`$(…)`, quotes, spaces). */
function shellQuote(value) {
    if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** `{name}`, but not a shell's `${name}`. Inline JSON (`{"a": 1}`) never matches. */
const PLACEHOLDER = /(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/**
 * The quoting context at every offset of a POSIX shell command: outside quotes, inside '…', or
 * inside "…" (with backslash escapes outside single quotes). Enough to substitute a value safely
 * wherever a placeholder stands.
 */
function contexts(command) {
    const out = new Array(command.length);
    let ctx = 'bare';
    for (let i = 0; i < command.length; i++) {
        const c = command[i];
        out[i] = ctx;
        if (ctx === 'single') {
            if (c === "'")
                ctx = 'bare';
        }
        else if (c === '\\') {
            out[i + 1] = ctx;
            i++;
        }
        else if (ctx === 'double') {
            if (c === '"')
                ctx = 'bare';
        }
        else if (c === "'")
            ctx = 'single';
        else if (c === '"')
            ctx = 'double';
    }
    return out;
}
/** A value as one literal word in each context: quoted bare, escaped in "…", spliced out of '…'. */
function quoteIn(ctx, value) {
    if (ctx === 'double')
        return value.replace(/[\\$`"]/g, '\\$&');
    if (ctx === 'single')
        return value.replace(/'/g, `'\\''`);
    return shellQuote(value);
}
/**
 * Substitutes `{model}` `{data}` `{out}` `{shard_index}` `{shard_count}` so that each value stays
 * literal whatever it holds (`$(…)`, backticks, quotes): shell-quoted where the placeholder is
 * bare, escaped for where it stands inside quotes. `quote` replaces the bare-context quoting.
 */
function renderCommand(template, values, quote) {
    const ctx = contexts(template);
    return template.replace(PLACEHOLDER, (_m, name, offset) => {
        const v = values[name];
        if (v === undefined)
            throw new Error(`unknown placeholder {${name}}`);
        const c = ctx[offset] ?? 'bare';
        return c === 'bare' && quote ? quote(v) : quoteIn(c, v);
    });
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
                command = renderCommand(j.command, { ...loc, shard_index: String(index), shard_count: String(count) });
            }
            catch (e) {
                problems.push({ file, path: `jobs.${key}.command`, expected: 'known placeholders', found: e.message });
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

/* unused harmony exports TEMPLATES, templatesDir, renderTemplate, readTemplate, contentHash, jobVars */
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
        return createHash('sha256')
            .update(await fs.readFile(p))
            .digest('hex');
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


/***/ }),

/***/ 23135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports DEFAULT_MAX_FILE_SIZE_MB, isUri, globToRegExp, listResults, display, readIndicatorText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Indicator files on the local file system: `--results DIR` (every *.json below it, recursively)
 * or a glob (`results/**\/*.json`, `out/shard-?/latency*.json`).
 */


const DEFAULT_MAX_FILE_SIZE_MB = 64;
/** `scheme://…` (azblob://, oss://, tos://, s3://, https://): a location staging passes through. */
const isUri = (p) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);
const MIB = (/* unused pure expression or super */ null && (1024 * 1024));
const hasMagic = (p) => /[*?[\]{}]/.test(p);
/** A glob pattern as a regular expression over `/`-separated paths: `**`, `*`, `?`, `[…]`, `{a,b}`. */
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                const slash = glob[i + 2] === '/';
                re += slash ? '(?:[^/]*/)*' : '.*';
                i += slash ? 2 : 1;
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const end = glob.indexOf(']', i + 1);
            if (end < 0)
                re += '\\[';
            else {
                re += `[${glob
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\')}]`;
                i = end;
            }
        }
        else if (c === '{') {
            const end = glob.indexOf('}', i + 1);
            if (end < 0)
                re += '\\{';
            else {
                re += `(?:${glob
                    .slice(i + 1, end)
                    .split(',')
                    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                    .join('|')})`;
                i = end;
            }
        }
        else
            re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
/** Every file below `dir`, following links to folders once each (a link cycle ends there). */
async function walk(dir, out, seen = new Set()) {
    const real = await fs.realpath(dir);
    if (seen.has(real))
        return;
    seen.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
        const p = path.join(dir, e.name);
        let isDir = e.isDirectory();
        if (e.isSymbolicLink())
            isDir = await fs.stat(p).then((st) => st.isDirectory(), () => false);
        if (isDir)
            await walk(p, out, seen);
        else
            out.push(p);
    }
}
/** Files named by `--results`, sorted so that every run reads them in the same order. */
async function listResults(spec, cwd) {
    const abs = path.resolve(cwd, spec);
    if (!hasMagic(spec)) {
        let st;
        try {
            st = await fs.stat(abs);
        }
        catch {
            return {
                files: [],
                problems: [{ file: spec, expected: 'a folder, a file or a glob of indicator files', found: 'nothing at that path' }],
            };
        }
        if (st.isFile())
            return { files: [spec], problems: [] };
        const all = [];
        await walk(abs, all);
        const files = all.filter((f) => f.endsWith('.json')).map((f) => display(f, cwd));
        return { files: files.sort(), problems: [] };
    }
    // The folder before the first magic segment is where the walk starts.
    const norm = spec.split(path.sep).join('/');
    const segs = norm.split('/');
    const first = segs.findIndex(hasMagic);
    const base = segs.slice(0, first).join('/') || '.';
    const re = globToRegExp(path.posix.normalize(path.resolve(cwd, norm).split(path.sep).join('/')));
    const all = [];
    try {
        await walk(path.resolve(cwd, base), all);
    }
    catch {
        return { files: [], problems: [{ file: spec, expected: 'a glob whose folder exists', found: `no folder ${base}` }] };
    }
    const files = all.filter((f) => re.test(f.split(path.sep).join('/'))).map((f) => display(f, cwd));
    return { files: files.sort(), problems: [] };
}
/** Paths inside the working directory are shown relative to it, as a user typed them. */
function display(file, cwd) {
    const rel = path.relative(cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
/**
 * Synchronous on purpose: files are folded one at a time, and for thousands of small shard files
 * the thread-pool round trips of async stat + readFile cost more than the reading (5000 files:
 * 1.3 s async, 0.14 s sync).
 */
function readIndicatorText(file, cwd, maxFileSizeMb) {
    const abs = path.resolve(cwd, file);
    let size;
    try {
        const st = statSync(abs);
        // a FIFO or a device named *.json would block the read forever
        if (!st.isFile())
            return {
                ok: false,
                problem: { file, expected: 'a regular file', found: st.isDirectory() ? 'a folder' : 'a special file (FIFO, socket or device)' },
            };
        size = st.size;
    }
    catch (e) {
        return { ok: false, problem: { file, expected: 'a readable file', found: e.code ?? 'an error' } };
    }
    const cap = maxFileSizeMb * MIB;
    if (size > cap) {
        return {
            ok: false,
            problem: { file, expected: `a file of at most ${maxFileSizeMb} MiB (--max-file-size)`, found: `${(size / MIB).toFixed(1)} MiB` },
        };
    }
    let text;
    try {
        text = readFileSync(abs, 'utf8');
    }
    catch (e) {
        return { ok: false, problem: { file, expected: 'a readable file', found: e.code ?? 'an error' } };
    }
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1); // a BOM some Windows tools write
    return { ok: true, text };
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
