export const id = 565;
export const ids = [565];
export const modules = {

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

/***/ 35565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pushIfConfigured: () => (/* binding */ pushIfConfigured)
/* harmony export */ });
/* unused harmony exports PUSH_JOB, PROM_CONTENT_TYPE, groupingPath, pushTarget, pushMetrics, parseRetryAfter */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_report_prom_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76122);
/**
 * Push report.prom to a Prometheus Pushgateway (SPEC §4: the seed's monitoring and alerting step).
 *
 *   PUT <base>/metrics/job/evalgate/gate/<name>[/ref/<ref>]      (a PUT replaces the whole group)
 *
 * The grouping key is job, gate and ref; a value that is not plain safe characters (a ref such as
 * `refs/pull/12/merge` has slashes) goes in the `@base64` form of the Pushgateway README. A base URL
 * may carry a path prefix (a gateway behind a reverse proxy) and `user:pass@` credentials, which are
 * sent as an Authorization: Basic header (fetch refuses URLs with credentials) and never appear in a
 * message or in the returned URL. Transient failures (network errors, timeouts, 5xx, 429) are retried
 * with exponential backoff and jitter, honouring Retry-After; any other status is reported at once
 * with the gateway's own text, which says what it did not accept.
 */


const PUSH_JOB = 'evalgate';
const PROM_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Values written as they are: characters that need no escaping in a path segment, and not `.` or `..`, which URL parsers resolve away. */
const PLAIN_VALUE = /^[A-Za-z0-9_.-]+$/;
/** Retry-After is honoured up to this: a gateway asking for minutes would stall the whole job. */
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_DETAIL = 500;
/**
 * The Pushgateway path of a grouping key: `/metrics/job/<job>{/<label>/<value>}`. The first label must
 * be `job`. A value that is empty, contains `/` or anything but `[A-Za-z0-9_.-]` (or is `.`/`..`) is
 * written `<label>@base64/<base64url>`, and the empty value `<label>@base64/=`, as the README says.
 */
function groupingPath(labels) {
    if (labels[0]?.[0] !== 'job')
        throw new Error(`grouping key: expected "job" as the first label, got ${JSON.stringify(labels[0]?.[0] ?? null)}`);
    if (labels[0][1] === '')
        throw new Error('grouping key: expected a non-empty job name');
    const seen = new Set();
    let out = '/metrics';
    for (const [name, value] of labels) {
        if (!LABEL_NAME.test(name) || name.startsWith('__')) {
            throw new Error(`grouping key: expected a label name of letters, digits and "_" (not starting with "__"), got ${JSON.stringify(name)}`);
        }
        if (seen.has(name))
            throw new Error(`grouping key: label ${JSON.stringify(name)} is given twice`);
        seen.add(name);
        if (PLAIN_VALUE.test(value) && value !== '.' && value !== '..')
            out += `/${name}/${value}`;
        else
            out += `/${name}@base64/${value === '' ? '=' : Buffer.from(value, 'utf8').toString('base64url')}`;
    }
    return out;
}
/** Everything that looks like `//user:pass@` in text we could not parse as a URL. */
const hideUserinfo = (text) => text.replace(/\/\/[^/?#]*@/g, '//***@');
/** Parses and checks the base URL; throws a clear message (without credentials) when it is unusable. */
function pushTarget(base, labels) {
    let shown = JSON.stringify(hideUserinfo(base));
    const fail = (why) => {
        throw new Error(`pushgateway ${shown}: ${why}`);
    };
    let u;
    try {
        u = new URL(base.trim());
    }
    catch {
        return fail('not a URL; expected the gateway\'s base URL, such as "http://localhost:9091" or "https://pgw.example.com/prefix"');
    }
    // shown without credentials, query or fragment (a token may hide in either)
    shown = JSON.stringify(u.protocol === 'http:' || u.protocol === 'https:' ? `${u.origin}${u.pathname}` : hideUserinfo(base));
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        fail(`expected an http:// or https:// URL (such as "http://localhost:9091"), got the scheme "${u.protocol.slice(0, -1)}"`);
    }
    if (u.search || u.hash)
        fail('expected no query string or fragment (#) in the base URL');
    if (/\/metrics\/job(@base64)?\//.test(u.pathname)) {
        fail('expected the gateway\'s base URL, not a grouping URL: evalgate adds "/metrics/job/evalgate/gate/<name>/ref/<ref>" itself');
    }
    const secrets = [];
    let authorization = null;
    if (u.username || u.password) {
        const user = safeDecode(u.username);
        const pass = safeDecode(u.password);
        authorization = `Basic ${Buffer.from(`${user}:${pass}`, 'utf8').toString('base64')}`;
        for (const s of [u.username, u.password, user, pass])
            if (s.length >= 3)
                secrets.push(s);
        u.username = '';
        u.password = '';
    }
    const prefix = u.pathname.replace(/\/+$/, '');
    const display = `${u.origin}${prefix}`;
    return { url: `${display}${groupingPath(labels)}`, display, authorization, secrets };
}
const safeDecode = (s) => {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
};
/**
 * PUTs the report's Prometheus text to the gateway, grouped by job `evalgate`, gate and ref.
 * Throws an Error naming the gateway (never its credentials) and what went wrong.
 */
async function pushMetrics(url, report, opts) {
    const labels = [
        ['job', PUSH_JOB],
        ['gate', opts.gate],
    ];
    if (opts.ref)
        labels.push(['ref', opts.ref]);
    const target = pushTarget(url, labels);
    // the text format 0.0.4 of the Content-Type: without OpenMetrics' closing `# EOF`
    const body = (0,_core_report_prom_js__WEBPACK_IMPORTED_MODULE_1__/* .renderProm */ .P)(report, { eof: false });
    const doFetch = opts.fetch ?? globalThis.fetch;
    const attempts = Math.max(1, opts.attempts ?? 4);
    const baseDelay = opts.retryDelayMs ?? 500;
    const maxDelay = opts.maxDelayMs ?? 8_000;
    const timeoutMs = opts.timeoutMs ?? 15_000;
    const sleep = opts.sleep ?? abortableSleep;
    const random = opts.random ?? Math.random;
    const headers = { 'Content-Type': PROM_CONTENT_TYPE };
    if (target.authorization)
        headers.Authorization = target.authorization;
    // typed as a declaration, so the compiler knows the code after a call is unreachable
    const fail = (what, cause) => {
        let text = `pushgateway ${target.display}: ${what}`;
        for (const s of target.secrets)
            text = text.split(s).join('***');
        throw new Error(text, cause === undefined ? undefined : { cause });
    };
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            fail('cancelled');
        const outcome = await pushOnce(doFetch, target, { method: 'PUT', headers, body }, timeoutMs, opts.signal);
        if (outcome.ok)
            return { url: target.url };
        if (outcome.cancelled)
            fail('cancelled', outcome.cause);
        if (!outcome.transient)
            fail(outcome.failure);
        if (attempt >= attempts)
            fail(`${outcome.failure} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`, outcome.cause);
        // exponential backoff with "equal jitter": half the delay fixed, half random, so the retries of
        // several gates spread out; a Retry-After from the gateway is the floor
        const backoff = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
        const delay = Math.max(backoff / 2 + random() * (backoff / 2), Math.min(outcome.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
        try {
            await sleep(Math.round(delay), opts.signal);
        }
        catch (e) {
            fail('cancelled', e);
        }
    }
}
async function pushOnce(doFetch, target, init, timeoutMs, cancel) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
    let res;
    let text;
    try {
        res = await doFetch(target.url, { ...init, signal });
        // the body is read either way, so the connection can be reused; a body cut short is no body
        text = await res.text().catch(() => '');
    }
    catch (e) {
        if (cancel?.aborted)
            return { ok: false, cancelled: true, cause: e };
        const failure = timeout.aborted ? `no response within ${timeoutMs} ms` : networkError(e);
        return { ok: false, cancelled: false, failure, transient: true, retryAfterMs: null, cause: e };
    }
    if (res.ok)
        return { ok: true };
    const detail = oneLine(text);
    return {
        ok: false,
        cancelled: false,
        failure: `${res.status} ${res.statusText || node_http__WEBPACK_IMPORTED_MODULE_0__.STATUS_CODES[res.status] || 'error'}${detail ? `: ${detail}` : ''}`,
        transient: res.status === 429 || res.status >= 500,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), Date.now()),
    };
}
/** Retry-After: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
function parseRetryAfter(value, now) {
    if (!value)
        return null;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isNaN(at) ? null : Math.max(0, at - now);
}
function oneLine(text) {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length > MAX_DETAIL ? `${t.slice(0, MAX_DETAIL - 1)}…` : t;
}
/** undici throws `TypeError: fetch failed` with the reason in `cause` (an AggregateError when every address failed). */
function networkError(e) {
    let cause = e instanceof Error && e.cause !== undefined ? e.cause : e;
    if (cause instanceof AggregateError && !cause.message && cause.errors[0] !== undefined)
        cause = cause.errors[0];
    const err = cause;
    const message = typeof err?.message === 'string' && err.message ? err.message : typeof err?.code === 'string' ? err.code : String(cause);
    return `network error: ${oneLine(message)}`;
}
function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * The push as the CLI and the action do it: when a gateway is set, push, and turn a failure into a
 * warning. Monitoring never changes the verdict.
 */
async function pushIfConfigured(gateway, report, signal) {
    if (!gateway)
        return null;
    try {
        const r = await pushMetrics(gateway, report, { gate: report.name, ref: report.ref, signal });
        return { pushed: r.url };
    }
    catch (e) {
        return { warning: `${e.message} (the verdict is unchanged)` };
    }
}


/***/ })

};
