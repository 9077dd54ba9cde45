export const id = 937;
export const ids = [937];
export const modules = {

/***/ 86937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   azureCommands: () => (/* binding */ azureCommands)
/* harmony export */ });
/* unused harmony exports escapeCommandValue, loggingCommand, issues */
/* harmony import */ var _core_report_junit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46490);
/* harmony import */ var _core_sanitize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89528);



/** The agent's escaping (see the header); `%` first, so no replacement is escaped twice. */
function escapeCommandValue(text) {
    return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/]/g, '%5D').replace(/;/g, '%3B');
}
/** `##vso[area.event k=v;…]data`, every value and the data escaped; always a single line. */
function loggingCommand(command, properties, data) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeCommandValue((0,_core_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(v))};`)
        .join('');
    return `##vso[${command}${props ? ` ${props}` : ''}]${escapeCommandValue((0,_core_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(data))}`;
}
/** One issue per problem, per rule that did not pass (warning for a warn-level one) and per absent required indicator. */
function issues(report) {
    const out = [];
    const gate = `evalgate ${report.name}`;
    for (const p of report.problems)
        out.push({ type: 'error', message: `${gate}: ${p}` });
    const absent = new Set(report.missing_indicators);
    for (const r of report.rules) {
        const status = String(r.status);
        if (status === 'pass' || status === 'skipped')
            continue;
        // an absent required indicator is one issue below, not one per rule on it
        if (status === 'missing' && absent.has(r.indicator))
            continue;
        out.push({ type: issueType(r), message: `${gate}: ${(0,_core_report_junit_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleName */ .oF)(r)}: ${(0,_core_report_junit_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleMessage */ .CJ)(r)}` });
    }
    for (const i of report.missing_indicators)
        out.push({ type: 'error', message: `${gate}: required indicator ${i} is absent: no file reported it (its rules count as missing)` });
    return out;
}
/** incomparable never fails the gate (SPEC §10) but is shown loudly: a warning */
function issueType(r) {
    return r.level === 'warn' || String(r.status) === 'incomparable' ? 'warning' : 'error';
}
/** The lines to write to stdout: the issues, then the summary upload of report.md (an absolute path). */
function azureCommands(report, markdownPath) {
    return [
        ...issues(report).map((i) => loggingCommand('task.logissue', { type: i.type }, i.message)),
        loggingCommand('task.uploadsummary', {}, markdownPath),
    ];
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


/***/ })

};
