export const id = 581;
export const ids = [581];
export const modules = {

/***/ 73581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   chartLibrary: () => (/* binding */ chartLibrary),
/* harmony export */   renderHtml: () => (/* binding */ renderHtml)
/* harmony export */ });
/* unused harmony exports CSP, CHART_ASSET, escapeHtml, scriptJson, chartsOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _md_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1103);
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
    const here = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
    const candidates = [
        node_path__WEBPACK_IMPORTED_MODULE_1___default().join(here, '..', 'assets', CHART_ASSET), // dist/<entry>/ → dist/assets/
        node_path__WEBPACK_IMPORTED_MODULE_1___default().join(here, '..', '..', '..', 'node_modules', 'chart.js', 'dist', CHART_ASSET), // src/core/report/
    ];
    const file = candidates.find((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f));
    if (!file)
        throw new Error(`the charting library ${CHART_ASSET} is missing (looked in ${candidates.join(', ')})`);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
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
const fmt = (x) => (0,_md_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(x ?? null);
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


/***/ })

};
