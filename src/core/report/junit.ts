/**
 * report.junit.xml (SPEC §12): the gate as JUnit XML, which Azure Pipelines (PublishTestResults),
 * GitLab (artifacts:reports:junit), Jenkins and CircleCI show natively.
 *
 * The shape is the one the common JUnit XSD (the Ant schema of windyroad/JUnit-Schema, JUnit.xsd)
 * accepts, and __tests__/junit.test.ts validates it with `xmllint --schema`: a `testsuites` root
 * without attributes; one `testsuite` per gate (`id`, `package`, `name`, `timestamp` without a
 * zone, `hostname`, `tests`, `failures`, `errors`, `skipped`, `time`) holding `properties`, the
 * testcases, `system-out` and `system-err`; one `testcase` per rule, with at most one child:
 * - `failure` for fail, missing and inconclusive (and any status this file does not know: fail
 *   closed), its `message` saying what failed and by how much;
 * - `skipped` for skipped and incomparable;
 * - nothing for pass.
 * Input and run problems (invalid files, a failed job) fail the verdict without any rule failing,
 * so they are one more testcase, `problems`, with an `error` listing them.
 *
 * Statuses are compared as strings: the noise work adds `inconclusive` and `incomparable`, and
 * this file reads them whether or not the RuleStatus type has them yet.
 */
import type { RuleResult } from '../gate.js';
import type { Report } from './report.js';
import { formatNumber } from './md.js';

/** Statuses that are a JUnit failure; pass is none, and every other one not listed in SKIPPED is a failure. */
const SKIPPED = new Set(['skipped', 'incomparable']);

/** A rule's status, read as a string (see the header). */
const statusOf = (r: RuleResult): string => String(r.status);

export type JunitOutcome = 'pass' | 'failure' | 'skipped';

export function junitOutcome(r: RuleResult): JunitOutcome {
  const s = statusOf(r);
  if (s === 'pass') return 'pass';
  if (SKIPPED.has(s)) return 'skipped';
  return 'failure';
}

/** `accuracy_f1.f1 >= 0.75`, with `warn ` before a warn-level rule */
export function ruleName(r: RuleResult): string {
  return `${r.level === 'warn' ? 'warn ' : ''}${r.indicator}.${r.field} ${r.op} ${r.expr}`;
}

/** The limit as the rule states it: `0.75`, or `baseline * 1.1 = 330` once the baseline set it. */
function limitText(r: RuleResult): string {
  return r.expr.startsWith('baseline') && r.limit !== null ? `${r.expr} = ${formatNumber(r.limit)}` : r.expr;
}

/**
 * By how much a value is on the wrong side of its limit: `short by 0.13 (17.3%)` for a floor,
 * `over by 112 (37.3%)` for a ceiling; empty when it is on the right side (or exactly on a strict
 * limit, which fails by nothing).
 */
export function shortfall(r: Pick<RuleResult, 'op' | 'actual' | 'limit'>): string {
  if (r.actual === null || r.limit === null) return '';
  const floor = r.op === '>=' || r.op === '>';
  const by = floor ? r.limit - r.actual : r.actual - r.limit;
  if (!(by > 0)) return r.actual === r.limit && (r.op === '>' || r.op === '<') ? `equal to the limit, which ${r.op} excludes` : '';
  const pct = r.limit !== 0 ? ` (${formatNumber(Number(((by / Math.abs(r.limit)) * 100).toPrecision(3)))}%)` : '';
  return `${floor ? 'short' : 'over'} by ${formatNumber(Number(by.toPrecision(6)))}${pct}`;
}

/**
 * One line on a rule that did not pass: what it is, what was found, what was expected, by how much,
 * and the gate's own detail. `accuracy_f1.f1 = 0.62, expected >= 0.75: short by 0.13 (17.3%)`.
 */
export function ruleMessage(r: RuleResult): string {
  const s = statusOf(r);
  const target = `${r.indicator}.${r.field}`;
  const detail = r.detail ? ` (${r.detail})` : '';
  const level = r.level === 'warn' ? ' [warn]' : '';
  if (s === 'missing') return `${target} is missing, expected ${r.op} ${limitText(r)}${detail}${level}`;
  if (SKIPPED.has(s)) return `${target} ${r.op} ${r.expr}: ${s}${detail}`;
  if (r.actual === null) return `${target} ${r.op} ${limitText(r)}: ${s}${detail}${level}`;
  if (r.limit === null) return `${target} = ${formatNumber(r.actual)}, expected ${r.op} ${r.expr}: ${s}${detail}${level}`;
  const by = shortfall(r);
  const base = r.baseline !== null ? `, baseline ${formatNumber(r.baseline)}` : '';
  return `${target} = ${formatNumber(r.actual)}, expected ${r.op} ${limitText(r)}${base}: ${s === 'fail' ? '' : `${s}, `}${by || 'not met'}${detail}${level}`;
}

/** XML 1.0 forbids these characters even as references: C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF */
const ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content: the five markup characters escaped, illegal characters dropped. */
export function xmlText(s: string): string {
  return s.replace(ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also `"`, and tab/CR/LF as references (a parser would normalise them to spaces). */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** The XSD's timestamp: `2026-12-02T04:46:58`, no fraction, no zone (the report's is UTC). */
function timestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? m[1]! : '1970-01-01T00:00:00';
}

export interface JunitOptions {
  /** the machine that ran the gate (the XSD asks for `localhost` when it is unknown) */
  hostname?: string;
}

export function renderJunit(report: Report, opts: JunitOptions = {}): string {
  const gate = report.name;
  const cases: string[] = [];
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
      `value: ${r.actual === null ? 'absent' : formatNumber(r.actual)}`,
      `limit: ${r.limit === null ? '–' : formatNumber(r.limit)}`,
      ...(r.baseline !== null ? [`baseline: ${formatNumber(r.baseline)}`] : []),
      ...(r.delta !== null ? [`delta: ${formatNumber(r.delta)}`] : []),
      ...(r.detail ? [`detail: ${r.detail}`] : []),
    ].join('\n');
    cases.push(
      `${head}>\n      <failure message="${xmlAttr(message)}" type="${xmlAttr(type)}">${xmlText(body)}</failure>\n    </testcase>`,
    );
  }
  const problems = [...report.problems, ...report.missing_indicators.map((i) => `required indicator ${i} is absent: no file reported it`)];
  if (problems.length) {
    errors++;
    const message = `${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems[0]}${problems.length > 1 ? ' …' : ''}`;
    cases.push(
      `    <testcase name="problems" classname="${xmlAttr(`${gate}.input`)}" time="0">\n` +
        `      <error message="${xmlAttr(message)}" type="problems">${xmlText(problems.join('\n'))}</error>\n    </testcase>`,
    );
  }
  const properties: [string, string][] = [
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
  const suite =
    `  <testsuite id="0" package="evalgate" name="${xmlAttr(gate)}" timestamp="${timestamp(report.generated_at)}" ` +
    `hostname="${xmlAttr(opts.hostname?.trim() || 'localhost')}" tests="${cases.length}" failures="${failures}" errors="${errors}" ` +
    `skipped="${skipped}" time="${Number(duration.toFixed(3))}">\n` +
    `    <properties>\n${properties.map(([n, v]) => `      <property name="${n}" value="${xmlAttr(v)}"/>`).join('\n')}\n    </properties>\n` +
    (cases.length ? `${cases.join('\n')}\n` : '') +
    `    <system-out>${xmlText(`evalgate ${gate}: ${report.verdict}`)}</system-out>\n` +
    `    <system-err></system-err>\n` +
    `  </testsuite>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suite}\n</testsuites>\n`;
}
