/**
 * Text that came from jobs or files (log tails, attack types, file names, problem texts) on its
 * way to a log or a terminal (SPEC §6). It can carry terminal escapes (colours, cursor moves, OSC 8
 * links, a title change), bidi overrides that show `exe.txt` as `txt.exe`, and workflow commands:
 * GitHub's runner splits a step's output into lines on `\r` as well as `\n` and runs any line
 * that starts with `::` after its leading white space (`::add-mask::`, `::stop-commands::`,
 * spoofed `::error::` annotations), and a `##[…]` anywhere in a line (the old form). The Azure
 * Pipelines agent runs a `##vso[…]` anywhere in a line (`##vso[task.setvariable …]`,
 * `##vso[task.complete result=Succeeded]`).
 *
 * `printable` keeps tab and newline, drops whole escape sequences and then every other control
 * character (C0, DEL, C1) and the bidi controls, and breaks a leading `::` into `: :`, every
 * `##[` into `# #[` and every `##vso[` into `# #vso[`. It is idempotent. `safeWriter` does the same for a stream of chunks.
 */

/** CSI, OSC (ended by BEL or ST; never past the line), DCS/SOS/PM/APC, and two-character escapes */
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b\n]*(?:\x1b\\)?|\x1b[ -~]?/g;
/** C0 but tab and newline, DEL, C1, bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069) */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
/** a line the runner would read as a workflow command (it trims leading white space first) */
const COMMAND_LINE = /^(\s*):(?=:)/gm;

export function printable(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(ESCAPES, '')
    .replace(CONTROLS, '')
    .replace(COMMAND_LINE, '$1: ')
    .replace(/##\[/g, '# #[')
    .replace(/##(vso\[)/gi, '# #$1');
}

/**
 * A writer that passes every chunk through `printable`, remembering across chunks what the current
 * line holds so far while it could still become a command (blank, or blank and one `:`), so that
 * a `::` split over two writes is broken too.
 */
export function safeWriter(write: (text: string) => void): (text: string) => void {
  let head: string | null = '';
  return (chunk: string) => {
    let text = printable(chunk);
    if (text === '') return;
    if (head !== null && head.endsWith(':') && text.startsWith(':')) text = ` ${text}`;
    const nl = text.lastIndexOf('\n');
    const line = nl >= 0 ? text.slice(nl + 1) : head === null ? null : head + text;
    head = line !== null && /^\s*:?$/.test(line) ? line : null;
    write(text);
  };
}

/**
 * A text quoted from a file (a file name, an attack type, a value) kept on the one line it is
 * quoted in: a line feed or carriage return in it is written as `\n` / `\r`, so it cannot split
 * a log line (SPEC §6) nor start a new one that a runner would read.
 */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, (c) => (c === '\n' ? '\\n' : '\\r'));
}
