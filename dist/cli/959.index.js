export const id = 959;
export const ids = [959];
export const modules = {

/***/ 46340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderAlerts: () => (/* binding */ renderAlerts)
/* harmony export */ });
/* unused harmony exports alertName, alertRules */
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81688);
/**
 * `evalgate alerts` (SPEC §12): Prometheus alerting rules from the gate's own threshold rules, on
 * the series report.prom and the Pushgateway carry (src/core/report/prom.ts):
 *
 *   evalgate_indicator_value{gate="<name>", indicator="<indicator>", field="<field>"[, attack_type="…"]}
 *
 * (the push adds the grouping labels job="evalgate" and ref). One alert per threshold rule, firing
 * while a series is on the wrong side of the rule's limit: the rule's operator negated, `>=` → `<`,
 * `<=` → `>`, `>` → `<=`, `<` → `>=`, so a value exactly on an inclusive limit is silent as the
 * gate passes it. robustness_adv holds only if it holds for every attack type: the selector does not
 * name attack_type, so each attack's series alerts on its own (and the overall one, if pushed).
 * Severity: an error-level rule is `critical`, a warn-level one `warning`.
 *
 * A baseline rule (`<= baseline * 1.1`) has no fixed limit: the limit is the base branch's value,
 * which no pushed series carries, so it gets no alert, only a YAML comment saying so.
 * Pure: no I/O; the CLI writes the text.
 */

/** The alert condition: the rule's operator negated (the gate fails exactly there). */
const NEGATED = { '>=': '<', '<=': '>', '>': '<=', '<': '>=' };
/** A PromQL (Go) double-quoted string literal; names here are plain already, but the quote is honest for anything. */
const promString = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
/** A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's). */
const yamlString = (s) => JSON.stringify(s);
/** `latency_p99` → `LatencyP99`, `my-metric` → `MyMetric` */
const pascal = (s) => s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
/** A number as PromQL reads it (`0.75`, `1e-7`, `-5`); limits are finite (parseRule checks). */
const promNumber = (x) => String(x);
function alertName(rule) {
    return `Evalgate${pascal(rule.indicator)}${pascal(rule.field)}${rule.op.startsWith('>') ? 'TooLow' : 'TooHigh'}`;
}
function alertRules(rules, gate) {
    const seen = new Map();
    const out = [];
    for (const rule of rules) {
        if (rule.expr.kind !== 'number')
            continue;
        let name = alertName(rule);
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        if (n > 1)
            name = `${name}${n}`; // two rules on one field (a warn and an error limit): two alerts
        const selector = `evalgate_indicator_value{gate=${promString(gate)}, indicator=${promString(rule.indicator)}, field=${promString(rule.field)}}`;
        const written = (0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRule */ .UT)(rule);
        const target = `${rule.indicator}.${rule.field}`;
        out.push({
            alert: name,
            expr: `${selector} ${NEGATED[rule.op]} ${promNumber(rule.expr.value)}`,
            labels: { severity: rule.level === 'warn' ? 'warning' : 'critical' },
            annotations: {
                summary: `evalgate ${gate}: ${target} is {{ $value }}, the rule is ${rule.op} ${promNumber(rule.expr.value)}`,
                description: `The ${rule.level === 'warn' ? 'warn' : 'error'}-level rule "${written}" of the gate ${gate} is broken` +
                    `{{ with $labels.attack_type }} for attack_type {{ . }}{{ end }}{{ with $labels.ref }} on {{ . }}{{ end }}.`,
            },
            rule: written,
        });
    }
    return out;
}
function renderAlerts(rules, gate, source) {
    const alerts = alertRules(rules, gate);
    const skipped = rules.filter((r) => r.expr.kind !== 'number').map(_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRule */ .UT);
    const lines = [
        `# Prometheus alerting rules for the evalgate gate "${gate}", written by \`evalgate alerts\` from ${source.replace(/[\r\n]+/g, ' ')}.`,
        '# Each alert fires while a series of evalgate_indicator_value (report.prom, as the Pushgateway',
        "# holds it) is on the wrong side of the rule's limit. Check: promtool check rules <this file>",
        'groups:',
        `  - name: ${yamlString(`evalgate-${gate}`)}`,
    ];
    if (alerts.length === 0 && skipped.length === 0)
        lines.push('    # no threshold rules');
    lines.push(alerts.length ? '    rules:' : '    rules: []');
    for (const a of alerts) {
        lines.push(`      # from the rule: ${a.rule}`, `      - alert: ${a.alert}`, `        expr: ${yamlString(a.expr)}`, '        labels:', ...Object.entries(a.labels).map(([k, v]) => `          ${k}: ${yamlString(v)}`), '        annotations:', ...Object.entries(a.annotations).map(([k, v]) => `          ${k}: ${yamlString(v)}`));
    }
    for (const s of skipped) {
        lines.push(`    # skipped: ${s}`, "    #   a baseline rule: its limit is the base branch's value, which no pushed series carries");
    }
    return { alerts, skipped, yaml: lines.join('\n') + '\n' };
}


/***/ })

};
