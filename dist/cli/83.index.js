export const id = 83;
export const ids = [83];
export const modules = {

/***/ 41118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ ensureDir),
/* harmony export */   C$: () => (/* binding */ numberFlag),
/* harmony export */   Jd: () => (/* binding */ ensureNew),
/* harmony export */   RP: () => (/* binding */ indicatorFileName),
/* harmony export */   cT: () => (/* binding */ writeIndicatorFiles),
/* harmony export */   h5: () => (/* binding */ durationFlag),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* unused harmony export existingTargets */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(652);
/**
 * How the built-in producers write their indicator files (SPEC §7): into `--out` (created when
 * missing), never over an existing file, never half a file. Each file is written in full under a
 * temporary name in the same folder, then hard-linked to its name (link(2) fails when the name
 * exists, so a concurrent writer cannot be overwritten either) and the temporary name removed.
 */




/** Problems for every target that already exists, checked before any work is spent. */
async function existingTargets(files) {
    const problems = [];
    for (const f of files) {
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.lstat(f);
            problems.push({ file: f, expected: 'no file there (a producer never overwrites one; remove it or pick another --out)', found: 'an existing file' });
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw e;
        }
    }
    return problems;
}
async function ensureNew(files) {
    const problems = await existingTargets(files);
    if (problems.length)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax(problems);
}
/** Creates `dir` (and its parents); a clear problem when it cannot be. */
async function ensureDir(dir) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir, { recursive: true });
    }
    catch (e) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file: dir, path: '--out', expected: 'a folder that can be created', found: e.code ?? String(e) }]);
    }
}
/** Writes every file whole, or (on a clash or an error) none that was not there before. */
async function writeIndicatorFiles(files) {
    const done = [];
    try {
        for (const { file, value } of files) {
            const tmp = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), `.${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(6).toString('hex')}.tmp`);
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' });
            try {
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.link(tmp, file);
            }
            catch (e) {
                if (e.code === 'EEXIST') {
                    throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file, expected: 'no file there (a producer never overwrites one)', found: 'a file written meanwhile' }]);
                }
                throw e;
            }
            finally {
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(tmp, { force: true });
            }
            done.push(file);
        }
    }
    catch (e) {
        for (const f of done)
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(f, { force: true });
        throw e;
    }
}
/** `name.json`, or `name-<i>of<n>.json` for shard i of n (n shards can share one folder). */
function indicatorFileName(indicator, shard) {
    return shard && shard.count > 1 ? `${indicator}-${shard.index}of${shard.count}.json` : `${indicator}.json`;
}
/** `--shard i/n`: 0 ≤ i < n. */
function parseShard(text) {
    if (text === undefined)
        return undefined;
    const m = /^(\d+)\/(\d+)$/.exec(text.trim());
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || !(count >= 1 && count <= 100_000 && index < count)) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file: '--shard', expected: 'i/n with 0 ≤ i < n ≤ 100000 (e.g. 0/3)', found: JSON.stringify(text) }]);
    }
    return { index, count };
}
/** A number flag within bounds, or a problem naming the flag. */
function numberFlag(flag, text, o) {
    if (text === undefined)
        return undefined;
    const v = Number(text.trim());
    const ok = text.trim() !== '' &&
        Number.isFinite(v) &&
        (o.gt ? v > o.min : v >= o.min) &&
        (o.max === undefined || v <= o.max) &&
        (!o.int || Number.isInteger(v));
    if (!ok) {
        const what = `${o.int ? 'an integer' : 'a number'} ${o.gt ? '>' : '≥'} ${o.min}${o.max !== undefined ? ` and ≤ ${o.max}` : ''}`;
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file: flag, expected: what, found: JSON.stringify(text) }]);
    }
    return v;
}
/** `--duration 10`, `10s`, `500ms`, `2m`: seconds. */
function durationFlag(flag, text, min) {
    if (text === undefined)
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
    const v = m ? Number(m[1]) * (m[2] === 'ms' ? 0.001 : m[2] === 'm' ? 60 : 1) : NaN;
    if (!(v >= min && v <= 86_400)) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file: flag, expected: `a duration ≥ ${min} s (seconds, or with a unit: 500ms, 10s, 2m)`, found: JSON.stringify(text) }]);
    }
    return v;
}


/***/ }),

/***/ 87083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scoreF1: () => (/* binding */ scoreF1),
  scoreToxicity: () => (/* binding */ scoreToxicity)
});

// UNUSED EXPORTS: computeF1, computeToxicity, macroOf

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
;// CONCATENATED MODULE: ./src/producers/rows.ts
/**
 * Rows of a JSONL or CSV file, streamed one line at a time (bounded memory whatever the file's
 * size), each with its 1-based line number for messages (`preds.csv:12: …`).
 *
 * JSONL: one JSON object per line (blank lines skipped). CSV (RFC 4180 within a line): a header
 * row, then one row per line; fields may be quoted ("a, b" and "say ""hi"""). The format comes
 * from the extension (.jsonl/.ndjson/.json: JSONL, .csv/.tsv: CSV, tab-separated for .tsv), else
 * from the first character of the file (`{`: JSONL).
 */




async function detectFormat(file) {
    const ext = external_node_path_default().extname(file).toLowerCase();
    if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json')
        return 'jsonl';
    if (ext === '.csv')
        return 'csv';
    if (ext === '.tsv')
        return 'tsv';
    const fd = await external_node_fs_.promises.open(file, 'r');
    try {
        const { buffer, bytesRead } = await fd.read(Buffer.alloc(256), 0, 256, 0);
        const head = buffer.subarray(0, bytesRead).toString('utf8').trimStart();
        return head.startsWith('{') ? 'jsonl' : 'csv';
    }
    finally {
        await fd.close();
    }
}
/** One CSV line into fields; null when a quote is left open. */
function splitCsv(line, sep = ',') {
    const out = [];
    let i = 0;
    for (;;) {
        if (line[i] === '"') {
            let v = '';
            i++;
            for (;;) {
                const q = line.indexOf('"', i);
                if (q < 0)
                    return null;
                v += line.slice(i, q);
                if (line[q + 1] === '"') {
                    v += '"';
                    i = q + 2;
                }
                else {
                    i = q + 1;
                    break;
                }
            }
            // text after a closing quote, before the separator, is kept (lenient, as Python's csv)
            const next = line.indexOf(sep, i);
            v += next < 0 ? line.slice(i) : line.slice(i, next);
            out.push(v);
            if (next < 0)
                return out;
            i = next + 1;
        }
        else {
            const next = line.indexOf(sep, i);
            if (next < 0) {
                out.push(line.slice(i));
                return out;
            }
            out.push(line.slice(i, next));
            i = next + 1;
        }
    }
}
/** A readable file, or a problem naming it and the flag that gave it. */
async function checkReadable(file, flag) {
    try {
        const st = await external_node_fs_.promises.stat(file);
        if (!st.isFile())
            return { file, path: flag, expected: 'a regular file', found: 'a folder or special file' };
        return null;
    }
    catch (e) {
        return { file, path: flag, expected: 'a readable JSONL or CSV file', found: e.code ?? String(e) };
    }
}
/**
 * The rows of `file`. `display` is how messages name it. Throws an EvalgateError (file:line) on a
 * malformed row.
 */
async function* readRows(file, display) {
    const format = await detectFormat(file);
    const rl = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(file), crlfDelay: Infinity });
    let line = 0;
    let header = null;
    const sep = format === 'tsv' ? '\t' : ',';
    const bad = (expected, found) => new problem/* EvalgateError */.ax([{ file: display, line, expected, found }]);
    try {
        for await (const raw of rl) {
            line++;
            const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
            if (text.trim() === '')
                continue;
            if (format === 'jsonl') {
                let v;
                try {
                    v = JSON.parse(text);
                }
                catch {
                    throw bad('a JSON object on this line (JSONL)', JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text));
                }
                if (v === null || typeof v !== 'object' || Array.isArray(v))
                    throw bad('a JSON object on this line (JSONL)', JSON.stringify(v)?.slice(0, 60) ?? String(v));
                yield { line, values: v };
                continue;
            }
            const fields = splitCsv(text, sep);
            if (fields === null)
                throw bad('a CSV row (a quoted field closed on its line)', 'an unterminated quote');
            if (header === null) {
                header = fields.map((f) => f.trim());
                const dup = header.find((h, i) => header.indexOf(h) !== i);
                if (dup !== undefined)
                    throw bad('a header row of distinct column names', `column ${JSON.stringify(dup)} twice`);
                continue;
            }
            if (fields.length !== header.length)
                throw bad(`${header.length} fields (as the header row has)`, `${fields.length}`);
            const values = {};
            for (let i = 0; i < header.length; i++)
                values[header[i]] = fields[i];
            yield { line, values };
        }
    }
    finally {
        rl.close();
    }
}

// EXTERNAL MODULE: ./src/producers/output.ts
var output = __webpack_require__(41118);
;// CONCATENATED MODULE: ./src/producers/score.ts
/**
 * `evalgate score f1` and `evalgate score toxicity` (SPEC §7): per-sample files in, one exactly
 * mergeable indicator file out.
 *
 * F1 (same definitions as scikit-learn's f1_score, zero_division=0):
 * - binary (`--positive P`): tp/fp/fn/tn of class P; precision, recall, F1 of P.
 * - multi-class micro (default): per_class {tp, fp, fn} and their sums as tp/fp/fn, so that
 *   precision = recall = F1 = the sums' ratios (for single-label data, the accuracy); shards merge
 *   exactly by summing the counts.
 * - multi-class macro: per_class only (no top-level counts: those would be read as micro), and
 *   precision, recall, F1 the unweighted means over the classes seen in either file; shards merge
 *   exactly by summing per_class counts and averaging again (merge.ts).
 * Rows are paired line by line, or by `--id COLUMN` (then the labels are held as id -> label,
 * labels interned: memory grows with the ids, never with the rows' other columns).
 */




const MAX_PROBLEMS = 20;
const LABEL_COLUMNS = ['label', 'y_true', 'target', 'class', 'prediction'];
const PREDICTION_COLUMNS = ['prediction', 'pred', 'y_pred', 'predicted', 'label', 'class'];
const ratio = (a, b) => (b === 0 ? 0 : a / b);
const round = (x) => Number(x.toPrecision(12));
/** The label column of a file, from its first row. */
function pickColumn(row, display, flag, candidates, id) {
    const cols = Object.keys(row.values);
    if (flag !== undefined) {
        if (!cols.includes(flag))
            throw new problem/* EvalgateError */.ax([{ file: display, line: row.line, path: '--column', expected: `a column ${JSON.stringify(flag)}`, found: `columns ${cols.join(', ')}` }]);
        return flag;
    }
    const known = candidates.find((c) => cols.includes(c));
    if (known)
        return known;
    const others = cols.filter((c) => c !== id);
    if (others.length === 1)
        return others[0];
    throw new problem/* EvalgateError */.ax([
        {
            file: display,
            line: row.line,
            expected: `a label column (${candidates.join(', ')}) or --column NAME`,
            found: `columns ${cols.join(', ') || 'none'}`,
        },
    ]);
}
/** A cell as a label: strings as they are (CSV cells trimmed), numbers and booleans as JSON writes them. */
function labelOf(row, column, display) {
    const v = row.values[column];
    if (typeof v === 'string' && v.trim() !== '')
        return v.trim();
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    throw new problem/* EvalgateError */.ax([
        { file: display, line: row.line, path: column, expected: 'a label (a non-empty string, a number or a boolean)', found: v === undefined ? 'no such field' : JSON.stringify(v) },
    ]);
}
function idOf(row, column, display) {
    const v = row.values[column];
    if ((typeof v === 'string' && v !== '') || typeof v === 'number')
        return String(v);
    throw new problem/* EvalgateError */.ax([
        { file: display, line: row.line, path: column, expected: 'an id (a non-empty string or a number)', found: v === undefined ? 'no such field' : JSON.stringify(v) },
    ]);
}
/** Pairs of (true, predicted) labels, line by line or joined by id. */
async function* pairs(f, files) {
    let labelCol;
    let predCol;
    if (f.id === undefined) {
        const li = readRows(files.labels, f.labels);
        const pi = readRows(files.pred, f.predictions);
        let n = 0;
        for (;;) {
            const [l, p] = await Promise.all([li.next(), pi.next()]);
            if (l.done && p.done)
                return;
            if (l.done || p.done) {
                const [ended, other, row] = l.done ? [f.labels, f.predictions, p.value] : [f.predictions, f.labels, l.value];
                throw new problem/* EvalgateError */.ax([
                    {
                        file: other,
                        line: row.line,
                        expected: `as many rows as ${ended} (paired line by line; or join them with --id COLUMN)`,
                        found: `row ${n + 1} here, ${ended} has ${n}`,
                    },
                ]);
            }
            n++;
            labelCol ??= pickColumn(l.value, f.labels, f.column, LABEL_COLUMNS, undefined);
            predCol ??= pickColumn(p.value, f.predictions, f.column, PREDICTION_COLUMNS, undefined);
            yield { truth: labelOf(l.value, labelCol, f.labels), predicted: labelOf(p.value, predCol, f.predictions), truthLine: l.value.line, predLine: p.value.line };
        }
    }
    // by id: id -> [label, line] of the labels file, labels interned
    const intern = new Map();
    const truth = new Map();
    const problems = [];
    let unlisted = 0;
    const push = (p) => {
        if (problems.length < MAX_PROBLEMS)
            problems.push(p);
        else
            unlisted++;
    };
    for await (const row of readRows(files.labels, f.labels)) {
        labelCol ??= pickColumn(row, f.labels, f.column, LABEL_COLUMNS, f.id);
        const id = idOf(row, f.id, f.labels);
        let label = labelOf(row, labelCol, f.labels);
        label = intern.get(label) ?? (intern.set(label, label), label);
        const seen = truth.get(id);
        if (seen)
            push({ file: f.labels, line: row.line, path: f.id, expected: `each id once (${JSON.stringify(id)} is also on line ${seen.line})`, found: 'a duplicate id' });
        else
            truth.set(id, { label, line: row.line, used: false });
    }
    const predicted = new Set();
    for await (const row of readRows(files.pred, f.predictions)) {
        predCol ??= pickColumn(row, f.predictions, f.column, PREDICTION_COLUMNS, f.id);
        const id = idOf(row, f.id, f.predictions);
        const label = labelOf(row, predCol, f.predictions);
        const t = truth.get(id);
        if (!t) {
            push({ file: f.predictions, line: row.line, path: f.id, expected: `an id that ${f.labels} has`, found: JSON.stringify(id) });
            continue;
        }
        if (t.used || predicted.has(id)) {
            push({ file: f.predictions, line: row.line, path: f.id, expected: 'each id once', found: `${JSON.stringify(id)} again` });
            continue;
        }
        t.used = true;
        predicted.add(id);
        if (problems.length === 0)
            yield { truth: t.label, predicted: label, truthLine: t.line, predLine: row.line };
    }
    for (const [id, t] of truth) {
        if (t.used)
            continue;
        push({ file: f.labels, line: t.line, path: f.id, expected: `a prediction for every id (none in ${f.predictions})`, found: JSON.stringify(id) });
    }
    if (problems.length) {
        if (unlisted > 0)
            problems.push({ file: f.predictions, path: f.id, expected: 'ids that match', found: `${unlisted} more problems like these` });
        throw new problem/* EvalgateError */.ax(problems);
    }
}
/** Counts of every pair, then the indicator (exported for tests). */
async function computeF1(f, cwd) {
    const problems = [];
    if (f.predictions === undefined)
        problems.push({ file: '--predictions', expected: 'a JSONL or CSV file of predicted labels', found: 'nothing' });
    if (f.labels === undefined)
        problems.push({ file: '--labels', expected: 'a JSONL or CSV file of true labels', found: 'nothing' });
    if (f.positive !== undefined && f.average !== undefined) {
        problems.push({ file: '--positive/--average', expected: 'one of --positive LABEL (binary) and --average micro|macro (multi-class)', found: 'both' });
    }
    if (problems.length)
        throw new problem/* EvalgateError */.ax(problems);
    const files = { pred: external_node_path_default().resolve(cwd, f.predictions), labels: external_node_path_default().resolve(cwd, f.labels) };
    for (const [file, flag] of [
        [files.pred, '--predictions'],
        [files.labels, '--labels'],
    ]) {
        const p = await checkReadable(file, flag);
        if (p)
            problems.push({ ...p, file: flag === '--predictions' ? f.predictions : f.labels });
    }
    if (problems.length)
        throw new problem/* EvalgateError */.ax(problems);
    const classes = new Map();
    const cls = (label) => {
        let c = classes.get(label);
        if (!c)
            classes.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
        return c;
    };
    let samples = 0;
    const binary = f.positive !== undefined;
    /** binary: the two labels, with the first line each was seen on */
    const seen = new Map();
    for await (const p of pairs({ ...f, predictions: f.predictions, labels: f.labels }, files)) {
        samples++;
        if (binary) {
            for (const [label, where] of [
                [p.truth, `${f.labels}:${p.truthLine}`],
                [p.predicted, `${f.predictions}:${p.predLine}`],
            ]) {
                if (seen.has(label))
                    continue;
                if (seen.size === 2) {
                    const [file, line] = [where.slice(0, where.lastIndexOf(':')), Number(where.slice(where.lastIndexOf(':') + 1))];
                    throw new problem/* EvalgateError */.ax([
                        {
                            file,
                            line,
                            expected: `one of the two labels of a binary F1 (${[...seen.keys()].map((k) => JSON.stringify(k)).join(', ')}; for more classes use --average micro|macro)`,
                            found: JSON.stringify(label),
                        },
                    ]);
                }
                seen.set(label, where);
            }
        }
        if (p.truth === p.predicted)
            cls(p.truth).tp++;
        else {
            cls(p.truth).fn++;
            cls(p.predicted).fp++;
        }
    }
    if (samples === 0)
        throw new problem/* EvalgateError */.ax([{ file: f.labels, expected: 'at least one row', found: 'none' }]);
    if (binary) {
        const pos = f.positive;
        if (!classes.has(pos)) {
            throw new problem/* EvalgateError */.ax([
                { file: '--positive', expected: `a label of the files (${[...classes.keys()].map((k) => JSON.stringify(k)).join(', ')})`, found: JSON.stringify(pos) },
            ]);
        }
        const c = classes.get(pos);
        const tn = samples - c.tp - c.fp - c.fn;
        return {
            indicator: 'accuracy_f1',
            precision: round(ratio(c.tp, c.tp + c.fp)),
            recall: round(ratio(c.tp, c.tp + c.fn)),
            f1: round(ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn)),
            samples,
            tp: c.tp,
            fp: c.fp,
            fn: c.fn,
            tn,
            average: 'binary',
            positive: pos,
        };
    }
    const perClass = {};
    for (const k of [...classes.keys()].sort())
        perClass[k] = classes.get(k);
    if (f.average === 'macro') {
        const m = macroOf(perClass);
        return { indicator: 'accuracy_f1', precision: round(m.precision), recall: round(m.recall), f1: round(m.f1), samples, average: 'macro', per_class: perClass };
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of classes.values()) {
        tp += c.tp;
        fp += c.fp;
        fn += c.fn;
    }
    return {
        indicator: 'accuracy_f1',
        precision: round(ratio(tp, tp + fp)),
        recall: round(ratio(tp, tp + fn)),
        f1: round(ratio(2 * tp, 2 * tp + fp + fn)),
        samples,
        tp,
        fp,
        fn,
        average: 'micro',
        per_class: perClass,
    };
}
/** Unweighted means over the classes of per-class precision, recall and F1 (scikit-learn's macro). */
function macroOf(perClass) {
    const cs = Object.values(perClass);
    let p = 0;
    let r = 0;
    let f1 = 0;
    for (const c of cs) {
        p += ratio(c.tp, c.tp + c.fp);
        r += ratio(c.tp, c.tp + c.fn);
        f1 += ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
    }
    const n = cs.length || 1;
    return { precision: p / n, recall: r / n, f1: f1 / n };
}
async function writeOne(rt, f, value, summary) {
    const shard = (0,output/* parseShard */.uK)(f.shard);
    const outFlag = f.out;
    const out = external_node_path_default().resolve(rt.cwd, outFlag ?? '.');
    const file = external_node_path_default().join(out, (0,output/* indicatorFileName */.RP)(value.indicator, shard));
    await (0,output/* ensureNew */.Jd)([file]);
    await (0,output/* ensureDir */.A0)(out);
    const meta = { ...(f.model !== undefined ? { model: f.model } : {}), ...(f.dataset !== undefined ? { dataset: f.dataset } : {}), ...(shard ? { shard } : {}) };
    await (0,output/* writeIndicatorFiles */.cT)([{ file, value: { ...value, ...meta } }]);
    rt.stdout(`${summary}\nwrote ${file}\n`);
    return problem/* ExitCode */.yU.Ok;
}
async function scoreF1(f, rt) {
    (0,output/* parseShard */.uK)(f.shard); // a bad flag is said before the files are read
    const v = await computeF1(f, rt.cwd);
    const counts = v.tp !== undefined ? `; tp ${v.tp}, fp ${v.fp}, fn ${v.fn}${v.tn !== undefined ? `, tn ${v.tn}` : ''}` : '';
    const classes = v.per_class ? `, ${Object.keys(v.per_class).length} classes` : '';
    return writeOne(rt, f, v, `accuracy_f1 (${v.average}${classes}): f1 ${v.f1}, precision ${v.precision}, recall ${v.recall} over ${v.samples} samples${counts}`);
}
const TOXIC_COLUMNS = ['toxic', 'is_toxic', 'label', 'toxicity', 'score'];
const TRUE_WORDS = new Set(['true', 'yes', 'toxic']);
const FALSE_WORDS = new Set(['false', 'no', 'ok', 'clean', 'safe', 'non-toxic', 'non_toxic', 'not_toxic', 'nontoxic']);
async function computeToxicity(f, cwd) {
    if (f.labels === undefined)
        throw new problem/* EvalgateError */.ax([{ file: '--labels', expected: 'a JSONL or CSV file with one row per sample', found: 'nothing' }]);
    const threshold = (0,output/* numberFlag */.C$)('--threshold', f.threshold, { min: 0 }) ?? 0.5;
    const file = external_node_path_default().resolve(cwd, f.labels);
    const p = await checkReadable(file, '--labels');
    if (p)
        throw new problem/* EvalgateError */.ax([{ ...p, file: f.labels }]);
    let column;
    let total = 0;
    let toxic = 0;
    let scored = false;
    for await (const row of readRows(file, f.labels)) {
        column ??= pickColumn(row, f.labels, f.column, TOXIC_COLUMNS, 'id');
        const v = row.values[column];
        let isToxic = null;
        if (typeof v === 'boolean')
            isToxic = v;
        else if (typeof v === 'number' && Number.isFinite(v)) {
            isToxic = v >= threshold;
            if (v !== 0 && v !== 1)
                scored = true;
        }
        else if (typeof v === 'string') {
            const w = v.trim().toLowerCase();
            if (TRUE_WORDS.has(w))
                isToxic = true;
            else if (FALSE_WORDS.has(w))
                isToxic = false;
            else if (w !== '' && Number.isFinite(Number(w))) {
                const n = Number(w);
                isToxic = n >= threshold;
                if (n !== 0 && n !== 1)
                    scored = true;
            }
        }
        if (isToxic === null) {
            throw new problem/* EvalgateError */.ax([
                {
                    file: f.labels,
                    line: row.line,
                    path: column,
                    expected: 'a toxic label (true/false, 1/0, yes/no, toxic/ok) or a score (a number, toxic at or above --threshold)',
                    found: v === undefined ? 'no such field' : JSON.stringify(v),
                },
            ]);
        }
        total++;
        if (isToxic)
            toxic++;
    }
    if (total === 0)
        throw new problem/* EvalgateError */.ax([{ file: f.labels, expected: 'at least one row', found: 'none' }]);
    return {
        indicator: 'toxicity',
        toxic_ratio: round(toxic / total),
        toxic_count: toxic,
        total_samples: total,
        ...(scored || f.threshold !== undefined ? { threshold } : {}),
    };
}
async function scoreToxicity(f, rt) {
    (0,output/* parseShard */.uK)(f.shard);
    const v = await computeToxicity(f, rt.cwd);
    return writeOne(rt, f, v, `toxicity: ${v.toxic_count} of ${v.total_samples} toxic (ratio ${v.toxic_ratio})`);
}


/***/ })

};
