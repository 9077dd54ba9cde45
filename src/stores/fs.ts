/**
 * Indicator files on the local file system. ONE resolver of result paths (`--results`, `gate`,
 * `validate`): a file, a folder (every *.json below it, recursively) or a glob (`results/**\/*.json`,
 * `out/shard-?/latency*.json`, `{a,b}`, `[…]`).
 *
 * - Only regular files are ever opened; a FIFO, socket or device is a problem (a FIFO would hang).
 * - A symbolic link below the folder (the glob's literal base) is followed only when its real target
 *   is below it too; otherwise it is a problem naming the link, and nothing of the target is read.
 *   A link loop is a problem; a folder reached twice is read once.
 * - A glob is matched segment by segment with a linear wildcard matcher (no regular expressions, so
 *   no backtracking blow-up), braces expanded up to MAX_BRACE_EXPANSION patterns.
 * - A malformed glob, or a folder or glob that yields no indicator file, is a problem naming it.
 */
import { closeSync, constants as fsc, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problem.js';
import { closest } from '../core/suggest.js';
import { scratchBytes } from '../core/scratch.js';

export const DEFAULT_MAX_FILE_SIZE_MB = 64;

/** `scheme://…` (azblob://, oss://, tos://, s3://, https://): a location staging passes through. */
export const isUri = (p: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);
const MIB = 1024 * 1024;

/** Brace alternatives a glob may expand to; more is a problem, not minutes of matching. */
export const MAX_BRACE_EXPANSION = 256;

const hasMagic = (p: string): boolean => /[*?[\]{}]/.test(p.replace(/\\./g, ''));

/** One character position of a segment pattern. */
type Atom =
  { kind: 'char'; c: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negate: boolean; items: [string, string][] };
/** A path segment pattern: `**` (any number of segments) or atoms matched against one name. */
type Segment = { kind: 'globstar' } | { kind: 'atoms'; atoms: Atom[] };

export type GlobParse = { ok: true; patterns: Segment[][]; base: string } | { ok: false; reason: string };

/** `{a,b}` alternatives expanded (nested braces too), at most `MAX_BRACE_EXPANSION` patterns. */
function expandBraces(glob: string): { ok: true; out: string[] } | { ok: false; reason: string } {
  // find the first top-level `{` with its matching `}` (a `\` escapes the next character)
  let open = -1;
  let depth = 0;
  const commas: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[' && open < 0) {
      // a bracket expression may hold braces literally
      const end = classEnd(glob, i);
      if (end > 0) i = end;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const pre = glob.slice(0, open);
        const post = glob.slice(i + 1);
        const alts: string[] = [];
        let from = open + 1;
        for (const k of commas) {
          alts.push(glob.slice(from, k));
          from = k + 1;
        }
        alts.push(glob.slice(from, i));
        const out: string[] = [];
        for (const a of alts) {
          const rest = expandBraces(pre + a + post);
          if (!rest.ok) return rest;
          for (const r of rest.out) {
            out.push(r);
            if (out.length > MAX_BRACE_EXPANSION)
              return { ok: false, reason: `its braces expand to more than ${MAX_BRACE_EXPANSION} patterns` };
          }
        }
        return { ok: true, out: [...new Set(out)] };
      }
    } else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && depth === 0) return { ok: false, reason: `a "}" at offset ${i} without its "{"` };
  }
  if (depth > 0) return { ok: false, reason: `an unclosed "{" at offset ${open}` };
  return { ok: true, out: [glob] };
}

/** Index of the `]` closing the bracket expression at `start`, or -1. */
function classEnd(s: string, start: number): number {
  let i = start + 1;
  if (s[i] === '!' || s[i] === '^') i++;
  if (s[i] === ']') i++; // a leading `]` is literal
  for (; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return -1;
}

function parseSegment(seg: string): { ok: true; segment: Segment } | { ok: false; reason: string } {
  if (seg === '**') return { ok: true, segment: { kind: 'globstar' } };
  const atoms: Atom[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\') {
      if (i + 1 >= seg.length) return { ok: false, reason: 'a "\\" at the end of a segment' };
      atoms.push({ kind: 'char', c: seg[++i]! });
    } else if (c === '*') {
      if (atoms[atoms.length - 1]?.kind !== 'star') atoms.push({ kind: 'star' }); // `**` inside a name is `*`
    } else if (c === '?') atoms.push({ kind: 'any' });
    else if (c === '[') {
      const end = classEnd(seg, i);
      if (end < 0) return { ok: false, reason: `an unclosed "[" in ${JSON.stringify(seg)}` };
      let j = i + 1;
      const negate = seg[j] === '!' || seg[j] === '^';
      if (negate) j++;
      const items: [string, string][] = [];
      const chars: string[] = [];
      for (; j < end; j++) chars.push(seg[j] === '\\' ? seg[++j]! : seg[j]!);
      for (let k = 0; k < chars.length; k++) {
        if (chars[k + 1] === '-' && k + 2 < chars.length) {
          const [lo, hi] = [chars[k]!, chars[k + 2]!];
          if (lo > hi)
            return { ok: false, reason: `a character range out of order ("${lo}-${hi}") in ${JSON.stringify(seg.slice(i, end + 1))}` };
          items.push([lo, hi]);
          k += 2;
        } else items.push([chars[k]!, chars[k]!]);
      }
      atoms.push({ kind: 'class', negate, items });
      i = end;
    } else if (c === ']' || c === '}' || c === '{') return { ok: false, reason: `a stray "${c}" in ${JSON.stringify(seg)}` };
    else atoms.push({ kind: 'char', c });
  }
  return { ok: true, segment: { kind: 'atoms', atoms } };
}

/** Parses a glob: its brace expansions, each as segments, and the literal folder the walk starts at. */
export function parseGlob(glob: string): GlobParse {
  const norm = glob.split(path.sep).join('/');
  const expanded = expandBraces(norm);
  if (!expanded.ok) return expanded;
  const raw = norm.split('/');
  const first = raw.findIndex(hasMagic);
  const baseSegs = first < 0 ? raw.slice(0, -1) : raw.slice(0, first);
  const base = baseSegs.join('/') || (norm.startsWith('/') ? '/' : '.');
  const patterns: Segment[][] = [];
  for (const p of expanded.out) {
    const segs = p.split('/');
    if (!segs.slice(0, baseSegs.length).every((s, i) => s === baseSegs[i])) {
      return { ok: false, reason: 'a brace that spans its literal folder' };
    }
    const parsed: Segment[] = [];
    for (const s of segs.slice(baseSegs.length)) {
      if (s === '' || s === '.') continue;
      if (s === '..') return { ok: false, reason: '".." after a wildcard' };
      const r = parseSegment(s);
      if (!r.ok) return r;
      if (r.segment.kind === 'globstar' && parsed[parsed.length - 1]?.kind === 'globstar') continue; // `**/**` is `**`
      parsed.push(r.segment);
    }
    patterns.push(parsed);
  }
  return { ok: true, patterns, base };
}

const atomMatches = (a: Atom, ch: string): boolean => {
  switch (a.kind) {
    case 'char':
      return a.c === ch;
    case 'any':
      return true;
    case 'class':
      return a.items.some(([lo, hi]) => ch >= lo && ch <= hi) !== a.negate;
    case 'star':
      return false;
  }
};

/** Wildcard match of one name, greedy with one backtrack point: O(name × pattern), never exponential. */
export function matchName(atoms: readonly Atom[], name: string): boolean {
  const chars = [...name];
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < chars.length) {
    const a = atoms[p];
    if (a && a.kind !== 'star' && atomMatches(a, chars[n]!)) {
      p++;
      n++;
    } else if (a?.kind === 'star') {
      starP = p++;
      starN = n;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else return false;
  }
  while (atoms[p]?.kind === 'star') p++;
  return p === atoms.length;
}

/** A set of positions in the patterns (an NFA over segments); `**` positions also stand for the next. */
type States = Set<string>;
const stateKey = (pi: number, si: number): string => `${pi}:${si}`;

function closure(patterns: Segment[][], states: Iterable<[number, number]>): States {
  const out: States = new Set();
  for (let [pi, si] of states) {
    for (;;) {
      out.add(stateKey(pi, si));
      if (patterns[pi]![si]?.kind !== 'globstar') break;
      si++;
    }
  }
  return out;
}

/** The states after consuming `name`, and whether one of them is a complete match. */
function step(patterns: Segment[][], states: States, name: string): { next: States; matched: boolean } {
  const moved: [number, number][] = [];
  for (const k of states) {
    const [pi, si] = k.split(':').map(Number) as [number, number];
    const seg = patterns[pi]![si];
    if (!seg) continue;
    if (seg.kind === 'globstar') {
      // `**` matches no hidden-folder magic here: every name, as the folder walk reads every file
      moved.push([pi, si]);
    } else if (matchName(seg.atoms, name)) moved.push([pi, si + 1]);
  }
  const next = closure(patterns, moved);
  let matched = false;
  for (const k of next) {
    const [pi, si] = k.split(':').map(Number) as [number, number];
    if (si === patterns[pi]!.length) matched = true;
  }
  return { next, matched };
}

export interface Listing {
  files: string[];
  problems: Problem[];
}

/** What a path that is neither a file nor a folder is called in messages (it is never opened). */
const SPECIAL = 'a special file (FIFO, socket or device)';

const inside = (root: string, real: string): boolean => {
  const rel = path.relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

interface Candidate {
  shown: string;
  real: string;
  viaLink: boolean;
}

/**
 * Walks `start` (real path `root`): every candidate file, and a problem for each link that leaves
 * the root, each link loop and each special file that would have been a candidate. `want` says
 * whether a name is a candidate and whether a folder is worth entering (a glob prunes).
 * Synchronous, as the reads are (see readIndicatorText): for 5000 shards in a few folders the
 * thread-pool round trips of async readdir and realpath cost more than the listing.
 */
function walkTree(
  start: string,
  root: string,
  cwd: string,
  init: States | null,
  patterns: Segment[][],
  out: Candidate[],
  problems: Problem[],
): void {
  const seen = new Set<string>([root]);
  const visit = (dir: string, states: States | null, viaLink: boolean): void => {
    // the folder's real path, resolved once for all its files (not once per file: 5000 shards)
    let realDir: string | null = null;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: display(dir, cwd), expected: 'a readable folder', found: (e as NodeJS.ErrnoException).code ?? 'an error' });
      return;
    }
    // how its entries are shown, worked out once for the folder (path.relative per file cost more
    // than reading the file): the same as display(path.join(dir, name), cwd)
    const relDir = path.relative(cwd, dir);
    const below = relDir !== '' && !relDir.startsWith('..') && !path.isAbsolute(relDir);
    for (const e of entries) {
      const p = childPath(dir, e.name);
      const shown = below ? relDir + path.sep + e.name : relDir === '' && !e.name.startsWith('..') ? e.name : p;
      let next: States | null = null;
      let candidate: boolean;
      if (states) {
        const s = step(patterns, states, e.name);
        if (s.next.size === 0) continue; // nothing below or at this name can match
        next = s.next;
        candidate = s.matched;
      } else candidate = e.name.endsWith('.json');
      const enter = states ? [...next!].some((k) => Number(k.split(':')[1]) < patterns[Number(k.split(':')[0])]!.length) : true;

      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let real = p;
      let link = viaLink;
      if (e.isSymbolicLink()) {
        link = true;
        try {
          real = realpathSync.native(p);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') problems.push({ file: shown, expected: 'a symbolic link that resolves', found: 'a symbolic link loop' });
          else if (candidate)
            problems.push({ file: shown, expected: 'a symbolic link to a file', found: `a dangling link (${code ?? 'unresolvable'})` });
          continue;
        }
        let st: Stats;
        try {
          st = statSync(real);
        } catch (err) {
          if (candidate)
            problems.push({ file: shown, expected: 'a readable file', found: (err as NodeJS.ErrnoException).code ?? 'an error' });
          continue;
        }
        isDir = st.isDirectory();
        isFile = st.isFile();
        if ((isDir && enter) || candidate) {
          if (!inside(root, real)) {
            // never read: the target may be anything on the machine (a secret, /proc/self/environ)
            problems.push({
              file: shown,
              expected: `a symbolic link whose target is inside ${display(root, cwd) || '.'} (links are followed only within the folder read)`,
              found: `a link to ${isDir ? 'a folder' : 'a file'} outside it (not read)`,
            });
            continue;
          }
        }
        if (!isDir && !isFile && candidate) {
          problems.push({ file: shown, expected: 'a regular file', found: `a link to ${SPECIAL}` });
          continue;
        }
      } else if (!isDir && !isFile) {
        if (candidate) problems.push({ file: shown, expected: 'a regular file', found: SPECIAL });
        continue;
      }
      if (isDir) {
        if (!enter) continue;
        if (!e.isSymbolicLink()) {
          try {
            real = realpathSync.native(p);
          } catch {
            continue;
          }
        }
        if (seen.has(real)) continue; // a folder reached twice (a link back up) is read once
        seen.add(real);
        visit(p, next, link);
      } else if (isFile && candidate) {
        if (!e.isSymbolicLink()) realDir ??= realOr(dir);
        out.push({ shown, real: e.isSymbolicLink() ? real : childPath(realDir!, e.name), viaLink: link });
      }
    }
  };
  visit(start, init, false);
}

/** A folder's real path, or the folder as named when it cannot be resolved. */
function realOr(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return dir;
  }
}

/** path.join(dir, name) for a normalised folder and a name read from it (no separator in it). */
const childPath = (dir: string, name: string): string => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

/** Files named by a `--results` path, folder or glob, sorted so that every run reads them in the same order. */
export async function listResults(spec: string, cwd: string): Promise<Listing> {
  const problems: Problem[] = [];
  const found: Candidate[] = [];
  const glob = hasMagic(spec);
  if (!glob) {
    const literal = spec.replace(/\\(.)/g, '$1');
    const abs = path.resolve(cwd, literal);
    let st: Stats;
    try {
      st = statSync(abs); // a link named on the command line is the user's own choice: followed
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const found = code === 'ENOENT' ? 'nothing at that path' : code === 'ELOOP' ? 'a symbolic link loop' : (code ?? 'an error');
      return { files: [], problems: [{ file: spec, expected: 'a folder, a file or a glob of indicator files', found }] };
    }
    if (st.isFile()) return { files: [literal], problems: [] };
    if (!st.isDirectory())
      return { files: [], problems: [{ file: spec, expected: 'a folder, a regular file or a glob of indicator files', found: SPECIAL }] };
    walkTree(abs, realpathSync.native(abs), cwd, null, [], found, problems);
    if (found.length === 0)
      problems.push({ file: spec, expected: 'a folder with at least one indicator file (*.json) below it', found: 'none' });
  } else {
    const g = parseGlob(spec);
    if (!g.ok) return { files: [], problems: [{ file: spec, expected: 'a valid glob (*, **, ?, [a-z], {a,b})', found: g.reason }] };
    const base = path.resolve(cwd, g.base);
    let real: string;
    try {
      real = realpathSync.native(base);
      if (!statSync(real).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    } catch {
      return { files: [], problems: [{ file: spec, expected: 'a glob whose folder exists', found: `no folder ${g.base}` }] };
    }
    const init = closure(
      g.patterns,
      g.patterns.map((_, i) => [i, 0] as [number, number]),
    );
    walkTree(base, real, cwd, init, g.patterns, found, problems);
    if (found.length === 0) {
      const ext = /\.([A-Za-z0-9]+)$/.exec(spec)?.[1];
      const hint =
        ext && ext !== 'json' && closest(ext, ['json']) ? ` (did you mean ${JSON.stringify(spec.slice(0, -ext.length) + 'json')}?)` : '';
      problems.push({ file: spec, expected: 'a glob matching at least one indicator file', found: `no file matches it${hint}` });
    }
  }
  // what is reached twice (a file and a link to it) is read once, under its own name
  found.sort((a, b) => Number(a.viaLink) - Number(b.viaLink) || (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  const byReal = new Map<string, string>();
  for (const c of found) if (!byReal.has(c.real)) byReal.set(c.real, c.shown);
  const files = [...byReal.values()].sort();
  return { files, problems };
}

/** Paths inside the working directory are shown relative to it, as a user typed them. */
export function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Synchronous on purpose: files are folded one at a time, and for thousands of small shard files
 * the thread-pool round trips of async stat + readFile cost more than the reading (5000 files:
 * 1.3 s async, 0.14 s sync). Opened non-blocking and checked with fstat before a byte is read, so a
 * FIFO or a device named *.json (or swapped in after the listing) never blocks the run.
 */
export function readIndicatorText(file: string, cwd: string, maxFileSizeMb: number): ReadResult {
  const r = readIndicatorBytes(file, cwd, maxFileSizeMb);
  if (!r.ok) return r;
  return { ok: true, text: decodeText(r.bytes) };
}

/** The text of a file's bytes, without the BOM some Windows tools write. */
export function decodeText(bytes: Uint8Array): string {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/**
 * Files are read into the shared scratch block (core/scratch.ts), grown to the largest: files are
 * folded one at a time, so the memory of reading is the largest file once (SPEC §8), whatever
 * their number, and no 63 MiB buffer waits for the garbage collector. Files up to SMALL_FILE
 * bytes are read with no fstat.
 */
const SMALL_FILE = 64 * 1024;

/** A size past the cap, in MiB, and in bytes where the MiB would read as the cap itself (1.0 MiB over 1). */
function sizeOver(bytes: number, capMb: number): string {
  const mib = (bytes / MIB).toFixed(1);
  return Number(mib) > capMb ? `${mib} MiB` : `${bytes} bytes (${mib} MiB)`;
}

/**
 * {@link readIndicatorText}'s bytes. They live in a buffer the next call reuses: whatever is kept
 * of them must be copied out (decoded, parsed) before the next file is read.
 */
export function readIndicatorBytes(file: string, cwd: string, maxFileSizeMb: number): BytesResult {
  // A listed path (relative to cwd, no ".." in it) needs no path.resolve: its cost was more than
  // an open's over 5000 shards. Lexical and physical resolution differ only at a "..".
  const abs = cwd === process.cwd() && !file.includes('..') ? file : path.resolve(cwd, file);
  const failed = (e: unknown): BytesResult => ({
    ok: false,
    problem: { file, expected: 'a readable file', found: (e as NodeJS.ErrnoException).code ?? 'an error' },
  });
  let fd: number;
  try {
    fd = openSync(abs, fsc.O_RDONLY | fsc.O_NONBLOCK);
  } catch (e) {
    return failed(e);
  }
  try {
    // Most indicator files are small: read to the end into the scratch buffer with no fstat (its
    // Stats object cost as much as the read). The listing found a regular file here; one swapped
    // for another kind since cannot hang the run (opened non-blocking) nor be read past the cap;
    // past the cap, or when the read fails (a folder: EISDIR), fstat below says what it is.
    const cap = maxFileSizeMb * MIB;
    let scratch = scratchBytes(SMALL_FILE);
    const limit = Math.min(scratch.length, Math.floor(cap) + 1);
    try {
      let got = 0;
      while (got < limit) {
        const r = readSync(fd, scratch, got, limit - got, null);
        if (r === 0) return { ok: true, bytes: scratch.subarray(0, got) };
        got += r;
      }
    } catch {
      /* said by the metadata below, or by the same read again */
    }
    // larger than the scratch buffer or than the cap: by its metadata, then read from the start
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, problem: { file, expected: 'a regular file', found: st.isDirectory() ? 'a folder' : SPECIAL } };
    if (st.size > cap) {
      return {
        ok: false,
        problem: { file, expected: `a file of at most ${maxFileSizeMb} MiB (--max-file-size)`, found: sizeOver(st.size, maxFileSizeMb) },
      };
    }
    scratch = scratchBytes(st.size);
    let n = 0;
    while (n < st.size) {
      const r = readSync(fd, scratch, n, st.size - n, n);
      if (r === 0) break;
      n += r;
    }
    return { ok: true, bytes: scratch.subarray(0, n) };
  } catch (e) {
    return failed(e);
  } finally {
    closeSync(fd);
  }
}
