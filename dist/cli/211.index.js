export const id = 211;
export const ids = [211];
export const modules = {

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

/***/ 14888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gj: () => (/* binding */ gate),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   Vj: () => (/* binding */ verdictOf)
/* harmony export */ });
/* unused harmony exports evaluateRule, VERDICT_ORDER */
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81688);
/* harmony import */ var _problem_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(652);
/* harmony import */ var _baseline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10288);
/* harmony import */ var _confirm_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3783);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75527);





const round = (x) => Number(x.toPrecision(12));
const numberAt = (o, k) => o && Object.hasOwn(o, k) && typeof o[k] === 'number' && Number.isFinite(o[k]) ? o[k] : undefined;
/** The baseline's value of a field: absent (undefined), a finite number, or something else (`bad`). */
function baselineAt(o, k) {
    if (!o || !Object.hasOwn(o, k))
        return undefined;
    const v = o[k];
    return typeof v === 'number' && Number.isFinite(v) ? v : { bad: v };
}
function judge(rule, p, hasBaseline, what) {
    const trend = p.history ? { history: p.history } : {};
    if (p.baseline !== undefined && typeof p.baseline === 'object') {
        // A baseline value a rule reads must be a finite number; a string "0.95" is not skipped.
        const found = (0,_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(p.baseline.bad);
        return {
            status: 'fail',
            actual: p.actual ?? null,
            limit: null,
            baseline: null,
            delta: null,
            detail: `the baseline's ${what} is not a number (${found})`,
            ...trend,
            problems: [{ kind: 'baseline', path: p.baselinePath, expected: 'a finite number (a baseline value)', found }],
        };
    }
    const baseline = p.baseline ?? null;
    const history = p.history ?? (p.baseline === undefined ? [] : [p.baseline]);
    const limit = (0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluateExpr */ .lI)(rule.expr, p.baseline, history);
    const delta = p.actual !== undefined && p.baseline !== undefined ? round(p.actual - p.baseline) : null;
    if (limit === null) {
        const short = p.baseline === undefined ? null : (0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .statisticShortfall */ .SY)(rule.expr, history.length);
        const detail = short ?? (hasBaseline ? `the baseline has no ${what}` : 'no baseline');
        return { status: 'skipped', actual: p.actual ?? null, limit: null, baseline, delta, detail, ...trend };
    }
    if (!Number.isFinite(limit)) {
        // baseline arithmetic that overflows (`baseline * 1e308`): never a limit anything passes or fails by chance
        const found = `${limit} (${(0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .formatExpr */ .Jk)(rule.expr).replace(/^baseline/, `baseline ${p.baseline}`)})`;
        return {
            status: 'fail',
            actual: p.actual ?? null,
            limit: null,
            baseline,
            delta,
            detail: `the limit ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .formatExpr */ .Jk)(rule.expr)} evaluates to ${limit}`,
            ...trend,
            problems: [{ kind: 'limit', path: `rule ${JSON.stringify((0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRule */ .UT)(rule))}`, expected: _rules_js__WEBPACK_IMPORTED_MODULE_0__/* .FINITE_LIMIT */ .Qe, found }],
        };
    }
    if (p.actual === undefined) {
        return { status: 'missing', actual: null, limit, baseline, delta: null, detail: `${what} is absent`, ...trend };
    }
    return { status: (0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .holds */ .v9)(p.actual, rule.op, limit) ? 'pass' : 'fail', actual: p.actual, limit, baseline, delta, detail: '', ...trend };
}
/** How far a value is on the good side of its limit (negative: by how much it fails). */
function margin(op, actual, limit) {
    return op === '>=' || op === '>' ? actual - limit : limit - actual;
}
function evaluateRule(rule, indicators, baseline, unmerged = {}) {
    const { problems: _problems, ...result } = judgeRule(rule, indicators, baseline, unmerged);
    return result;
}
/** a field's finite values over the history reports (newest first), of one attack type when named */
function historyOf(history, indicator, field, attack) {
    if (!history)
        return undefined;
    return history.flatMap((h) => {
        let entry = Object.hasOwn(h, indicator) ? h[indicator] : undefined;
        if (attack !== undefined) {
            const attacks = entry?.attacks;
            entry = attacks && typeof attacks === 'object' && Object.hasOwn(attacks, attack) ? attacks[attack] : undefined;
        }
        const v = numberAt(entry, field);
        return v === undefined ? [] : [v];
    });
}
/** the comparison of a baseline rule's indicator with the baseline's (null: an absolute rule, or nothing to compare) */
function comparisonOf(rule, merged, base) {
    if (rule.expr.kind === 'number' || !merged || !base)
        return null;
    return (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .compareFingerprints */ .tS)(rule.indicator, merged.fingerprint, (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .readFingerprint */ .bi)(base.fingerprint));
}
/**
 * `history`: the reports measured on what this run was (the first, the baseline itself, is
 * compared on its own), and why the others were left out
 */
function comparableHistory(rule, merged, history) {
    if (!history || !merged || rule.expr.kind !== 'formula')
        return { history, note: '' };
    const left = [];
    const kept = history.filter((h, i) => {
        if (i === 0)
            return true;
        const entry = Object.hasOwn(h, rule.indicator) ? h[rule.indicator] : undefined;
        const d = (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .compareFingerprints */ .tS)(rule.indicator, merged.fingerprint, (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .readFingerprint */ .bi)(entry?.fingerprint)).differs;
        for (const x of d)
            if (!left.includes(x.what))
                left.push(x.what);
        return d.length === 0;
    });
    const out = history.length - kept.length;
    if (!out)
        return { history, note: '' };
    return {
        history: kept,
        note: `${out} of ${history.length} baseline report${history.length === 1 ? '' : 's'} left out of the statistics (another ${left.join(', ')})`,
    };
}
/** a judged rule that would hold a value against a baseline measured on something else: incomparable */
function incomparable(judged, cmp) {
    // A rule skipped for want of history (`baseline.stddev` over one report) while the baseline has
    // its value is no less measured on something else: incomparable too, shown with what differs. A
    // rule skipped because the baseline has no such value has nothing to compare: it stays skipped.
    const judgedAgainst = judged.status === 'pass' || judged.status === 'fail' || (judged.status === 'skipped' && judged.baseline !== null);
    if (!cmp?.differs.length || judged.problems?.length || !judgedAgainst)
        return judged;
    return {
        status: 'incomparable',
        actual: judged.actual,
        limit: null,
        baseline: judged.baseline,
        delta: null,
        detail: `not compared: measured on something else than the baseline: ${(0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDifferences */ .g7)(cmp.differs)}`,
        differs: cmp.differs,
    };
}
function judgeRule(rule, indicators, baseline, unmerged, allHistory) {
    const result = judgeOnce(rule, indicators, baseline, unmerged, allHistory);
    // a trend needs two reports or more; one is the baseline alone (its value is in `baseline`)
    if (!allHistory || allHistory.length < 2)
        delete result.history;
    return result;
}
function judgeOnce(rule, indicators, baseline, unmerged, allHistory) {
    const head = { indicator: rule.indicator, field: rule.field, op: rule.op, expr: (0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .formatExpr */ .Jk)(rule.expr), level: rule.level };
    const target = `${rule.indicator}.${rule.field}`;
    const merged = indicators[rule.indicator];
    const base = baseline?.[rule.indicator];
    const basePath = `$.indicators${(0,_baseline_js__WEBPACK_IMPORTED_MODULE_2__/* .key */ .Eb)(rule.indicator)}${(0,_baseline_js__WEBPACK_IMPORTED_MODULE_2__/* .key */ .Eb)(rule.field)}`;
    const cmp = comparisonOf(rule, merged, base);
    const { history, note } = comparableHistory(rule, merged, allHistory);
    const noted = (j) => note && j.status !== 'incomparable' ? { ...j, detail: j.detail ? `${j.detail}; ${note}` : note } : j;
    if (merged?.attacks) {
        return { ...head, ...noted(incomparable(judgeAttacks(rule, merged.attacks, base, baseline !== null, history), cmp)) };
    }
    if (!merged) {
        const r = judge(rule, {
            actual: undefined,
            baseline: baselineAt(base, rule.field),
            baselinePath: basePath,
            history: historyOf(history, rule.indicator, rule.field),
        }, baseline !== null, target);
        // An absent indicator is missing even for a baseline rule: there is nothing to hold.
        return {
            ...head,
            ...r,
            status: 'missing',
            detail: unmerged[rule.indicator] ?? `no ${rule.indicator} indicator file`,
        };
    }
    const judged = judge(rule, {
        actual: numberAt(merged.fields, rule.field),
        baseline: baselineAt(base, rule.field),
        baselinePath: basePath,
        history: historyOf(history, rule.indicator, rule.field),
    }, baseline !== null, target);
    // a field these files cannot give says why (p95_ms from files with only summary percentiles)
    const why = judged.status === 'missing' ? merged.absent?.[rule.field] : undefined;
    return { ...head, ...noted(incomparable(why ? { ...judged, detail: why } : judged, cmp)) };
}
/**
 * robustness_adv: the rule holds only if it holds for every attack type; the worst attack is
 * reported. A baseline rule compares each attack with the same attack in the baseline.
 */
function judgeAttacks(rule, attacks, base, hasBaseline, history) {
    const baseAttacks = (base?.attacks ?? {});
    const per = Object.entries(attacks).map(([name, a]) => ({
        name,
        r: judge(rule, {
            actual: numberAt(a.fields, rule.field),
            baseline: baselineAt(Object.hasOwn(baseAttacks, name) ? baseAttacks[name] : undefined, rule.field),
            baselinePath: `$.indicators${(0,_baseline_js__WEBPACK_IMPORTED_MODULE_2__/* .key */ .Eb)(rule.indicator)}.attacks${(0,_baseline_js__WEBPACK_IMPORTED_MODULE_2__/* .key */ .Eb)(name)}${(0,_baseline_js__WEBPACK_IMPORTED_MODULE_2__/* .key */ .Eb)(rule.field)}`,
            history: historyOf(history, rule.indicator, rule.field, name),
        }, hasBaseline, `${rule.indicator}.${rule.field} for attack_type ${JSON.stringify(name)}`),
    }));
    const summary = per.map(({ name, r }) => `${name}: ${r.actual ?? 'absent'} ${r.status}`).join(', ');
    const pick = (status) => per.filter((x) => x.r.status === status);
    const failed = pick('fail');
    const missing = pick('missing');
    const passed = pick('pass');
    const broken = per.filter((x) => x.r.problems?.length);
    let worst;
    if (broken.length)
        worst = broken[0];
    else if (missing.length)
        worst = missing[0];
    else if (failed.length || passed.length) {
        const judged = failed.length ? failed : passed;
        worst = judged.reduce((a, b) => (margin(rule.op, b.r.actual, b.r.limit) < margin(rule.op, a.r.actual, a.r.limit) ? b : a));
    }
    else
        worst = per[0]; // every attack skipped
    const detail = per.length === 1
        ? `attack_type ${worst.name}${worst.r.detail ? `: ${worst.r.detail}` : ''}`
        : `worst attack_type: ${worst.name}${worst.r.detail ? ` (${worst.r.detail})` : ''}; ${summary}`;
    const problems = broken.flatMap((x) => x.r.problems);
    return { ...worst.r, detail, ...(problems.length ? { problems } : {}) };
}
/**
 * A value of the fingerprint known on one side only is compared as it is (SPEC §10: a baseline
 * from before fingerprints, files that record no `dataset`), and said once per indicator.
 */
function oneSidedNotes(rules, results, indicators, baseline) {
    const notes = [];
    const done = new Set();
    rules.forEach((rule, i) => {
        const status = results[i]?.status;
        if (done.has(rule.indicator) || (status !== 'pass' && status !== 'fail' && status !== 'inconclusive'))
            return;
        const cmp = comparisonOf(rule, indicators[rule.indicator], baseline?.[rule.indicator]);
        if (!cmp || cmp.differs.length || !cmp.oneSided.length)
            return;
        done.add(rule.indicator);
        for (const side of ['this run', 'baseline']) {
            const what = cmp.oneSided.filter((o) => o.missingOn !== side).map((o) => o.what);
            if (what.length)
                notes.push(`${rule.indicator}: compared with the baseline as it is, though only ${side === 'baseline' ? 'the baseline' : side} records its ${what.join(', ')}`);
        }
    });
    return notes;
}
/**
 * The one place the verdict is derived, from the rules, the required indicators, the input
 * problems and the jobs. The exit code (exitCodeFor), report.json, report.md, the comment, the job
 * summary and the action's outputs all take it from here.
 */
function gate(rules, required, indicators, baseline, options) {
    const problems = [];
    let invalid = options.invalidInput;
    const failedJobs = (options.jobs ?? []).filter((j) => j.status !== 'succeeded');
    // An indicator one of whose jobs did not succeed is a partial shard set: never judged as if it
    // were whole (SPEC §3). Its rules are missing with the reason; the verdict fails on the job.
    const unmerged = { ...(options.unmerged ?? {}) };
    const judgeable = { ...indicators };
    for (const j of failedJobs) {
        for (const name of j.indicator.split(',')) {
            if (!indicators[name] || unmerged[name])
                continue;
            delete judgeable[name];
            unmerged[name] = `not judged: its job (shard ${j.shard}) ${j.status}, and a partial shard set is never gated as if it were whole`;
        }
    }
    const results = rules.map((rule) => {
        const history = options.history?.length ? options.history : undefined;
        const judged = judgeRule(rule, judgeable, baseline, unmerged, history);
        const later = options.attempts?.[rule.indicator];
        const { problems: found, ...result } = later?.length && rule.level === 'error' && judged.status === 'fail' && !judged.problems?.length
            ? (0,_confirm_js__WEBPACK_IMPORTED_MODULE_4__/* .confirmRule */ .pg)(judged, [judgeable[rule.indicator], ...later], (m) => judgeRule(rule, m ? { [rule.indicator]: m } : {}, baseline, {}, history))
            : judged;
        for (const p of found ?? []) {
            invalid = true;
            const file = p.kind === 'baseline' ? (options.baselineSource ?? 'baseline') : (options.rulesSource ?? 'thresholds');
            problems.push({ file, path: p.path, expected: p.expected, found: p.found });
        }
        return result;
    });
    // A required indicator that is present but invalid is reported by its problems, not as absent.
    const missingIndicators = required.filter((i) => !indicators[i] && !unmerged[i]);
    for (const j of failedJobs) {
        problems.push({
            file: `job ${j.indicator} shard ${j.shard}${j.platform_id ? ` (${j.platform_id})` : ''}`,
            expected: 'status succeeded (a run with a failed job fails, whatever the other shards say)',
            found: `${j.status}${j.message ? `: ${j.message}` : ''}`,
        });
    }
    if (options.platformFailure !== undefined) {
        problems.push({ file: 'platform', expected: 'every job to run', found: options.platformFailure });
    }
    const platformFailed = failedJobs.length > 0 || options.platformFailure !== undefined;
    const verdict = verdictOf(results, missingIndicators, invalid, platformFailed);
    const notes = oneSidedNotes(rules, results, indicators, baseline);
    return { verdict, results, missingIndicators, problems, invalidInput: invalid, platformFailed, notes };
}
/** pass < warn < inconclusive < fail (SPEC §9); an `incomparable` rule changes none of them (SPEC §10) */
const VERDICT_ORDER = { pass: 0, warn: 1, inconclusive: 2, fail: 3 };
function verdictOf(results, missingIndicators, invalidInput, platformFailed = false) {
    const bad = (r) => r.status === 'fail' || r.status === 'missing';
    if (invalidInput || platformFailed || missingIndicators.length || results.some((r) => r.level === 'error' && bad(r)))
        return 'fail';
    // only an error-level rule is confirmed, so only one is ever inconclusive
    if (results.some((r) => r.status === 'inconclusive'))
        return 'inconclusive';
    if (results.some((r) => r.level === 'warn' && bad(r)))
        return 'warn';
    return 'pass';
}
/**
 * SPEC §5: fail-on changes only exit code 1; invalid input is 2 and a platform failure 3 whatever it
 * says. An `inconclusive` verdict counts as `fail` (so `fail-on: error` fails the check), or as
 * `warn` with `inconclusive: warn`; the verdict itself stays `inconclusive`.
 */
function exitCodeFor(outcome, failOn, invalidInput, platformFailed, inconclusive = 'fail') {
    const verdict = outcome.verdict === 'inconclusive' ? inconclusive : outcome.verdict;
    const gateFailed = (failOn === 'error' && verdict === 'fail') || (failOn === 'warn' && verdict !== 'pass');
    return (0,_problem_js__WEBPACK_IMPORTED_MODULE_1__/* .highestExitCode */ .id)(gateFailed ? _problem_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .yU.GateFailed : _problem_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .yU.Ok, invalidInput ? _problem_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .yU.InvalidInput : _problem_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .yU.Ok, platformFailed ? _problem_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .yU.PlatformFailure : _problem_js__WEBPACK_IMPORTED_MODULE_1__/* .ExitCode */ .yU.Ok);
}


/***/ }),

/***/ 87357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ indicatorHead),
/* harmony export */   Pc: () => (/* binding */ finishIndicator)
/* harmony export */ });
/* unused harmony exports crossFieldProblems, SUMMARY_TOLERANCE */
/* harmony import */ var _problem_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(652);
/* harmony import */ var _hdr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96113);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77526);
/**
 * The part of validating an indicator file that needs no schema library: the checks before the
 * schema (a JSON object with a valid `indicator`), the checks across fields, the detail
 * (samples_ms, hdr_histogram) and its agreement with the summary. validate.ts adds the zod
 * schemas; quick.ts a schema check of its own for files that are valid, so a gate over valid files
 * never loads zod.
 */



const MAX_LISTED = 5;
/** The checks before the schema: a JSON object, its `indicator` a valid name, no `__proto__` key. */
function indicatorHead(value, file) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, failed: { ok: false, problems: [{ file, path: '$', expected: 'a JSON object', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(value) }] } };
    }
    const obj = value;
    const name = obj.indicator;
    if (typeof name !== 'string' || !(0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndicatorName */ .FS)(name)) {
        const expected = typeof name === 'string' ? _names_js__WEBPACK_IMPORTED_MODULE_2__/* .INDICATOR_NAME_RULE */ .jO : `a string naming the indicator (${_names_js__WEBPACK_IMPORTED_MODULE_2__/* .BUILTIN_INDICATORS */ .jo.join(', ')}, or a custom name)`;
        return { ok: false, failed: { ok: false, problems: [{ file, path: '$.indicator', expected, found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(name) }] } };
    }
    if (Object.hasOwn(obj, '__proto__')) {
        // JSON.parse makes it an own key; copied into a plain object it would replace the prototype
        return {
            ok: false,
            failed: {
                ok: false,
                indicator: name,
                problems: [{ file, path: '$["__proto__"]', expected: 'no __proto__ key (it is reserved)', found: 'one' }],
            },
        };
    }
    return { ok: true, name, obj };
}
/**
 * After the schema (its problems in `problems`): the checks across fields, the detail and its
 * agreement with the summary. `samples`, when given, is samples_ms already read into a typed array
 * (by the streaming reader); otherwise samples_ms is read from `obj`.
 */
function finishIndicator(name, obj, file, problems, samples) {
    for (const [field, expected] of crossFieldProblems(name, obj)) {
        problems.push({ file, path: `$.${field}`, expected, found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(obj[field]) });
    }
    const latency = name === 'latency_p99';
    // the file's fields, but latency_p99's raw detail (left out here, not deleted after: a delete
    // turns the object into a slow dictionary, for every later read of it)
    const record = { file, indicator: name, data: latency ? withoutDetail(obj) : { ...obj } };
    if (obj.shard !== undefined)
        record.shard = obj.shard;
    if (obj.repeat !== undefined)
        record.repeat = obj.repeat;
    if (latency) {
        if (samples) {
            record.samples = samples;
        }
        else if (obj.samples_ms !== undefined) {
            const read = readSamples(obj.samples_ms, file, problems);
            if (read)
                record.samples = read;
        }
        if (typeof obj.hdr_histogram === 'string') {
            try {
                const h = (0,_hdr_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeHistogram */ .pr)(obj.hdr_histogram);
                if (h.totalCount < 1) {
                    problems.push({
                        file,
                        path: '$.hdr_histogram',
                        expected: 'a histogram with at least one recorded value',
                        found: 'an empty histogram',
                    });
                }
                else {
                    record.histogram = h;
                    record.hdrUnit = obj.hdr_unit ?? 'us';
                }
            }
            catch (e) {
                problems.push({
                    file,
                    path: '$.hdr_histogram',
                    expected: 'a base64 HdrHistogram V2 compressed histogram',
                    found: `${(0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(obj.hdr_histogram, 24)} (${e.message || 'it does not decode'})`,
                });
            }
        }
    }
    if (problems.length === 0)
        problems.push(...agreementProblems(record, file));
    if (problems.length)
        return { ok: false, problems, indicator: name };
    return { ok: true, record };
}
/**
 * A copy of a latency_p99 file's fields without `samples_ms` and a string `hdr_histogram` (they
 * are read into the record's typed array and histogram), in the file's order.
 */
function withoutDetail(obj) {
    const out = {};
    for (const k of Object.keys(obj)) {
        if (k === 'samples_ms' || (k === 'hdr_histogram' && typeof obj[k] === 'string'))
            continue;
        // a `__proto__` key never gets here (indicatorHead refuses it); defined, not assigned, anyway
        if (k === '__proto__')
            Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
        else
            out[k] = obj[k];
    }
    return out;
}
/**
 * Checks across fields, run by hand after the schema so that they still run when another field of
 * the file is already wrong (zod skips refinements once a field has failed). Each check only
 * looks at fields that are numbers. Returns [field, expected] pairs.
 */
function crossFieldProblems(name, v) {
    const n = (k) => (typeof v[k] === 'number' ? v[k] : undefined);
    const out = [];
    const below = (a, b, expected) => {
        const x = n(a);
        const y = n(b);
        if (x !== undefined && y !== undefined && x > y)
            out.push([a, expected.replace('$', String(y))]);
    };
    switch (name) {
        case 'accuracy_f1': {
            const present = ['tp', 'fp', 'fn'].filter((k) => v[k] !== undefined);
            if (present.length > 0 && present.length < 3) {
                for (const k of ['tp', 'fp', 'fn'].filter((k) => v[k] === undefined))
                    out.push([k, 'an integer ≥ 0 (tp, fp and fn come together)']);
            }
            break;
        }
        case 'latency_p99': {
            const p50 = n('p50_ms');
            const p90 = n('p90_ms');
            const p99 = n('p99_ms');
            if (p50 !== undefined && p90 !== undefined && p90 < p50)
                out.push(['p90_ms', `a number ≥ p50_ms (${p50})`]);
            if (p90 !== undefined && p99 !== undefined && p99 < p90)
                out.push(['p99_ms', `a number ≥ p90_ms (${p90})`]);
            else if (p90 === undefined && p50 !== undefined && p99 !== undefined && p99 < p50)
                out.push(['p99_ms', `a number ≥ p50_ms (${p50})`]);
            break;
        }
        case 'throughput_rps':
            below('errors', 'requests', 'an integer ≤ requests ($)');
            break;
        case 'toxicity':
            below('toxic_count', 'total_samples', 'an integer ≤ total_samples ($)');
            break;
    }
    return out;
}
/**
 * How far a written summary may be from what its own detail gives: a value rounded to 3 decimals
 * (0.8 for 0.80012) agrees; anything further is a different number.
 */
const SUMMARY_TOLERANCE = 0.5e-3;
const fmt = (x) => String(Number(x.toPrecision(10)));
/**
 * Where a file carries both a summary and the detail it summarises, the two must agree (SPEC §2):
 * the merged values come from the detail, so a disagreement would silently replace what was
 * written. Each problem names the written value and the detail's.
 */
function agreementProblems(r, file) {
    const d = r.data;
    const out = [];
    const n = (k) => d[k];
    const near = (field, written, fromDetail, detail) => {
        if (Math.abs(written - fromDetail) > SUMMARY_TOLERANCE) {
            out.push({
                file,
                path: `$.${field}`,
                expected: `${fmt(fromDetail)} (from ${detail}, within ${SUMMARY_TOLERANCE})`,
                found: fmt(written),
            });
        }
    };
    if (r.indicator === 'accuracy_f1' && typeof d.tp === 'number') {
        const [tp, fp, fn] = [n('tp'), n('fp'), n('fn')];
        const counts = `tp ${tp}, fp ${fp}, fn ${fn}`;
        if (tp + fp > 0)
            near('precision', n('precision'), tp / (tp + fp), counts);
        if (tp + fn > 0)
            near('recall', n('recall'), tp / (tp + fn), counts);
        if (tp + fp + fn > 0)
            near('f1', n('f1'), (2 * tp) / (2 * tp + fp + fn), counts);
    }
    if (r.indicator === 'toxicity' && typeof d.toxic_count === 'number') {
        near('toxic_ratio', n('toxic_ratio'), n('toxic_count') / n('total_samples'), `toxic_count ${n('toxic_count')} / total_samples ${n('total_samples')}`);
    }
    if (r.indicator === 'latency_p99' && (r.samples || r.histogram)) {
        let lo;
        let hi;
        let count;
        let detail;
        let hint;
        if (r.samples) {
            lo = Infinity;
            hi = -Infinity;
            for (let i = 0; i < r.samples.length; i++) {
                const v = r.samples[i];
                if (v < lo)
                    lo = v;
                if (v > hi)
                    hi = v;
            }
            count = r.samples.length;
            detail = '$.samples_ms';
            hint = ' (seconds written into samples_ms?)';
        }
        else {
            const h = r.histogram;
            const perMs = _hdr_js__WEBPACK_IMPORTED_MODULE_1__/* .PER_MS */ .Tl[r.hdrUnit ?? 'us'];
            const lowest = h.lowestEquivalentValue(h.minNonZeroValue);
            lo = (h.getCountAtIndex(0) > 0 ? 0 : lowest) / perMs;
            hi = h.highestEquivalentValue(h.maxValue) / perMs;
            count = h.totalCount;
            detail = `$.hdr_histogram (hdr_unit ${r.hdrUnit ?? 'us'})`;
            hint = ' (the wrong hdr_unit?)';
        }
        for (const field of ['p50_ms', 'p90_ms', 'p99_ms']) {
            const v = n(field);
            if (v < lo - SUMMARY_TOLERANCE || v > hi + SUMMARY_TOLERANCE) {
                out.push({
                    file,
                    path: `$.${field}`,
                    expected: `a value within the range of ${detail}: ${fmt(lo)} to ${fmt(hi)} ms`,
                    found: `${fmt(v)}${v > hi ? hint : ''}`,
                });
            }
        }
        if (count > n('requests')) {
            out.push({
                file,
                path: '$.requests',
                expected: `at least as many requests as ${detail} holds values (${count})`,
                found: String(n('requests')),
            });
        }
    }
    return out;
}
/** samples_ms: a non-empty array of finite numbers ≥ 0, checked in one tight loop. */
function readSamples(raw, file, problems) {
    const expected = 'a non-empty array of numbers ≥ 0 (milliseconds)';
    if (!Array.isArray(raw) || raw.length === 0) {
        problems.push({ file, path: '$.samples_ms', expected, found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(raw) });
        return undefined;
    }
    const out = new Float64Array(raw.length);
    let bad = 0;
    for (let i = 0; i < raw.length; i++) {
        const v = raw[i];
        if (typeof v === 'number' && v >= 0 && v - v === 0) {
            out[i] = v;
        }
        else {
            if (bad < MAX_LISTED) {
                problems.push({ file, path: `$.samples_ms[${i}]`, expected: 'a number ≥ 0', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(v) });
            }
            bad++;
        }
    }
    if (bad > MAX_LISTED) {
        problems.push({ file, path: '$.samples_ms', expected: 'numbers ≥ 0', found: `${bad - MAX_LISTED} more bad samples` });
    }
    return bad ? undefined : out;
}


/***/ }),

/***/ 86153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ MAX_JSON_BYTES),
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* unused harmony exports MAX_DEPTH, findNonFinite */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
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
const MAX_JSON_BYTES = 64 * 1024 * 1024;
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
const MIB = 1024 * 1024;
const sizeText = (bytes) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`);
function parseJsonText(text, file, limits = {}) {
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
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(abs);
        if (!st.isFile()) {
            return {
                ok: false,
                problems: [{ file: label, expected: 'a regular file', found: st.isDirectory() ? 'a folder' : 'a special file' }],
            };
        }
        if (st.size > maxBytes) {
            return { ok: false, problems: [{ file: label, expected: `a file of at most ${sizeText(maxBytes)}`, found: sizeText(st.size) }] };
        }
        let text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(abs, 'utf8');
        if (text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        return parseJsonText(text, label, limits);
    }
    catch (e) {
        const code = e.code;
        return {
            ok: false,
            problems: [{ file: label, expected: 'a readable file', found: code === 'ENOENT' ? 'no such file' : (code ?? 'an error') }],
        };
    }
}
class Stop extends Error {
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


/***/ }),

/***/ 46490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ ruleMessage),
/* harmony export */   RV: () => (/* binding */ renderJunit),
/* harmony export */   oF: () => (/* binding */ ruleName)
/* harmony export */ });
/* unused harmony exports junitOutcome, shortfall, xmlText, xmlAttr */
/* harmony import */ var _md_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1103);

/** Statuses that are a JUnit failure; pass is none, and every other one not listed in SKIPPED is a failure. */
const SKIPPED = new Set(['skipped', 'incomparable']);
/** A rule's status, read as a string (see the header). */
const statusOf = (r) => String(r.status);
function junitOutcome(r) {
    const s = statusOf(r);
    if (s === 'pass')
        return 'pass';
    if (SKIPPED.has(s))
        return 'skipped';
    return 'failure';
}
/** `accuracy_f1.f1 >= 0.75`, with `warn ` before a warn-level rule */
function ruleName(r) {
    return `${r.level === 'warn' ? 'warn ' : ''}${r.indicator}.${r.field} ${r.op} ${r.expr}`;
}
/** The limit as the rule states it: `0.75`, or `baseline * 1.1 = 330` once the baseline set it. */
function limitText(r) {
    return r.expr.startsWith('baseline') && r.limit !== null ? `${r.expr} = ${(0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(r.limit)}` : r.expr;
}
/**
 * By how much a value is on the wrong side of its limit: `short by 0.13 (17.3%)` for a floor,
 * `over by 112 (37.3%)` for a ceiling; empty when it is on the right side (or exactly on a strict
 * limit, which fails by nothing).
 */
function shortfall(r) {
    if (r.actual === null || r.limit === null)
        return '';
    const floor = r.op === '>=' || r.op === '>';
    const by = floor ? r.limit - r.actual : r.actual - r.limit;
    if (!(by > 0))
        return r.actual === r.limit && (r.op === '>' || r.op === '<') ? `equal to the limit, which ${r.op} excludes` : '';
    const pct = r.limit !== 0 ? ` (${(0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(Number(((by / Math.abs(r.limit)) * 100).toPrecision(3)))}%)` : '';
    return `${floor ? 'short' : 'over'} by ${(0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(Number(by.toPrecision(6)))}${pct}`;
}
/**
 * One line on a rule that did not pass: what it is, what was found, what was expected, by how much,
 * and the gate's own detail. `accuracy_f1.f1 = 0.62, expected >= 0.75: short by 0.13 (17.3%)`.
 */
function ruleMessage(r) {
    const s = statusOf(r);
    const target = `${r.indicator}.${r.field}`;
    const detail = r.detail ? ` (${r.detail})` : '';
    const level = r.level === 'warn' ? ' [warn]' : '';
    if (s === 'missing')
        return `${target} is missing, expected ${r.op} ${limitText(r)}${detail}${level}`;
    if (SKIPPED.has(s))
        return `${target} ${r.op} ${r.expr}: ${s}${detail}`;
    if (r.actual === null)
        return `${target} ${r.op} ${limitText(r)}: ${s}${detail}${level}`;
    if (r.limit === null)
        return `${target} = ${(0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(r.actual)}, expected ${r.op} ${r.expr}: ${s}${detail}${level}`;
    const by = shortfall(r);
    const base = r.baseline !== null ? `, baseline ${(0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(r.baseline)}` : '';
    return `${target} = ${(0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(r.actual)}, expected ${r.op} ${limitText(r)}${base}: ${s === 'fail' ? '' : `${s}, `}${by || 'not met'}${detail}${level}`;
}
/** XML 1.0 forbids these characters even as references: C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF */
const ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Text content: the five markup characters escaped, illegal characters dropped. */
function xmlText(s) {
    return s.replace(ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** An attribute value in double quotes: also `"`, and tab/CR/LF as references (a parser would normalise them to spaces). */
function xmlAttr(s) {
    return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
/** The XSD's timestamp: `2026-12-02T04:46:58`, no fraction, no zone (the report's is UTC). */
function timestamp(iso) {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})/.exec(iso);
    return m ? m[1] : '1970-01-01T00:00:00';
}
function renderJunit(report, opts = {}) {
    const gate = report.name;
    const cases = [];
    let failures = 0;
    let skipped = 0;
    let errors = 0;
    for (const r of report.rules) {
        const outcome = junitOutcome(r);
        const head = `    <testcase name="${xmlAttr(ruleName(r))}" classname="${xmlAttr(`${gate}.${r.indicator}`)}" time="0"`;
        if (outcome === 'pass') {
            cases.push(`${head}/>`);
            continue;
        }
        const message = ruleMessage(r);
        if (outcome === 'skipped') {
            skipped++;
            cases.push(`${head}>\n      <skipped message="${xmlAttr(message)}"/>\n    </testcase>`);
            continue;
        }
        failures++;
        const type = `${statusOf(r)}${r.level === 'warn' ? ' (warn)' : ''}`;
        const body = [
            message,
            `rule: ${ruleName(r)}`,
            `status: ${statusOf(r)}, level: ${r.level}`,
            `value: ${r.actual === null ? 'absent' : (0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(r.actual)}`,
            `limit: ${r.limit === null ? '–' : (0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(r.limit)}`,
            ...(r.baseline !== null ? [`baseline: ${(0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(r.baseline)}`] : []),
            ...(r.delta !== null ? [`delta: ${(0,_md_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNumber */ .ZV)(r.delta)}`] : []),
            ...(r.detail ? [`detail: ${r.detail}`] : []),
        ].join('\n');
        cases.push(`${head}>\n      <failure message="${xmlAttr(message)}" type="${xmlAttr(type)}">${xmlText(body)}</failure>\n    </testcase>`);
    }
    const problems = [...report.problems, ...report.missing_indicators.map((i) => `required indicator ${i} is absent: no file reported it`)];
    if (problems.length) {
        errors++;
        const message = `${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems[0]}${problems.length > 1 ? ' …' : ''}`;
        cases.push(`    <testcase name="problems" classname="${xmlAttr(`${gate}.input`)}" time="0">\n` +
            `      <error message="${xmlAttr(message)}" type="problems">${xmlText(problems.join('\n'))}</error>\n    </testcase>`);
    }
    const properties = [
        ['verdict', String(report.verdict)],
        ['platform', report.platform],
        ['commit', report.commit ?? ''],
        ['ref', report.ref ?? ''],
        [
            'baseline',
            report.baseline.source === 'none' ? 'none' : `${report.baseline.source}${report.baseline.path ? ` ${report.baseline.path}` : ''}`,
        ],
    ];
    const duration = report.jobs.reduce((a, j) => a + (j.duration_s ?? 0), 0);
    const suite = `  <testsuite id="0" package="evalgate" name="${xmlAttr(gate)}" timestamp="${timestamp(report.generated_at)}" ` +
        `hostname="${xmlAttr(opts.hostname?.trim() || 'localhost')}" tests="${cases.length}" failures="${failures}" errors="${errors}" ` +
        `skipped="${skipped}" time="${Number(duration.toFixed(3))}">\n` +
        `    <properties>\n${properties.map(([n, v]) => `      <property name="${n}" value="${xmlAttr(v)}"/>`).join('\n')}\n    </properties>\n` +
        (cases.length ? `${cases.join('\n')}\n` : '') +
        `    <system-out>${xmlText(`evalgate ${gate}: ${report.verdict}`)}</system-out>\n` +
        `    <system-err></system-err>\n` +
        `  </testsuite>`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suite}\n</testsuites>\n`;
}


/***/ }),

/***/ 76122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ renderProm)
/* harmony export */ });
const escapeLabel = (v) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labels = (l) => `{${Object.entries(l)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;
const value = (x) => (Number.isFinite(x) ? String(x) : x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN');
function renderProm(report, opts = {}) {
    const gate = report.name;
    const lines = [];
    const family = (name, help, samples) => {
        if (!samples.length)
            return;
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
        for (const [l, v] of samples)
            lines.push(`${name}${labels(l)} ${value(v)}`);
    };
    family('evalgate_verdict', 'The gate verdict: 1 for the verdict reached, 0 for the others.', ['pass', 'warn', 'inconclusive', 'fail'].map((v) => [{ gate, verdict: v }, report.verdict === v ? 1 : 0]));
    const values = [];
    const approx = [];
    for (const [indicator, entry] of Object.entries(report.indicators)) {
        approx.push([{ gate, indicator }, entry.approximate ? 1 : 0]);
        for (const [field, v] of Object.entries(entry)) {
            if (typeof v === 'number')
                values.push([{ gate, indicator, field }, v]);
        }
        for (const [attack, a] of Object.entries(entry.attacks ?? {})) {
            for (const [field, v] of Object.entries(a)) {
                if (typeof v === 'number')
                    values.push([{ gate, indicator, attack_type: attack, field }, v]);
            }
        }
    }
    family('evalgate_indicator_value', 'A merged indicator field.', values);
    family('evalgate_indicator_approximate', '1 when the merged indicator is approximate (not every shard carried detail).', approx);
    family('evalgate_rule_status', 'Each threshold rule: 1 on its status.', report.rules.map((r, i) => [
        // the rule's position keeps two identical rules apart as two series
        { gate, rule: String(i + 1), indicator: r.indicator, field: r.field, op: r.op, expr: r.expr, level: r.level, status: r.status },
        1,
    ]));
    family('evalgate_problems', 'Number of input problems (invalid files, config, baseline).', [[{ gate }, report.problems.length]]);
    if (opts.eof !== false)
        lines.push('# EOF');
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 82211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FAST_SAMPLES_BYTES: () => (/* binding */ FAST_SAMPLES_BYTES),
  collect: () => (/* binding */ collect),
  exitCodeFor: () => (/* reexport */ gate/* exitCodeFor */.Rr),
  failRun: () => (/* binding */ failRun),
  internalErrorProblem: () => (/* binding */ internalErrorProblem),
  loadBaseline: () => (/* binding */ loadBaseline),
  noBaseline: () => (/* binding */ noBaseline),
  rulePercentiles: () => (/* binding */ rulePercentiles),
  runGate: () => (/* binding */ runGate),
  writeReport: () => (/* binding */ writeReport)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(86153);
// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
// EXTERNAL MODULE: ./src/core/hdr.ts
var hdr = __webpack_require__(96113);
// EXTERNAL MODULE: ./src/core/scratch.ts
var core_scratch = __webpack_require__(87365);
;// CONCATENATED MODULE: ./src/core/percentile.ts

/**
 * Exact nearest-rank percentiles over raw samples: the smallest sample with at least p% of all
 * samples at or below it, i.e. the sample of rank ⌈p·N/100⌉ (1-based) in sorted order.
 *
 * The rank is computed in integer arithmetic on p written as an exact decimal (99.9 is 999 / 10),
 * so that 99 × 100 / 100 never becomes 98.99999 (and the rank 99) through floating point, and
 * any percentile a rule names (p99.9_ms, p99.99_ms) gets its own rank.
 */
function nearestRank(p, n) {
    if (n <= 0)
        throw new Error('no samples');
    // p as an exact decimal m / 10^d (99.9 -> 999 / 10): the rank is then ⌈m·N / (100·10^d)⌉
    const text = Number.isInteger(p) ? String(p) : p.toFixed(12).replace(/0+$/, '');
    const dot = text.indexOf('.');
    const decimals = dot < 0 ? 0 : text.length - dot - 1;
    const m = Number(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
    const scale = 100 * 10 ** decimals;
    let rank;
    if (m * n < Number.MAX_SAFE_INTEGER)
        rank = Math.floor((m * n + scale - 1) / scale);
    else {
        const big = BigInt(m) * BigInt(n);
        const s = BigInt(scale);
        rank = Number((big + s - 1n) / s);
    }
    return Math.min(Math.max(rank, 1), n);
}
/**
 * The values at several percentiles of `values` (the array is reordered in place).
 * One quickselect for all the ranks at once (Hoare partition, median-of-three pivots): each
 * partition serves every rank on its side, so ranks close together (a percentile and its
 * interval's bounds) share their work. O(N) on average per cluster of ranks, no full sort.
 */
function percentilesOf(values, ps) {
    return valuesAtRanks(values, ps.map((p) => nearestRank(p, values.length)));
}
/** The values of several 1-based ranks of `values` in sorted order (the array is reordered in place). */
function valuesAtRanks(values, ranks1) {
    const ks = [...new Set(ranks1.map((r) => r - 1))].sort((a, b) => a - b);
    selectMany(values, ks);
    return ranks1.map((r) => values[r - 1]);
}
/**
 * Puts the value of each 0-based rank of `ks` (ascending, distinct, within the array) at its
 * index. A subrange with ranks in it is partitioned; the ranks left of the partition are pushed
 * with their side and the loop goes on with the right one, so no part of the array is partitioned
 * twice for two ranks. Sides are disjoint: a value put in place stays there. `stats` counts the
 * partitions (for tests).
 */
function selectMany(a, ks, stats) {
    if (ks.length === 0)
        return;
    // each range carries the rounds spent on it so far: a side pushed for later keeps its count, so
    // that an input crafted against median-of-three pivots meets the guard below (no fresh 64 rounds
    // for every side split off)
    const stack = [0, a.length - 1, 0, ks.length - 1, 0];
    while (stack.length > 0) {
        let rounds = stack.pop();
        let rhi = stack.pop();
        let rlo = stack.pop();
        let hi = stack.pop();
        let lo = stack.pop();
        while (rlo <= rhi && hi > lo) {
            if (++rounds > 64) {
                // introselect's guard: a pathological input that keeps pivots bad gets a real sort.
                a.subarray(lo, hi + 1).sort();
                break;
            }
            if (hi - lo < 16) {
                insertionSort(a, lo, hi);
                break;
            }
            const mid = lo + ((hi - lo) >> 1);
            // median of three as pivot
            if (a[mid] < a[lo])
                swap(a, mid, lo);
            if (a[hi] < a[lo])
                swap(a, hi, lo);
            if (a[hi] < a[mid])
                swap(a, hi, mid);
            const pivot = a[mid];
            let i = lo;
            let j = hi;
            while (i <= j) {
                while (a[i] < pivot)
                    i++;
                while (a[j] > pivot)
                    j--;
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // [lo, j] ≤ pivot, [i, hi] ≥ pivot, and between them (j < k < i) every value is the pivot
            if (stats)
                stats.partitions++;
            let m = rlo;
            while (m <= rhi && ks[m] <= j)
                m++;
            let q = m;
            while (q <= rhi && ks[q] < i)
                q++;
            if (q > rhi) {
                // no rank right of the partition: go on with the left side, in this loop
                hi = j;
                rhi = m - 1;
                continue;
            }
            if (m > rlo)
                stack.push(lo, j, rlo, m - 1, rounds);
            lo = i;
            rlo = q;
        }
    }
}
function insertionSort(a, lo, hi) {
    for (let i = lo + 1; i <= hi; i++) {
        const v = a[i];
        let j = i - 1;
        while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}
function swap(a, i, j) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
}
/** Candidates gathered for a quickselect at most (8-byte floats: 8 MiB), else one more radix level. */
const GATHER_LIMIT = 1 << 20;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * {@link percentilesOf} over samples held in several arrays (one per file), without copying them
 * into one: a copy would double the memory of the largest input there is (SPEC §8: the samples as
 * 8-byte floats plus 2× the largest file). Values are ≥ 0 (or -0, read as 0), so their IEEE 754
 * bit patterns, read as unsigned integers, sort as the values do. A radix selection over those
 * bits (16 at a time, one counting pass each) narrows each rank to the samples sharing a prefix;
 * once at most `gatherLimit` are left they are copied out and quickselected (tests lower it to
 * reach every level). Exact: the value of
 * rank ⌈p·N/100⌉, the same as sorting all the samples.
 */
function percentilesOfChunks(chunks, ps, gatherLimit = GATHER_LIMIT) {
    let n = 0;
    for (const c of chunks)
        n += c.length;
    return valuesAtRanksOfChunks(chunks, ps.map((p) => nearestRank(p, n)), gatherLimit);
}
/** {@link valuesAtRanks} over samples held in several arrays (see percentilesOfChunks). */
function valuesAtRanksOfChunks(chunks, ranks, gatherLimit = GATHER_LIMIT) {
    if (chunks.length === 1)
        return valuesAtRanks(chunks[0], ranks);
    let n = 0;
    for (const c of chunks)
        n += c.length;
    if (n <= gatherLimit) {
        const all = (0,core_scratch/* scratchFloat64 */.N)(n);
        let at = 0;
        for (const c of chunks) {
            all.set(c, at);
            at += c.length;
        }
        return valuesAtRanks(all, ranks);
    }
    const result = new Array(ranks.length);
    // the smallest and the largest (the curve's ends) in one scan, not one radix descent each
    if (ranks.some((r) => r === 1 || r === n)) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const c of chunks) {
            for (let i = 0; i < c.length; i++) {
                const v = c[i];
                if (v < lo)
                    lo = v;
                if (v > hi)
                    hi = v;
            }
        }
        ranks.forEach((r, i) => {
            if (r === 1)
                result[i] = lo === 0 ? 0 : lo;
            else if (r === n)
                result[i] = hi === 0 ? 0 : hi;
        });
    }
    const rest = ranks.flatMap((r, out) => (r === 1 || r === n ? [] : [{ k: r - 1, out }]));
    if (!rest.length)
        return result;
    const words = chunks.map((c) => new Uint32Array(c.buffer, c.byteOffset, c.length * 2));
    const scratch = { hist: [] };
    selectRanks(words, histogram(words, 0, 0, 0, scratch), 0, 0, 0, rest, result, gatherLimit, scratch);
    return result;
}
/** The 16-bit digit of level 0…3 (0: the top bits) of sample i; the sign bit is dropped (-0 is 0). */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;
/**
 * Counts per 16-bit digit at `level` of the samples whose higher digits equal `prefixHi` (the
 * high 32 bits so far) and `prefixLo16` (level 3: the top 16 bits of the low word).
 */
function histogram(words, level, prefixHi, prefixLo16, scratch) {
    // one array per level: a level's histogram is done with once its group's ranks are selected
    let counts = scratch?.hist[level];
    if (counts)
        counts.fill(0);
    else {
        counts = new Float64Array(65536);
        if (scratch)
            scratch.hist[level] = counts;
    }
    for (const w of words) {
        const len = w.length;
        switch (level) {
            case 0:
                for (let i = HI; i < len; i += 2)
                    counts[(w[i] & 0x7fffffff) >>> 16]++;
                break;
            case 1:
                for (let i = HI; i < len; i += 2) {
                    const hi = w[i] & 0x7fffffff;
                    if (hi >>> 16 === prefixHi >>> 16)
                        counts[hi & 0xffff]++;
                }
                break;
            case 2:
                for (let i = 0; i < len; i += 2)
                    if ((w[i + HI] & 0x7fffffff) === prefixHi)
                        counts[w[i + LO] >>> 16]++;
                break;
            default:
                for (let i = 0; i < len; i += 2) {
                    if ((w[i + HI] & 0x7fffffff) === prefixHi && w[i + LO] >>> 16 === prefixLo16)
                        counts[w[i + LO] & 0xffff]++;
                }
        }
    }
    return counts;
}
/**
 * The values of several 0-based ranks. Ranks that fall under the same prefix share its work: one
 * histogram per level and one gather for all of them (an interval's ranks sit next to its
 * percentile's, so a percentile with its interval costs about what the percentile alone does).
 */
function selectRanks(words, counts, level, hi, lo16, ranks, result, gatherLimit, scratch) {
    // group the ranks by the digit of this level they fall in (ranks in ascending order)
    const sorted = [...ranks].sort((x, y) => x.k - y.k);
    let digit = 0;
    let before = 0; // samples under this prefix with a smaller digit
    let i = 0;
    while (i < sorted.length) {
        while (sorted[i].k >= before + counts[digit])
            before += counts[digit++];
        const group = [];
        while (i < sorted.length && sorted[i].k < before + counts[digit]) {
            group.push({ k: sorted[i].k - before, out: sorted[i].out });
            i++;
        }
        const size = counts[digit];
        let h = hi;
        let l16 = lo16;
        if (level === 0)
            h = digit << 16;
        else if (level === 1)
            h = (hi | digit) >>> 0;
        else if (level === 2)
            l16 = digit;
        else {
            // every bit fixed: all these samples are one value
            const b = new Uint32Array(2);
            b[HI] = hi;
            b[LO] = ((lo16 << 16) | digit) >>> 0;
            const v = new Float64Array(b.buffer)[0];
            for (const g of group)
                result[g.out] = v;
            continue;
        }
        if (size <= gatherLimit) {
            const vs = gather(words, level, h, l16, size, group.map((g) => g.k));
            group.forEach((g, j) => (result[g.out] = vs[j]));
        }
        else
            selectRanks(words, histogram(words, level + 1, h, l16, scratch), level + 1, h, l16, group, result, gatherLimit, scratch);
    }
}
/** Copies out the samples whose digits 0…level equal the prefix, and quickselects ranks `ks` there. */
function gather(words, level, hi, lo16, size, ks) {
    const out = (0,core_scratch/* scratchFloat64 */.N)(size);
    const ow = new Uint32Array(out.buffer, out.byteOffset, size * 2);
    let at = 0;
    for (const w of words) {
        const len = w.length;
        for (let i = 0; i < len; i += 2) {
            const h = w[i + HI] & 0x7fffffff;
            const match = level === 0 ? h >>> 16 === hi >>> 16 : level === 1 ? h === hi : h === hi && w[i + LO] >>> 16 === lo16;
            if (match) {
                ow[2 * at + HI] = h;
                ow[2 * at + LO] = w[i + LO];
                at++;
            }
        }
    }
    return valuesAtRanks(out, ks.map((k) => k + 1));
}

;// CONCATENATED MODULE: ./src/core/intervals.ts
/**
 * 95% intervals of exact-merged values (SPEC §9). Pure arithmetic, computed once per merged value:
 *
 * - a percentile: distribution-free, from order statistics. With B ~ Binomial(N, q) the number of
 *   samples below the true q-quantile, the sorted samples X(l) and X(u) (1-based ranks) hold it
 *   with probability P(l ≤ B < u) = F(u−1) − F(l−1): l−1 is the largest k with F(k) ≤ 2.5% and
 *   u−1 the smallest k with F(k) ≥ 97.5% (each tail at most 2.5%, so at least 95% together).
 *   Ranks outside 1…N are clamped to the smallest and largest sample (too few samples for 95%
 *   there: the interval is then the sample's range on that side).
 * - a proportion (precision, recall, toxic_ratio): the Wilson score interval.
 * - F1: a percentile bootstrap (2.5%, 97.5%) over the confusion counts, resampled as a multinomial
 *   with a fixed seed (the same counts always give the same interval), BOOTSTRAP_RESAMPLES times.
 */
/** the two-sided 95% normal quantile, Φ⁻¹(0.975) */
const Z95 = 1.959963984540054;
const TAIL = 0.025;
/** Wilson score interval of `x` successes out of `n` (null when n is 0). */
function wilson(x, n, z = Z95) {
    if (!(n > 0))
        return null;
    const p = x / n;
    const z2 = z * z;
    const denom = 1 + z2 / n;
    const center = (p + z2 / (2 * n)) / denom;
    const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    // at x = 0 (or n) the bound is exactly 0 (1); rounding must not move it past
    return [x === 0 ? 0 : Math.max(0, center - half), x === n ? 1 : Math.min(1, center + half)];
}
/** ln Γ(x) for x > 0: Stirling's series from x ≥ 15 up, the recurrence below (|error| < 1e-14). */
function lgamma(x) {
    let shift = 0;
    while (x < 15) {
        shift += Math.log(x);
        x += 1;
    }
    const x2 = x * x;
    const series = 1 / (12 * x) - 1 / (360 * x * x2) + 1 / (1260 * x * x2 * x2) - 1 / (1680 * x * x2 * x2 * x2);
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}
/** The binomial's standard deviation above which its CDF is taken from the normal (continuity-corrected). */
const EXACT_SD_LIMIT = 20_000;
/**
 * 1-based ranks [l, u] of the order statistics that hold the q-quantile (0 < q ≤ 1) of N samples
 * with at least 95% probability, clamped to 1…N. Exact binomial sums (weights from the mode
 * outward, normalised by their own sum, so no Γ-function error enters) up to a standard deviation
 * of 20,000 (N ≈ 1.6 billion at the median); beyond, the normal approximation, whose rank error is
 * then far below one part in a million of N.
 */
function orderStatisticRanks(q, n) {
    if (n <= 0)
        throw new Error('no samples');
    if (q >= 1)
        return [n, n];
    if (q <= 0)
        return [1, 1];
    const sd = Math.sqrt(n * q * (1 - q));
    let lo; // l − 1: the largest k with F(k) ≤ TAIL (−1 when even F(0) > TAIL)
    let hi; // u − 1: the smallest k with F(k) ≥ 1 − TAIL
    if (sd > EXACT_SD_LIMIT) {
        const mean = n * q;
        // F(k) ≈ Φ((k + 0.5 − mean) / sd)
        lo = Math.floor(mean - Z95 * sd - 0.5);
        hi = Math.ceil(mean + Z95 * sd - 0.5);
    }
    else {
        const { from, length, total } = binomialWeights(n, q);
        const weights = scratch;
        // one pass from the left: F(k) = acc / total, the same sums in the same order for both bounds
        lo = from - 1;
        hi = from + length - 1;
        let acc = 0;
        let below = true;
        for (let i = 0; i < length; i++) {
            acc += weights[i];
            const f = acc / total;
            if (below) {
                if (f <= TAIL)
                    lo = from + i;
                else
                    below = false;
            }
            if (f >= 1 - TAIL) {
                hi = from + i;
                break;
            }
        }
    }
    return [Math.min(Math.max(lo + 1, 1), n), Math.min(Math.max(hi + 1, 1), n)];
}
/** Where {@link binomialWeights} writes (grown as needed, kept: the gate computes a few intervals per run). */
let scratch = new Float64Array(0);
/**
 * The Binomial(n, q) probabilities relative to the mode's, from the mode out in both directions
 * until they fall below 1e-20 of it (what is left beyond is below double precision of the sum),
 * written in ascending k into {@link scratch}[0, length) (k = from + i), and their sum (each side
 * summed from the mode out, as its terms are made). Typed-array writes, no array growth: the gate runs this once per percentile, cold, over
 * up to ~2·10⁵ terms (N = 10⁸ at the median).
 */
function binomialWeights(n, q) {
    const mode = Math.min(n, Math.floor((n + 1) * q));
    const odds = q / (1 - q);
    const CUT = 1e-20;
    // each side ends within ~9.6 standard deviations (1e-20 = e^(−z²/2) at z ≈ 9.6): room for 11
    const sd = Math.sqrt(n * q * (1 - q));
    const side = Math.ceil(11 * sd) + 64;
    const room = 2 * side + 1;
    if (scratch.length < room)
        scratch = new Float64Array(room);
    let buf = scratch;
    // downward from the mode, written backwards from the middle
    let mid = side;
    let at = mid;
    buf[at] = 1;
    let w = 1;
    // the sums of each side as they are made (no third pass over the terms), smallest terms last
    let below = 0;
    let above = 0;
    for (let k = mode; k > 0; k--) {
        // P(k−1) / P(k) = k / ((n − k + 1) · odds)
        w *= k / ((n - k + 1) * odds);
        if (w < CUT)
            break;
        if (at === 0) {
            // more terms than the bound (it holds; kept safe): shift right into a bigger buffer
            const grown = new Float64Array(buf.length * 2);
            grown.set(buf, buf.length);
            at += buf.length;
            mid += buf.length;
            buf = scratch = grown;
        }
        buf[--at] = w;
        below += w;
    }
    let end = mid + 1;
    w = 1;
    for (let k = mode; k < n; k++) {
        // P(k+1) / P(k) = (n − k) / (k + 1) · odds
        w *= ((n - k) / (k + 1)) * odds;
        if (w < CUT)
            break;
        if (end === buf.length) {
            const grown = new Float64Array(buf.length * 2);
            grown.set(buf);
            buf = scratch = grown;
        }
        buf[end++] = w;
        above += w;
    }
    const from = mode - (mid - at);
    const length = end - at;
    if (at > 0)
        buf.copyWithin(0, at, end);
    return { from, length, total: below + 1 + above };
}
/** sfc32: a small, fast, seedable generator (PractRand-clean); uniform in [0, 1). */
function seededRandom(seed) {
    let a = 0x9e3779b9;
    let b = 0x243f6a88;
    let c = 0xb7e15162;
    let d = seed >>> 0;
    const next = () => {
        a >>>= 0;
        b >>>= 0;
        c >>>= 0;
        d >>>= 0;
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        return (t >>> 0) / 4294967296;
    };
    for (let i = 0; i < 15; i++)
        next();
    return next;
}
/**
 * One Binomial(n, p) draw: inversion for n·min(p, 1−p) < 10, else Hörmann's BTRS transformed
 * rejection (exact; a few uniforms per draw whatever n is).
 */
function binomialDraw(n, p, random) {
    if (n <= 0 || p <= 0)
        return 0;
    if (p >= 1)
        return n;
    if (p > 0.5)
        return n - binomialDraw(n, 1 - p, random);
    const q = 1 - p;
    if (n * p < 10) {
        // inversion: walk the pmf from 0 (P(0) = qⁿ ≥ e^−10.6 here)
        let u = random();
        let k = 0;
        let pmf = Math.exp(n * Math.log1p(-p));
        const odds = p / q;
        while (u > pmf && k < n) {
            u -= pmf;
            pmf *= ((n - k) / (k + 1)) * odds;
            k++;
        }
        return k;
    }
    const spq = Math.sqrt(n * p * q);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    const alpha = (2.83 + 5.1 / b) * spq;
    const lpq = Math.log(p / q);
    const m = Math.floor((n + 1) * p);
    const h = lgamma(m + 1) + lgamma(n - m + 1);
    for (;;) {
        const u = random() - 0.5;
        let v = random();
        const us = 0.5 - Math.abs(u);
        const k = Math.floor(((2 * a) / us + b) * u + c);
        if (k < 0 || k > n)
            continue;
        if (us >= 0.07 && v <= vr)
            return k;
        v = Math.log((v * alpha) / (a / (us * us) + b));
        if (v <= h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq)
            return k;
    }
}
const BOOTSTRAP_RESAMPLES = 2000;
/** the bootstrap's seed; mixed with the counts, so each set of counts has its own stream */
const BOOTSTRAP_SEED = 0x5eed_f1;
/**
 * F1 = 2tp / (2tp + fp + fn) by a percentile bootstrap: the confusion counts (with tn when known,
 * which changes how tp, fp and fn vary together) resampled as one multinomial of their total.
 * Null when tp + fp + fn is 0 (F1 is then 0 by convention, with nothing to resample).
 */
function f1Bootstrap(tp, fp, fn, tn = 0, resamples = BOOTSTRAP_RESAMPLES) {
    if (tp + fp + fn === 0)
        return null;
    const n = tp + fp + fn + tn;
    let seed = BOOTSTRAP_SEED;
    for (const x of [tp, fp, fn, tn])
        seed = Math.imul(seed ^ (x % 4294967296), 0x85ebca6b) ^ Math.floor(x / 4294967296);
    const random = seededRandom(seed);
    const f1s = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
        // a multinomial as successive binomials of what is left
        const t = binomialDraw(n, tp / n, random);
        let left = n - t;
        let rest = n - tp;
        const f = rest > 0 ? binomialDraw(left, fp / rest, random) : 0;
        left -= f;
        rest -= fp;
        const m = rest > 0 ? binomialDraw(left, fn / rest, random) : 0;
        const d = 2 * t + f + m;
        f1s[r] = d === 0 ? 0 : (2 * t) / d;
    }
    f1s.sort();
    // the percentile method's bounds: ranks ⌈2.5%·B⌉ and ⌈97.5%·B⌉ (nearest rank)
    const at = (p) => f1s[Math.min(resamples, Math.max(1, Math.ceil(p * resamples))) - 1];
    return [at(TAIL), at(1 - TAIL)];
}
const round = (x) => Number(x.toPrecision(12));
const roundInterval = (i) => [round(i[0]), round(i[1])];

// EXTERNAL MODULE: ./src/core/indicators/names.ts
var names = __webpack_require__(77526);
// EXTERNAL MODULE: ./src/core/fingerprint.ts
var fingerprint = __webpack_require__(75527);
// EXTERNAL MODULE: ./src/core/indicators/strategy.ts
var strategy = __webpack_require__(49381);
;// CONCATENATED MODULE: ./src/core/indicators/merge.ts







/** The percentiles of the curve report.json carries (bounded: these nine, whatever the sample count). */
const DISTRIBUTION_QS = [0, 50, 75, 90, 95, 99, 99.9, 99.99, 100];
/**
 * Fields that describe one file, not the merged indicator; and the report's own keys of an
 * indicator entry, which a file's extra fields must not replace.
 */
const PER_FILE = new Set([
    'indicator',
    'shard',
    'repeat',
    'run_id',
    'started_at',
    'finished_at',
    'sources',
    'approximate',
    'notes',
    'attacks',
    'intervals',
    'repeats',
    'distribution',
    'fingerprint',
    'deltas',
]);
const num = (d, k) => (typeof d[k] === 'number' ? d[k] : undefined);
/** The part of a single file that is taken as written. */
function asWritten(r) {
    const out = {};
    for (const [k, v] of Object.entries(r.data))
        if (!PER_FILE.has(k))
            out[k] = v;
    return out;
}
const ratio = (a, b) => (b === 0 ? 0 : a / b);
const merge_round = (x) => Number(x.toPrecision(12));
class AccuracyFold {
    tp = 0;
    fp = 0;
    fn = 0;
    tn = 0;
    allCounts = true;
    allTn = true;
    samples = 0;
    wP = 0;
    wR = 0;
    /** per_class counts summed, while every shard carries them */
    perClass = new Map();
    allMacro = true;
    add(r) {
        const d = r.data;
        const s = num(d, 'samples');
        if (d.average !== 'macro')
            this.allMacro = false;
        const pc = d.per_class;
        if (pc === undefined)
            this.perClass = null;
        else if (this.perClass) {
            for (const [label, c] of Object.entries(pc)) {
                const sum = this.perClass.get(label) ?? { tp: 0, fp: 0, fn: 0 };
                sum.tp += c.tp;
                sum.fp += c.fp;
                sum.fn += c.fn;
                this.perClass.set(label, sum);
            }
        }
        this.samples += s;
        this.wP += s * num(d, 'precision');
        this.wR += s * num(d, 'recall');
        if (d.tp === undefined)
            this.allCounts = false;
        else {
            this.tp += num(d, 'tp');
            this.fp += num(d, 'fp');
            this.fn += num(d, 'fn');
        }
        if (d.tn === undefined)
            this.allTn = false;
        else
            this.tn += num(d, 'tn');
    }
    /** the summed per_class, labels sorted */
    perClassFields() {
        const out = {};
        for (const k of [...this.perClass.keys()].sort())
            out[k] = this.perClass.get(k);
        return out;
    }
    finish(single) {
        const notes = [];
        if (this.allMacro && this.perClass && this.perClass.size > 0) {
            // macro: the unweighted mean over classes of each class's precision, recall and F1
            let p = 0;
            let rc = 0;
            let f = 0;
            for (const c of this.perClass.values()) {
                p += ratio(c.tp, c.tp + c.fp);
                rc += ratio(c.tp, c.tp + c.fn);
                f += ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
            }
            const n = this.perClass.size;
            if (single && Math.abs(num(single.data, 'f1') - f / n) > 0.005) {
                notes.push(`f1 recomputed from per_class as ${merge_round(f / n)} (the file says ${num(single.data, 'f1')})`);
            }
            return {
                fields: {
                    ...(single ? asWritten(single) : {}),
                    precision: merge_round(p / n),
                    recall: merge_round(rc / n),
                    f1: merge_round(f / n),
                    samples: this.samples,
                    average: 'macro',
                    per_class: this.perClassFields(),
                },
                approximate: false,
                notes,
            };
        }
        if (this.allCounts) {
            const precision = ratio(this.tp, this.tp + this.fp);
            const recall = ratio(this.tp, this.tp + this.fn);
            const f1 = ratio(2 * this.tp, 2 * this.tp + this.fp + this.fn);
            const fields = {
                ...(single ? asWritten(single) : {}),
                precision: merge_round(precision),
                recall: merge_round(recall),
                f1: merge_round(f1),
                samples: this.samples,
                tp: this.tp,
                fp: this.fp,
                fn: this.fn,
            };
            if (this.allTn)
                fields.tn = this.tn;
            if (this.perClass && this.perClass.size > 0)
                fields.per_class = this.perClassFields();
            const intervals = {};
            const p = wilson(this.tp, this.tp + this.fp);
            const r = wilson(this.tp, this.tp + this.fn);
            const f = f1Bootstrap(this.tp, this.fp, this.fn, this.allTn ? this.tn : 0);
            if (p)
                intervals.precision = roundInterval(p);
            if (r)
                intervals.recall = roundInterval(r);
            if (f)
                intervals.f1 = roundInterval(f);
            if (single) {
                const written = num(single.data, 'f1');
                if (Math.abs(written - f1) > 0.005) {
                    notes.push(`f1 recomputed from tp/fp/fn as ${merge_round(f1)} (the file says ${written})`);
                }
            }
            return { fields, approximate: false, notes, intervals };
        }
        if (single)
            return { fields: asWritten(single), approximate: false, notes };
        const p = this.wP / this.samples;
        const rc = this.wR / this.samples;
        notes.push('not every shard carries tp/fp/fn: precision and recall are sample-weighted, f1 is computed from them');
        return {
            fields: { precision: merge_round(p), recall: merge_round(rc), f1: merge_round(ratio(2 * p * rc, p + rc)), samples: this.samples },
            approximate: true,
            notes,
        };
    }
}
const LATENCY_PS = [50, 90, 99];
class LatencyFold {
    requests = 0;
    max = [0, 0, 0];
    allDetail = true;
    chunks = [];
    sampleCount = 0;
    hist = new hdr/* HistogramMerger */.lr();
    histCount = 0;
    rangeError = null;
    /** p50, p90, p99, then the other percentiles the rules name */
    ps;
    constructor(extra = []) {
        this.ps = [...LATENCY_PS, ...[...new Set(extra)].filter((q) => !LATENCY_PS.includes(q)).sort((a, b) => a - b)];
    }
    /** the histograms of files with detail, for the upper bound when not every file has detail */
    histograms = [];
    /** lets go of the files' detail once it is folded */
    drop() {
        this.chunks = [];
        this.histograms = [];
    }
    add(r) {
        const d = r.data;
        this.requests += num(d, 'requests');
        if (!r.samples && !r.histogram) {
            // a summary-only file: its written percentiles (a file with detail: its detail's, in finish)
            this.allDetail = false;
            LATENCY_PS.forEach((p, i) => {
                this.max[i] = Math.max(this.max[i], num(d, `p${p}_ms`));
            });
        }
        if (r.histogram)
            this.histograms.push({ h: r.histogram, unit: r.hdrUnit ?? 'us' });
        if (r.samples) {
            this.chunks.push(r.samples);
            this.sampleCount += r.samples.length;
        }
        if (r.histogram) {
            try {
                this.hist.add(r.histogram, r.hdrUnit ?? 'us');
            }
            catch (e) {
                if (!(e instanceof hdr/* HistogramRangeError */.C6))
                    throw e;
                this.rangeError ??= `${e.message} (in ${r.file})`;
            }
            this.histCount++;
        }
    }
    /** the percentile fields beyond p50/p90/p99 that these files cannot give, with the reason */
    absent() {
        const extra = this.ps.slice(LATENCY_PS.length);
        if (!extra.length)
            return undefined;
        const out = {};
        for (const q of extra) {
            out[(0,names/* percentileField */.E)(q)] =
                `${(0,names/* percentileField */.E)(q)} is computed from samples_ms or hdr_histogram, and not every latency_p99 file carries them (summary fields p50_ms, p90_ms, p99_ms only)`;
        }
        return out;
    }
    finish(single, n) {
        const notes = [];
        if (this.allDetail) {
            let ps;
            let bounds;
            let curve;
            const total = this.sampleCount + this.hist.totalCount;
            // each percentile's value and its interval's ranks, all selected in one go
            const ci = this.ps.map((p) => orderStatisticRanks(p / 100, total));
            if (this.histCount === 0) {
                // selected across the files' arrays: one array of them all would double the memory
                const ranks = [
                    ...this.ps.map((p) => nearestRank(p, total)),
                    ...ci.map((c) => c[0]),
                    ...ci.map((c) => c[1]),
                    ...DISTRIBUTION_QS.map((q) => nearestRank(q, total)),
                ];
                const vs = valuesAtRanksOfChunks(this.chunks, ranks);
                const k = this.ps.length;
                ps = vs.slice(0, k);
                bounds = ps.map((_, i) => [vs[k + i], vs[2 * k + i]]);
                curve = vs.slice(3 * k);
                notes.push(`exact nearest-rank percentiles over ${total} samples`);
            }
            else {
                try {
                    for (const c of this.chunks)
                        this.hist.addSamplesMs(c);
                }
                catch (e) {
                    if (!(e instanceof hdr/* HistogramRangeError */.C6))
                        throw e;
                    this.rangeError ??= e.message;
                }
                if (this.rangeError !== null) {
                    throw new SetProblem('latencies a merged histogram can hold exactly (samples_ms next to hdr_histogram)', this.rangeError);
                }
                ps = this.ps.map((p) => this.hist.percentileMs(p));
                curve = DISTRIBUTION_QS.map((q) => this.hist.percentileMs(q));
                // to the histogram's precision: from the lowest value of the lower rank's counter to the highest of the upper's
                const vs = this.hist.valuesAtRanksMs(ci.flatMap((c) => c), ci.flatMap(() => [true, false]));
                bounds = ps.map((_, i) => [vs[2 * i], vs[2 * i + 1]]);
                notes.push(`percentiles from ${this.histCount === n ? '' : 'samples recorded into '}merged HdrHistograms (${total} values, ${this.hist.digits} significant digits)`);
            }
            this.drop();
            const core = ps.slice(0, LATENCY_PS.length);
            if (!core.every((v, i) => Number.isFinite(v) && v >= 0 && (i === 0 || v >= core[i - 1]))) {
                // never a p99 below p90: a merge that cannot order its percentiles is refused, not reported
                throw new SetProblem('merged percentiles p50 ≤ p90 ≤ p99', core.map((v, i) => `p${LATENCY_PS[i]} ${v}`).join(', '));
            }
            const fields = { ...(single ? asWritten(single) : {}) };
            delete fields.hdr_unit;
            const intervals = {};
            this.ps.forEach((p, i) => {
                const v = ps[i];
                fields[(0,names/* percentileField */.E)(p)] = merge_round(v);
                // the value itself always lies inside (a histogram's value at percentile is its counter's highest)
                intervals[(0,names/* percentileField */.E)(p)] = roundInterval([Math.min(bounds[i][0], v), Math.max(bounds[i][1], v)]);
            });
            fields.requests = this.requests;
            const distribution = DISTRIBUTION_QS.map((q, i) => ({ q, ms: merge_round(curve[i]) }));
            return { fields, approximate: false, notes, intervals, distribution };
        }
        const absent = this.absent();
        if (single) {
            this.drop();
            const fields = asWritten(single);
            const missing = absent && Object.fromEntries(Object.entries(absent).filter(([k]) => typeof fields[k] !== 'number'));
            return { fields, approximate: false, notes, ...(missing && Object.keys(missing).length ? { absent: missing } : {}) };
        }
        // Each file with detail counts with its detail's percentiles (SPEC §2: merged values come from
        // the detail), not the ones it wrote: nearest rank of its samples, its histogram's value at
        // percentile. A file with both counts with the higher of the two, still an upper bound of its own.
        for (const c of this.chunks) {
            const vs = valuesAtRanks(c, LATENCY_PS.map((p) => nearestRank(p, c.length)));
            LATENCY_PS.forEach((_, i) => (this.max[i] = Math.max(this.max[i], vs[i])));
        }
        for (const { h, unit } of this.histograms) {
            LATENCY_PS.forEach((p, i) => (this.max[i] = Math.max(this.max[i], merge_round(h.getValueAtPercentile(p) / hdr/* PER_MS */.Tl[unit]))));
        }
        this.drop();
        notes.push('not every shard carries samples_ms or hdr_histogram: each percentile is the maximum over shards (an upper bound)');
        return {
            fields: { p50_ms: this.max[0], p90_ms: this.max[1], p99_ms: this.max[2], requests: this.requests },
            approximate: true,
            notes,
            ...(absent ? { absent } : {}),
        };
    }
}
class ThroughputFold {
    rps = 0;
    concurrency = 0;
    duration = 0;
    sums = { requests: 0, errors: 0 };
    add(r) {
        const d = r.data;
        this.rps += num(d, 'rps');
        this.concurrency += num(d, 'concurrency');
        this.duration = Math.max(this.duration, num(d, 'duration_s'));
        for (const k of ['requests', 'errors']) {
            const v = num(d, k);
            const cur = this.sums[k];
            this.sums[k] = v === undefined || cur === null ? null : cur + v;
        }
    }
    finish(single) {
        if (single)
            return { fields: asWritten(single), approximate: false, notes: [] };
        const fields = { rps: merge_round(this.rps), concurrency: this.concurrency, duration_s: this.duration };
        for (const k of ['requests', 'errors'])
            if (this.sums[k] !== null)
                fields[k] = this.sums[k];
        return {
            fields,
            approximate: false,
            notes: ['shards ran side by side: rps and concurrency summed, duration_s is the longest'],
        };
    }
}
class ToxicityFold {
    toxic = 0;
    total = 0;
    allCounts = true;
    add(r) {
        const d = r.data;
        const total = num(d, 'total_samples');
        const count = num(d, 'toxic_count');
        this.total += total;
        if (count === undefined) {
            this.allCounts = false;
            this.toxic += Math.round(num(d, 'toxic_ratio') * total);
        }
        else
            this.toxic += count;
    }
    finish(single) {
        // exact only from counts: a ratio times a total is not a count anyone observed
        const interval = this.allCounts ? wilson(this.toxic, this.total) : null;
        const intervals = interval ? { intervals: { toxic_ratio: roundInterval(interval) } } : {};
        if (single) {
            const fields = asWritten(single);
            if (this.allCounts)
                fields.toxic_ratio = merge_round(this.toxic / this.total);
            else
                fields.toxic_count = this.toxic;
            return { fields, approximate: false, notes: [], ...intervals };
        }
        const notes = this.allCounts ? [] : ['not every shard carries toxic_count: it is round(toxic_ratio × total_samples) there'];
        return {
            fields: { toxic_ratio: merge_round(this.toxic / this.total), total_samples: this.total, toxic_count: this.toxic },
            approximate: !this.allCounts,
            notes,
            ...intervals,
        };
    }
}
const ROBUSTNESS_WEIGHTED = ['success_rate', 'f1_drop', 'f1_clean', 'f1_adv'];
class RobustnessFold {
    n = 0;
    samples = 0;
    allSamples = true;
    /** sums weighted by samples, and plain sums (used when some shard does not say its samples) */
    weighted = { success_rate: 0, f1_drop: 0, f1_clean: 0, f1_adv: 0 };
    plain = { ...this.weighted };
    eps = new Set();
    add(r) {
        const d = r.data;
        const s = num(d, 'samples');
        this.n++;
        if (s === undefined)
            this.allSamples = false;
        else
            this.samples += s;
        for (const k of ROBUSTNESS_WEIGHTED) {
            const v = num(d, k);
            const w = this.weighted[k];
            const p = this.plain[k];
            this.weighted[k] = v === undefined || w == null ? null : w + (s ?? 0) * v;
            this.plain[k] = v === undefined || p == null ? null : p + v;
        }
        const e = num(d, 'eps');
        this.eps.add(e === undefined ? Number.NaN : e);
    }
    finish(single) {
        if (single)
            return { fields: asWritten(single), approximate: false, notes: [] };
        const notes = [];
        const fields = {};
        const sums = this.allSamples ? this.weighted : this.plain;
        const total = this.allSamples ? this.samples : this.n;
        for (const k of ROBUSTNESS_WEIGHTED) {
            const s = sums[k];
            if (s != null)
                fields[k] = merge_round(s / total);
        }
        if (this.allSamples)
            fields.samples = this.samples;
        else
            notes.push('not every shard carries samples: shards are weighted equally');
        const eps = [...this.eps];
        if (eps.length === 1 && !Number.isNaN(eps[0]))
            fields.eps = eps[0];
        else if (eps.length > 1)
            notes.push(`shards used different eps (${eps.map((e) => (Number.isNaN(e) ? 'none' : e)).join(', ')})`);
        return { fields, approximate: !this.allSamples, notes };
    }
}
class CustomFold {
    name;
    strategy;
    datas = [];
    files = [];
    constructor(name, strategy) {
        this.name = name;
        this.strategy = strategy;
    }
    add(r) {
        // Custom indicators are small summaries; only numeric fields are kept per shard.
        const d = {};
        for (const [k, v] of Object.entries(r.data))
            if (!PER_FILE.has(k))
                d[k] = v;
        this.datas.push(d);
        this.files.push(r.file);
    }
    finish(single) {
        if (single)
            return { fields: asWritten(single), approximate: false, notes: [] };
        const s = this.strategy;
        if (s.kind === 'weighted_mean') {
            const bad = this.datas.findIndex((d) => typeof d[s.field] !== 'number' || d[s.field] < 0);
            if (bad >= 0)
                throw new SetProblem(`${s.field} a number ≥ 0 in every file (the weight of weighted_mean:${s.field})`, `file ${bad + 1} of the set without it`);
            if (this.datas.every((d) => d[s.field] === 0))
                throw new SetProblem(`weights ${s.field} with a sum > 0`, 'all 0');
        }
        const numeric = Object.keys(this.datas[0]).filter((k) => this.datas.every((d) => typeof d[k] === 'number'));
        const fields = {};
        const notes = [`merged with strategy ${s.kind === 'weighted_mean' ? `weighted_mean:${s.field}` : s.kind}`];
        for (const k of numeric) {
            const vs = this.datas.map((d) => d[k]);
            const sum = (xs) => xs.reduce((a, b) => a + b, 0);
            let v;
            switch (s.kind) {
                case 'sum':
                    v = sum(vs);
                    break;
                case 'mean':
                    v = vs.reduce((a, x) => a + x / vs.length, 0); // divided first: no overflow near 1e308
                    break;
                case 'max':
                    v = vs.reduce((a, b) => Math.max(a, b), -Infinity);
                    break;
                case 'min':
                    v = vs.reduce((a, b) => Math.min(a, b), Infinity);
                    break;
                case 'weighted_mean': {
                    const ws = this.datas.map((d) => d[s.field]);
                    // the weight field itself is summed; every other field is weighted by it
                    v = k === s.field ? sum(ws) : vs.reduce((a, x, i) => a + x * ws[i], 0) / sum(ws);
                    break;
                }
            }
            if (!Number.isFinite(v))
                throw new SetProblem(`${k} merged to a finite number (strategy ${s.kind})`, String(v));
            fields[k] = merge_round(v);
        }
        const dropped = [...new Set(this.datas.flatMap((d) => Object.keys(d)))].filter((k) => !numeric.includes(k) && typeof this.datas.find((d) => d[k] !== undefined)?.[k] === 'number');
        if (dropped.length)
            notes.push(`${dropped.join(', ')} not numeric in every file of ${this.name}: left out`);
        return { fields, approximate: false, notes };
    }
}
/** A problem of a whole set found while folding it. */
class SetProblem extends Error {
    expected;
    found;
    constructor(expected, found) {
        super(expected);
        this.expected = expected;
        this.found = found;
    }
}
const FILES_NAMED = 3;
function see(seen, key, value, file) {
    let values = seen.get(key);
    if (!values)
        seen.set(key, (values = new Map()));
    const at = values.get(value);
    if (!at)
        values.set(value, { files: [file], n: 1 });
    else {
        at.n++;
        if (at.files.length < FILES_NAMED)
            at.files.push(file);
    }
}
/**
 * The files' record of one indicator, and a note for each key its files disagree on (shards of
 * one set measured on different models): the value is then every one of them (joinDistinct).
 */
function recordedOf(indicator, seen) {
    const recorded = {};
    const notes = [];
    if (!seen)
        return { recorded, notes };
    const value = (key) => {
        const values = seen.get(key);
        if (!values)
            return undefined;
        if (values.size > 1) {
            const each = [...values]
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([v, at]) => `${(0,fingerprint/* shortValue */.wm)(v)} (${at.files.join(', ')}${at.n > at.files.length ? `, … ${at.n} files` : ''})`);
            notes.push(`the files of ${indicator} disagree on ${key}: ${each.join(', ')}`);
        }
        return (0,fingerprint/* joinDistinct */.BS)(values.keys()) ?? undefined;
    };
    const model = value('model');
    const dataset = value('dataset');
    if (model !== undefined)
        recorded.model = model;
    if (dataset !== undefined)
        recorded.dataset = dataset;
    const hardware = {};
    for (const f of fingerprint/* HARDWARE_FIELDS */.DW) {
        const v = value(`host.${f}`);
        if (v !== undefined)
            hardware[f] = v;
    }
    if (Object.keys(hardware).length)
        recorded.hardware = hardware;
    return { recorded, notes };
}
class IndicatorMerger {
    strategies;
    options;
    groups = new Map();
    invalidFiles = new Map();
    /** per indicator, the metadata values its files recorded (SPEC §10 fingerprints) */
    meta = new Map();
    constructor(strategies = {}, options = {}) {
        this.strategies = strategies;
        this.options = options;
    }
    /** the file's `model`, `dataset` and `host` hardware, for the indicator's fingerprint */
    seeMeta(r) {
        const d = r.data;
        const model = typeof d.model === 'string' && d.model.trim() ? d.model.trim() : undefined;
        const dataset = typeof d.dataset === 'string' && d.dataset.trim() ? d.dataset.trim() : undefined;
        const hardware = d.host === undefined ? {} : (0,fingerprint/* hardwareOfHost */.Mw)(d.host);
        if (model === undefined && dataset === undefined && Object.keys(hardware).length === 0)
            return;
        let seen = this.meta.get(r.indicator);
        if (!seen)
            this.meta.set(r.indicator, (seen = new Map()));
        if (model !== undefined)
            see(seen, 'model', model, r.file);
        if (dataset !== undefined)
            see(seen, 'dataset', dataset, r.file);
        for (const [f, v] of Object.entries(hardware))
            see(seen, `host.${f}`, v, r.file);
    }
    add(r) {
        this.seeMeta(r);
        const attack = r.indicator === 'robustness_adv' ? String(r.data.attack_type) : undefined;
        const key = attack === undefined ? r.indicator : `${r.indicator}\u0000${attack}`;
        let g = this.groups.get(key);
        if (!g) {
            g = { indicator: r.indicator, attack, files: [], repeats: new Map() };
            this.groups.set(key, g);
        }
        g.files.push({
            file: r.file,
            ...(r.shard ? { shard: r.shard } : {}),
            ...(r.repeat ? { repeat: r.repeat } : {}),
            ...(r.repeatTagged ? { tagged: true } : {}),
        });
        const index = r.repeat?.index ?? -1;
        let set = g.repeats.get(index);
        if (!set) {
            set = { files: [], first: r, fold: this.foldFor(r.indicator) };
            g.repeats.set(index, set);
        }
        else if (set.files.length === 1) {
            set.first = null; // more than one file: nothing is taken as written
        }
        set.files.push(r.shard ? { file: r.file, shard: r.shard } : { file: r.file });
        set.fold.add(r);
        // Keep the first record only while it may be the set's single file; drop its detail now.
        if (set.first === r)
            set.first = { ...r, samples: undefined, histogram: undefined };
    }
    /** A file of `indicator` did not validate: the indicator is not merged from the rest. */
    invalid(indicator, file) {
        const list = this.invalidFiles.get(indicator) ?? [];
        list.push(file);
        this.invalidFiles.set(indicator, list);
    }
    finish() {
        const indicators = {};
        const problems = [];
        const unmerged = {};
        const attacks = new Map();
        for (const [indicator, files] of this.invalidFiles) {
            unmerged[indicator] = `not merged: ${files.length} of its files ${files.length === 1 ? 'is' : 'are'} invalid (${files.join(', ')})`;
        }
        for (const g of this.groups.values()) {
            const subject = g.attack === undefined ? g.indicator : `${g.indicator} (attack_type ${JSON.stringify(g.attack)})`;
            const repeatProblems = checkRepeats(subject, g.files);
            const entries = [...g.repeats].sort((a, b) => a[0] - b[0]);
            const sets = entries.map(([, set]) => set);
            // each repeat is a whole shard set of its own
            const setProblems = repeatProblems.length
                ? repeatProblems
                : entries.flatMap(([index, set]) => checkShardSet(index < 0 ? subject : `${subject} repeat ${index}`, set.files));
            if (unmerged[g.indicator]) {
                // an invalid file keeps the set out of the merge; its set problems are still listed
                problems.push(...setProblems);
                continue;
            }
            if (sets.some((set) => set.files.length > 1) && !isBuiltinName(g.indicator) && !this.strategies[g.indicator]) {
                setProblems.push({
                    subject,
                    files: g.files.map((f) => f.file),
                    expected: `a merge strategy for custom indicator ${g.indicator} in the config (merge: {${g.indicator}: ${strategy/* MERGE_STRATEGY_SYNTAX */.N}})`,
                    found: `${Math.max(...sets.map((set) => set.files.length))} files${sets.length > 1 ? ' in one repeat' : ''} and no strategy`,
                });
            }
            if (setProblems.length) {
                problems.push(...setProblems);
                unmerged[g.indicator] = repeatProblems.length ? 'not merged: its repeats are invalid' : 'not merged: its shard set is invalid';
                continue;
            }
            let merged;
            try {
                const folded = sets.map((set) => ({ ...set.fold.finish(set.first, set.files.length), sources: set.files.map((f) => f.file) }));
                merged = folded.length === 1 ? folded[0] : medianOfRepeats(folded);
            }
            catch (e) {
                if (!(e instanceof SetProblem))
                    throw e;
                problems.push({ subject, files: g.files.map((f) => f.file), expected: e.expected, found: e.found });
                unmerged[g.indicator] = 'not merged: its files cannot be merged';
                continue;
            }
            if (g.attack === undefined)
                indicators[g.indicator] = merged;
            else {
                // attack types are free text: a null-prototype map keeps "constructor" or "__proto__" an attack
                const byAttack = attacks.get(g.indicator) ?? Object.create(null);
                byAttack[g.attack] = merged;
                attacks.set(g.indicator, byAttack);
            }
        }
        for (const [indicator, byAttack] of attacks) {
            if (unmerged[indicator])
                continue;
            indicators[indicator] = combineAttacks(byAttack);
        }
        for (const [indicator, m] of Object.entries(indicators)) {
            const { recorded, notes } = recordedOf(indicator, this.meta.get(indicator));
            m.recorded = recorded;
            m.fingerprint = (0,fingerprint/* fingerprintOf */.ax)(indicator, recorded);
            m.notes.push(...notes);
        }
        return { indicators, problems, unmerged };
    }
    foldFor(indicator) {
        switch (indicator) {
            case 'accuracy_f1':
                return new AccuracyFold();
            case 'latency_p99':
                return new LatencyFold(this.options.percentiles);
            case 'throughput_rps':
                return new ThroughputFold();
            case 'toxicity':
                return new ToxicityFold();
            case 'robustness_adv':
                return new RobustnessFold();
            default:
                return new CustomFold(indicator, this.strategies[indicator]);
        }
    }
}
/** The median of a sorted list: its middle value, or the mean of the two middle ones. */
function median(sorted) {
    const n = sorted.length;
    const mid = n >> 1;
    return n % 2 ? sorted[mid] : sorted[mid - 1] / 2 + sorted[mid] / 2;
}
/**
 * Repeats are independent measurements (SPEC §9): each numeric field is the median over them,
 * with its min, max and every value; other fields are the first repeat's. A numeric field some
 * repeat lacks is left out (with a note): a median of fewer repeats would not be that median.
 * Intervals are those of one exact merge: a median over repeats carries its spread instead.
 */
function medianOfRepeats(repeats) {
    const n = repeats.length;
    const first = repeats[0];
    const fields = {};
    const summary = { n, min: {}, max: {}, values: {} };
    const dropped = [];
    for (const [k, v] of Object.entries(first.fields)) {
        if (typeof v !== 'number') {
            fields[k] = v;
            continue;
        }
        const values = repeats.map((r) => r.fields[k]);
        if (!values.every((x) => typeof x === 'number')) {
            dropped.push(k);
            continue;
        }
        const sorted = [...values].sort((a, b) => a - b);
        fields[k] = merge_round(median(sorted));
        summary.min[k] = sorted[0];
        summary.max[k] = sorted[n - 1];
        summary.values[k] = values;
    }
    const notes = [`each field is the median over ${n} repeats (min and max in repeats)`];
    if (dropped.length)
        notes.push(`${dropped.join(', ')} not a number in every repeat: left out`);
    for (const r of repeats)
        for (const note of r.notes)
            if (!notes.includes(note))
                notes.push(note);
    const absent = {};
    for (const r of repeats)
        for (const [k, why] of Object.entries(r.absent ?? {}))
            if (!(k in fields))
                absent[k] = why;
    // the curve of repeats: at each percentile, the median over the repeats (as each field is)
    const curves = repeats.map((r) => r.distribution);
    const distribution = curves.every((c) => c !== undefined)
        ? DISTRIBUTION_QS.map((q, i) => ({ q, ms: merge_round(median(curves.map((c) => c[i].ms).sort((a, b) => a - b))) }))
        : undefined;
    return {
        fields,
        sources: repeats.flatMap((r) => r.sources),
        approximate: repeats.some((r) => r.approximate),
        notes,
        repeats: summary,
        ...(Object.keys(absent).length ? { absent } : {}),
        ...(distribution ? { distribution } : {}),
    };
}
/**
 * Repeats (SPEC §9): where files carry `repeat`, every file of the set must, with one `count` and
 * indices 0…count−1, each at least once. Files a job of `evalgate run` wrote are tagged with its
 * repeat, and those of one repeat are its shards as §2 says; files that wrote `repeat` themselves
 * and share an index must each carry `shard` (else the same repeat was given twice).
 */
function checkRepeats(subject, files) {
    const withRepeat = files.filter((f) => f.repeat);
    if (withRepeat.length === 0)
        return [];
    const names = files.map((f) => f.file);
    const problems = [];
    const at = (expected, found) => {
        problems.push({ subject, files: names, path: '$.repeat', expected, found });
    };
    if (withRepeat.length < files.length) {
        const without = files.filter((f) => !f.repeat).map((f) => f.file);
        at('every file of a repeated indicator to carry repeat {index, count}', `none in ${without.join(', ')}`);
        return problems;
    }
    const counts = [...new Set(withRepeat.map((f) => f.repeat.count))];
    if (counts.length > 1) {
        at('one repeat.count for all the files of an indicator', `counts ${counts.sort((a, b) => a - b).join(', ')}`);
        return problems;
    }
    const n = counts[0];
    const seen = new Map();
    for (const f of withRepeat) {
        const list = seen.get(f.repeat.index) ?? [];
        list.push(f);
        seen.set(f.repeat.index, list);
    }
    for (const [index, list] of [...seen].sort((a, b) => a[0] - b[0])) {
        const written = list.filter((f) => !f.tagged && !f.shard);
        if (list.length > 1 && written.length > 0) {
            at(`repeat index ${index} once, or shard {index, count} on every file of repeat ${index}`, `it ${list.length} times (${list.map((f) => f.file).join(', ')})`);
        }
    }
    const missing = [];
    for (let i = 0; i < n; i++)
        if (!seen.has(i))
            missing.push(i);
    if (missing.length) {
        const shown = missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, … (${missing.length} in all)` : missing.join(', ');
        at(`repeat indices 0…${n - 1} (repeat.count ${n})`, `no file for repeat ${shown}`);
    }
    return problems;
}
const isBuiltinName = (n) => ['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity'].includes(n);
/**
 * robustness_adv over all attack types: the worst success_rate and f1_drop (higher is worse for
 * both), the attack list and the summed samples. Rules look at every attack, not at these.
 */
function combineAttacks(byAttack) {
    const names = Object.keys(byAttack).sort();
    const all = names.map((n) => byAttack[n]);
    const fields = { attack_types: names };
    for (const k of ['success_rate', 'f1_drop']) {
        const vs = all.map((a) => a.fields[k]).filter((v) => typeof v === 'number');
        if (vs.length)
            fields[k] = Math.max(...vs);
    }
    const samples = all.map((a) => a.fields.samples);
    if (samples.every((s) => typeof s === 'number'))
        fields.samples = samples.reduce((a, b) => a + b, 0);
    const sorted = Object.create(null);
    for (const n of names)
        sorted[n] = byAttack[n];
    return {
        fields,
        sources: all.flatMap((a) => a.sources),
        approximate: all.some((a) => a.approximate),
        notes: names.length > 1 ? [`${names.length} attack types; top-level success_rate and f1_drop are the worst of them`] : [],
        attacks: sorted,
    };
}
/**
 * Where files carry `shard`, every file of the set must, with indices 0…count−1, each exactly
 * once, and one `count`. Files without `shard` are each one shard.
 */
function checkShardSet(subject, files) {
    const withShard = files.filter((f) => f.shard);
    if (withShard.length === 0)
        return [];
    const names = files.map((f) => f.file);
    const problems = [];
    const at = (expected, found) => {
        problems.push({ subject, files: names, path: '$.shard', expected, found });
    };
    if (withShard.length < files.length) {
        const without = files.filter((f) => !f.shard).map((f) => f.file);
        at('every file of a shard set to carry shard {index, count}', `none in ${without.join(', ')}`);
        return problems;
    }
    const counts = [...new Set(withShard.map((f) => f.shard.count))];
    if (counts.length > 1) {
        at('one shard.count for the whole set', `counts ${counts.sort((a, b) => a - b).join(', ')}`);
        return problems;
    }
    const n = counts[0];
    const seen = new Map();
    for (const f of withShard) {
        const list = seen.get(f.shard.index) ?? [];
        list.push(f.file);
        seen.set(f.shard.index, list);
    }
    for (const [index, list] of [...seen].sort((a, b) => a[0] - b[0])) {
        if (list.length > 1)
            at(`shard index ${index} exactly once`, `it ${list.length} times (${list.join(', ')})`);
    }
    const missing = [];
    for (let i = 0; i < n; i++)
        if (!seen.has(i))
            missing.push(i);
    if (missing.length) {
        const shown = missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, … (${missing.length} in all)` : missing.join(', ');
        at(`indices 0…${n - 1} (shard.count ${n})`, `no file for index ${shown}`);
    }
    return problems;
}

// EXTERNAL MODULE: ./src/core/indicators/record.ts
var record = __webpack_require__(87357);
;// CONCATENATED MODULE: ./src/core/indicators/quick.ts
/**
 * A schema check of our own for indicator files that are valid, so that a gate over valid files
 * never loads zod (a command loads only the code it uses; zod and its schemas cost more to load
 * than 5000 files cost to check). It is sound, never complete: it accepts only what the zod
 * schemas of schemas.ts accept (a property test holds the two together); anything it does not
 * accept goes to validate.ts, whose problems are the messages users see.
 */


const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
/** zod 4's `.int()` accepts safe integers only */
const isInt = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const quick_num = (min, max, gt = false) => (v) => isNum(v) && (min === undefined || (gt ? v > min : v >= min)) && (max === undefined || v <= max);
const quick_int = (min, max) => (v) => isInt(v) && (min === undefined || v >= min) && (max === undefined || v <= max);
const unit = quick_num(0, 1);
const str = (v) => typeof v === 'string';
const strOrNum = (v) => typeof v === 'string' || isNum(v);
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
/** shard and repeat: {index, count}, index < count */
const indexOf = (maxCount) => (v) => {
    if (!isPlainObject(v))
        return false;
    const { index, count } = v;
    return isInt(count) && count >= 1 && count <= maxCount && isInt(index) && index >= 0 && index < count;
};
const shard = indexOf(100_000);
const repeat = indexOf(1000);
const perClass = (v) => isPlainObject(v) &&
    Object.values(v).every((c) => isPlainObject(c) && quick_int(0)(c.tp) && quick_int(0)(c.fp) && quick_int(0)(c.fn));
const metadata = [
    ['shard', shard, false],
    ['repeat', repeat, false],
    ['model', str, false],
    ['dataset', str, false],
    ['platform', str, false],
    ['run_id', strOrNum, false],
    ['started_at', strOrNum, false],
    ['finished_at', strOrNum, false],
];
const req = (k, c) => [k, c, true];
const opt = (k, c) => [k, c, false];
const FIELDS = {
    accuracy_f1: [
        req('precision', unit),
        req('recall', unit),
        req('f1', unit),
        req('samples', quick_int(1)),
        opt('tp', quick_int(0)),
        opt('fp', quick_int(0)),
        opt('fn', quick_int(0)),
        opt('tn', quick_int(0)),
        opt('per_class', perClass),
        opt('average', (v) => v === 'binary' || v === 'micro' || v === 'macro'),
    ],
    latency_p99: [
        req('p50_ms', quick_num(0)),
        req('p90_ms', quick_num(0)),
        req('p99_ms', quick_num(0)),
        req('requests', quick_int(1)),
        opt('hdr_histogram', str),
        opt('hdr_unit', (v) => v === 'ns' || v === 'us' || v === 'ms'),
    ],
    throughput_rps: [
        req('rps', quick_num(0, undefined, true)),
        req('concurrency', quick_int(1)),
        req('duration_s', quick_num(0, undefined, true)),
        opt('requests', quick_int(0)),
        opt('errors', quick_int(0)),
    ],
    robustness_adv: [
        req('attack_type', (v) => typeof v === 'string' && v.length >= 1),
        req('success_rate', unit),
        req('f1_drop', quick_num(-1, 1)),
        opt('samples', quick_int(1)),
        opt('eps', quick_num(0)),
        opt('f1_clean', unit),
        opt('f1_adv', unit),
    ],
    toxicity: [req('toxic_ratio', unit), req('total_samples', quick_int(1)), opt('toxic_count', quick_int(0))],
};
/** True only when the zod schema of `name` accepts `obj` (its `indicator` already checked). */
function quickSchemaOk(name, obj) {
    const fields = (0,names/* isBuiltin */.iK)(name) ? FIELDS[name] : [];
    for (const list of [fields, metadata]) {
        for (const [k, check, required] of list) {
            const v = obj[k];
            if (v === undefined ? required : !check(v))
                return false;
        }
    }
    return true;
}
/**
 * The record of a file the quick check accepts, exactly as validateIndicator would make it; null
 * when the quick check cannot tell (then validateIndicator decides, with its messages).
 */
function quickValidate(value, file, samples) {
    const head = (0,record/* indicatorHead */.Ck)(value, file);
    if (!head.ok)
        return head.failed;
    if (!quickSchemaOk(head.name, head.obj))
        return null;
    return (0,record/* finishIndicator */.Pc)(head.name, head.obj, file, [], samples);
}

;// CONCATENATED MODULE: ./src/core/json-samples.ts
/**
 * The fast way through a large latency file: its top-level `samples_ms` array of numbers is read
 * from the file's bytes straight into a Float64Array, never as a JavaScript string or array (for
 * a 63 MiB file those cost 5 times its size, and JSON.parse of the numbers is the slow part).
 * Everything else of the file (the small rest) goes through the one reader of untrusted JSON,
 * {@link parseJsonText}, with the array replaced by a marker, so every rule of that reader holds
 * for it: duplicate keys (a second `samples_ms` too), depth, non-finite tokens, syntax.
 *
 * It only ever says "this file is exactly this value": on anything it does not handle (a sign, an
 * element that is not a plain number, a BOM, the array not at the top level, a problem anywhere in
 * the rest) it returns null and the caller reads the file the ordinary way, whose problems are
 * the messages users see. A property test holds it to JSON.parse on valid and invalid texts.
 */

/** What stands for the array in the rest of the file: a string no JSON text can hold unescaped. */
const MARKER = '\u0000evalgate:samples_ms';
const MARKER_JSON = JSON.stringify(MARKER);
const KEY = Buffer.from('"samples_ms"');
const NUL_ESCAPE = Buffer.from('\\u0000');
/** 10^0 … 10^22: exact as doubles, so m / 10^k and m × 10^k round once, correctly (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/**
 * The file's value with samples_ms as a Float64Array, or null (read it the ordinary way).
 * `bytes` is the file's content, untouched.
 */
function readWithSamples(bytes, file) {
    if (bytes.length > json/* MAX_JSON_BYTES */.E7 || bytes.length < 2)
        return null;
    if (bytes[0] === 0xef)
        return null; // a BOM: the ordinary way strips it
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const keyAt = buf.indexOf(KEY);
    if (keyAt < 0)
        return null;
    let i = keyAt + KEY.length;
    const ws = () => {
        while (i < buf.length) {
            const c = buf[i];
            if (c === 32 || c === 10 || c === 13 || c === 9)
                i++;
            else
                break;
        }
    };
    ws();
    if (buf[i] !== 58 /* : */)
        return null;
    i++;
    ws();
    if (buf[i] !== 91 /* [ */)
        return null;
    const open = i;
    const parsed = readNumbers(buf, open);
    if (!parsed)
        return null;
    const { samples, end } = parsed;
    // No string of the file can then hold a NUL (JSON writes it only as \u0000), so the marker
    // stands only where it is put. (The array itself is digits.)
    // (one search of the whole file: the array between them is digits, it holds no `\u0000`)
    if (buf.indexOf(NUL_ESCAPE) >= 0)
        return null;
    // the rest: the same text with the array replaced by the marker, through the one reader
    const rest = buf.toString('utf8', 0, open) + MARKER_JSON + buf.toString('utf8', end + 1);
    // as the ordinary reader counts the cap: the decoded text's UTF-8 bytes
    if (Buffer.byteLength(rest) - MARKER_JSON.length + (end + 1 - open) > json/* MAX_JSON_BYTES */.E7)
        return null;
    const r = (0,json/* parseJsonText */.lk)(rest, file);
    if (!r.ok || r.problems.length)
        return null;
    const value = r.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return null;
    const obj = value;
    // The marker is the only string with a NUL: found at the top, the array was the top-level
    // samples_ms (the key "samples_ms" found first may be one in a nested object: read ordinarily).
    if (obj.samples_ms !== MARKER)
        return null;
    return { value: obj, samples };
}
/**
 * A non-empty array of non-negative JSON numbers starting at `open` ("["), strictly by RFC 8259's
 * grammar; null for anything else (a sign, another kind of element, a syntax error, a number that
 * overflows). `end` is the index of its "]".
 */
function readNumbers(buf, open) {
    const n = buf.length;
    // at most one number per two bytes ("1,"): pages of the array never written are never touched
    const out = new Float64Array(((n - open) >>> 1) + 1);
    let count = 0;
    let i = open + 1;
    for (;;) {
        let c = buf[i];
        while (c === 32 || c === 10 || c === 13 || c === 9)
            c = buf[++i];
        // a number: int [frac] [exp]
        const start = i;
        let mant = 0;
        let digits = 0;
        let scale = 0;
        if (c === 48 /* 0 */) {
            c = buf[++i];
        }
        else if (c >= 49 && c <= 57) {
            do {
                mant = mant * 10 + (c - 48);
                digits++;
                c = buf[++i];
            } while (c >= 48 && c <= 57);
        }
        else
            return null;
        if (c === 46 /* . */) {
            c = buf[++i];
            if (!(c >= 48 && c <= 57))
                return null;
            do {
                if (mant !== 0 || c !== 48)
                    digits++;
                mant = mant * 10 + (c - 48);
                scale++;
                c = buf[++i];
            } while (c >= 48 && c <= 57);
        }
        let v;
        if (c === 101 || c === 69 /* e E */) {
            c = buf[++i];
            if (c === 43 || c === 45)
                c = buf[++i];
            if (!(c >= 48 && c <= 57))
                return null;
            do
                c = buf[++i];
            while (c >= 48 && c <= 57);
            v = Number(buf.toString('latin1', start, i));
        }
        else if (digits <= 15 && scale <= 22) {
            // mant < 10^15 < 2^53 is exact, and so is 10^scale: one correctly rounded division
            v = scale === 0 ? mant : mant / POW10[scale];
        }
        else
            v = Number(buf.toString('latin1', start, i));
        if (!(v - v === 0))
            return null; // 1e999: the ordinary reader names it
        out[count++] = v;
        while (c === 32 || c === 10 || c === 13 || c === 9)
            c = buf[++i];
        if (c === 44 /* , */) {
            i++;
            continue;
        }
        if (c === 93 /* ] */)
            return { samples: out.subarray(0, count), end: i };
        return null;
    }
}

// EXTERNAL MODULE: ./src/core/gate.ts
var gate = __webpack_require__(14888);
// EXTERNAL MODULE: ./src/core/baseline.ts
var baseline = __webpack_require__(10288);
;// CONCATENATED MODULE: ./src/core/report/report.ts
/**
 * An indicator as report.json holds it; with the baseline's entry, each numeric field's delta
 * against it (SPEC §3: every indicator value shows its delta against the baseline when one exists).
 */
function indicatorEntry(m, base) {
    const entry = { ...m.fields, sources: m.sources, approximate: m.approximate, notes: m.notes };
    if (base) {
        const deltas = {};
        for (const [k, v] of Object.entries(m.fields)) {
            const b = Object.hasOwn(base, k) ? base[k] : undefined;
            if (typeof v === 'number' && Number.isFinite(v) && typeof b === 'number' && Number.isFinite(b))
                deltas[k] = Number((v - b).toPrecision(12));
        }
        if (Object.keys(deltas).length)
            entry.deltas = deltas;
    }
    if (m.intervals && Object.keys(m.intervals).length)
        entry.intervals = m.intervals;
    if (m.repeats)
        entry.repeats = m.repeats;
    if (m.distribution)
        entry.distribution = m.distribution;
    if (m.fingerprint)
        entry.fingerprint = m.fingerprint;
    if (m.attacks) {
        entry.attacks = Object.create(null);
        const baseAttacks = base?.attacks && typeof base.attacks === 'object' ? base.attacks : undefined;
        for (const [k, a] of Object.entries(m.attacks)) {
            const b = baseAttacks && Object.hasOwn(baseAttacks, k) ? baseAttacks[k] : undefined;
            entry.attacks[k] = indicatorEntry(a, b && typeof b === 'object' ? b : undefined);
        }
    }
    return entry;
}
function renderJson(report) {
    return JSON.stringify(report, null, 2) + '\n';
}

// EXTERNAL MODULE: ./src/core/report/md.ts + 2 modules
var md = __webpack_require__(1103);
// EXTERNAL MODULE: ./src/core/report/prom.ts
var prom = __webpack_require__(76122);
// EXTERNAL MODULE: ./src/core/report/junit.ts
var junit = __webpack_require__(46490);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/core/report/html.ts
/**
 * report.html (SPEC §11): one self-contained page, rendered from report.json alone, with the rule
 * table, the latency percentile curve, each attempt and repeat, and the trend over the baseline
 * history. The charts are drawn by Chart.js, whose minified browser build is inlined (read from
 * the package's asset only when a report is written, see chartLibrary).
 *
 * Nothing in the page comes from the network: a Content-Security-Policy of `default-src 'none'`
 * forbids every fetch, and only inline scripts and styles run. Every text from the report (indicator
 * names, file names, details) is HTML-escaped; the charts' data is a `<script type="application/json">`
 * block in which `<`, `>` and `&` are written as \u escapes, so no value can close it.
 */




const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
/** The file of Chart.js that report.html inlines: its UMD build, which defines `Chart` in the page. */
const CHART_ASSET = 'chart.umd.min.js';
/**
 * Chart.js's minified browser build: dist/assets/ beside the bundle (scripts/build.mjs copies it
 * there, as the npm package and the action ship it), or the dev dependency when run from src/.
 */
function chartLibrary() {
    const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    const candidates = [
        external_node_path_default().join(here, '..', 'assets', CHART_ASSET), // dist/<entry>/ → dist/assets/
        external_node_path_default().join(here, '..', '..', '..', 'node_modules', 'chart.js', 'dist', CHART_ASSET), // src/core/report/
    ];
    const file = candidates.find((f) => (0,external_node_fs_.existsSync)(f));
    if (!file)
        throw new Error(`the charting library ${CHART_ASSET} is missing (looked in ${candidates.join(', ')})`);
    return (0,external_node_fs_.readFileSync)(file, 'utf8');
}
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML element content or a quoted attribute value. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
/** JSON inside a `<script type="application/json">`: no `<`, `>`, `&` (nor U+2028/9) as themselves. */
function scriptJson(value) {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
const ruleName = (r) => `${r.indicator}.${r.field} ${r.op} ${r.expr}${r.level === 'warn' ? ' (warn)' : ''}`;
const isPoints = (v) => Array.isArray(v) &&
    v.length > 0 &&
    v.length <= 64 &&
    v.every((p) => p && typeof p === 'object' && Number.isFinite(p.q) && Number.isFinite(p.ms));
/** The charts of a report, in page order: distributions, then per rule its attempts, repeats and trend. */
function chartsOf(report) {
    const charts = [];
    const id = () => `chart-${charts.length}`;
    for (const [indicator, entry] of Object.entries(report.indicators)) {
        if (!isPoints(entry.distribution))
            continue;
        charts.push({ id: id(), kind: 'distribution', indicator, points: entry.distribution });
    }
    for (const r of report.rules) {
        const name = ruleName(r);
        if (r.attempts?.length) {
            charts.push({
                id: id(),
                kind: 'attempts',
                rule: name,
                values: r.attempts.map((a) => a.actual),
                statuses: r.attempts.map((a) => a.status),
                limit: r.limit,
            });
        }
        const entry = Object.hasOwn(report.indicators, r.indicator) ? report.indicators[r.indicator] : undefined;
        const values = entry?.repeats?.values && Object.hasOwn(entry.repeats.values, r.field) ? entry.repeats.values[r.field] : undefined;
        if (Array.isArray(values) && values.length) {
            const median = entry[r.field];
            charts.push({ id: id(), kind: 'repeats', rule: name, values, median: typeof median === 'number' ? median : null, limit: r.limit });
        }
        if (r.history?.length) {
            // oldest first, ending with this run
            const older = [...r.history].reverse();
            const dated = report.baseline.history;
            const labels = older.map((_, i) => {
                const h = dated && dated.length === r.history.length ? dated[older.length - 1 - i] : undefined;
                const when = h?.created_at ? h.created_at.slice(0, 10) : null;
                const commit = h?.commit ? h.commit.slice(0, 7) : null;
                return [when, commit].filter(Boolean).join(' ') || `report −${older.length - i}`;
            });
            charts.push({ id: id(), kind: 'trend', rule: name, labels: [...labels, 'this run'], values: [...older, r.actual], limit: r.limit });
        }
    }
    return charts;
}
const fmt = (x) => (0,md/* formatNumber */.ZV)(x ?? null);
/** the statuses a rule can end with (SPEC §3, §9, §10); anything else shows as unknown */
const STATUSES = new Set(['pass', 'fail', 'missing', 'skipped', 'inconclusive', 'incomparable']);
function ruleRow(r) {
    const status = STATUSES.has(r.status) ? r.status : 'unknown';
    const cls = r.level === 'warn' && (r.status === 'fail' || r.status === 'missing') ? 'warn' : status;
    const interval = r.interval ? ` <span class="ci">[${fmt(r.interval[0])}, ${fmt(r.interval[1])}]</span>` : '';
    const delta = r.delta === null ? '–' : r.delta > 0 ? `+${fmt(r.delta)}` : fmt(r.delta);
    const cells = [
        `<td class="status ${cls}">${escapeHtml(status)}${r.level === 'warn' ? ' (warn)' : ''}</td>`,
        `<td><code>${escapeHtml(`${r.indicator}.${r.field}`)}</code></td>`,
        `<td><code>${escapeHtml(`${r.op} ${r.expr}`)}</code></td>`,
        `<td class="num">${fmt(r.actual)}${interval}</td>`,
        `<td class="num">${fmt(r.limit)}</td>`,
        `<td class="num">${fmt(r.baseline)}</td>`,
        `<td class="num">${delta}</td>`,
        `<td>${escapeHtml(r.detail)}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
}
function chartCard(c) {
    const title = c.kind === 'distribution'
        ? `${c.indicator}: latency by percentile (ms)`
        : c.kind === 'attempts'
            ? `${c.rule}: each attempt`
            : c.kind === 'repeats'
                ? `${c.rule}: each repeat`
                : `${c.rule}: trend over the baseline history`;
    return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><div class="canvas"><canvas id="${c.id}" data-kind="${c.kind}"></canvas></div></figure>`;
}
const list = (title, items) => items.length ? `<h2>${escapeHtml(title)}</h2><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '';
/** The page's own script: one Chart.js chart per spec (no animation, so it draws at load). */
const PAGE_SCRIPT = String.raw `(function () {
  var data = JSON.parse(document.getElementById('evalgate-data').textContent);
  var COLORS = { pass: '#2da44e', fail: '#cf222e', missing: '#8c959f', skipped: '#8c959f', inconclusive: '#bf8700' };
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.size = 12;
  // the percentile axis: 1 / (1 - q), so 90, 99, 99.9 are equally apart; the maximum one decade past the last
  var MAX_AT = 1e5;
  function pos(q) { return q >= 100 ? MAX_AT : 1 / (1 - q / 100); }
  function qLabel(v) {
    if (v >= MAX_AT) return 'max';
    var q = 100 * (1 - 1 / v);
    return q === 0 ? 'min' : 'p' + Number(q.toPrecision(6));
  }
  function limitLine(n, limit) {
    if (limit === null) return [];
    var ys = [];
    for (var i = 0; i < n; i++) ys.push(limit);
    return [{ type: 'line', label: 'limit', data: ys, borderColor: '#cf222e', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, fill: false, order: 0 }];
  }
  function config(c) {
    if (c.kind === 'distribution') {
      var sets = [{ label: 'this run', data: c.points.map(function (p) { return { x: pos(p.q), y: p.ms, q: p.q }; }),
        borderColor: '#0969da', backgroundColor: '#0969da', pointRadius: 4, tension: 0, clip: false }];
      return { type: 'line', data: { datasets: sets }, options: {
        parsing: false,
        scales: {
          x: { type: 'logarithmic', min: 1, max: MAX_AT, title: { display: true, text: 'percentile' },
               ticks: { callback: function (v) { var l = Math.log10(v); return Math.abs(l - Math.round(l)) < 1e-9 ? qLabel(v) : null; } } },
          y: { type: 'linear', beginAtZero: true, title: { display: true, text: 'ms' } } },
        plugins: { tooltip: { callbacks: { label: function (ctx) { return qLabel(ctx.raw.x) + ': ' + ctx.raw.y + ' ms'; } } } } } };
    }
    if (c.kind === 'attempts') {
      return { type: 'bar', data: { labels: c.values.map(function (_, i) { return 'attempt ' + (i + 1); }), datasets: [
        { label: 'value', data: c.values, backgroundColor: c.statuses.map(function (s) { return COLORS[s] || '#8c959f'; }), order: 1 }
      ].concat(limitLine(c.values.length, c.limit)) }, options: { plugins: { legend: { display: c.limit !== null } } } };
    }
    if (c.kind === 'repeats') {
      var sets2 = [{ label: 'value', data: c.values, backgroundColor: '#54aeff', order: 1 }];
      if (c.median !== null) sets2.push({ type: 'line', label: 'median', data: c.values.map(function () { return c.median; }),
        borderColor: '#0550ae', borderWidth: 2, pointRadius: 0, fill: false, order: 0 });
      return { type: 'bar', data: { labels: c.values.map(function (_, i) { return 'repeat ' + i; }), datasets: sets2.concat(limitLine(c.values.length, c.limit)) } };
    }
    return { type: 'line', data: { labels: c.labels, datasets: [
      { label: 'value', data: c.values, borderColor: '#0969da', backgroundColor: '#0969da', pointRadius: 4, tension: 0, clip: false }
    ].concat(limitLine(c.values.length, c.limit)) } };
  }
  data.charts.forEach(function (c) { new Chart(document.getElementById(c.id), config(c)); });
  document.documentElement.setAttribute('data-charts', String(data.charts.length));
})();`;
const STYLE = `
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; }
.meta { color: #59636e; margin-bottom: 12px; } .verdict { font-weight: 600; padding: 2px 8px; border-radius: 12px; color: #fff; }
.verdict.pass, td.pass { background: #2da44e; } .verdict.fail, td.fail, td.missing { background: #cf222e; }
.verdict.warn, td.warn, .verdict.inconclusive, td.inconclusive { background: #bf8700; } td.skipped, td.incomparable { background: #8c959f; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.status { color: #fff; font-weight: 600; white-space: nowrap; } td.num { text-align: right; white-space: nowrap; }
.ci { color: #59636e; font-size: 12px; } code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(500px, 1fr)); gap: 16px; }
figure.chart { margin: 0; border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px; }
figcaption { font-weight: 600; margin-bottom: 4px; overflow-wrap: anywhere; } .canvas { position: relative; height: 260px; }
`;
/** report.html: the page, with the charting library's text (chartLibrary()) inlined. */
function renderHtml(report, library) {
    if (/<\/script|<!--/i.test(library))
        throw new Error(`${CHART_ASSET} cannot be inlined: it contains "</script" or "<!--"`);
    const charts = chartsOf(report);
    const meta = [
        report.commit ? `commit ${report.commit.slice(0, 12)}` : null,
        report.ref,
        report.pull_request !== null ? `pull request #${report.pull_request}` : null,
        `platform ${report.platform}`,
        report.generated_at,
        report.baseline.source !== 'none'
            ? `baseline ${report.baseline.commit ? report.baseline.commit.slice(0, 12) : (report.baseline.path ?? report.baseline.source)}`
            : 'no baseline',
    ].filter((x) => typeof x === 'string' && x !== '');
    const verdict = ['pass', 'warn', 'inconclusive', 'fail'].includes(report.verdict) ? report.verdict : 'fail';
    const rules = report.rules.length
        ? `<table><thead><tr><th>status</th><th>value</th><th>rule</th><th>actual [95% interval]</th><th>limit</th><th>baseline</th><th>Δ</th><th>detail</th></tr></thead><tbody>${report.rules.map(ruleRow).join('')}</tbody></table>`
        : '<p>No rules.</p>';
    const jobs = report.jobs.length
        ? `<h2>Jobs</h2><table><thead><tr><th>job</th><th>status</th><th>duration (s)</th><th>platform id</th></tr></thead><tbody>${report.jobs
            .map((j) => {
            const name = `${j.indicator} shard ${j.shard}${j.repeat !== undefined ? ` repeat ${j.repeat}` : ''}${j.attempt ? ` attempt ${j.attempt}` : ''}`;
            return `<tr><td>${escapeHtml(name)}</td><td>${escapeHtml(j.status)}${j.message ? `: ${escapeHtml(j.message)}` : ''}</td><td class="num">${fmt(j.duration_s)}</td><td>${escapeHtml(j.platform_id ?? '–')}</td></tr>`;
        })
            .join('')}</tbody></table>`
        : '';
    const sources = Object.entries(report.indicators).map(([k, e]) => `${k}: ${Array.isArray(e.sources) ? e.sources.join(', ') : ''}${e.approximate ? ' (approximate)' : ''}`);
    const notes = Object.entries(report.indicators).flatMap(([k, e]) => (Array.isArray(e.notes) ? e.notes.map((n) => `${k}: ${n}`) : []));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`evalgate ${report.name}: ${report.verdict}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${report.name === 'evalgate' ? 'evalgate' : `evalgate ${escapeHtml(report.name)}`} <span class="verdict ${escapeHtml(verdict)}">${escapeHtml(report.verdict)}</span></h1>
<div class="meta">${meta.map(escapeHtml).join(' · ')}</div>
<h2>Rules</h2>
${rules}
${list('Missing indicators', report.missing_indicators)}${list('Problems', report.problems)}${list('Warnings', report.warnings)}
${charts.length ? `<h2>Charts</h2><div class="charts">${charts.map(chartCard).join('')}</div>` : ''}
${jobs}${list('Indicator files', sources)}${list('Merge notes', notes)}
<script type="application/json" id="evalgate-data">${scriptJson({ charts })}</script>
<script>${library}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

// EXTERNAL MODULE: ./src/stores/fs.ts
var fs = __webpack_require__(23135);
// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
;// CONCATENATED MODULE: ./src/stores/remote.ts
/**
 * `results: <scheme>://…`: indicator files read from a bucket or container without running jobs.
 * Each scheme downloads the *.json objects below its prefix into a local folder (object names are
 * never trusted as paths), then the files are gated like a local folder.
 */


// Each store's SDK is loaded only when a URI of its scheme is read (start-up, SPEC §8).
const SCHEMES = {
    azblob: { form: 'azblob://<account>/<container>/<prefix>', download: async (...a) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(421), __webpack_require__.e(662), __webpack_require__.e(439), __webpack_require__.e(799)]).then(__webpack_require__.bind(__webpack_require__, 64200))).downloadAzblob(...a) },
    tos: { form: 'tos://<bucket>/<prefix>', download: async (...a) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(869), __webpack_require__.e(147), __webpack_require__.e(705), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 76452))).downloadTos(...a) },
    oss: { form: 'oss://<bucket>/<prefix>', download: async (...a) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(421), __webpack_require__.e(869), __webpack_require__.e(819), __webpack_require__.e(719), __webpack_require__.e(109)]).then(__webpack_require__.bind(__webpack_require__, 90005))).downloadOss(...a) },
};
const remoteScheme = (uri) => /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1]?.toLowerCase() ?? '';
async function fetchRemoteResults(uri, preferred, env) {
    const scheme = SCHEMES[remoteScheme(uri)];
    if (!scheme) {
        return {
            files: [],
            problems: [
                {
                    file: uri,
                    expected: `a folder, a glob or ${Object.values(SCHEMES)
                        .map((s) => s.form)
                        .join(', ')}`,
                    found: `a ${remoteScheme(uri)}:// URI`,
                },
            ],
        };
    }
    // <out>/results when it is free or evalgate's own, else a fresh folder beside it: a user's
    // folder of that name is never emptied
    let dest;
    try {
        dest = await (0,owned/* freshFolder */.lj)(preferred);
    }
    catch (e) {
        return {
            files: [],
            problems: [{ file: preferred, expected: 'a folder evalgate can create for the download', found: e.message }],
        };
    }
    try {
        const got = await scheme.download(uri, dest, env);
        const problems = got.refused.map((name) => ({
            file: uri,
            path: name,
            expected: 'an object name that is a plain relative path below the prefix',
            found: 'a name with "..", an empty segment or a backslash (not downloaded)',
        }));
        if (got.files.length === 0 && got.refused.length === 0)
            problems.push({ file: uri, expected: 'indicator files (*.json) below the prefix', found: 'no .json object' });
        return { files: got.files.sort(), problems };
    }
    catch (e) {
        return { files: [], problems: [{ file: uri, expected: `a readable ${scheme.form}`, found: e.message }] };
    }
}
const resultsFolder = (cwd, out) => external_node_path_default().resolve(cwd, out, 'results');

// EXTERNAL MODULE: ./src/stores/out-lock.ts
var out_lock = __webpack_require__(93296);
;// CONCATENATED MODULE: ./src/github/context.ts
/** What a report says about where it ran, from the GitHub Actions environment when there is one. */

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
function readPullRequest(env) {
    if (!env.GITHUB_EVENT_PATH || !PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? ''))
        return null;
    try {
        const payload = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        const pr = payload.pull_request;
        const number = typeof pr?.number === 'number' ? pr.number : typeof payload.number === 'number' ? payload.number : null;
        if (number === null)
            return null;
        return {
            number,
            baseRef: typeof pr?.base?.ref === 'string' ? pr.base.ref : env.GITHUB_BASE_REF || null,
            headSha: typeof pr?.head?.sha === 'string' ? pr.head.sha : null,
        };
    }
    catch {
        // An unreadable event file: no pull request is known; nothing is gated on it.
        return null;
    }
}
function githubContext(env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    // GITHUB_WORKFLOW_REF: octo-org/octo-repo/.github/workflows/ci.yml@refs/pull/12/merge
    const workflowPath = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1] ?? null;
    const runId = Number(env.GITHUB_RUN_ID);
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        owner: owner || null,
        repo: repo || null,
        pullRequest: readPullRequest(env),
        workflowFile: workflowPath ? workflowPath.split('/').pop() : null,
        runId: Number.isSafeInteger(runId) && runId > 0 ? runId : null,
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    };
}
function runContext(env) {
    const pr = readPullRequest(env);
    // On pull_request events GITHUB_SHA is the merge commit; the report names the PR's head.
    return { commit: pr?.headSha || env.GITHUB_SHA || null, ref: env.GITHUB_REF || null, pullRequest: pr?.number ?? null };
}

// EXTERNAL MODULE: ./src/core/suggest.ts
var suggest = __webpack_require__(32085);
;// CONCATENATED MODULE: ./src/engine.ts
/**
 * The engine: collect → validate & merge → gate → report. The CLI and the action both call it;
 * it does file I/O through node:fs and everything else through the Runtime.
 */























/** Files larger than this read their samples_ms with readWithSamples (json-samples.ts). */
const FAST_SAMPLES_BYTES = 64 * 1024;
/** Reads, validates and folds each file in turn; a file's parsed text is dropped once folded. */
async function collect(files, settings, rt, repeatOf) {
    const problems = [];
    const merger = new IndicatorMerger(settings.merge, { percentiles: rulePercentiles(settings.rules ?? []) });
    // a file a repeat's job wrote is of that repeat, unless it says so itself (then the two must agree)
    const add = (r) => {
        const tag = repeatOf?.get(r.file);
        if (tag && !r.repeat)
            merger.add({ ...r, repeat: tag, repeatTagged: true });
        else if (tag && (r.repeat.index !== tag.index || r.repeat.count !== tag.count)) {
            problems.push({
                file: r.file,
                path: '$.repeat',
                expected: `repeat {index: ${tag.index}, count: ${tag.count}} (the repeat of the job that wrote it), or no repeat`,
                found: JSON.stringify(r.repeat),
            });
            merger.invalid(r.indicator, r.file);
        }
        else
            merger.add(tag ? { ...r, repeatTagged: true } : r);
    };
    for (const file of files) {
        const read = (0,fs/* readIndicatorBytes */.Td)(file, rt.cwd, settings.maxFileSizeMb);
        if (!read.ok) {
            problems.push(read.problem);
            continue;
        }
        // JSON is UTF-8 (RFC 8259): bytes that are not would otherwise become U+FFFD without a word
        if (!(0,external_node_buffer_.isUtf8)(read.bytes)) {
            problems.push({ file, expected: 'UTF-8 text (an indicator file is JSON, which is UTF-8)', found: 'bytes that are not UTF-8' });
            continue;
        }
        // samples_ms straight into a Float64Array when the file is large and plain; else the ordinary
        // reader (for a small file it is the faster: the fast path's own set-up costs more than it saves)
        const fast = read.bytes.length > FAST_SAMPLES_BYTES ? readWithSamples(read.bytes, file) : null;
        if (fast) {
            let samples = fast.samples;
            if (fast.value.indicator !== 'latency_p99') {
                // samples_ms of another indicator is a field like any other: the array JSON.parse makes
                fast.value.samples_ms = Array.from(fast.samples);
                samples = undefined;
            }
            const v = quickValidate(fast.value, file, samples) ?? (await validate(fast.value, file, samples));
            if (v.ok) {
                add(v.record);
                continue;
            }
            // an invalid file: read again the ordinary way, for the ordinary problems (same as below)
        }
        const parsed = (0,json/* parseJsonText */.lk)((0,fs/* decodeText */.g7)(read.bytes), file);
        if (!parsed.ok) {
            problems.push(...parsed.problems);
            continue;
        }
        // the quick check without an await: a microtask per file is a cost of its own over 5000 shards
        const v = quickValidate(parsed.value, file) ?? (await validate(parsed.value, file));
        if (v.ok && parsed.problems.length === 0)
            add(v.record);
        else {
            // A non-finite number is reported once, by the parser, not again as "expected a number".
            const seen = new Set(parsed.problems.map((p) => p.path));
            problems.push(...parsed.problems, ...(v.ok ? [] : v.problems.filter((p) => !seen.has(p.path))));
            const indicator = v.ok ? v.record.indicator : v.indicator;
            if (indicator)
                merger.invalid(indicator, file);
        }
    }
    const merge = merger.finish();
    problems.push(...merge.problems);
    return { merge, problems, files: [...files] };
}
/** The latency percentiles the rules name besides p50, p90 and p99 (p95_ms, p99.9_ms). */
function rulePercentiles(rules) {
    const out = new Set();
    for (const r of rules) {
        if (r.indicator !== 'latency_p99')
            continue;
        const q = (0,names/* percentileOfField */.ff)(r.field);
        if (q !== null)
            out.add(q);
    }
    return [...out];
}
/**
 * validateIndicator, for a file the quick check of quick.ts cannot accept: zod is loaded only then
 * (a gate over valid files never loads it).
 */
async function validate(value, file, samples) {
    const { validateIndicator } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(97)]).then(__webpack_require__.bind(__webpack_require__, 17097));
    return validateIndicator(value, file, samples);
}
const noBaseline = (note) => ({
    source: 'none',
    run_id: null,
    commit: null,
    created_at: null,
    path: null,
    note,
});
async function loadBaseline(settings, rt, provider) {
    const none = noBaseline;
    if (settings.baseline.kind === 'none')
        return { indicators: null, info: none(null), problems: [] };
    if (settings.baseline.kind === 'auto' && provider)
        return provider();
    if (settings.baseline.kind === 'auto') {
        const onPr = /^pull_request/.test(rt.env.GITHUB_EVENT_NAME ?? '');
        if (onPr) {
            // Not silently: every baseline rule is skipped without one, so a regression would pass.
            rt.stderr("warning: baseline: auto looks up the base branch's report artifact only in the GitHub Action; baseline rules are skipped (pass --baseline PATH)\n");
            return {
                indicators: null,
                info: none('baseline: auto looks up artifacts only in the GitHub Action; baseline rules were skipped'),
                problems: [],
            };
        }
        return { indicators: null, info: none('baseline: auto finds one only on pull requests in GitHub Actions'), problems: [] };
    }
    return loadBaselineFiles(settings.baseline.path, settings, rt);
}
/**
 * `--baseline PATH`: a report.json, a folder of them (every `*.json` below it), or several paths
 * separated by commas (a path that exists as written is never split). With `history: K` the K
 * newest reports (by `generated_at`) are read: the newest is the baseline, all of them its history.
 */
async function loadBaselineFiles(given, settings, rt) {
    const none = noBaseline;
    const exists = async (p) => external_node_fs_.promises.stat(external_node_path_default().resolve(rt.cwd, p)).catch(() => null);
    const named = (await exists(given)) || !given.includes(',')
        ? [given]
        : given
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean);
    const files = [];
    for (const p of named) {
        const st = await exists(p);
        if (st?.isDirectory()) {
            const listing = await (0,fs/* listResults */.Fc)(p, rt.cwd);
            if (listing.files.length === 0) {
                const problem = { file: p, expected: 'a folder holding baseline report.json files', found: 'no *.json file' };
                return { indicators: null, info: none('the baseline could not be read'), problems: [problem, ...listing.problems] };
            }
            files.push(...listing.files);
        }
        else
            files.push(p);
    }
    const reports = [];
    const problems = [];
    const foreign = [];
    for (const file of files) {
        // the one reader of untrusted JSON: size checked before reading, depth, duplicate keys
        const parsed = await (0,json/* readJsonFile */.JE)(external_node_path_default().resolve(rt.cwd, file), file);
        if (!parsed.ok && parsed.problems[0]?.expected === 'a readable file') {
            problems.push({ ...parsed.problems[0], expected: 'a baseline report.json (--baseline PATH|none)' });
            continue;
        }
        const read = parsed.ok && parsed.problems.length === 0
            ? (0,baseline/* readBaselineReport */.Up)(parsed.value, file)
            : { ok: false, problems: parsed.problems };
        if (!read.ok) {
            problems.push(...read.problems);
            continue;
        }
        const note = (0,baseline/* foreignBaselineNote */.YT)(read, settings.name, file);
        if (note)
            foreign.push(note);
        else
            reports.push({ file, read });
    }
    if (problems.length)
        return { indicators: null, info: none('the baseline could not be read'), problems };
    for (const f of foreign)
        rt.stderr(`warning: ${f}
`);
    if (reports.length === 0)
        return { indicators: null, info: none(foreign.join('; ')), problems: [] };
    // several reports are ordered by generated_at: one without it could be any of them
    if (reports.length > 1) {
        const undated = reports.filter((r) => r.read.createdAt === null);
        if (undated.length) {
            const problems = undated.map((r) => ({
                file: r.file,
                path: '$.generated_at',
                expected: `the time the report was written (${reports.length} baseline reports are ordered by it)`,
                found: 'nothing',
            }));
            return { indicators: null, info: none('the baseline could not be read'), problems };
        }
    }
    // newest first, files otherwise in the order given
    const when = (r) => (r.createdAt ? Date.parse(r.createdAt) : NaN);
    const ordered = reports
        .map((r, i) => ({ ...r, i }))
        .sort((a, b) => (when(b.read) || -Infinity) - (when(a.read) || -Infinity) || a.i - b.i)
        .slice(0, Math.max(1, settings.history));
    const newest = ordered[0];
    const entry = (r) => ({ run_id: null, commit: r.read.commit, created_at: r.read.createdAt, path: r.file });
    const notes = [];
    if (foreign.length)
        notes.push(foreign.join('; '));
    if (settings.history > 1)
        notes.push(`history: ${ordered.length} of ${settings.history} report(s) read from ${given}`);
    return {
        indicators: newest.read.indicators,
        ...(settings.history > 1 ? { history: ordered.map((r) => r.read.indicators) } : {}),
        info: {
            source: 'file',
            ...entry(newest),
            note: notes.length ? notes.join('; ') : null,
            ...(settings.history > 1 ? { history: ordered.map(entry) } : {}),
        },
        problems: [],
    };
}
/** Holds the lock of --out while it downloads and writes there (re-entrant: a run holds it already). */
async function runGate(settings, rt, opts = {}) {
    const release = await (0,out_lock/* lockOut */.g)(rt.cwd, settings.out);
    try {
        return await gateUnlocked(settings, rt, opts);
    }
    finally {
        await release();
    }
}
async function gateUnlocked(settings, rt, opts) {
    const problems = [...(opts.problems ?? [])];
    let files = opts.files;
    if (!files) {
        if (!settings.results) {
            problems.push({ file: '--results', expected: 'a folder, file or glob of indicator files', found: 'nothing' });
            files = [];
        }
        else if ((0,fs/* isUri */.nh)(settings.results)) {
            const remote = await fetchRemoteResults(settings.results, resultsFolder(rt.cwd, settings.out), rt.env);
            problems.push(...remote.problems);
            files = remote.files.map((f) => (0,fs/* display */.Vy)(f, rt.cwd));
        }
        else {
            const listing = await (0,fs/* listResults */.Fc)(settings.results, rt.cwd);
            problems.push(...listing.problems);
            files = listing.files;
        }
    }
    const collected = await collect(files, settings, rt, opts.repeatOf);
    problems.push(...collected.problems);
    const baseline = opts.loadedBaseline ?? (await loadBaseline(settings, rt, opts.baseline));
    problems.push(...baseline.problems);
    const { merge } = collected;
    // each indicator's fingerprint: the run's facts over what its files recorded (SPEC §10)
    for (const [k, m] of Object.entries(merge.indicators))
        m.fingerprint = (0,fingerprint/* fingerprintOf */.ax)(k, m.recorded ?? {}, opts.facts);
    const outcome = (0,gate/* gate */.Gj)(settings.rules, settings.indicators, merge.indicators, baseline.indicators, {
        invalidInput: problems.length > 0,
        unmerged: merge.unmerged,
        jobs: opts.jobs,
        platformFailure: opts.platformFailure,
        baselineSource: baseline.info.path ?? 'baseline',
        rulesSource: settings.rulesSource,
        ...(baseline.history ? { history: baseline.history } : {}),
        ...(opts.attempts ? { attempts: opts.attempts } : {}),
    });
    problems.push(...outcome.problems);
    // each rule shows the interval of the value it judged, where the merge gave one (SPEC §9)
    for (const r of outcome.results) {
        const m = merge.indicators[r.indicator];
        // a rule judged on the median over confirm attempts: that median has no interval (the one of
        // the merge is attempt 1's, and need not even contain the median); its attempts are listed
        const interval = r.actual !== null && !m?.attacks && !r.attempts ? m?.intervals?.[r.field] : undefined;
        if (interval)
            r.interval = interval;
    }
    // a name that matches nothing gets a "did you mean" (rule details; notes on stderr and in warnings)
    const notes = [
        ...(0,suggest/* hintNames */.sj)(outcome.results, outcome.missingIndicators, { indicators: merge.indicators, rules: settings.rules }),
        ...outcome.notes,
    ];
    for (const n of notes)
        rt.stderr(`warning: ${n}\n`);
    const ctx = runContext(rt.env);
    const indicators = {};
    for (const k of Object.keys(merge.indicators).sort()) {
        const m = merge.indicators[k];
        // deltas against a baseline measured on the same (SPEC §10: no number built on a false comparison)
        const base = baseline.indicators?.[k];
        const comparable = base && (0,fingerprint/* compareFingerprints */.tS)(k, m.fingerprint, (0,fingerprint/* readFingerprint */.bi)(base.fingerprint)).differs.length === 0;
        indicators[k] = indicatorEntry(m, comparable ? base : undefined);
    }
    const report = {
        schema_version: 1,
        name: settings.name,
        verdict: outcome.verdict,
        generated_at: rt.now().toISOString(),
        commit: ctx.commit,
        ref: ctx.ref,
        pull_request: ctx.pullRequest,
        platform: settings.platform,
        required: settings.indicators,
        missing_indicators: outcome.missingIndicators,
        indicators,
        rules: outcome.results,
        problems: problems.map(problem/* formatProblem */.Vw),
        warnings: [...(opts.warnings ?? []), ...notes],
        jobs: opts.jobs ?? [],
        baseline: baseline.info,
    };
    const written = await writeReport(report, settings.out, rt);
    return {
        report,
        exitCode: (0,gate/* exitCodeFor */.Rr)(outcome, settings.failOn, outcome.invalidInput, outcome.platformFailed, settings.inconclusive),
        ...written,
    };
}
/** report.json, report.md, report.prom, report.junit.xml and report.html into `outDir` */
async function writeReport(report, outDir, rt) {
    const out = external_node_path_default().resolve(rt.cwd, outDir);
    try {
        (0,external_node_fs_.mkdirSync)(out, { recursive: true });
    }
    catch (e) {
        throw new problem/* EvalgateError */.ax([
            {
                file: '--out',
                expected: 'a folder evalgate can create and write',
                found: `${JSON.stringify(outDir)} (${e.code ?? e.message})`,
            },
        ]);
    }
    const markdown = (0,md/* renderMarkdown */.Gc)(report);
    const paths = {
        json: external_node_path_default().join(out, 'report.json'),
        markdown: external_node_path_default().join(out, 'report.md'),
        prom: external_node_path_default().join(out, 'report.prom'),
        junit: external_node_path_default().join(out, 'report.junit.xml'),
        html: external_node_path_default().join(out, 'report.html'),
    };
    // written synchronously (five small files cost less than the thread-pool round trips of async
    // writes), each attempted even when another fails, so that none is left from an earlier run
    // beside this one's error; the first failure is thrown once all were tried
    let failed = null;
    const write = (file, render) => {
        try {
            (0,external_node_fs_.writeFileSync)(file, render());
        }
        catch (e) {
            failed ??= e;
        }
    };
    write(paths.json, () => renderJson(report));
    write(paths.markdown, () => markdown);
    write(paths.prom, () => (0,prom/* renderProm */.P)(report));
    write(paths.junit, () => (0,junit/* renderJunit */.RV)(report, { hostname: (0,external_node_os_.hostname)() }));
    writeHtml(paths.html, report, rt);
    if (failed !== null)
        throw failed;
    return { paths, markdown };
}
/**
 * report.html: its charting library (200 kB) is read only here. The page's own code is bundled
 * with the engine: a chunk of its own cost a module load (~5 ms) on every gate. A page that
 * cannot be written (a broken install without dist/assets/) is a warning: the verdict,
 * report.json and the other reports do not depend on it.
 */
function writeHtml(file, report, rt) {
    try {
        (0,external_node_fs_.writeFileSync)(file, renderHtml(report, chartLibrary()));
    }
    catch (e) {
        try {
            (0,external_node_fs_.rmSync)(file, { force: true }); // never an earlier run's page
        }
        catch {
            /* what cannot be written may not be removable either: the warning says it */
        }
        rt.stderr(`warning: report.html not written: ${e?.message ?? String(e)}\n`);
    }
}
/** The problem an internal error becomes: the run ends with a report that lists it. */
function internalErrorProblem(e) {
    const message = e instanceof problem/* EvalgateError */.ax ? e.message : (e?.message ?? String(e));
    return { subject: 'internal error', expected: 'the run to finish (please report this)', found: JSON.stringify(message.slice(0, 500)) };
}
/**
 * A run that met an internal error (or another stop) still ends with a report (SPEC §5): the
 * report it had, or an empty one, with the problems added; its verdict and exit code are derived
 * again by the gate's rules (a problem fails it; an internal error is exit 3).
 */
async function failRun(previous, settings, rt, added, exitCode = problem/* ExitCode */.yU.PlatformFailure) {
    const ctx = runContext(rt.env);
    const base = previous?.report ?? {
        schema_version: 1,
        name: settings.name,
        verdict: 'fail',
        generated_at: rt.now().toISOString(),
        commit: ctx.commit,
        ref: ctx.ref,
        pull_request: ctx.pullRequest,
        platform: settings.platform,
        required: settings.indicators,
        missing_indicators: [],
        indicators: {},
        rules: [],
        problems: [],
        warnings: [],
        jobs: [],
        baseline: noBaseline(null),
    };
    const problems = [...base.problems, ...added.map(problem/* formatProblem */.Vw)];
    const verdict = (0,gate/* verdictOf */.Vj)(base.rules, base.missing_indicators, problems.length > 0);
    const report = { ...base, verdict, problems };
    const written = await writeReport(report, settings.out, rt);
    return { report, exitCode: (0,problem/* highestExitCode */.id)(exitCode, previous?.exitCode ?? problem/* ExitCode */.yU.Ok), ...written };
}



/***/ }),

/***/ 93296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ lockOut)
/* harmony export */ });
/* unused harmony export LOCK_FILE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(652);
/**
 * One evalgate at a time per `--out` folder: two runs writing the same job folders and reports
 * would mix each other's results. The lock is `<out>/.evalgate.lock` holding the owner's pid and
 * host; a lock whose process is gone (same host, pid not alive) is taken over. Its file operations
 * are synchronous: a handful of tiny files, where thread-pool round trips cost more than the work.
 */




const LOCK_FILE = '.evalgate.lock';
/** folders this process holds the lock of (a nested gate inside a run holds it already) */
const held = new Set();
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        // EPERM: it exists, as another user
        return e.code === 'EPERM';
    }
}
function readLock(file) {
    try {
        const v = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        return typeof v.pid === 'number' && typeof v.host === 'string'
            ? { pid: v.pid, host: v.host, started_at: String(v.started_at ?? '') }
            : null;
    }
    catch {
        return null;
    }
}
/**
 * Takes the lock of `outDir` (created if need be) and returns its release; throws an
 * EvalgateError (exit 2) naming the process that holds it. Re-entrant within this process.
 */
async function lockOut(cwd, outDir, flag = '--out') {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, outDir);
    if (held.has(dir))
        return async () => { };
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, LOCK_FILE);
    const mine = { pid: process.pid, host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(), started_at: new Date().toISOString() };
    const refuse = (found) => {
        const problem = {
            file: flag,
            expected: `a folder no other evalgate is using (wait for it, or give another ${flag})`,
            found: `${JSON.stringify(outDir)} in use: ${found} (${node_path__WEBPACK_IMPORTED_MODULE_2___default().join(outDir, LOCK_FILE)})`,
        };
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([problem]);
    };
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
    }
    catch (e) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([
            {
                file: flag,
                expected: 'a folder evalgate can create and write',
                found: `${JSON.stringify(outDir)} (${e.code ?? e.message})`,
            },
        ]);
    }
    for (let attempt = 0;; attempt++) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, JSON.stringify(mine) + '\n', { flag: 'wx' });
            break;
        }
        catch (e) {
            if (e.code !== 'EEXIST') {
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([
                    {
                        file: flag,
                        expected: 'a folder evalgate can write',
                        found: `${file} (${e.code ?? e.message})`,
                    },
                ]);
            }
        }
        const other = readLock(file);
        if (attempt >= 3)
            refuse('its lock file could not be taken over');
        if (other === null) {
            // being written this very moment, or not evalgate's: look once more, then refuse
            await new Promise((r) => setTimeout(r, 100));
            const again = readLock(file);
            if (again === null)
                refuse('a lock file that is not readable evalgate JSON; remove it if no evalgate is running');
            continue;
        }
        if (other.host !== mine.host)
            refuse(`evalgate pid ${other.pid} on ${other.host} since ${other.started_at}`);
        if (other.pid !== process.pid && alive(other.pid))
            refuse(`evalgate pid ${other.pid} has held it since ${other.started_at}`);
        // stale: its process is gone
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true });
    }
    held.add(dir);
    return async () => {
        held.delete(dir);
        const now = readLock(file);
        if (now?.pid === mine.pid && now.host === mine.host)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true });
    };
}


/***/ }),

/***/ 52399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ freeFolder),
/* harmony export */   Pm: () => (/* binding */ claimFolder),
/* harmony export */   lj: () => (/* binding */ freshFolder)
/* harmony export */ });
/* unused harmony exports OWNED_MARKER, isOwned, NotOwnedError */
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
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir).isDirectory() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, OWNED_MARKER)).isFile();
    }
    catch {
        return false;
    }
}
const taken = (dir) => {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
        return true;
    }
    catch {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir);
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
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir), { recursive: true });
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir);
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        if (!isOwned(dir))
            throw new NotOwnedError(dir);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(dir, { recursive: true, force: true });
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir);
    }
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, OWNED_MARKER), 'created by evalgate; it empties or removes this folder when it needs it again\n', {
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
