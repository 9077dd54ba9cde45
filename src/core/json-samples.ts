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
import { MAX_JSON_BYTES, parseJsonText } from './json.js';

/** What stands for the array in the rest of the file: a string no JSON text can hold unescaped. */
const MARKER = '\u0000evalgate:samples_ms';
const MARKER_JSON = JSON.stringify(MARKER);
const KEY = Buffer.from('"samples_ms"');
const NUL_ESCAPE = Buffer.from('\\u0000');

export interface FastRead {
  /** the file's value, `samples_ms` taken out when `samples` is set */
  value: Record<string, unknown>;
  samples: Float64Array;
}

/** 10^0 … 10^22: exact as doubles, so m / 10^k and m × 10^k round once, correctly (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The file's value with samples_ms as a Float64Array, or null (read it the ordinary way).
 * `bytes` is the file's content, untouched.
 */
export function readWithSamples(bytes: Uint8Array, file: string): FastRead | null {
  if (bytes.length > MAX_JSON_BYTES || bytes.length < 2) return null;
  if (bytes[0] === 0xef) return null; // a BOM: the ordinary way strips it
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const keyAt = buf.indexOf(KEY);
  if (keyAt < 0) return null;
  let i = keyAt + KEY.length;
  const ws = (): void => {
    while (i < buf.length) {
      const c = buf[i]!;
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  ws();
  if (buf[i] !== 58 /* : */) return null;
  i++;
  ws();
  if (buf[i] !== 91 /* [ */) return null;
  const open = i;
  const parsed = readNumbers(buf, open);
  if (!parsed) return null;
  const { samples, end } = parsed;
  // No string of the file can then hold a NUL (JSON writes it only as \u0000), so the marker
  // stands only where it is put. (The array itself is digits.)
  // (one search of the whole file: the array between them is digits, it holds no `\u0000`)
  if (buf.indexOf(NUL_ESCAPE) >= 0) return null;
  // the rest: the same text with the array replaced by the marker, through the one reader
  const rest = buf.toString('utf8', 0, open) + MARKER_JSON + buf.toString('utf8', end + 1);
  // as the ordinary reader counts the cap: the decoded text's UTF-8 bytes
  if (Buffer.byteLength(rest) - MARKER_JSON.length + (end + 1 - open) > MAX_JSON_BYTES) return null;
  const r = parseJsonText(rest, file);
  if (!r.ok || r.problems.length) return null;
  const value = r.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const obj = value as Record<string, unknown>;
  // The marker is the only string with a NUL: found at the top, the array was the top-level
  // samples_ms (the key "samples_ms" found first may be one in a nested object: read ordinarily).
  if (obj.samples_ms !== MARKER) return null;
  return { value: obj, samples };
}

/**
 * A non-empty array of non-negative JSON numbers starting at `open` ("["), strictly by RFC 8259's
 * grammar; null for anything else (a sign, another kind of element, a syntax error, a number that
 * overflows). `end` is the index of its "]".
 */
function readNumbers(buf: Buffer, open: number): { samples: Float64Array; end: number } | null {
  const n = buf.length;
  // at most one number per two bytes ("1,"): pages of the array never written are never touched
  const out = new Float64Array(((n - open) >>> 1) + 1);
  let count = 0;
  let i = open + 1;
  for (;;) {
    let c = buf[i]!;
    while (c === 32 || c === 10 || c === 13 || c === 9) c = buf[++i]!;
    // a number: int [frac] [exp]
    const start = i;
    let mant = 0;
    let digits = 0;
    let scale = 0;
    if (c === 48 /* 0 */) {
      c = buf[++i]!;
    } else if (c >= 49 && c <= 57) {
      do {
        mant = mant * 10 + (c - 48);
        digits++;
        c = buf[++i]!;
      } while (c >= 48 && c <= 57);
    } else return null;
    if (c === 46 /* . */) {
      c = buf[++i]!;
      if (!(c >= 48 && c <= 57)) return null;
      do {
        if (mant !== 0 || c !== 48) digits++;
        mant = mant * 10 + (c - 48);
        scale++;
        c = buf[++i]!;
      } while (c >= 48 && c <= 57);
    }
    let v: number;
    if (c === 101 || c === 69 /* e E */) {
      c = buf[++i]!;
      if (c === 43 || c === 45) c = buf[++i]!;
      if (!(c >= 48 && c <= 57)) return null;
      do c = buf[++i]!;
      while (c >= 48 && c <= 57);
      v = Number(buf.toString('latin1', start, i));
    } else if (digits <= 15 && scale <= 22) {
      // mant < 10^15 < 2^53 is exact, and so is 10^scale: one correctly rounded division
      v = scale === 0 ? mant : mant / POW10[scale]!;
    } else v = Number(buf.toString('latin1', start, i));
    if (!(v - v === 0)) return null; // 1e999: the ordinary reader names it
    out[count++] = v;
    while (c === 32 || c === 10 || c === 13 || c === 9) c = buf[++i]!;
    if (c === 44 /* , */) {
      i++;
      continue;
    }
    if (c === 93 /* ] */) return { samples: out.subarray(0, count), end: i };
    return null;
  }
}
