/**
 * Rows of a JSONL or CSV file, streamed one line at a time (bounded memory whatever the file's
 * size), each with its 1-based line number for messages (`preds.csv:12: …`).
 *
 * JSONL: one JSON object per line (blank lines skipped). CSV (RFC 4180 within a line): a header
 * row, then one row per line; fields may be quoted ("a, b" and "say ""hi"""). The format comes
 * from the extension (.jsonl/.ndjson/.json: JSONL, .csv/.tsv: CSV, tab-separated for .tsv), else
 * from the first character of the file (`{`: JSONL).
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { EvalgateError, type Problem } from '../core/problem.js';

export interface Row {
  line: number;
  /** column -> value: strings from CSV, JSON values from JSONL */
  values: Record<string, unknown>;
}

export type Format = 'jsonl' | 'csv' | 'tsv';

export async function detectFormat(file: string): Promise<Format> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv') return 'tsv';
  const fd = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await fd.read(Buffer.alloc(256), 0, 256, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').trimStart();
    return head.startsWith('{') ? 'jsonl' : 'csv';
  } finally {
    await fd.close();
  }
}

/** One CSV line into fields; null when a quote is left open. */
export function splitCsv(line: string, sep = ','): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // text after a closing quote, before the separator, is kept (lenient, as Python's csv)
      const next = line.indexOf(sep, i);
      v += next < 0 ? line.slice(i) : line.slice(i, next);
      out.push(v);
      if (next < 0) return out;
      i = next + 1;
    } else {
      const next = line.indexOf(sep, i);
      if (next < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, next));
      i = next + 1;
    }
  }
}

/** A readable file, or a problem naming it and the flag that gave it. */
export async function checkReadable(file: string, flag: string): Promise<Problem | null> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { file, path: flag, expected: 'a regular file', found: 'a folder or special file' };
    return null;
  } catch (e) {
    return { file, path: flag, expected: 'a readable JSONL or CSV file', found: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/**
 * The rows of `file`. `display` is how messages name it. Throws an EvalgateError (file:line) on a
 * malformed row.
 */
export async function* readRows(file: string, display: string): AsyncGenerator<Row> {
  const format = await detectFormat(file);
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let line = 0;
  let header: string[] | null = null;
  const sep = format === 'tsv' ? '\t' : ',';
  const bad = (expected: string, found: string): EvalgateError => new EvalgateError([{ file: display, line, expected, found }]);
  try {
    for await (const raw of rl) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      if (format === 'jsonl') {
        let v: unknown;
        try {
          v = JSON.parse(text);
        } catch {
          throw bad('a JSON object on this line (JSONL)', JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text));
        }
        if (v === null || typeof v !== 'object' || Array.isArray(v)) throw bad('a JSON object on this line (JSONL)', JSON.stringify(v)?.slice(0, 60) ?? String(v));
        yield { line, values: v as Record<string, unknown> };
        continue;
      }
      const fields = splitCsv(text, sep);
      if (fields === null) throw bad('a CSV row (a quoted field closed on its line)', 'an unterminated quote');
      if (header === null) {
        header = fields.map((f) => f.trim());
        const dup = header.find((h, i) => header!.indexOf(h) !== i);
        if (dup !== undefined) throw bad('a header row of distinct column names', `column ${JSON.stringify(dup)} twice`);
        continue;
      }
      if (fields.length !== header.length) throw bad(`${header.length} fields (as the header row has)`, `${fields.length}`);
      const values: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) values[header[i]!] = fields[i];
      yield { line, values };
    }
  } finally {
    rl.close();
  }
}
