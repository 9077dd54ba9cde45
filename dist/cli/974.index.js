export const id = 974;
export const ids = [974];
export const modules = {

/***/ 11974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_CONFIG: () => (/* reexport safe */ _settings_js__WEBPACK_IMPORTED_MODULE_8__.PV),
/* harmony export */   MAX_CONFIG_ALIASES: () => (/* binding */ MAX_CONFIG_ALIASES),
/* harmony export */   MAX_CONFIG_BYTES: () => (/* binding */ MAX_CONFIG_BYTES),
/* harmony export */   PLACEHOLDERS: () => (/* binding */ PLACEHOLDERS),
/* harmony export */   configSchema: () => (/* binding */ configSchema),
/* harmony export */   loadConfig: () => (/* binding */ loadConfig),
/* harmony export */   parseConfig: () => (/* binding */ parseConfig),
/* harmony export */   placeholderProblems: () => (/* binding */ placeholderProblems)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(38816);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(652);
/* harmony import */ var _core_indicators_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77526);
/* harmony import */ var _core_indicators_strategy_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(49381);
/* harmony import */ var _core_rules_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81688);
/* harmony import */ var _core_suggest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32085);
/* harmony import */ var _core_plan_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4620);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(54661);
/* harmony import */ var _platforms_staging_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(71177);
/* harmony import */ var _core_confirm_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3783);
/* harmony import */ var _core_baseline_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(10288);
/**
 * The config file (`.github/evalgate.yml` by default): YAML parsed with positions kept, validated
 * with zod; every problem names the file, the line and the field, and what was expected (an
 * unknown key gets a "did you mean" when a known one is close).
 */
















const indicatorName = zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'an indicator name' }).refine(_core_indicators_names_js__WEBPACK_IMPORTED_MODULE_4__/* .isIndicatorName */ .FS, { error: _core_indicators_names_js__WEBPACK_IMPORTED_MODULE_4__/* .INDICATOR_NAME_RULE */ .jO });
const positive = (what = 'a number > 0') => zod__WEBPACK_IMPORTED_MODULE_11__/* .number */ .aig({ error: what }).gt(0, { error: what });
const scalar = zod__WEBPACK_IMPORTED_MODULE_11__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_11__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_11__/* .boolean */ .zMY()], { error: 'a string, number or boolean' });
const jobSchema = zod__WEBPACK_IMPORTED_MODULE_11__/* .strictObject */ .rej({
    command: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a shell command (a string)' }).min(1, { error: 'a non-empty shell command' }),
    shards: zod__WEBPACK_IMPORTED_MODULE_11__/* .number */ .aig({ error: 'an integer from 1 to 1000' })
        .int({ error: 'an integer from 1 to 1000' })
        .min(1, { error: 'an integer from 1 to 1000' })
        .max(1000, { error: 'an integer from 1 to 1000' })
        .optional(),
    // SPEC §9: the job and all its shards run this many times, each an independent measurement
    repeats: zod__WEBPACK_IMPORTED_MODULE_11__/* .number */ .aig({ error: 'an integer from 1 to 100' })
        .int({ error: 'an integer from 1 to 100' })
        .min(1, { error: 'an integer from 1 to 100' })
        .max(100, { error: 'an integer from 1 to 100' })
        .optional(),
    indicators: zod__WEBPACK_IMPORTED_MODULE_11__/* .array */ .YOg(indicatorName, { error: 'a list of the indicators this job writes' })
        .min(1, { error: 'at least one indicator' })
        .optional(),
    resources: zod__WEBPACK_IMPORTED_MODULE_11__/* .strictObject */ .rej({
        cpu: positive().optional(),
        memory_gb: positive().optional(),
        gpus: zod__WEBPACK_IMPORTED_MODULE_11__/* .number */ .aig({ error: 'an integer ≥ 0' }).int({ error: 'an integer ≥ 0' }).min(0, { error: 'an integer ≥ 0' }).optional(),
        gpu_type: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a string' }).optional(),
        instance_type: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a string' }).optional(),
    }, { error: 'a mapping of cpu, memory_gb, gpus, gpu_type, instance_type' })
        .optional(),
    image: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a container image reference' }).optional(),
    timeout_minutes: positive('a number of minutes > 0').optional(),
    env: zod__WEBPACK_IMPORTED_MODULE_11__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'an environment variable name (letters, digits, _)' }), scalar, {
        error: 'a mapping of NAME: value',
    })
        .optional(),
}, { error: 'a mapping with command (and shards, repeats, indicators, resources, image, timeout_minutes, env)' });
const platformSection = zod__WEBPACK_IMPORTED_MODULE_11__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_11__/* .unknown */ .L5J(), { error: 'a mapping' });
const configSchema = zod__WEBPACK_IMPORTED_MODULE_11__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a gate name' }).regex(_settings_js__WEBPACK_IMPORTED_MODULE_8__/* .GATE_NAME */ .m, { error: 'a gate name of letters, digits, ".", "_" and "-"' }).optional(),
    platform: zod__WEBPACK_IMPORTED_MODULE_11__/* ["enum"] */ .k5n(['local', 'azure', 'volc', 'bailian', 'bairui', 'dgx'], { error: 'one of local, azure, volc, bailian (or bairui), dgx' })
        .optional(),
    indicators: zod__WEBPACK_IMPORTED_MODULE_11__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_11__/* .array */ .YOg(indicatorName), zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP()], { error: 'a list of indicator names' }).optional(),
    model: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a path or URI' }).optional(),
    data: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a path or URI' }).optional(),
    results: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a folder, glob or URI' }).optional(),
    baseline: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'auto, none or a path to a report.json' }).optional(),
    fail_on: zod__WEBPACK_IMPORTED_MODULE_11__/* ["enum"] */ .k5n(['error', 'warn', 'never'], { error: 'one of error, warn, never' }).optional(),
    comment: zod__WEBPACK_IMPORTED_MODULE_11__/* ["enum"] */ .k5n(['always', 'on-failure', 'never', 'on-change', 'new'], { error: 'one of always, on-failure, never, on-change, new' }).optional(),
    rps_target: positive().optional(),
    timeout_minutes: positive('a number of minutes > 0').optional(),
    max_file_size_mb: positive('a size in MiB > 0').optional(),
    pushgateway: zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: 'a URL' }).optional(),
    staging: _platforms_staging_js__WEBPACK_IMPORTED_MODULE_9__/* .stagingSchema */ .Nk.optional(),
    concurrency: zod__WEBPACK_IMPORTED_MODULE_11__/* .number */ .aig({ error: 'an integer ≥ 1' }).int({ error: 'an integer ≥ 1' }).min(1, { error: 'an integer ≥ 1' }).optional(),
    thresholds: zod__WEBPACK_IMPORTED_MODULE_11__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_11__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP())], { error: 'rule lines (a block of text or a list)' }).optional(),
    // noise (SPEC §9): confirm before fail, and a baseline over the last reports
    confirm: zod__WEBPACK_IMPORTED_MODULE_11__/* .number */ .aig({ error: `an integer from 0 to ${_core_confirm_js__WEBPACK_IMPORTED_MODULE_12__/* .MAX_CONFIRM */ .U4} (reruns of a failing job)` })
        .int({ error: `an integer from 0 to ${_core_confirm_js__WEBPACK_IMPORTED_MODULE_12__/* .MAX_CONFIRM */ .U4} (reruns of a failing job)` })
        .min(0, { error: `an integer from 0 to ${_core_confirm_js__WEBPACK_IMPORTED_MODULE_12__/* .MAX_CONFIRM */ .U4} (reruns of a failing job)` })
        .max(_core_confirm_js__WEBPACK_IMPORTED_MODULE_12__/* .MAX_CONFIRM */ .U4, { error: `an integer from 0 to ${_core_confirm_js__WEBPACK_IMPORTED_MODULE_12__/* .MAX_CONFIRM */ .U4} (reruns of a failing job)` })
        .optional(),
    confirm_indicators: zod__WEBPACK_IMPORTED_MODULE_11__/* .array */ .YOg(indicatorName, { error: 'a list of the indicators confirm reruns' })
        .min(1, { error: 'at least one indicator (or leave confirm_indicators out)' })
        .optional(),
    inconclusive: zod__WEBPACK_IMPORTED_MODULE_11__/* ["enum"] */ .k5n(['fail', 'warn'], { error: 'fail (the default) or warn' }).optional(),
    history: zod__WEBPACK_IMPORTED_MODULE_11__/* .number */ .aig({ error: `an integer from 1 to ${_core_baseline_js__WEBPACK_IMPORTED_MODULE_10__/* .MAX_HISTORY */ .oe} (base-branch reports to read)` })
        .int({ error: `an integer from 1 to ${_core_baseline_js__WEBPACK_IMPORTED_MODULE_10__/* .MAX_HISTORY */ .oe} (base-branch reports to read)` })
        .min(1, { error: `an integer from 1 to ${_core_baseline_js__WEBPACK_IMPORTED_MODULE_10__/* .MAX_HISTORY */ .oe} (base-branch reports to read)` })
        .max(_core_baseline_js__WEBPACK_IMPORTED_MODULE_10__/* .MAX_HISTORY */ .oe, { error: `an integer from 1 to ${_core_baseline_js__WEBPACK_IMPORTED_MODULE_10__/* .MAX_HISTORY */ .oe} (base-branch reports to read)` })
        .optional(),
    merge: zod__WEBPACK_IMPORTED_MODULE_11__/* .record */ .g1P(indicatorName, zod__WEBPACK_IMPORTED_MODULE_11__/* .string */ .YjP({ error: _core_indicators_strategy_js__WEBPACK_IMPORTED_MODULE_13__/* .MERGE_STRATEGY_SYNTAX */ .N }), { error: 'a mapping of indicator: strategy' }).optional(),
    jobs: zod__WEBPACK_IMPORTED_MODULE_11__/* .record */ .g1P(indicatorName, jobSchema, { error: 'a mapping of indicator: job' }).optional(),
    azure: platformSection.optional(),
    volc: platformSection.optional(),
    bailian: platformSection.optional(),
    dgx: platformSection.optional(),
}, { error: 'a mapping of evalgate settings' });
const TOP_KEYS = Object.keys(configSchema.shape);
const JOB_KEYS = Object.keys(jobSchema.shape);
/** 1-based line of the node at `p` (or of the nearest existing parent). */
function lineAt(doc, lc, p) {
    for (let n = p.length; n >= 0; n--) {
        const node = doc.getIn(p.slice(0, n), true);
        if (node && typeof node === 'object' && 'range' in node && node.range)
            return lc.linePos(node.range[0]).line;
    }
    return undefined;
}
/** 1-based line of the key `key` in the mapping at `p`. */
function keyLine(doc, lc, p, key) {
    const map = p.length ? doc.getIn(p, true) : doc.contents;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(map)) {
        let index = keyIndexes.get(map);
        if (!index) {
            index = new Map();
            for (const it of map.items)
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(it.key) && !index.has(String(it.key.value)))
                    index.set(String(it.key.value), it.key);
            keyIndexes.set(map, index);
        }
        const k = index.get(key);
        if (k?.range)
            return lc.linePos(k.range[0]).line;
    }
    return lineAt(doc, lc, p);
}
const byLine = (ps) => [...ps].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.path ?? '').localeCompare(b.path ?? ''));
const fieldName = (p) => p.map(String).join('.') || '(top level)';
/** The config file's size cap, inclusive: a config is a page of YAML, not data. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/**
 * Aliases a config may expand: YAML anchors are handy for repeated job sections, but each alias
 * of a billion-laughs document multiplies the work; the yaml package refuses beyond this count.
 */
const MAX_CONFIG_ALIASES = 100;
/** key -> line index of each mapping, built once per mapping (a lookup per key was quadratic) */
const keyIndexes = new WeakMap();
function parseConfig(text, file) {
    if (text.length > MAX_CONFIG_BYTES || Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
        const bytes = Buffer.byteLength(text, 'utf8');
        return {
            ok: false,
            problems: [{ file, expected: `a config file of at most ${MAX_CONFIG_BYTES / 1024} KiB`, found: `${bytes} bytes` }],
        };
    }
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    // uniqueKeys: false: the yaml package compares each key with every earlier one (quadratic in a
    // 40,000-key mapping); duplicates are found below with one set per mapping instead
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: false });
    if (!doc.errors.length) {
        const dup = duplicateKeys(doc.contents, lc, file);
        if (dup.length)
            return { ok: false, problems: dup };
    }
    if (doc.errors.length) {
        return {
            ok: false,
            problems: doc.errors.map((e) => ({
                file,
                line: e.linePos?.[0]?.line,
                expected: 'valid YAML',
                found: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
                path: e.linePos?.[0] ? `column ${e.linePos[0].col}` : undefined,
            })),
        };
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
    }
    catch (e) {
        // a billion-laughs document: the yaml package stops expanding it and says why
        return {
            ok: false,
            problems: [
                { file, expected: `YAML whose aliases expand at most ${MAX_CONFIG_ALIASES} times`, found: e.message.split('\n')[0] },
            ],
        };
    }
    const parsed = configSchema.safeParse(value);
    const problems = [];
    if (!parsed.success) {
        for (const issue of parsed.error.issues) {
            if (issue.code === 'unrecognized_keys') {
                const known = issue.path.length === 0 ? TOP_KEYS : issue.path.length === 2 && issue.path[0] === 'jobs' ? JOB_KEYS : [];
                for (const key of issue.keys) {
                    const hint = (0,_core_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .closest */ .kp)(key, known);
                    problems.push({
                        file,
                        line: keyLine(doc, lc, issue.path, key),
                        path: fieldName([...issue.path, key]),
                        expected: known.length ? `one of the known keys (${known.join(', ')})` : 'a known key',
                        found: `an unknown key${hint ? ` (did you mean "${hint}"?)` : ''}`,
                    });
                }
                continue;
            }
            if (issue.code === 'invalid_key') {
                // a bad key of a mapping (an env var name): the key is what was found
                const key = String(issue.path[issue.path.length - 1]);
                const expected = issue.path.includes('env')
                    ? 'environment variable names of letters, digits and _'
                    : 'names of letters, digits, "_" and "-"';
                problems.push({
                    file,
                    line: keyLine(doc, lc, issue.path.slice(0, -1), key),
                    path: fieldName(issue.path),
                    expected,
                    found: `the name ${JSON.stringify(key)}`,
                });
                continue;
            }
            let found = value;
            for (const seg of issue.path)
                found = found && typeof found === 'object' ? found[seg] : undefined;
            problems.push({
                file,
                line: lineAt(doc, lc, issue.path),
                path: fieldName(issue.path),
                expected: issue.message,
                found: (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .describeValue */ .bp)(found),
            });
        }
        return { ok: false, problems: byLine(problems) };
    }
    const raw = parsed.data;
    let rules;
    if (raw.thresholds !== undefined) {
        rules = [];
        const node = doc.get('thresholds', true);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(node)) {
            node.items.forEach((item, i) => {
                const line = item.range ? lc.linePos(item.range[0]).line : undefined;
                const r = (0,_core_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRules */ .NR)(raw.thresholds[i], file, line ?? 1);
                rules.push(...r.rules);
                problems.push(...r.problems.map((p) => ({ ...p, path: `thresholds[${i}]: ${p.path}` })));
            });
        }
        else {
            const start = node?.range ? lc.linePos(node.range[0]).line : 1;
            // a block scalar's text starts on the line after its `|` or `>`
            const block = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
            const r = (0,_core_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRules */ .NR)(raw.thresholds, file, start + (block ? 1 : 0));
            rules.push(...r.rules);
            problems.push(...r.problems.map((p) => ({ ...p, path: `thresholds: ${p.path}` })));
        }
    }
    const merge = {};
    for (const [k, v] of Object.entries(raw.merge ?? {})) {
        const s = (0,_core_indicators_strategy_js__WEBPACK_IMPORTED_MODULE_13__/* .parseMergeStrategy */ .p)(v);
        if (s)
            merge[k] = s;
        else
            problems.push({
                file,
                line: lineAt(doc, lc, ['merge', k]),
                path: `merge.${k}`,
                expected: _core_indicators_strategy_js__WEBPACK_IMPORTED_MODULE_13__/* .MERGE_STRATEGY_SYNTAX */ .N,
                found: JSON.stringify(v),
            });
    }
    for (const [name, job] of Object.entries(raw.jobs ?? {})) {
        for (const p of placeholderProblems(job.command)) {
            problems.push({ file, line: lineAt(doc, lc, ['jobs', name, 'command']), path: `jobs.${name}.command`, ...p });
        }
    }
    const indicators = typeof raw.indicators === 'string' ? raw.indicators.split(/[,\s]+/).filter(Boolean) : raw.indicators;
    if (indicators?.length === 0) {
        const expected = 'at least one indicator name';
        problems.push({ file, line: lineAt(doc, lc, ['indicators']), path: 'indicators', expected, found: (0,_core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .describeValue */ .bp)(raw.indicators) });
    }
    const config = {
        ...raw,
        file,
        platform: raw.platform === 'bairui' ? 'bailian' : raw.platform,
        indicators,
        rules,
        merge,
        jobs: raw.jobs ?? {},
    };
    if (rules === undefined)
        delete config.rules;
    return problems.length ? { ok: false, problems: byLine(problems) } : { ok: true, config, problems };
}
/** Keys that appear twice in one mapping, with their lines; iterative, one set per mapping. */
function duplicateKeys(root, lc, file) {
    const out = [];
    const stack = [{ node: root, path: '' }];
    while (stack.length && out.length < 20) {
        const { node, path: at } = stack.pop();
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node)) {
            const seen = new Set();
            for (const it of node.items) {
                const key = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(it.key) ? String(it.key.value) : String(it.key);
                const p = at ? `${at}.${key}` : key;
                if (seen.has(key)) {
                    const k = it.key;
                    const pos = k?.range ? lc.linePos(k.range[0]) : undefined;
                    // worded as the yaml package words it (uniqueKeys), with the key's line and column
                    out.push({
                        file,
                        line: pos?.line,
                        path: pos ? `column ${pos.col}` : p,
                        expected: 'valid YAML',
                        found: 'Map keys must be unique',
                    });
                }
                else
                    seen.add(key);
                stack.push({ node: it.value, path: p });
            }
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(node))
            node.items.forEach((item, i) => stack.push({ node: item, path: `${at}[${i}]` }));
    }
    return out;
}
const PLACEHOLDERS = ['model', 'data', 'out', 'shard_index', 'shard_count', 'evalgate', 'repeat_index', 'repeat_count'];
/**
 * Unknown placeholders, and known ones where the shell would not expand them as data (single
 * quotes, quoted heredocs, arithmetic on a path, strings run by `sh -c`/`eval`: see placeholderSites).
 */
function placeholderProblems(command) {
    const out = [];
    for (const m of command.matchAll(/(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
        const name = m[1];
        if (!PLACEHOLDERS.includes(name)) {
            const hint = (0,_core_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .closest */ .kp)(name, PLACEHOLDERS);
            out.push({
                expected: `placeholders among {${PLACEHOLDERS.join('}, {')}}`,
                found: `{${name}}${hint ? ` (did you mean {${hint}}?)` : ''}`,
            });
        }
    }
    for (const problem of (0,_core_plan_js__WEBPACK_IMPORTED_MODULE_7__/* .placeholderContextProblems */ .f7)(command)) {
        out.push({ expected: 'placeholders where the shell expands them as data', found: problem });
    }
    return out;
}
/** Reads the config at `file`; a missing default config is not an error, a missing named one is. */
async function loadConfig(file, cwd) {
    const name = file ?? _settings_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_CONFIG */ .PV;
    let text;
    try {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, name);
        const size = (await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(abs)).size;
        if (size > MAX_CONFIG_BYTES) {
            return {
                ok: false,
                problems: [{ file: name, expected: `a config file of at most ${MAX_CONFIG_BYTES / 1024} KiB`, found: `${size} bytes` }],
            };
        }
        text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(abs, 'utf8');
    }
    catch (e) {
        if (file === undefined && e.code === 'ENOENT')
            return null;
        return {
            ok: false,
            problems: [
                {
                    file: name,
                    expected: 'a readable config file (--config)',
                    found: e.code === 'ENOENT' ? 'no such file' : String(e.message),
                },
            ],
        };
    }
    return parseConfig(text, name);
}


/***/ }),

/***/ 10288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ key),
/* harmony export */   Up: () => (/* binding */ readBaselineReport),
/* harmony export */   YT: () => (/* binding */ foreignBaselineNote),
/* harmony export */   oe: () => (/* binding */ MAX_HISTORY)
/* harmony export */ });
/* harmony import */ var _problem_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(652);
/* harmony import */ var _indicators_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77526);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75527);
/** A baseline is an earlier run's report.json; its values are `indicators.<indicator>.<field>`. */



/** SPEC §9 `history`: base-branch reports `baseline: auto` reads at most (the runs it walks are bounded too) */
const MAX_HISTORY = 20;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** `.name`, or `["odd name"]`: one step of a JSON path */
const key = (k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
/**
 * The built-in numeric fields of an indicator entry (and of each attack type) must be finite
 * numbers where present: a baseline `f1` of "0.95" is an input error, never a skipped rule.
 * (A rule on any other field finds a non-number at gate time, with the same message.)
 */
function numericProblems(indicator, entry, file, at) {
    const problems = [];
    if ((0,_indicators_names_js__WEBPACK_IMPORTED_MODULE_1__/* .isBuiltin */ .iK)(indicator)) {
        for (const field of _indicators_names_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMERIC_FIELDS */ .EX[indicator]) {
            if (!Object.hasOwn(entry, field))
                continue;
            const v = entry[field];
            if (typeof v !== 'number' || !Number.isFinite(v)) {
                problems.push({ file, path: `${at}${key(field)}`, expected: 'a finite number (a baseline value)', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(v) });
            }
        }
    }
    if (Object.hasOwn(entry, 'attacks')) {
        const attacks = entry.attacks;
        if (!isObject(attacks)) {
            problems.push({ file, path: `${at}.attacks`, expected: 'an object keyed by attack type', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(attacks) });
        }
        else {
            for (const [name, a] of Object.entries(attacks)) {
                if (!isObject(a)) {
                    problems.push({ file, path: `${at}.attacks${key(name)}`, expected: 'an object of indicator fields', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(a) });
                }
                else
                    problems.push(...numericProblems(indicator, a, file, `${at}.attacks${key(name)}`));
            }
        }
    }
    return problems;
}
function readBaselineReport(value, file) {
    const report = value;
    if (!isObject(report)) {
        return { ok: false, problems: [{ file, path: '$', expected: 'an evalgate report.json object', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(value) }] };
    }
    if (report.schema_version !== 1) {
        return {
            ok: false,
            problems: [{ file, path: '$.schema_version', expected: '1 (an evalgate report.json)', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(report.schema_version) }],
        };
    }
    const ind = report.indicators;
    if (!isObject(ind)) {
        return { ok: false, problems: [{ file, path: '$.indicators', expected: 'an object keyed by indicator', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(ind) }] };
    }
    const problems = [];
    // the history is ordered by it (newest first): a time nobody can read would put a report anywhere
    if (Object.hasOwn(report, 'generated_at') && !(typeof report.generated_at === 'string' && Number.isFinite(Date.parse(report.generated_at)))) {
        problems.push({ file, path: '$.generated_at', expected: 'the time the report was written (ISO 8601)', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(report.generated_at) });
    }
    if (Object.hasOwn(report, 'name') && typeof report.name !== 'string') {
        problems.push({ file, path: '$.name', expected: 'the gate name (a string)', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(report.name) });
    }
    for (const [k, v] of Object.entries(ind)) {
        if (!isObject(v)) {
            problems.push({ file, path: `$.indicators${key(k)}`, expected: 'an object of indicator fields', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(v) });
        }
        else {
            problems.push(...numericProblems(k, v, file, `$.indicators${key(k)}`));
            // what it was measured on decides whether a rule compares at all (SPEC §10): never guessed from a malformed one
            if (Object.hasOwn(v, 'fingerprint') && v.fingerprint !== null)
                for (const p of (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .fingerprintProblems */ .Dw)(v.fingerprint))
                    problems.push({ file, path: `$.indicators${key(k)}.fingerprint${p.path}`, expected: p.expected, found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(p.found) });
        }
    }
    if (problems.length)
        return { ok: false, problems };
    return {
        ok: true,
        indicators: ind,
        commit: typeof report.commit === 'string' ? report.commit : null,
        createdAt: typeof report.generated_at === 'string' ? report.generated_at : null,
        name: typeof report.name === 'string' ? report.name : null,
    };
}
/**
 * A baseline written by a gate of another name is not used (SPEC §3); the note says whose it was.
 * A report without a name (written before reports carried one) is accepted.
 */
function foreignBaselineNote(read, gate, label) {
    if (read.name === null || read.name === gate)
        return null;
    return `baseline: ${label} is from gate ${JSON.stringify(read.name)}, not ${JSON.stringify(gate)}; not used`;
}


/***/ }),

/***/ 75527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ joinDistinct),
/* harmony export */   DW: () => (/* binding */ HARDWARE_FIELDS),
/* harmony export */   Dw: () => (/* binding */ fingerprintProblems),
/* harmony export */   Mw: () => (/* binding */ hardwareOfHost),
/* harmony export */   ax: () => (/* binding */ fingerprintOf),
/* harmony export */   bi: () => (/* binding */ readFingerprint),
/* harmony export */   g7: () => (/* binding */ describeDifferences),
/* harmony export */   ov: () => (/* binding */ measuresHardware),
/* harmony export */   tS: () => (/* binding */ compareFingerprints),
/* harmony export */   wm: () => (/* binding */ shortValue)
/* harmony export */ });
/* unused harmony exports HARDWARE_INDICATORS, gpuModel */
/**
 * Fingerprints (SPEC §10): what an indicator was measured on, so that a baseline compares like
 * with like or not at all. Pure: no I/O.
 *
 * Every indicator of report.json carries one:
 *   model     the sha256 of the staged model (`sha256:<hex>`), else the files' own `model` metadata
 *   dataset   the same for the data (`data` in the config, `dataset` in the files)
 *   code      the sha256 of the code snapshot a platform uploaded (`<platform>.code`)
 *   hardware  latency_p99 and throughput_rps only: instance_type, gpu_model, cpu_model,
 *             cpu_governor, each where recorded (the platform's instance type, the runner's CPU, the
 *             files' own `host` metadata, which the dgx platform writes)
 * A value nobody recorded is null. Where the files of one indicator disagree, the value is every
 * distinct one, sorted and joined with " + " (so it differs from any single one), and a merge note
 * says so.
 *
 * A baseline rule compares only when the baseline's indicator was measured on the same dataset
 * and, for latency and throughput, the same hardware: a value known on both sides and different
 * makes the rule `incomparable`. A different model or code is what a pull request changes: it
 * never does. A value known on one side only is compared as it is (as Bencher compares every
 * result of an unnamed testbed with each other), and the gate says which (`oneSided`).
 */
const HARDWARE_FIELDS = ['instance_type', 'gpu_model', 'cpu_model', 'cpu_governor'];
/** the indicators whose values depend on the machine they were measured on */
const HARDWARE_INDICATORS = ['latency_p99', 'throughput_rps'];
const measuresHardware = (indicator) => HARDWARE_INDICATORS.includes(indicator);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
/**
 * The hardware a file records in its `host` metadata: `instance_type`, `cpu_model`,
 * `cpu_governor`, `gpu_model`, or, for the GPU, `gpus` as the dgx platform writes them (lines of
 * `nvidia-smi --query-gpu=index,name,…`, or plain names). "unknown" is not a record.
 */
function hardwareOfHost(host) {
    if (!isObject(host))
        return {};
    const out = {};
    for (const f of HARDWARE_FIELDS) {
        const v = str(host[f]);
        if (v !== null && v !== 'unknown')
            out[f] = v;
    }
    if (out.gpu_model === undefined && Array.isArray(host.gpus)) {
        const model = gpuModel(host.gpus.filter((g) => typeof g === 'string'));
        if (model)
            out.gpu_model = model;
    }
    return out;
}
/** `["0, NVIDIA A100-SXM4-80GB, 1410, …", "1, NVIDIA A100-SXM4-80GB, …"]` → "NVIDIA A100-SXM4-80GB ×2" */
function gpuModel(lines) {
    const counts = new Map();
    for (const line of lines) {
        const parts = line.split(',').map((s) => s.trim());
        const name = parts.length > 1 && /^\d+$/.test(parts[0]) ? parts[1] : line.trim();
        if (name)
            counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    if (!counts.size)
        return null;
    return [...counts]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, n]) => (n > 1 ? `${name} ×${n}` : name))
        .join(' + ');
}
/** Every distinct value seen, sorted, as one value (" + " between them). */
const joinDistinct = (values) => {
    const all = [...new Set(values)].sort();
    return all.length ? all.join(' + ') : null;
};
/** The fingerprint of an indicator: the run's facts over what its files recorded. */
function fingerprintOf(indicator, files, facts = {}) {
    const fp = {
        // staging hashed the bytes: it wins over a name a file wrote
        model: facts.model ?? files.model ?? null,
        dataset: facts.dataset ?? files.dataset ?? null,
        code: facts.code ?? null,
    };
    if (measuresHardware(indicator)) {
        const platform = facts.hardware?.[indicator] ?? {};
        // what the files recorded where they ran is more exact than what the platform was asked for
        fp.hardware = Object.fromEntries(HARDWARE_FIELDS.map((f) => [f, files.hardware?.[f] ?? platform[f] ?? null]));
    }
    return fp;
}
/** A fingerprint as a baseline report carries it; null when it has none (a report from before fingerprints). */
function readFingerprint(v) {
    if (!isObject(v))
        return null;
    const out = {};
    for (const k of ['model', 'dataset', 'code'])
        out[k] = str(v[k]);
    if (isObject(v.hardware))
        out.hardware = Object.fromEntries(HARDWARE_FIELDS.map((f) => [f, str(v.hardware[f])]));
    return out;
}
/** Problems of a baseline report's fingerprint: an object of strings or nulls (path relative to the entry). */
function fingerprintProblems(v) {
    const expected = 'a string or null (a fingerprint value)';
    if (!isObject(v))
        return [{ path: '', expected: 'an object {model, dataset, code, hardware} (a fingerprint)', found: v }];
    const out = [];
    for (const k of ['model', 'dataset', 'code']) {
        if (Object.hasOwn(v, k) && v[k] !== null && typeof v[k] !== 'string')
            out.push({ path: `.${k}`, expected, found: v[k] });
    }
    if (Object.hasOwn(v, 'hardware') && v.hardware !== null) {
        const h = v.hardware;
        if (!isObject(h))
            out.push({ path: '.hardware', expected: `an object {${HARDWARE_FIELDS.join(', ')}}`, found: h });
        else
            for (const f of HARDWARE_FIELDS)
                if (Object.hasOwn(h, f) && h[f] !== null && typeof h[f] !== 'string')
                    out.push({ path: `.hardware.${f}`, expected, found: h[f] });
    }
    return out;
}
/** What makes `ours` and the baseline's fingerprint of `indicator` incomparable (SPEC §10). */
function compareFingerprints(indicator, ours, theirs) {
    const out = { differs: [], oneSided: [] };
    const pairs = [['dataset', ours?.dataset ?? null, theirs?.dataset ?? null]];
    if (measuresHardware(indicator)) {
        for (const f of HARDWARE_FIELDS)
            pairs.push([`hardware.${f}`, ours?.hardware?.[f] ?? null, theirs?.hardware?.[f] ?? null]);
    }
    for (const [what, value, baseline] of pairs) {
        if (value !== null && baseline !== null) {
            if (value !== baseline)
                out.differs.push({ what, value, baseline });
        }
        else if (value !== null || baseline !== null)
            out.oneSided.push({ what, missingOn: value === null ? 'this run' : 'baseline' });
    }
    return out;
}
/** `sha256:<64 hex>` shortened for a sentence; anything else quoted as it is (bounded) */
function shortValue(v) {
    if (v === null)
        return 'none';
    const short = v.replace(/\bsha256:([0-9a-f]{12})[0-9a-f]{52}\b/g, 'sha256:$1…');
    return JSON.stringify(short.length > 80 ? `${short.slice(0, 79)}…` : short);
}
/** `dataset "b" here, "a" in the baseline; hardware.cpu_model "X" here, "Y" in the baseline` */
function describeDifferences(differs) {
    return differs.map((d) => `${d.what} ${shortValue(d.value)} here, ${shortValue(d.baseline)} in the baseline`).join('; ');
}


/***/ }),

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

/***/ 71177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HQ: () => (/* binding */ readCheckpoint),
/* harmony export */   Nk: () => (/* binding */ stagingSchema),
/* harmony export */   Pg: () => (/* binding */ STAGING_LIMITS),
/* harmony export */   SP: () => (/* binding */ serialWriter),
/* harmony export */   Te: () => (/* binding */ throwIfAborted),
/* harmony export */   _M: () => (/* binding */ resolveStaging),
/* harmony export */   lS: () => (/* binding */ checkpointFile),
/* harmony export */   oV: () => (/* binding */ partSizeFor)
/* harmony export */ });
/* unused harmony exports SIZE_SYNTAX, parseSize, formatSize, writeCheckpoint */
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
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `${storage}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(object).digest('hex').slice(0, 32)}.json`);
}
/** writes a checkpoint whole or not at all (a kill mid-write leaves the previous one) */
async function writeCheckpoint(file, record) {
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(tmp, JSON.stringify(record));
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(tmp, file);
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
        return JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(file, 'utf8'));
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
