export const id = 85;
export const ids = [85];
export const modules = {

/***/ 70085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cancelSavedDgx: () => (/* binding */ cancelSavedDgx)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/platforms/staging.ts
var platforms_staging = __webpack_require__(71177);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./src/platforms/dgx/config.ts
/** The `dgx` section of the config: where jobs run (the runner, a node over SSH, Slurm) and how to reach it. */



const DGX_MODES = ['local', 'ssh', 'slurm'];
const schema = schemas/* strictObject */.rej({
    mode: schemas/* enum */.k5n(DGX_MODES, { error: 'one of local, ssh, slurm' }).optional(),
    host: schemas/* string */.YjP({ error: 'a host name' }).min(1, { error: 'a host name' }).optional(),
    user: schemas/* string */.YjP({ error: 'a user name' }).min(1, { error: 'a user name' }).optional(),
    port: schemas/* number */.aig({ error: 'a port number' }).int({ error: 'a port number' }).min(1).max(65535, { error: 'a port number' }).optional(),
    workdir: schemas/* string */.YjP({ error: 'an absolute path' }).startsWith('/', { error: 'an absolute path on the node' }).optional(),
    /** the older name of workdir (the shared folder) */
    shared_dir: schemas/* string */.YjP({ error: 'an absolute path' }).startsWith('/', { error: 'an absolute path on the node' }).optional(),
    cwd: schemas/* string */.YjP({ error: 'a path' }).optional(),
    partition: schemas/* string */.YjP({ error: 'a Slurm partition' }).optional(),
    account: schemas/* string */.YjP({ error: 'a Slurm account' }).optional(),
    known_hosts: schemas/* string */.YjP({ error: 'a known_hosts file' }).optional(),
    host_key: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())], { error: 'a SHA256:… fingerprint or a list of them' }).optional(),
    key_file: schemas/* string */.YjP({ error: 'a private key file' }).optional(),
    key_env: schemas/* string */.YjP({ error: 'an environment variable name' })
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
        .optional(),
    staging: platforms_staging/* stagingSchema */.Nk.optional(),
}, { error: 'a mapping' });
function config_parseDgxConfig(section, file, defaults) {
    const parsed = schema.safeParse(section ?? {});
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => ({
            file,
            path: ['dgx', ...i.path.map(String)].join('.'),
            expected: i.code === 'unrecognized_keys' ? `one of the known keys (${Object.keys(schema.shape).join(', ')})` : i.message,
            found: i.code === 'unrecognized_keys' ? (i.keys?.join(', ') ?? '') : JSON.stringify(pathValue(section, i.path)),
        }));
        return { config: null, problems };
    }
    const c = parsed.data;
    const mode = c.mode ?? (c.host ? 'ssh' : 'local');
    const problems = [];
    if (mode === 'ssh' && !c.host)
        problems.push({ file, path: 'dgx.host', expected: 'the node to reach over SSH (mode: ssh)', found: 'nothing' });
    if (mode === 'local' && c.host) {
        problems.push({
            file,
            path: 'dgx.mode',
            expected: 'ssh or slurm when dgx.host is set (mode local runs on the runner itself)',
            found: '"local"',
        });
    }
    const workdir = c.workdir ?? c.shared_dir;
    if (!workdir && (mode !== 'local' || c.host)) {
        problems.push({ file, path: 'dgx.workdir', expected: 'the shared folder on the node (an absolute path)', found: 'nothing' });
    }
    const hostKeys = c.host_key === undefined ? [] : Array.isArray(c.host_key) ? c.host_key : [c.host_key];
    for (const k of hostKeys) {
        if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(k)) {
            problems.push({
                file,
                path: 'dgx.host_key',
                expected: 'a fingerprint as ssh-keygen -lf prints it (SHA256: and 43 characters)',
                found: JSON.stringify(k),
            });
        }
    }
    if (problems.length)
        return { config: null, problems };
    return {
        config: {
            mode,
            host: c.host,
            user: c.user ?? defaults.user,
            port: c.port ?? 22,
            workdir: (workdir ?? defaults.workdir).replace(/\/+$/, '') || '/',
            cwd: c.cwd,
            partition: c.partition,
            account: c.account,
            knownHosts: c.known_hosts,
            hostKeys,
            keyFile: c.key_file,
            keyEnv: c.key_env ?? 'EVALGATE_SSH_KEY',
            ...(c.staging ? { staging: c.staging } : {}),
        },
        problems: [],
    };
}

// EXTERNAL MODULE: ./src/core/plan.ts
var plan = __webpack_require__(4620);
;// CONCATENATED MODULE: ./src/core/json.ts
/**
 * The one reader of untrusted JSON (indicator files, baseline reports, anything read from a file,
 * an artifact or a remote store). Every input costs bounded, linear work:
 *
 * - a size cap (64 MiB inclusive by default) is checked before anything is scanned;
 * - one scan over the text, with an explicit stack (never recursion on the input's depth),
 *   checks the syntax and finds, each by its JSON path:
 *   - nesting deeper than {@link MAX_DEPTH} levels (the scan stops there),
 *   - a key that appears twice in one object (JSON.parse would keep the last one silently),
 *   - `NaN`, `Infinity` and `-Infinity` tokens (Python's json.dump writes them) and literals that
 *     overflow a 64-bit float such as `1e999` (JSON.parse would make them Infinity silently);
 * - only then does `JSON.parse` build the value (native speed for an 8-million-sample array).
 *
 * A non-finite token stands as `null` in the value, so the rest of the file can still be
 * checked; its problem is in `problems`.
 */

/** Containers nested deeper than this are refused (an indicator file needs 3; a report 6). */
const MAX_DEPTH = 64;
/** The default size cap of an untrusted JSON text, inclusive. */
const MAX_JSON_BYTES = (/* unused pure expression or super */ null && (64 * 1024 * 1024));
/** Problems listed per file before the rest are summarised (a 40,000-key file stays readable). */
const MAX_PROBLEMS = 20;
/** A path longer than this is cut (a 65-level path would flood the message). */
const MAX_PATH_CHARS = 160;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function formatPath(path) {
    let out = '$';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (IDENT.test(seg))
            out += `.${seg}`;
        else
            out += `[${JSON.stringify(seg.length > 40 ? seg.slice(0, 39) + '…' : seg)}]`;
        if (out.length > MAX_PATH_CHARS)
            return `${out.slice(0, MAX_PATH_CHARS - 1)}…`;
    }
    return out;
}
const MIB = (/* unused pure expression or super */ null && (1024 * 1024));
const sizeText = (bytes) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`);
function json_parseJsonText(text, file, limits = {}) {
    const maxBytes = limits.maxBytes ?? MAX_JSON_BYTES;
    // UTF-8 is at most 3 bytes per UTF-16 unit: only count when the length leaves it in doubt
    if (text.length * 3 > maxBytes) {
        const bytes = Buffer.byteLength(text, 'utf8');
        if (bytes > maxBytes) {
            return { ok: false, problems: [{ file, expected: `a file of at most ${sizeText(maxBytes)}`, found: sizeText(bytes) }] };
        }
    }
    if (text.trim() === '') {
        return { ok: false, problems: [{ file, expected: 'a JSON object', found: 'an empty file' }] };
    }
    const maxDepth = limits.maxDepth ?? MAX_DEPTH;
    const quick = parseQuick(text, maxDepth);
    if (quick !== NOT_QUICK)
        return { ok: true, value: quick, problems: [] };
    const scan = scanJson(text, file, maxDepth, true);
    if (!scan.ok)
        return { ok: false, problems: scan.problems };
    let source = text;
    if (scan.nonFinite.length) {
        // each NaN/Infinity token stands as null, so that JSON.parse accepts the rest
        const parts = [];
        let at = 0;
        for (const [start, end] of scan.nonFinite) {
            parts.push(text.slice(at, start), 'null');
            at = end;
        }
        parts.push(text.slice(at));
        source = parts.join('');
    }
    let value;
    try {
        value = JSON.parse(source);
    }
    catch {
        // a syntax error inside a run of numbers the fast scan skipped: scan strictly to locate it
        const strict = scanJson(text, file, maxDepth, false);
        if (!strict.ok)
            return { ok: false, problems: strict.problems };
        return { ok: false, problems: [{ file, expected: 'valid JSON', found: 'text that JSON.parse rejects' }] };
    }
    const problems = scan.problems;
    for (const path of findNonFinite(value, MAX_PROBLEMS)) {
        problems.push({
            file,
            path: formatPath(path),
            expected: 'a finite number',
            found: 'a literal too large for a 64-bit float (it reads as Infinity)',
        });
    }
    return { ok: true, value, problems };
}
/** What {@link parseQuick} returns when it cannot vouch for the text. */
const NOT_QUICK = Symbol('not quick');
/**
 * The common case, at JSON.parse's speed: a text that JSON.parse accepts, that cannot nest deeper
 * than `maxDepth` (it holds at most that many `{` and `[` characters, in strings or not), and whose
 * value holds no duplicate key and no non-finite number. Its value then is exactly what the scan
 * below would let through with no problem. Anything else (a syntax error, NaN, a duplicate key,
 * 1e999, deep or bracket-heavy texts) returns NOT_QUICK and takes the scan, whose problems are
 * the messages users see.
 *
 * Duplicate keys without a scan: in a text JSON.parse accepts, every `:` outside a string follows
 * a key, so the text's `:` characters are its keys plus the `:`s inside its strings. The value
 * keeps one key per distinct key of an object (and drops the values of the others, with their own
 * keys and strings), so its keys plus the `:`s of its strings fall short of the text's count
 * exactly when a key was repeated, provided no escape in the text decodes to a `:` (`\u003a`;
 * such a text takes the scan).
 */
function parseQuick(text, maxDepth) {
    let brackets = 0;
    for (let k = text.indexOf('{'); k !== -1; k = text.indexOf('{', k + 1))
        if (++brackets > maxDepth)
            return NOT_QUICK;
    for (let k = text.indexOf('['); k !== -1; k = text.indexOf('[', k + 1))
        if (++brackets > maxDepth)
            return NOT_QUICK;
    if (text.indexOf('\\') !== -1 && /\\u003[aA]/.test(text))
        return NOT_QUICK;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return NOT_QUICK;
    }
    let colons = 0;
    for (let k = text.indexOf(':'); k !== -1; k = text.indexOf(':', k + 1))
        colons++;
    const seen = countKeysAndColons(value);
    return seen === colons ? value : NOT_QUICK;
}
/** A string's `:` characters. */
function colonsIn(s) {
    let n = 0;
    for (let k = s.indexOf(':'); k !== -1; k = s.indexOf(':', k + 1))
        n++;
    return n;
}
/**
 * The object keys of a parsed value plus the `:`s in its keys and strings; -1 for a non-finite
 * number anywhere (then the caller takes the scan). Recursive: {@link parseQuick} has bounded the
 * depth.
 */
function countKeysAndColons(v) {
    if (typeof v === 'string')
        return colonsIn(v);
    if (typeof v === 'number')
        return v - v === 0 ? 0 : -1;
    if (v === null || typeof v !== 'object')
        return 0;
    let n = 0;
    if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
            const x = v[i];
            if (typeof x === 'number') {
                if (x - x !== 0)
                    return -1; // tight loop over plain numbers (samples_ms)
            }
            else if (x !== null && typeof x === 'object') {
                const c = countKeysAndColons(x);
                if (c < 0)
                    return -1;
                n += c;
            }
            else if (typeof x === 'string')
                n += colonsIn(x);
        }
        return n;
    }
    const keys = Object.keys(v);
    n = keys.length;
    for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k.indexOf(':') !== -1)
            n += colonsIn(k);
        const c = countKeysAndColons(v[k]);
        if (c < 0)
            return -1;
        n += c;
    }
    return n;
}
/** Paths of non-finite numbers in a parsed value (only overflowing literals such as 1e999 make them). */
function findNonFinite(root, limit = MAX_PROBLEMS) {
    const found = [];
    if (typeof root === 'number')
        return Number.isFinite(root) ? [] : [[]];
    const path = [];
    const stack = [];
    const enter = (node) => {
        if (Array.isArray(node))
            stack.push({ node, keys: null, i: 0 });
        else if (node !== null && typeof node === 'object')
            stack.push({ node: node, keys: Object.keys(node), i: 0 });
    };
    enter(root);
    while (stack.length && found.length < limit) {
        const top = stack[stack.length - 1];
        const size = top.keys === null ? top.node.length : top.keys.length;
        let i = top.i;
        let child = undefined;
        // tight loop over plain numbers (samples_ms): no path bookkeeping unless something is found
        for (; i < size; i++) {
            const v = top.keys === null ? top.node[i] : top.node[top.keys[i]];
            if (typeof v === 'number') {
                if (v - v !== 0) {
                    found.push([...path, top.keys === null ? i : top.keys[i]]);
                    if (found.length >= limit)
                        break;
                }
            }
            else if (v !== null && typeof v === 'object') {
                child = v;
                break;
            }
        }
        if (child === undefined) {
            stack.pop();
            path.pop();
            continue;
        }
        top.i = i + 1;
        path.push(top.keys === null ? i : top.keys[i]);
        enter(child);
    }
    return found;
}
/**
 * Reads an untrusted JSON file: the size is checked from the file's metadata before anything is
 * read, then {@link parseJsonText}. `label` is how problems name the file.
 */
async function readJsonFile(abs, label, limits = {}) {
    const maxBytes = limits.maxBytes ?? MAX_JSON_BYTES;
    try {
        const st = await fs.stat(abs);
        if (!st.isFile()) {
            return {
                ok: false,
                problems: [{ file: label, expected: 'a regular file', found: st.isDirectory() ? 'a folder' : 'a special file' }],
            };
        }
        if (st.size > maxBytes) {
            return { ok: false, problems: [{ file: label, expected: `a file of at most ${sizeText(maxBytes)}`, found: sizeText(st.size) }] };
        }
        let text = await fs.readFile(abs, 'utf8');
        if (text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        return json_parseJsonText(text, label, limits);
    }
    catch (e) {
        const code = e.code;
        return {
            ok: false,
            problems: [{ file: label, expected: 'a readable file', found: code === 'ENOENT' ? 'no such file' : (code ?? 'an error') }],
        };
    }
}
class Stop extends (/* unused pure expression or super */ null && (Error)) {
}
// character codes
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const MINUS = 45;
const DOT = 46;
/** A character that cannot be part of a run of numbers and commas (no backtracking: a plain search). */
const NOT_NUMBER_RUN = /[^-0-9.eE+,\t\n\r ]/;
const isDigit = (c) => c >= 48 && c <= 57;
const isHex = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/**
 * One pass over `text`, checking JSON's grammar strictly (RFC 8259) with an explicit stack of open
 * containers. Linear in the text: each character is looked at a bounded number of times, and
 * each key is checked against its object's set of keys once.
 */
function scanJson(text, file, maxDepth, skipNumberRuns) {
    const n = text.length;
    const problems = [];
    const nonFinite = [];
    let more = 0;
    // the open containers: for an object its keys so far and its current key, for an array the index
    const keys = [];
    const segs = [];
    let i = 0;
    const note = (p) => {
        if (problems.length < MAX_PROBLEMS)
            problems.push(p);
        else
            more++;
    };
    const position = (at) => {
        let line = 1;
        let lineStart = 0;
        for (let k = text.indexOf('\n'); k !== -1 && k < at; k = text.indexOf('\n', k + 1)) {
            line++;
            lineStart = k + 1;
        }
        return { line, column: at - lineStart + 1 };
    };
    const fail = (expected, at = i) => {
        const { line, column } = position(at);
        const found = at >= n ? 'the end of the file' : JSON.stringify(text.slice(at, at + 12));
        problems.length = 0;
        problems.push({ file, line, path: `column ${column}`, expected: `valid JSON (${expected})`, found });
        throw new Stop();
    };
    const ws = () => {
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 32 || c === 10 || c === 13 || c === 9)
                i++;
            else
                break;
        }
    };
    /** skips a string starting at its opening quote; returns its value when `decode` */
    const string = (decode) => {
        const start = i;
        i++;
        let escaped = false;
        for (;;) {
            if (i >= n)
                fail('a closing quote', start);
            const c = text.charCodeAt(i);
            if (c === QUOTE)
                break;
            if (c === BACKSLASH) {
                escaped = true;
                const e = text.charCodeAt(i + 1);
                if (e === 117 /* u */) {
                    for (let k = 2; k < 6; k++)
                        if (!isHex(text.charCodeAt(i + k)))
                            fail('four hex digits after \\u', i);
                    i += 6;
                }
                else if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
                    i += 2;
                }
                else
                    fail('a valid escape in a string', i);
            }
            else if (c < 32)
                fail('no control characters in a string');
            else
                i++;
        }
        i++; // closing quote
        if (!decode)
            return '';
        return escaped ? JSON.parse(text.slice(start, i)) : text.slice(start + 1, i - 1);
    };
    const number = () => {
        const start = i;
        if (text.charCodeAt(i) === MINUS)
            i++;
        if (text.charCodeAt(i) === 48)
            i++;
        else if (isDigit(text.charCodeAt(i)))
            while (isDigit(text.charCodeAt(i)))
                i++;
        else
            fail('a value', start);
        if (text.charCodeAt(i) === DOT) {
            i++;
            if (!isDigit(text.charCodeAt(i)))
                fail('a digit after "."');
            while (isDigit(text.charCodeAt(i)))
                i++;
        }
        const e = text.charCodeAt(i);
        if (e === 101 || e === 69) {
            i++;
            const s = text.charCodeAt(i);
            if (s === 43 || s === MINUS)
                i++;
            if (!isDigit(text.charCodeAt(i)))
                fail('a digit in the exponent');
            while (isDigit(text.charCodeAt(i)))
                i++;
        }
        // an overflowing literal (1e999) is found in the parsed value, by findNonFinite
    };
    /**
     * The rest of an array that holds only numbers (samples_ms), skipped with one native search;
     * JSON.parse checks their syntax, and the strict scan locates an error there.
     */
    const skipNumbers = () => {
        const end = text.indexOf(']', i);
        if (end < 0 || NOT_NUMBER_RUN.test(text.slice(i, end)))
            return false;
        i = end;
        return true;
    };
    const token = (word) => text.startsWith(word, i);
    const badNumber = (word) => {
        note({
            file,
            path: formatPath(segs),
            expected: 'a finite number',
            found: `${word} (not valid JSON; Python's json.dump writes it for a float that is not finite)`,
        });
        nonFinite.push([i, i + word.length]);
        i += word.length;
    };
    /** reads `"key":` of the innermost object, checking the key is new there */
    const key = () => {
        ws();
        if (text.charCodeAt(i) !== QUOTE)
            fail('a quoted key');
        const k = string(true);
        const top = keys.length - 1;
        segs[top] = k;
        const seen = keys[top];
        if (seen.has(k)) {
            note({
                file,
                path: formatPath(segs),
                expected: 'each key at most once in an object',
                found: `${JSON.stringify(k.length > 40 ? k.slice(0, 39) + '…' : k)} again (only one of its values would be kept)`,
            });
        }
        else
            seen.add(k);
        ws();
        if (text.charCodeAt(i) !== COLON)
            fail('":" after a key');
        i++;
    };
    const open = (isObject) => {
        if (keys.length >= maxDepth) {
            problems.length = 0;
            problems.push({
                file,
                path: formatPath(segs),
                expected: `nesting at most ${maxDepth} levels deep`,
                found: `nesting deeper than ${maxDepth}`,
            });
            throw new Stop();
        }
        keys.push(isObject ? new Set() : null);
        segs.push(isObject ? '' : 0);
        i++;
    };
    try {
        value: for (;;) {
            // a value starts at i
            ws();
            const c = text.charCodeAt(i);
            if (c === LBRACE || c === LBRACKET) {
                open(c === LBRACE);
                ws();
                const close = c === LBRACE ? RBRACE : RBRACKET;
                if (text.charCodeAt(i) === close) {
                    i++;
                    keys.pop();
                    segs.pop();
                }
                else {
                    if (c === LBRACE)
                        key();
                    continue value;
                }
            }
            else if (c === QUOTE)
                string(false);
            else if (c === MINUS || isDigit(c)) {
                if (token('-Infinity'))
                    badNumber('-Infinity');
                else if (skipNumberRuns && keys.length > 0 && keys[keys.length - 1] === null && skipNumbers()) {
                    // the rest of this array is numbers: JSON.parse checks their syntax
                }
                else
                    number();
            }
            else if (token('true'))
                i += 4;
            else if (token('false'))
                i += 5;
            else if (token('null'))
                i += 4;
            else if (token('NaN'))
                badNumber('NaN');
            else if (token('Infinity'))
                badNumber('Infinity');
            else
                fail('a value');
            // after a value: close containers, or move to the next item
            for (;;) {
                ws();
                const top = keys.length - 1;
                if (top < 0) {
                    if (i < n)
                        fail('nothing after the top-level value');
                    break value;
                }
                const d = text.charCodeAt(i);
                const isObject = keys[top] !== null;
                if (d === COMMA) {
                    i++;
                    if (isObject)
                        key();
                    else
                        segs[top] = segs[top] + 1;
                    continue value;
                }
                if (d === (isObject ? RBRACE : RBRACKET)) {
                    i++;
                    keys.pop();
                    segs.pop();
                    continue;
                }
                fail(isObject ? '"," or "}"' : '"," or "]"');
            }
        }
    }
    catch (e) {
        if (e instanceof Stop)
            return { ok: false, problems };
        throw e;
    }
    if (more)
        problems.push({ file, expected: 'no more problems', found: `${more} more like these` });
    return { ok: true, problems, nonFinite };
}

// EXTERNAL MODULE: ./src/stores/fs.ts + 3 modules
var stores_fs = __webpack_require__(83636);
// EXTERNAL MODULE: ./src/platforms/templates.ts
var templates = __webpack_require__(7903);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/ssh2/lib/index.js
var lib = __webpack_require__(85472);
;// CONCATENATED MODULE: ./src/platforms/dgx/shell.ts
/**
 * Where DGX jobs are started: on the runner itself (`mode: local`) or on a node over SSH (the
 * `ssh2` package; SFTP for files). Both give the same small interface, so the job logic (process
 * groups, Slurm) is written once. Paths on the node are POSIX.
 */






/** a name from the node is one path segment, never `..` or a path: a listing cannot write outside the folder */
function safeSegment(name) {
    return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\\') && !name.includes('\0');
}
class shell_LocalShell {
    env;
    where = 'the runner';
    constructor(env = process.env) {
        this.env = env;
    }
    exec(command) {
        return new Promise((resolve) => {
            const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', command], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d) => (stdout += d));
            child.stderr.on('data', (d) => (stderr += d));
            child.once('error', (e) => resolve({ code: null, signal: null, stdout, stderr: stderr + e.message }));
            child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
        });
    }
    async writeFile(remote, content) {
        await external_node_fs_.promises.mkdir(external_node_path_default().dirname(remote), { recursive: true });
        await external_node_fs_.promises.writeFile(remote, content);
    }
    async upload(local, remote, opts = {}) {
        (0,platforms_staging/* throwIfAborted */.Te)(opts.signal);
        await external_node_fs_.promises.mkdir(external_node_path_default().dirname(remote), { recursive: true });
        await external_node_fs_.promises.cp(local, remote, { recursive: true, dereference: true });
    }
    async download(remoteDir, localDir, keep) {
        const out = [];
        const walk = async (from, to) => {
            let entries;
            try {
                entries = await external_node_fs_.promises.readdir(from, { withFileTypes: true });
            }
            catch {
                return;
            }
            for (const e of entries) {
                if (!safeSegment(e.name))
                    continue;
                if (e.isDirectory())
                    await walk(external_node_path_default().join(from, e.name), external_node_path_default().join(to, e.name));
                else if (e.isFile() && keep(e.name)) {
                    await external_node_fs_.promises.mkdir(to, { recursive: true });
                    await external_node_fs_.promises.copyFile(external_node_path_default().join(from, e.name), external_node_path_default().join(to, e.name));
                    out.push(external_node_path_default().join(to, e.name));
                }
            }
        };
        await walk(remoteDir, localDir);
        return out.sort();
    }
    async close() { }
}
/** OpenSSH's fingerprint of a host key blob: `SHA256:` and unpadded base64 */
function fingerprint(key) {
    return `SHA256:${(0,external_node_crypto_.createHash)('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
/** the keys known_hosts lists for host:port (plain or hashed `|1|salt|hash` names, `[host]:port` for other ports) */
function knownHostKeys(text, host, port) {
    const names = port === 22 ? [host, `[${host}]:22`] : [`[${host}]:${port}`];
    const keys = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const parts = line.split(/\s+/);
        if (parts[0].startsWith('@'))
            continue; // @cert-authority / @revoked: not for pinning
        const [hosts, , blob] = parts;
        if (!hosts || !blob)
            continue;
        const matches = hosts.split(',').some((h) => {
            const hashed = /^\|1\|([^|]+)\|([^|]+)$/.exec(h);
            if (!hashed)
                return names.includes(h);
            return names.some((n) => createHmacSha1(Buffer.from(hashed[1], 'base64'), n) === hashed[2]);
        });
        if (matches)
            keys.push(Buffer.from(blob, 'base64'));
    }
    return keys;
}
function createHmacSha1(salt, name) {
    return (0,external_node_crypto_.createHmac)('sha1', salt).update(name).digest('base64');
}
class HostKeyError extends Error {
}
class SshShell {
    opts;
    where;
    conn = null;
    sftpP = null;
    constructor(opts) {
        this.opts = opts;
        this.where = `${opts.user}@${opts.host}:${opts.port}`;
    }
    connect() {
        if (this.conn)
            return this.conn;
        const o = this.opts;
        this.conn = new Promise((resolve, reject) => {
            const c = new lib.Client();
            let presented = null;
            const config = {
                host: o.host,
                port: o.port,
                username: o.user,
                privateKey: o.privateKey,
                passphrase: o.passphrase,
                readyTimeout: o.readyTimeoutMs ?? 20_000,
                keepaliveInterval: 15_000,
                keepaliveCountMax: 4,
                hostVerifier: (key) => {
                    presented = fingerprint(key);
                    return o.hostKeys.includes(presented);
                },
            };
            c.once('ready', () => resolve(c));
            c.once('error', (e) => {
                this.conn = null;
                if (presented && !o.hostKeys.includes(presented)) {
                    const how = o.hostKeys.length === 0
                        ? `it is not pinned: check it (ssh-keyscan -p ${o.port} ${o.host} | ssh-keygen -lf -) and pin it with dgx.host_key: ${presented} or a dgx.known_hosts file`
                        : `${o.pinnedBy} expects ${o.hostKeys.join(' or ')}: the host key changed (a new node, or someone in between); if the change is expected, pin the new key`;
                    reject(new HostKeyError(`refused ${this.where}: its host key is ${presented}; ${how}`));
                    return;
                }
                reject(new Error(`cannot connect to ${this.where}: ${e.message}`));
            });
            c.once('close', () => {
                this.conn = null;
                this.sftpP = null;
            });
            c.connect(config);
        });
        return this.conn;
    }
    async exec(command) {
        const c = await this.connect();
        return new Promise((resolve, reject) => {
            c.exec(command, (err, stream) => {
                if (err)
                    return reject(new Error(`${this.where}: ${err.message}`));
                let stdout = '';
                let stderr = '';
                stream.on('data', (d) => (stdout += d));
                stream.stderr.on('data', (d) => (stderr += d));
                stream.once('close', (code, signal) => resolve({ code: code ?? null, signal: signal ?? null, stdout, stderr }));
            });
        });
    }
    sftp() {
        if (this.sftpP)
            return this.sftpP;
        this.sftpP = this.connect().then((c) => new Promise((resolve, reject) => {
            c.sftp((err, s) => (err ? reject(new Error(`${this.where}: sftp: ${err.message}`)) : resolve(s)));
        }));
        this.sftpP.catch(() => (this.sftpP = null));
        return this.sftpP;
    }
    async mkdirp(dir) {
        const r = await this.exec(`mkdir -p -- ${shell_quote(dir)}`);
        if (r.code !== 0)
            throw new Error(`${this.where}: mkdir ${dir}: ${r.stderr.trim()}`);
    }
    async writeFile(remote, content) {
        await this.mkdirp(external_node_path_default().posix.dirname(remote));
        const s = await this.sftp();
        await new Promise((resolve, reject) => s.writeFile(remote, content, (e) => (e ? reject(new Error(`${this.where}: write ${remote}: ${e.message}`)) : resolve())));
    }
    async upload(local, remote, opts = {}) {
        (0,platforms_staging/* throwIfAborted */.Te)(opts.signal);
        const st = await external_node_fs_.promises.stat(local);
        if (st.isFile()) {
            await this.mkdirp(external_node_path_default().posix.dirname(remote));
            const s = await this.sftp();
            const staging = opts.staging ?? platforms_staging/* STAGING_LIMITS */.Pg.dgx.defaults;
            const signal = opts.signal;
            await new Promise((resolve, reject) => {
                // fastPut has no cancel of its own: a cancel ends the connection (the next command opens another)
                const onAbort = () => {
                    reject(signal.reason instanceof Error ? signal.reason : new Error('staging was cancelled'));
                    void this.close();
                };
                signal?.addEventListener('abort', onAbort, { once: true });
                s.fastPut(local, remote, { chunkSize: staging.partSize, concurrency: staging.concurrency }, (e) => {
                    signal?.removeEventListener('abort', onAbort);
                    if (e)
                        reject(new Error(`${this.where}: upload ${remote}: ${e.message}`));
                    else
                        resolve();
                });
            });
            return;
        }
        await this.mkdirp(remote);
        for (const e of await external_node_fs_.promises.readdir(local, { withFileTypes: true })) {
            const from = external_node_path_default().join(local, e.name);
            const to = external_node_path_default().posix.join(remote, e.name);
            if (e.isDirectory() || e.isFile() || e.isSymbolicLink())
                await this.upload(from, to, opts);
        }
    }
    async download(remoteDir, localDir, keep) {
        const s = await this.sftp();
        const out = [];
        const list = (dir) => new Promise((resolve) => s.readdir(dir, (e, items) => resolve(e ? [] : items)));
        const walk = async (from, to) => {
            for (const item of await list(from)) {
                if (!safeSegment(item.filename))
                    continue;
                const src = external_node_path_default().posix.join(from, item.filename);
                const dst = external_node_path_default().join(to, item.filename);
                if (item.attrs.isDirectory())
                    await walk(src, dst);
                else if (item.attrs.isFile() && keep(item.filename)) {
                    await external_node_fs_.promises.mkdir(to, { recursive: true });
                    await new Promise((resolve, reject) => s.fastGet(src, dst, (e) => (e ? reject(new Error(`${this.where}: download ${src}: ${e.message}`)) : resolve())));
                    out.push(dst);
                }
            }
        };
        await walk(remoteDir, localDir);
        return out.sort();
    }
    async close() {
        const c = this.conn;
        this.conn = null;
        this.sftpP = null;
        if (!c)
            return;
        try {
            (await c).end();
        }
        catch {
            // never connected
        }
    }
}
/** POSIX single-quote quoting for a path in a command on the node */
function shell_quote(s) {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function readKnownHosts(file) {
    return readFileSync(file, 'utf8');
}

;// CONCATENATED MODULE: ./src/platforms/dgx/slurm.ts
/** every base and flag state Slurm prints, and what it means for a job */
const SLURM_STATES = {
    PENDING: 'queued',
    REQUEUED: 'queued',
    REQUEUE_FED: 'queued',
    REQUEUE_HOLD: 'queued',
    RESV_DEL_HOLD: 'queued',
    CONFIGURING: 'queued',
    RUNNING: 'running',
    COMPLETING: 'running',
    SUSPENDED: 'running',
    STOPPED: 'running',
    RESIZING: 'running',
    SIGNALING: 'running',
    STAGE_OUT: 'running',
    EXPEDITING: 'running',
    COMPLETED: 'succeeded',
    FAILED: 'failed',
    TIMEOUT: 'failed',
    OUT_OF_MEMORY: 'failed',
    NODE_FAIL: 'failed',
    BOOT_FAIL: 'failed',
    DEADLINE: 'failed',
    PREEMPTED: 'failed',
    SPECIAL_EXIT: 'failed',
    REVOKED: 'failed',
    CANCELLED: 'cancelled',
};
/** `sbatch --parsable` prints `<jobid>` or `<jobid>;<cluster>` */
function slurm_parseSbatch(stdout) {
    const m = /^(\d+)(?:;\S+)?\s*$/.exec(stdout.trim());
    return m ? m[1] : null;
}
/** Slurm state word → evalgate state; an exit code other than 0:0 makes COMPLETED a failure */
function slurm_mapState(state, exitCode) {
    const word = state.trim().split(/\s+/)[0].replace(/\+$/, '').toUpperCase();
    const mapped = SLURM_STATES[word];
    if (!mapped)
        return { state: 'running', known: false };
    if (mapped === 'succeeded' && exitCode && exitCode !== '0:0')
        return { state: 'failed', known: true };
    return { state: mapped, known: true };
}
function expandRange(spec) {
    // `1-3`, `1,4-5`, `0-7%2` (a throttle), `1-9:2` (a step)
    const out = [];
    for (const part of spec.replace(/%\d+$/, '').split(',')) {
        const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(part.trim());
        if (!m)
            continue;
        const from = Number(m[1]);
        const to = m[2] !== undefined ? Number(m[2]) : from;
        const step = m[3] !== undefined ? Math.max(1, Number(m[3])) : 1;
        for (let i = from; i <= to && out.length < 100_000; i += step)
            out.push(i);
    }
    return out;
}
/** `sacct -X -P -n -o JobID,State,ExitCode` lines: `123_0|COMPLETED|0:0`, `123_[1-3]|PENDING|0:0`, `124|FAILED|3:0` */
function slurm_parseSacct(stdout) {
    const out = [];
    for (const line of stdout.split('\n')) {
        const [jobId, state, exitCode] = line.trim().split('|');
        if (!jobId || !state)
            continue;
        const m = /^(\d+)(?:_(\d+|\[([^\]]+)\]))?$/.exec(jobId);
        if (!m)
            continue; // a step (123.batch) or something else
        const exit = exitCode || null;
        if (m[3] !== undefined) {
            for (const t of expandRange(m[3]))
                out.push({ id: `${m[1]}_${t}`, arrayJobId: m[1], taskId: t, state, exitCode: exit });
        }
        else if (m[2] !== undefined)
            out.push({ id: jobId, arrayJobId: m[1], taskId: Number(m[2]), state, exitCode: exit });
        else
            out.push({ id: jobId, arrayJobId: m[1], taskId: null, state, exitCode: exit });
    }
    return out;
}
/** `scontrol show job -o <id>`: one line per job or array task, `Key=Value` pairs */
function slurm_parseScontrol(stdout) {
    const out = [];
    for (const line of stdout.split('\n')) {
        if (!/\bJobId=\d+/.test(line))
            continue;
        const field = (k) => new RegExp(`(?:^|\\s)${k}=(\\S*)`).exec(line)?.[1];
        const jobId = field('JobId');
        const arrayJobId = field('ArrayJobId');
        const taskText = field('ArrayTaskId');
        const state = field('JobState') ?? 'UNKNOWN';
        const exitCode = field('ExitCode') ?? null;
        const reason = field('Reason');
        if (arrayJobId && taskText !== undefined) {
            const tasks = /^\d+$/.test(taskText) ? [Number(taskText)] : expandRange(taskText);
            for (const t of tasks)
                out.push({ id: `${arrayJobId}_${t}`, arrayJobId, taskId: t, state, exitCode, reason });
        }
        else
            out.push({ id: jobId, arrayJobId: jobId, taskId: null, state, exitCode, reason });
    }
    return out;
}
/** sbatch options for a job's resources (SPEC: gpus → --gres=gpu:N, cpu → --cpus-per-task, memory_gb → --mem, timeout → --time) */
function slurm_sbatchOptions(opts) {
    const out = [];
    if (opts.partition)
        out.push(`--partition=${opts.partition}`);
    if (opts.account)
        out.push(`--account=${opts.account}`);
    if (opts.gpus)
        out.push(`--gres=gpu:${opts.gpuType ? `${opts.gpuType}:` : ''}${opts.gpus}`);
    if (opts.cpus)
        out.push(`--cpus-per-task=${Math.ceil(opts.cpus)}`);
    if (opts.memoryGb)
        out.push(`--mem=${Math.ceil(opts.memoryGb * 1024)}M`);
    if (opts.array)
        out.push(`--array=${opts.array}`);
    return out;
}

// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
;// CONCATENATED MODULE: ./src/platforms/dgx/dgx.ts
/**
 * `dgx`: jobs on a DGX node: on the runner itself (`mode: local`), on a node over SSH (`ssh`), or
 * through Slurm (`slurm`, from the runner or a login node over SSH). The model and data are staged
 * into the shared folder (content-addressed, skipped when there), every shard's indicator files
 * are written under it and copied back.
 *
 *   <workdir>/evalgate/cas/<sha256>/<name>        staged model / data
 *   <workdir>/evalgate/scripts/<job>.sh           the rendered run.sh of a job (all its shards)
 *   <workdir>/evalgate/runs/<job>-<shard>/        out/, log.txt, pid, exit_code, host.env
 *
 * Without Slurm a shard runs as `setsid bash run.sh <shard>`: its own session and process group,
 * which a cancel signals as a whole. With Slurm a job is one `sbatch --parsable` array, one task per
 * shard; state comes from `sacct` or, where accounting is off, `scontrol show job`.
 */











/** jobs whose state one shell call reads (ssh and local mode) */
const STATE_CHUNK = 500;
/** the shard's number is the last part of a job name (plan.jobName): the rest names the whole job */
const baseName = (name) => name.replace(/-\d+$/, '');
function parseHostEnv(text) {
    const env = { gpus: [] };
    for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const k = line.slice(0, eq);
        const v = line.slice(eq + 1).trim();
        if (k === 'hostname')
            env.hostname = v;
        else if (k === 'cpu_governor')
            env.cpu_governor = v;
        else if (k === 'cpu_model' && v)
            env.cpu_model = v;
        else if (k === 'gpu' && v)
            env.gpus.push(v);
    }
    return env;
}
/**
 * TERM to a shard's process group, KILL to what is left after 5 s; only while the shard's pid file
 * still names that group (a group id the node has since reused is not touched). `kill -TERM -PGID`:
 * dash's kill takes no `--`.
 */
function killGroupCommand(runDir, pgid) {
    const dir = shell_quote(runDir);
    return `[ "$(cat ${dir}/pid 2>/dev/null)" = ${pgid} ] || exit 0; kill -TERM -${pgid} 2>/dev/null; for i in $(seq 1 50); do kill -0 -${pgid} 2>/dev/null || exit 0; sleep 0.1; done; kill -KILL -${pgid} 2>/dev/null; exit 0`;
}
class dgx_DgxPlatform {
    opts;
    name = 'dgx';
    pollIntervalMs;
    maxPollIntervalMs;
    warnings = [];
    cfg;
    shell;
    groups = new Map();
    byName = new Map();
    cache = null;
    refreshing = null;
    accounting = null;
    staged = new Map();
    constructor(opts) {
        this.opts = opts;
        this.cfg = opts.config;
        this.shell = opts.shell;
        this.pollIntervalMs = this.cfg.mode === 'slurm' ? 1000 : 250;
        this.maxPollIntervalMs = this.cfg.mode === 'slurm' ? 10_000 : 2000;
    }
    get root() {
        return `${this.cfg.workdir}/evalgate`;
    }
    runDir(name) {
        return `${this.root}/runs/${name}`;
    }
    locate(_key, _shard, name, staged) {
        return { model: staged.model, data: staged.data, out: `${this.runDir(name)}/out` };
    }
    hashes = {};
    async stage(localOrUri, kind, signal = this.opts.signal) {
        throwIfCancelled(signal);
        if (isUri(localOrUri))
            return localOrUri;
        const local = path.resolve(this.opts.cwd, localOrUri);
        const cached = this.staged.get(local);
        if (cached) {
            if (kind)
                this.hashes[kind] = `sha256:${path.posix.basename(path.posix.dirname(cached))}`;
            return cached;
        }
        // hashed in local mode too: the sha256 is the input's fingerprint (SPEC §10)
        const sha = await contentHash(local, signal);
        if (kind)
            this.hashes[kind] = `sha256:${sha}`;
        // the runner is the node: jobs read the checkout where it is
        if (this.cfg.mode === 'local')
            return local;
        const target = this.casPath(sha, path.basename(local));
        if (this.opts.dryRun)
            return target;
        const dir = path.posix.dirname(target);
        // content-addressed: present and complete means the same bytes are there already
        const present = await this.shell.exec(`test -e ${quote(`${dir}/.complete`)} && test -e ${quote(target)}`);
        if (present.code !== 0) {
            // what an interrupted run left (its folder untouched for 10 minutes) goes; one in progress (another run's) stays
            await this.shell.exec(`for d in ${quote(dir)}.tmp-*; do [ -d "$d" ] || continue; [ -n "$(find "$d" -mmin -10 2>/dev/null | head -n 1)" ] || rm -rf -- "$d"; done; true`);
            // each upload into its own folder, moved into place whole: a half-sent file is never at the staged path
            const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
            await this.shell.upload(local, `${tmp}/${path.basename(local)}`, {
                ...(this.opts.staging ? { staging: this.opts.staging } : {}),
                ...(signal ? { signal } : {}),
            });
            const r = await this.shell.exec(`mkdir -p ${quote(`${this.root}/cas`)} && rm -rf ${quote(dir)} && mv ${quote(tmp)} ${quote(dir)} && touch ${quote(`${dir}/.complete`)}`);
            if (r.code !== 0)
                throw new Error(`staging ${localOrUri} to ${this.shell.where}:${dir} failed: ${r.stderr.trim()}`);
        }
        this.staged.set(local, target);
        return target;
    }
    /** where a local file or folder with this content is staged on the node */
    casPath(sha, basename) {
        return `${this.root}/cas/${sha}/${basename}`;
    }
    /** the script of one job, every shard of it, from platforms/job_templates/dgx/run.sh */
    async renderScript(jobs, attempt) {
        const first = jobs[0];
        const base = attempt ? `${attempt.base}${attempt.suffix}` : baseName(first.name);
        const shards = jobs.map((j) => {
            const exports = Object.entries(j.env).map(([k, v]) => `export ${k}=${shellQuote(v)}`);
            return `  ${j.shard.index})\n    run_dir=${shellQuote(this.runDir(j.name))}\n    command=${shellQuote(j.command)}\n    ${[...exports, `export EVALGATE_JOB=${shellQuote(j.name)}`].join('\n    ')}\n    ;;`;
        });
        const isArray = jobs.length > 1 || first.shard.count > 1;
        const options = this.cfg.mode === 'slurm'
            ? sbatchOptions({
                partition: this.cfg.partition,
                account: this.cfg.account,
                gpus: first.resources.gpus,
                gpuType: first.resources.gpu_type,
                cpus: first.resources.cpu,
                memoryGb: first.resources.memory_gb,
                array: jobs.length > 1 || first.shard.count > 1
                    ? `${Math.min(...jobs.map((j) => j.shard.index))}-${Math.max(...jobs.map((j) => j.shard.index))}`
                    : undefined,
            })
            : [];
        const vars = {
            job_name: base,
            timeout_minutes: Math.ceil(first.timeoutMinutes),
            // %a is an array task's index; a job that is no array has none (Slurm writes 4294967294)
            log_pattern: isArray
                ? `${this.root}/runs/${attempt ? attempt.base : base}-%a${attempt?.suffix ?? ''}/log.txt`
                : `${this.runDir(first.name)}/log.txt`,
            sbatch_options: options.map((o) => `#SBATCH ${o}`).join('\n'),
            shards: shards.join('\n'),
            shard_index: first.shard.index,
            cwd: this.cfg.cwd ?? (this.cfg.host ? this.cfg.workdir : this.opts.cwd),
        };
        const { text, missing } = renderTemplate(await readTemplate('dgx'), vars, 'sh');
        if (missing.length)
            throw new Error(`internal error: dgx/run.sh uses unknown variables ${missing.join(', ')}`);
        return text;
    }
    /** --dry-run: every job's script, as it would be written to the shared folder and run */
    async describe(jobs) {
        await this.prepare(jobs);
        const out = [];
        for (const g of this.groups.values()) {
            const how = this.cfg.mode === 'slurm' ? `sbatch --parsable ${g.script}` : `setsid bash ${g.script} <shard>`;
            const on = this.cfg.host ? `${this.cfg.user}@${this.cfg.host}:${this.cfg.port}` : 'the runner';
            out.push(`# ${g.base} (${how} on ${on}) from platforms/job_templates/dgx/run.sh\n${await this.renderScript(g.jobs)}`);
        }
        return out.join('\n');
    }
    /** groups the shards of each job: a Slurm job is one array for all of them */
    async prepare(jobs) {
        for (const job of jobs) {
            const base = baseName(job.name);
            let g = this.groups.get(base);
            if (!g) {
                g = { key: job.key, base, jobs: [], script: `${this.root}/scripts/${base}.sh` };
                this.groups.set(base, g);
            }
            g.jobs.push(job);
            this.byName.set(job.name, { job, group: g });
        }
    }
    group(job) {
        if (!this.byName.has(job.name))
            void this.prepare([job]);
        return this.byName.get(job.name).group;
    }
    async writeScript(g, attempt) {
        const jobs = attempt?.jobs ?? g.jobs;
        await this.shell.writeFile(attempt?.script ?? g.script, await this.renderScript(jobs, attempt && { base: g.base, suffix: attempt.suffix }));
        const dirs = jobs.map((j) => quote(`${this.runDir(j.name)}/out`)).join(' ');
        const r = await this.shell.exec(`mkdir -p ${dirs}`);
        if (r.code !== 0)
            throw new Error(`${this.shell.where}: cannot create the job folders: ${r.stderr.trim()}`);
    }
    /**
     * sbatch and a launch are single commands that never back off: one the abort finds started runs
     * to its end, so that the job it creates has a handle and is cancelled with the others
     */
    async submit(job, signal) {
        throwIfCancelled(signal);
        const g = this.group(job);
        if (this.cfg.mode === 'slurm') {
            g.submitting ??= this.submitArray(g);
            const arrayId = await g.submitting;
            const isArray = g.jobs.length > 1 || job.shard.count > 1;
            return { job, id: isArray ? `${arrayId}_${job.shard.index}` : arrayId };
        }
        return { job, id: await this.launch(g, job) };
    }
    async submitArray(g) {
        // a retried run attaches to the array it submitted before (found by its deterministic name),
        // also once it has ended (its run was killed and it finished since): squeue knows only queued
        // and running jobs, sacct (with accounting) and scontrol (for MinJobAge) the finished ones too
        // an array found under its name with a task that failed or was cancelled is submitted again
        // (every shard) as <base>-r2, -r3, …, each shard in a run folder <name>-r2 of its own
        const found = await findAttempt(g.base, async (name) => {
            const id = await this.findArray(name);
            if (!id)
                return null;
            const dead = (await this.arrayTasks(id)).some((t) => {
                const s = mapState(t.state, t.exitCode ?? null).state;
                return s === 'failed' || s === 'cancelled';
            });
            return dead ? 'dead' : { live: id };
        });
        const suffix = found.name.slice(g.base.length);
        if (suffix)
            for (const j of g.jobs)
                this.attemptOf.set(j.name, `${j.name}${suffix}`);
        if (found.existing) {
            g.arrayId = found.existing;
            return found.existing;
        }
        const script = suffix ? `${this.root}/scripts/${found.name}.sh` : g.script;
        if (suffix) {
            const jobs = g.jobs.map((j) => {
                const run = asAttempt(j, `${j.name}${suffix}`);
                return { ...run, env: { ...run.env, EVALGATE_OUT: `${this.runDir(run.name)}/out` } };
            });
            await this.writeScript(g, { jobs, script, suffix });
        }
        else
            await this.writeScript(g);
        const r = await this.shell.exec(`sbatch --parsable ${quote(script)}`);
        const id = parseSbatch(r.stdout);
        if (r.code !== 0 || !id) {
            throw new Error(`sbatch on ${this.shell.where} failed for ${found.name}: ${(r.stderr || r.stdout).trim() || `exit code ${r.code}`}`);
        }
        g.arrayId = id;
        return id;
    }
    /** the id of the array (or job) of this name Slurm knows: queued or running (squeue), or finished (sacct, scontrol) */
    async findArray(name) {
        const n = quote(name);
        const existing = await this.shell.exec(`squeue -h --name=${n} -o %i; echo @; sacct -X -n -P --name=${n} -o JobID 2>/dev/null; echo @; scontrol -o show job 2>/dev/null | grep -F -e ${quote(` JobName=${name} `)}`);
        const [queued = '', accounted = '', remembered = ''] = existing.stdout.split(/^@$/m).map((s) => s.trim());
        return (/^(\d+)/.exec(queued)?.[1] ??
            /^(\d+)/.exec(accounted)?.[1] ??
            /\bArrayJobId=(\d+)/.exec(remembered)?.[1] ??
            /^JobId=(\d+)/.exec(remembered)?.[1]);
    }
    /** the tasks of one array as Slurm reports them (sacct with accounting, scontrol without) */
    async arrayTasks(id) {
        if (this.accounting !== false) {
            const r = await this.shell.exec(`sacct -X -P -n -j ${id} -o JobID,State,ExitCode`);
            if (r.code === 0) {
                const tasks = parseSacct(r.stdout);
                if (tasks.length)
                    return tasks;
            }
        }
        const r = await this.shell.exec(`scontrol show job -o ${id} 2>/dev/null`);
        return parseScontrol(r.stdout);
    }
    async launch(g, job) {
        // attach: a shard a retried run started is still running or has finished with 0; one that
        // failed or was killed is started again as <name>-r2, -r3, … in a run folder of its own
        const found = await findAttempt(job.name, async (n) => {
            const r = await this.shell.exec(this.stateLine('-', this.runDir(n)));
            const [, state, value] = r.stdout.trim().split(' ');
            if (state === 'none' || !state)
                return null;
            if (state === 'running')
                return { live: value ?? '' };
            if (state === 'exit' && value === '0') {
                const pid = await this.shell.exec(`cat ${quote(`${this.runDir(n)}/pid`)} 2>/dev/null`);
                return { live: pid.stdout.trim() };
            }
            return 'dead';
        });
        if (found.attempt > 1)
            this.attemptOf.set(job.name, found.name);
        const pid = /^(\d+)/.exec(found.existing ?? '')?.[1];
        if (pid)
            return pid;
        const dir = this.runDir(found.name);
        let script = g.script;
        if (found.attempt > 1) {
            // this attempt's own script: its folder and {out} are the attempt's
            const run = asAttempt(job, found.name);
            run.env = { ...run.env, EVALGATE_OUT: `${dir}/out` };
            script = `${this.root}/scripts/${found.name}.sh`;
            await this.shell.writeFile(script, await this.renderScript([run]));
            const m = await this.shell.exec(`mkdir -p ${quote(`${dir}/out`)}`);
            if (m.code !== 0)
                throw new Error(`${this.shell.where}: cannot create the job folder ${dir}: ${m.stderr.trim()}`);
        }
        else {
            if (!g.submitting)
                g.submitting = this.writeScript(g).then(() => 'written');
            await g.submitting;
        }
        const r = await this.shell.exec(`cd ${quote(dir)} && rm -f exit_code pid && (setsid nohup bash ${quote(script)} ${job.shard.index} > log.txt 2>&1 < /dev/null & echo $! > pid) && cat pid`);
        const started = /^(\d+)/.exec(r.stdout.trim())?.[1];
        if (r.code !== 0 || !started)
            throw new Error(`could not start ${found.name} on ${this.shell.where}: ${(r.stderr || r.stdout).trim()}`);
        return started;
    }
    async refresh() {
        const states = new Map();
        if (this.cfg.mode === 'slurm') {
            const ids = [...new Set([...this.groups.values()].map((g) => g.arrayId).filter((x) => !!x))];
            if (ids.length) {
                let tasks = null;
                if (this.accounting !== false) {
                    const r = await this.shell.exec(`sacct -X -P -n -j ${ids.join(',')} -o JobID,State,ExitCode`);
                    if (r.code === 0) {
                        this.accounting = true;
                        tasks = parseSacct(r.stdout);
                    }
                    else if (/accounting storage is disabled/i.test(r.stderr))
                        this.accounting = false;
                    else
                        throw new Error(`sacct on ${this.shell.where}: ${r.stderr.trim() || `exit code ${r.code}`}`);
                }
                // sacct can lag behind a submission, and without accounting it says nothing: scontrol knows
                const known = new Set(tasks?.map((t) => t.arrayJobId));
                const missing = ids.filter((id) => !known.has(id));
                if (tasks === null || missing.length) {
                    const r = await this.shell.exec(`for j in ${(tasks === null ? ids : missing).join(' ')}; do scontrol show job -o "$j"; done`);
                    tasks = [...(tasks ?? []), ...parseScontrol(r.stdout)];
                }
                for (const t of tasks)
                    states.set(t.id, t);
            }
        }
        else {
            const jobs = [...this.byName.values()].map(({ job }) => job);
            // one script for STATE_CHUNK jobs: a shell function, then one short call per job (a command
            // line stays far under the kernel's 128 KiB limit on one argument, whatever the fan-out)
            for (let i = 0; i < jobs.length; i += STATE_CHUNK) {
                const r = await this.shell.exec(this.stateScript(jobs.slice(i, i + STATE_CHUNK)));
                for (const line of r.stdout.split('\n')) {
                    const [n, state, exit] = line.trim().split(' ');
                    if (n && state)
                        states.set(n, { pidState: state, exit: exit !== undefined ? Number(exit) : undefined });
                }
            }
        }
        this.cache = { at: Date.now(), states };
    }
    async states() {
        if (this.cache && Date.now() - this.cache.at < (this.opts.statusTtlMs ?? 200))
            return this.cache.states;
        this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
        await this.refreshing;
        return this.cache.states;
    }
    /**
     * Every job from one read: one `sacct` for all the run's arrays (slurm; `scontrol` where
     * accounting is off), one state script per STATE_CHUNK jobs (ssh, local). The same read
     * answers status(), so a job is never left out: one not listed yet is queued.
     */
    async statusMany(handles, signal) {
        await raceAbort(this.states(), signal);
        const out = new Map();
        for (const h of handles)
            out.set(h.id, await this.status(h));
        return out;
    }
    async status(h, signal) {
        const states = await raceAbort(this.states(), signal);
        if (this.cfg.mode === 'slurm') {
            const t = states.get(h.id);
            if (!t)
                return { state: 'queued', platformStatus: 'submitted (not listed yet)' };
            const m = mapState(t.state, t.exitCode);
            const word = t.state.split(/\s+/)[0];
            const status = { state: m.state, platformStatus: `${word}${t.exitCode && t.exitCode !== '0:0' ? ` ${t.exitCode}` : ''}` };
            if (!m.known)
                status.platformStatus = `${word} (unknown to evalgate; still waiting)`;
            if (m.state === 'failed')
                status.message = `Slurm ${word}${t.exitCode ? `, exit code ${t.exitCode}` : ''}${t.reason && t.reason !== 'None' ? `, reason ${t.reason}` : ''}`;
            if (m.state === 'running' && !this.startedAt.has(h.id))
                this.startedAt.set(h.id, Date.now());
            if (this.startedAt.has(h.id))
                status.startedAt = this.startedAt.get(h.id);
            if (m.state !== 'queued' && m.state !== 'running')
                status.finishedAt = Date.now();
            return status;
        }
        const s = states.get(h.job.name);
        if (!this.startedAt.has(h.id))
            this.startedAt.set(h.id, Date.now());
        const startedAt = this.startedAt.get(h.id);
        if (!s || s.pidState === 'none')
            return { state: 'queued', platformStatus: 'starting', startedAt };
        if (s.pidState === 'running')
            return { state: 'running', platformStatus: `running (pid ${h.id} on ${this.shell.where})`, startedAt };
        if (s.pidState === 'exit') {
            if (s.exit === 0)
                return { state: 'succeeded', platformStatus: 'exited 0', startedAt, finishedAt: Date.now() };
            if (this.cancelled.has(h.id))
                return { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled', startedAt, finishedAt: Date.now() };
            return {
                state: 'failed',
                platformStatus: `exited ${s.exit}`,
                message: `exited with code ${s.exit}`,
                startedAt,
                finishedAt: Date.now(),
            };
        }
        if (this.cancelled.has(h.id))
            return { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled', startedAt, finishedAt: Date.now() };
        return {
            state: 'failed',
            platformStatus: 'gone',
            message: `its process ended without an exit code on ${this.shell.where} (killed, or the node rebooted)`,
            startedAt,
            finishedAt: Date.now(),
        };
    }
    startedAt = new Map();
    /** ssh mode: planned job name → the name of the attempt that runs it (its run folder), where not the first */
    attemptOf = new Map();
    /** the run folder of the attempt that runs a job */
    dirOf(job) {
        return this.runDir(this.attemptOf.get(job.name) ?? job.name);
    }
    /** the script that prints `<name> exit <code>|running <pid>|gone|none` for each job's run folder */
    stateScript(jobs) {
        const fn = `s() { d=${quote(`${this.root}/runs`)}/"\${2:-$1}"; if [ -f "$d/exit_code" ]; then echo "$1 exit $(cat "$d/exit_code")"; ` +
            `elif [ -f "$d/pid" ] && kill -0 "$(cat "$d/pid")" 2>/dev/null; then echo "$1 running $(cat "$d/pid")"; ` +
            `elif [ -f "$d/pid" ]; then echo "$1 gone"; else echo "$1 none"; fi; }`;
        const calls = jobs.map((j) => {
            const attempt = this.attemptOf.get(j.name);
            return attempt && attempt !== j.name ? `s ${quote(j.name)} ${quote(attempt)}` : `s ${quote(j.name)}`;
        });
        return [fn, ...calls].join('\n');
    }
    /** the shell line that prints `<key> exit <code>|running|gone|none` for a run folder */
    stateLine(key, dir) {
        const d = quote(dir);
        return `if [ -f ${d}/exit_code ]; then echo "${key} exit $(cat ${d}/exit_code)"; elif [ -f ${d}/pid ] && kill -0 "$(cat ${d}/pid)" 2>/dev/null; then echo "${key} running $(cat ${d}/pid)"; elif [ -f ${d}/pid ]; then echo "${key} gone"; else echo "${key} none"; fi`;
    }
    cancelled = new Set();
    async logs(h, lines) {
        const r = await this.shell.exec(`tail -n ${Math.max(1, Math.floor(lines))} ${quote(`${this.dirOf(h.job)}/log.txt`)} 2>/dev/null`);
        return r.stdout.replace(/\n$/, '');
    }
    async collect(h, _dest, signal) {
        throwIfCancelled(signal);
        // a fresh folder of evalgate's: never one it did not create
        const local = path.join(await freshFolder(path.join(this.opts.localDir, h.job.name)), 'out');
        const files = await this.shell.download(`${this.dirOf(h.job)}/out`, local, (n) => n.endsWith('.json'));
        const env = await this.hostEnv(h);
        if (env)
            await this.annotate(h, files, env);
        return files;
    }
    async hostEnv(h) {
        const r = await this.shell.exec(`cat ${quote(`${this.dirOf(h.job)}/host.env`)} 2>/dev/null`);
        return r.code === 0 && r.stdout.trim() ? parseHostEnv(r.stdout) : null;
    }
    /** records where a job ran in each of its indicator files (`host`), and warns about a latency job without the performance governor */
    async annotate(h, files, env) {
        const host = {
            hostname: env.hostname ?? null,
            cpu_model: env.cpu_model ?? null,
            cpu_governor: env.cpu_governor ?? null,
            gpus: env.gpus,
        };
        let latency = false;
        for (const f of files) {
            const text = await fs.readFile(f, 'utf8');
            const parsed = parseJsonText(text, f);
            // a file with a problem is left exactly as written, for validation to name it
            if (!parsed.ok || parsed.problems.length || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value))
                continue;
            const v = parsed.value;
            if (v.indicator === 'latency_p99')
                latency = true;
            if (!('host' in v))
                await fs.writeFile(f, JSON.stringify({ ...v, host }));
        }
        const governor = env.cpu_governor;
        if ((latency || h.job.indicators.includes('latency_p99')) && governor && governor !== 'unknown' && governor !== 'performance') {
            this.warnings.push(`${h.job.name} measured latency on ${env.hostname ?? this.shell.where} with the CPU frequency governor ${JSON.stringify(env.cpu_governor ?? 'unknown')}, not "performance": its latency is not repeatable against a baseline`);
        }
    }
    async cancel(h) {
        this.cancelled.add(h.id);
        if (this.cfg.mode === 'slurm') {
            const r = await this.shell.exec(`scancel ${quote(h.id)}`);
            if (r.code !== 0 && !/already completing or completed|Invalid job id/i.test(r.stderr)) {
                throw new Error(`scancel ${h.id} on ${this.shell.where}: ${r.stderr.trim()}`);
            }
            // wait until Slurm has taken it (a few seconds at most)
            for (let i = 0; i < 40; i++) {
                this.cache = null;
                const s = await this.status(h);
                if (s.state !== 'queued' && s.state !== 'running')
                    return;
                await new Promise((res) => setTimeout(res, 250));
            }
            return;
        }
        const pgid = Number(h.id);
        if (!Number.isSafeInteger(pgid) || pgid <= 1)
            return;
        // TERM the whole group, KILL what is left after 5 s; only while the job's pid file still names it
        await this.shell.exec(killGroupCommand(this.dirOf(h.job), pgid));
        this.cache = null;
    }
    saved(h) {
        return {
            platform: this.name,
            name: h.job.name,
            id: h.id,
            mode: this.cfg.mode,
            host: this.cfg.host ?? null,
            port: this.cfg.port,
            user: this.cfg.user,
            host_keys: this.cfg.hostKeys,
            known_hosts: this.cfg.knownHosts ?? null,
            key_env: this.cfg.keyEnv,
            key_file: this.cfg.keyFile ?? null,
            run_dir: this.dirOf(h.job),
        };
    }
    async close() {
        await this.shell.close();
    }
}

;// CONCATENATED MODULE: ./src/platforms/dgx/create.ts
/** Builds the dgx platform from the config: its section, the shell to reach the node, the SSH key and host key pins. */







function dgxShell(cfg, env, jobEnv, file) {
    if (!cfg.host)
        return { shell: new shell_LocalShell(jobEnv), problems: [] };
    const problems = [];
    let privateKey = env[cfg.keyEnv];
    if (!privateKey && cfg.keyFile) {
        try {
            privateKey = (0,external_node_fs_.readFileSync)(cfg.keyFile, 'utf8');
        }
        catch (e) {
            problems.push({
                file,
                path: 'dgx.key_file',
                expected: 'a readable private key file',
                found: `${JSON.stringify(cfg.keyFile)} (${e.code ?? e.message})`,
            });
        }
    }
    if (!privateKey && !problems.length) {
        problems.push({
            file,
            path: 'dgx',
            expected: `an SSH private key in the environment variable ${cfg.keyEnv} (or dgx.key_file)`,
            found: 'nothing',
        });
    }
    const pins = [...cfg.hostKeys];
    let pinnedBy = cfg.hostKeys.length ? 'dgx.host_key' : '';
    if (cfg.knownHosts) {
        try {
            const keys = knownHostKeys((0,external_node_fs_.readFileSync)(cfg.knownHosts, 'utf8'), cfg.host, cfg.port);
            pins.push(...keys.map(fingerprint));
            pinnedBy = pinnedBy ? `${pinnedBy} and ${cfg.knownHosts}` : cfg.knownHosts;
        }
        catch (e) {
            problems.push({
                file,
                path: 'dgx.known_hosts',
                expected: 'a readable known_hosts file',
                found: `${JSON.stringify(cfg.knownHosts)} (${e.code ?? e.message})`,
            });
        }
    }
    if (problems.length)
        return { shell: null, problems };
    return {
        shell: new SshShell({
            host: cfg.host,
            port: cfg.port,
            user: cfg.user,
            privateKey: privateKey,
            passphrase: env.EVALGATE_SSH_PASSPHRASE,
            hostKeys: pins,
            pinnedBy: pinnedBy || 'nothing',
        }),
        problems: [],
    };
}
function createDgxPlatform(settings, opts) {
    const file = settings.configFile ?? 'config';
    let user = 'root';
    try {
        user = userInfo().username;
    }
    catch {
        // no passwd entry: root as a default
    }
    const { config, problems } = parseDgxConfig(settings.platformConfig.dgx, file, { workdir: path.join(opts.workDir, 'dgx'), user });
    if (!config)
        return { platform: null, problems };
    const { staging, problems: stagingProblems } = resolveStaging('dgx', settings.staging, config.staging, file);
    if (stagingProblems.length)
        return { platform: null, problems: stagingProblems };
    const { shell, problems: shellProblems } = settings.dryRun
        ? { shell: new LocalShell(opts.jobEnv), problems: [] }
        : dgxShell(config, opts.env, opts.jobEnv, file);
    if (!shell)
        return { platform: null, problems: shellProblems };
    return {
        platform: new DgxPlatform({
            config,
            shell,
            cwd: opts.cwd,
            localDir: opts.workDir,
            gate: settings.name,
            dryRun: settings.dryRun,
            staging,
            ...(opts.signal ? { signal: opts.signal } : {}),
        }),
        problems: [],
    };
}

;// CONCATENATED MODULE: ./src/platforms/dgx/cancel-saved.ts



async function cancelSavedDgx(jobs, env) {
    const out = [];
    const shells = new Map();
    for (const job of jobs) {
        const host = typeof job.host === 'string' ? job.host : undefined;
        const key = `${host ?? ''}:${job.port}:${job.user}`;
        let shell = shells.get(key);
        if (!shell) {
            const cfg = {
                mode: job.mode === 'slurm' ? 'slurm' : job.mode === 'ssh' ? 'ssh' : 'local',
                host,
                port: Number(job.port) || 22,
                user: String(job.user ?? 'root'),
                workdir: '/',
                hostKeys: Array.isArray(job.host_keys) ? job.host_keys.map(String) : [],
                knownHosts: typeof job.known_hosts === 'string' ? job.known_hosts : undefined,
                keyEnv: typeof job.key_env === 'string' ? job.key_env : 'EVALGATE_SSH_KEY',
                keyFile: typeof job.key_file === 'string' ? job.key_file : undefined,
            };
            const made = dgxShell(cfg, env, env, 'saved job');
            if (!made.shell) {
                out.push({ job, result: 'failed', detail: made.problems.map((p) => `${p.path}: expected ${p.expected}`).join('; ') });
                continue;
            }
            shell = made.shell;
            shells.set(key, shell);
        }
        try {
            if (job.mode === 'slurm') {
                const r = await shell.exec(`scancel ${shell_quote(job.id)}`);
                out.push({ job, result: r.code === 0 ? 'cancelled' : 'failed', detail: r.code === 0 ? `scancel ${job.id}` : r.stderr.trim() });
            }
            else {
                const pgid = Number(job.id);
                const r = await shell.exec(killGroupCommand(String(job.run_dir), pgid));
                out.push({
                    job,
                    result: r.code === 0 ? 'cancelled' : 'failed',
                    detail: r.code === 0 ? `process group ${pgid} on ${shell.where}` : r.stderr.trim(),
                });
            }
        }
        catch (e) {
            out.push({ job, result: 'failed', detail: e.message });
        }
    }
    for (const s of shells.values())
        await s.close();
    return out;
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


/***/ })

};
