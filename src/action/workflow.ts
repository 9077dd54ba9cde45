/**
 * The runner's workflow commands, as @actions/core issues them, without @actions/core's weight:
 * its HTTP client (for OIDC tokens) is ~1 MB of bundle that doubled the main step's start-up
 * (SPEC §8: the action's start to its first platform request within 2x of `node -e 0`). Every
 * function below writes byte for byte what @actions/core 3.x writes (escaping, `name<<delimiter`
 * file commands, annotation properties); __tests__/workflow-commands.test.ts holds both to the
 * same output. `getIDToken` still goes through @actions/core, loaded when a platform asks for
 * an OIDC token.
 */
import { randomUUID } from 'node:crypto';
import { access, appendFile } from 'node:fs/promises';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { EOL } from 'node:os';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

type Value = unknown;

function toCommandValue(input: Value): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return input as string;
  return JSON.stringify(input);
}

const escapeData = (s: Value): string => toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: Value): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function issueCommand(command: string, properties: Record<string, Value>, message: Value): void {
  let s = `::${command || 'missing.command'}`;
  // as core does: a space after the name whenever there are properties, even when none has a value
  if (Object.keys(properties).length)
    s +=
      ' ' +
      Object.entries(properties)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',');
  process.stdout.write(`${s}::${escapeData(message)}${EOL}`);
}

function issueFileCommand(command: string, message: string): void {
  const file = process.env[`GITHUB_${command}`];
  if (!file) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${message}${EOL}`, { encoding: 'utf8' });
}

function keyValue(key: string, value: Value): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const v = toCommandValue(value);
  if (key.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (v.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${key}<<${delimiter}${EOL}${v}${EOL}${delimiter}`;
}

const annotation = (p: AnnotationProperties): Record<string, Value> =>
  Object.keys(p).length
    ? { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn }
    : {};

export function getInput(name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string {
  const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options?.required && !val) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? val : val.trim();
}

export function setOutput(name: string, value: Value): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', keyValue(name, value));
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function saveState(name: string, value: Value): void {
  if (process.env.GITHUB_STATE) return issueFileCommand('STATE', keyValue(name, value));
  issueCommand('save-state', { name }, toCommandValue(value));
}

export const getState = (name: string): string => process.env[`STATE_${name}`] || '';
export const setSecret = (secret: string): void => issueCommand('add-mask', {}, secret);
export const debug = (message: string): void => issueCommand('debug', {}, message);
export const info = (message: string): void => void process.stdout.write(message + EOL);
const text = (m: string | Error): string => (m instanceof Error ? m.toString() : m);
export const error = (message: string | Error, properties: AnnotationProperties = {}): void =>
  issueCommand('error', annotation(properties), text(message));
export const warning = (message: string | Error, properties: AnnotationProperties = {}): void =>
  issueCommand('warning', annotation(properties), text(message));
export const notice = (message: string | Error, properties: AnnotationProperties = {}): void =>
  issueCommand('notice', annotation(properties), text(message));

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** appends to the job summary as `core.summary.addRaw(text, true).write()` does */
export async function appendSummary(raw: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file)
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(file, raw + EOL, { encoding: 'utf8' });
}
