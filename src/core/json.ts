/**
 * Reading JSON text into a value, with problems that name where they are.
 *
 * `JSON.parse` does the work on the fast path. It cannot say *where* a Python-style `NaN`,
 * `Infinity` or `-Infinity` token is (it just fails), and it turns an overflowing literal such as
 * `1e999` into `Infinity` silently. So: a successful parse is walked once for non-finite numbers,
 * and a failed parse is scanned again by a small tolerant scanner that names each such token by
 * its JSON path, or else the line and column of the first syntax error.
 */
import type { Problem } from './problem.js';

export type JsonPath = (string | number)[];

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * `ok` with `problems`: the text is JSON but for non-finite numbers; each stands in `value` as NaN
 * (so the rest of the file can still be checked) and has a problem at its path in `problems`.
 */
export type ParseResult = { ok: true; value: unknown; problems: Problem[] } | { ok: false; problems: Problem[] };

export function parseJsonText(text: string, file: string): ParseResult {
  if (text.trim() === '') {
    return { ok: false, problems: [{ file, expected: 'a JSON object', found: 'an empty file' }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return scanForProblems(text, file);
  }
  const nonFinite = findNonFinite(value);
  return {
    ok: true,
    value,
    problems: nonFinite.map((path) => ({
      file,
      path: formatPath(path),
      expected: 'a finite number',
      found: `a literal too large for a 64-bit float (it reads as Infinity)`,
    })),
  };
}

/** Paths of every non-finite number in a parsed value (only overflowing literals produce them). */
export function findNonFinite(root: unknown, limit = 20): JsonPath[] {
  const found: JsonPath[] = [];
  // Explicit stack: a deeply nested file that JSON.parse accepted must not overflow ours.
  type Frame = { node: unknown[] | Record<string, unknown>; keys: string[] | null; i: number };
  const path: JsonPath = [];
  const stack: Frame[] = [];
  const enter = (node: unknown): void => {
    if (Array.isArray(node)) stack.push({ node, keys: null, i: 0 });
    else if (node !== null && typeof node === 'object') {
      stack.push({ node: node as Record<string, unknown>, keys: Object.keys(node), i: 0 });
    }
  };
  if (typeof root === 'number') return Number.isFinite(root) ? [] : [[]];
  enter(root);
  while (stack.length && found.length < limit) {
    const top = stack[stack.length - 1]!;
    if (top.keys === null) {
      const arr = top.node as unknown[];
      // Tight loop over number arrays (samples_ms): no path bookkeeping unless something is found.
      let i = top.i;
      for (; i < arr.length; i++) {
        const v = arr[i];
        if (typeof v === 'number') {
          if (v - v !== 0) found.push([...path, i]);
          if (found.length >= limit) break;
        } else if (v !== null && typeof v === 'object') break;
      }
      if (i >= arr.length || found.length >= limit) {
        stack.pop();
        path.pop();
        continue;
      }
      top.i = i + 1;
      path.push(i);
      enter(arr[i]);
    } else {
      const obj = top.node as Record<string, unknown>;
      if (top.i >= top.keys.length) {
        stack.pop();
        path.pop();
        continue;
      }
      const key = top.keys[top.i++]!;
      const v = obj[key];
      if (typeof v === 'number') {
        if (v - v !== 0) found.push([...path, key]);
      } else if (v !== null && typeof v === 'object') {
        path.push(key);
        enter(v);
      }
    }
  }
  return found;
}

/**
 * A tolerant scanner for text that `JSON.parse` refused: it accepts `NaN`, `Infinity` and
 * `-Infinity` where a value may stand (reporting each by path) and stops at the first real syntax
 * error (reporting its line and column). Only runs on the error path, so it favours clarity.
 */
export function scanForProblems(text: string, file: string): ParseResult {
  const problems: Problem[] = [];
  let i = 0;
  const path: JsonPath = [];
  const MAX_DEPTH = 2000;
  let syntaxError = false;

  class SyntaxStop extends Error {}

  const position = (at: number): { line: number; column: number } => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: at - lineStart + 1 };
  };
  const fail = (expected: string, at = i): never => {
    const { line, column } = position(at);
    const found = at >= text.length ? 'the end of the file' : JSON.stringify(text.slice(at, at + 12));
    problems.push({ file, line, path: `column ${column}`, expected: `valid JSON (${expected})`, found });
    syntaxError = true;
    throw new SyntaxStop();
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const word = (w: string): boolean => text.startsWith(w, i);
  const nonFinite = (token: string): number => {
    problems.push({
      file,
      path: formatPath(path),
      expected: 'a finite number',
      found: `${token} (not valid JSON; Python's json.dump writes it for a float that is not finite)`,
    });
    return Number.NaN;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        try {
          return JSON.parse(text.slice(start, i)) as string;
        } catch {
          return fail('a well-formed string', start);
        }
      }
      if (c === '\\') i += 2;
      else if (c !== undefined && c.charCodeAt(0) < 32) return fail('no control characters in a string');
      else i++;
    }
    return fail('a closing quote', start);
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`nesting no deeper than ${MAX_DEPTH}`);
    ws();
    const c = text[i];
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a quoted key');
        const key = str();
        ws();
        if (text[i] !== ':') fail('":" after a key');
        i++;
        path.push(key);
        obj[key] = value(depth + 1);
        path.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('"," or "}"');
      }
    } else if (c === '[') {
      const arr: unknown[] = [];
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (let index = 0; ; index++) {
        path.push(index);
        arr.push(value(depth + 1));
        path.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('"," or "]"');
      }
    } else if (c === '"') {
      return str();
    } else if (word('NaN')) {
      i += 3;
      return nonFinite('NaN');
    } else if (word('Infinity')) {
      i += 8;
      return nonFinite('Infinity');
    } else if (word('-Infinity')) {
      i += 9;
      return nonFinite('-Infinity');
    } else if (word('true')) {
      i += 4;
      return true;
    } else if (word('false')) {
      i += 5;
      return false;
    } else if (word('null')) {
      i += 4;
      return null;
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('a value');
    const literal = m![0];
    i += literal.length;
    const n = Number(literal);
    if (Number.isFinite(n)) return n;
    problems.push({
      file,
      path: formatPath(path),
      expected: 'a finite number',
      found: `${literal.length > 24 ? literal.slice(0, 23) + '…' : literal} (too large for a 64-bit float)`,
    });
    return Number.NaN;
  };
  let root: unknown;
  try {
    root = value(0);
    ws();
    if (i < text.length) fail('nothing after the top-level value');
  } catch (e) {
    if (!(e instanceof SyntaxStop)) throw e;
  }
  if (syntaxError) return { ok: false, problems };
  if (problems.length === 0) {
    // JSON.parse refused something this scanner accepted (e.g. a lone surrogate): say so plainly.
    return { ok: false, problems: [{ file, expected: 'valid JSON', found: 'text that JSON.parse rejects' }] };
  }
  return { ok: true, value: root, problems };
}
