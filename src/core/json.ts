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
import { promises as fs } from 'node:fs';
import type { Problem } from './problem.js';

export type JsonPath = (string | number)[];

/** Containers nested deeper than this are refused (an indicator file needs 3; a report 6). */
export const MAX_DEPTH = 64;
/** The default size cap of an untrusted JSON text, inclusive. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** Problems listed per file before the rest are summarised (a 40,000-key file stays readable). */
const MAX_PROBLEMS = 20;
/** A path longer than this is cut (a 65-level path would flood the message). */
const MAX_PATH_CHARS = 160;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg.length > 40 ? seg.slice(0, 39) + '…' : seg)}]`;
    if (out.length > MAX_PATH_CHARS) return `${out.slice(0, MAX_PATH_CHARS - 1)}…`;
  }
  return out;
}

/**
 * `ok` with `problems`: the text is JSON but for non-finite numbers or duplicate keys; the value
 * is built anyway (a non-finite token as null) so the rest of the file can be checked.
 */
export type ParseResult = { ok: true; value: unknown; problems: Problem[] } | { ok: false; problems: Problem[] };

export interface JsonLimits {
  /** inclusive size cap in bytes (UTF-8); default 64 MiB */
  maxBytes?: number;
  /** deepest nesting allowed; default {@link MAX_DEPTH} */
  maxDepth?: number;
}

const MIB = 1024 * 1024;
const sizeText = (bytes: number): string => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`);

export function parseJsonText(text: string, file: string, limits: JsonLimits = {}): ParseResult {
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
  if (quick !== NOT_QUICK) return { ok: true, value: quick, problems: [] };
  const scan = scanJson(text, file, maxDepth, true);
  if (!scan.ok) return { ok: false, problems: scan.problems };
  let source = text;
  if (scan.nonFinite.length) {
    // each NaN/Infinity token stands as null, so that JSON.parse accepts the rest
    const parts: string[] = [];
    let at = 0;
    for (const [start, end] of scan.nonFinite) {
      parts.push(text.slice(at, start), 'null');
      at = end;
    }
    parts.push(text.slice(at));
    source = parts.join('');
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    // a syntax error inside a run of numbers the fast scan skipped: scan strictly to locate it
    const strict = scanJson(text, file, maxDepth, false);
    if (!strict.ok) return { ok: false, problems: strict.problems };
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
function parseQuick(text: string, maxDepth: number): unknown {
  let brackets = 0;
  for (let k = text.indexOf('{'); k !== -1; k = text.indexOf('{', k + 1)) if (++brackets > maxDepth) return NOT_QUICK;
  for (let k = text.indexOf('['); k !== -1; k = text.indexOf('[', k + 1)) if (++brackets > maxDepth) return NOT_QUICK;
  if (text.indexOf('\\') !== -1 && /\\u003[aA]/.test(text)) return NOT_QUICK;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_QUICK;
  }
  let colons = 0;
  for (let k = text.indexOf(':'); k !== -1; k = text.indexOf(':', k + 1)) colons++;
  const seen = countKeysAndColons(value);
  return seen === colons ? value : NOT_QUICK;
}

/** A string's `:` characters. */
function colonsIn(s: string): number {
  let n = 0;
  for (let k = s.indexOf(':'); k !== -1; k = s.indexOf(':', k + 1)) n++;
  return n;
}

/**
 * The object keys of a parsed value plus the `:`s in its keys and strings; -1 for a non-finite
 * number anywhere (then the caller takes the scan). Recursive: {@link parseQuick} has bounded the
 * depth.
 */
function countKeysAndColons(v: unknown): number {
  if (typeof v === 'string') return colonsIn(v);
  if (typeof v === 'number') return v - v === 0 ? 0 : -1;
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'number') {
        if (x - x !== 0) return -1; // tight loop over plain numbers (samples_ms)
      } else if (x !== null && typeof x === 'object') {
        const c = countKeysAndColons(x);
        if (c < 0) return -1;
        n += c;
      } else if (typeof x === 'string') n += colonsIn(x);
    }
    return n;
  }
  const keys = Object.keys(v);
  n = keys.length;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k.indexOf(':') !== -1) n += colonsIn(k);
    const c = countKeysAndColons((v as Record<string, unknown>)[k]);
    if (c < 0) return -1;
    n += c;
  }
  return n;
}

/** Paths of non-finite numbers in a parsed value (only overflowing literals such as 1e999 make them). */
export function findNonFinite(root: unknown, limit = MAX_PROBLEMS): JsonPath[] {
  const found: JsonPath[] = [];
  if (typeof root === 'number') return Number.isFinite(root) ? [] : [[]];
  // explicit stack (the scan already bounded the depth): frames of a container and its next item
  type Frame = { node: unknown[] | Record<string, unknown>; keys: string[] | null; i: number };
  const path: JsonPath = [];
  const stack: Frame[] = [];
  const enter = (node: unknown): void => {
    if (Array.isArray(node)) stack.push({ node, keys: null, i: 0 });
    else if (node !== null && typeof node === 'object')
      stack.push({ node: node as Record<string, unknown>, keys: Object.keys(node), i: 0 });
  };
  enter(root);
  while (stack.length && found.length < limit) {
    const top = stack[stack.length - 1]!;
    const size = top.keys === null ? (top.node as unknown[]).length : top.keys.length;
    let i = top.i;
    let child: unknown = undefined;
    // tight loop over plain numbers (samples_ms): no path bookkeeping unless something is found
    for (; i < size; i++) {
      const v = top.keys === null ? (top.node as unknown[])[i] : (top.node as Record<string, unknown>)[top.keys[i]!];
      if (typeof v === 'number') {
        if (v - v !== 0) {
          found.push([...path, top.keys === null ? i : top.keys[i]!]);
          if (found.length >= limit) break;
        }
      } else if (v !== null && typeof v === 'object') {
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
    path.push(top.keys === null ? i : top.keys[i]!);
    enter(child);
  }
  return found;
}

/**
 * Reads an untrusted JSON file: the size is checked from the file's metadata before anything is
 * read, then {@link parseJsonText}. `label` is how problems name the file.
 */
export async function readJsonFile(abs: string, label: string, limits: JsonLimits = {}): Promise<ParseResult> {
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
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return parseJsonText(text, label, limits);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problems: [{ file: label, expected: 'a readable file', found: code === 'ENOENT' ? 'no such file' : (code ?? 'an error') }],
    };
  }
}

type Scan = { ok: true; problems: Problem[]; nonFinite: [number, number][] } | { ok: false; problems: Problem[] };

class Stop extends Error {}

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
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * One pass over `text`, checking JSON's grammar strictly (RFC 8259) with an explicit stack of open
 * containers. Linear in the text: each character is looked at a bounded number of times, and
 * each key is checked against its object's set of keys once.
 */
function scanJson(text: string, file: string, maxDepth: number, skipNumberRuns: boolean): Scan {
  const n = text.length;
  const problems: Problem[] = [];
  const nonFinite: [number, number][] = [];
  let more = 0;
  // the open containers: for an object its keys so far and its current key, for an array the index
  const keys: (Set<string> | null)[] = [];
  const segs: (string | number)[] = [];
  let i = 0;

  const note = (p: Problem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else more++;
  };
  const position = (at: number): { line: number; column: number } => {
    let line = 1;
    let lineStart = 0;
    for (let k = text.indexOf('\n'); k !== -1 && k < at; k = text.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    return { line, column: at - lineStart + 1 };
  };
  const fail = (expected: string, at = i): never => {
    const { line, column } = position(at);
    const found = at >= n ? 'the end of the file' : JSON.stringify(text.slice(at, at + 12));
    problems.length = 0;
    problems.push({ file, line, path: `column ${column}`, expected: `valid JSON (${expected})`, found });
    throw new Stop();
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  /** skips a string starting at its opening quote; returns its value when `decode` */
  const string = (decode: boolean): string => {
    const start = i;
    i++;
    let escaped = false;
    for (;;) {
      if (i >= n) fail('a closing quote', start);
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        const e = text.charCodeAt(i + 1);
        if (e === 117 /* u */) {
          for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) fail('four hex digits after \\u', i);
          i += 6;
        } else if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          i += 2;
        } else fail('a valid escape in a string', i);
      } else if (c < 32) fail('no control characters in a string');
      else i++;
    }
    i++; // closing quote
    if (!decode) return '';
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  const number = (): void => {
    const start = i;
    if (text.charCodeAt(i) === MINUS) i++;
    if (text.charCodeAt(i) === 48) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else fail('a value', start);
    if (text.charCodeAt(i) === DOT) {
      i++;
      if (!isDigit(text.charCodeAt(i))) fail('a digit after "."');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 43 || s === MINUS) i++;
      if (!isDigit(text.charCodeAt(i))) fail('a digit in the exponent');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    // an overflowing literal (1e999) is found in the parsed value, by findNonFinite
  };
  /**
   * The rest of an array that holds only numbers (samples_ms), skipped with one native search;
   * JSON.parse checks their syntax, and the strict scan locates an error there.
   */
  const skipNumbers = (): boolean => {
    const end = text.indexOf(']', i);
    if (end < 0 || NOT_NUMBER_RUN.test(text.slice(i, end))) return false;
    i = end;
    return true;
  };
  const token = (word: string): boolean => text.startsWith(word, i);
  const badNumber = (word: string): void => {
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
  const key = (): void => {
    ws();
    if (text.charCodeAt(i) !== QUOTE) fail('a quoted key');
    const k = string(true);
    const top = keys.length - 1;
    segs[top] = k;
    const seen = keys[top]!;
    if (seen.has(k)) {
      note({
        file,
        path: formatPath(segs),
        expected: 'each key at most once in an object',
        found: `${JSON.stringify(k.length > 40 ? k.slice(0, 39) + '…' : k)} again (only one of its values would be kept)`,
      });
    } else seen.add(k);
    ws();
    if (text.charCodeAt(i) !== COLON) fail('":" after a key');
    i++;
  };
  const open = (isObject: boolean): void => {
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
        } else {
          if (c === LBRACE) key();
          continue value;
        }
      } else if (c === QUOTE) string(false);
      else if (c === MINUS || isDigit(c)) {
        if (token('-Infinity')) badNumber('-Infinity');
        else if (skipNumberRuns && keys.length > 0 && keys[keys.length - 1] === null && skipNumbers()) {
          // the rest of this array is numbers: JSON.parse checks their syntax
        } else number();
      } else if (token('true')) i += 4;
      else if (token('false')) i += 5;
      else if (token('null')) i += 4;
      else if (token('NaN')) badNumber('NaN');
      else if (token('Infinity')) badNumber('Infinity');
      else fail('a value');
      // after a value: close containers, or move to the next item
      for (;;) {
        ws();
        const top = keys.length - 1;
        if (top < 0) {
          if (i < n) fail('nothing after the top-level value');
          break value;
        }
        const d = text.charCodeAt(i);
        const isObject = keys[top] !== null;
        if (d === COMMA) {
          i++;
          if (isObject) key();
          else segs[top] = (segs[top] as number) + 1;
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
  } catch (e) {
    if (e instanceof Stop) return { ok: false, problems };
    throw e;
  }
  if (more) problems.push({ file, expected: 'no more problems', found: `${more} more like these` });
  return { ok: true, problems, nonFinite };
}
