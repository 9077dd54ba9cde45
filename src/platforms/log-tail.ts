/**
 * The end of a job's log in bounded memory, whatever the job writes: the last `maxLines` lines,
 * each cut at `maxLineBytes` (the full log goes to disk, or stays on the platform). A chunk is
 * scanned from its end, so a job writing gigabytes costs a few native searches per chunk.
 */
const NL = 0x0a;

export const TAIL_LINES = 50;
export const TAIL_LINE_BYTES = 4096;

export class LogTail {
  private readonly lines: string[] = [];
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private partialCut = false;

  constructor(
    private readonly maxLines = TAIL_LINES,
    private readonly maxLineBytes = TAIL_LINE_BYTES,
  ) {}

  push(chunk: Buffer | string): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (buf.length === 0) return;
    // the last maxLines + 1 newlines of the chunk, from the end
    const cuts: number[] = [];
    for (let i = buf.lastIndexOf(NL); i >= 0 && cuts.length <= this.maxLines; i = i > 0 ? buf.lastIndexOf(NL, i - 1) : -1) cuts.push(i);
    if (cuts.length === 0) return this.add(buf);
    cuts.reverse();
    let from = 0;
    if (cuts.length > this.maxLines) {
      // more complete lines in this chunk than are kept: what came before them is gone
      this.lines.length = 0;
      this.resetPartial();
      from = cuts[0]! + 1;
      cuts.shift();
    }
    for (const at of cuts) {
      this.add(buf.subarray(from, at));
      this.endLine();
      from = at + 1;
    }
    if (from < buf.length) this.add(buf.subarray(from));
  }

  /** the last `n` lines (at most maxLines), the unfinished last line among them */
  text(n = this.maxLines): string {
    const all = this.partialBytes || this.partialCut ? [...this.lines, this.current()] : this.lines;
    return n <= 0 ? '' : all.slice(-n).join('\n');
  }

  private add(part: Buffer): void {
    const room = this.maxLineBytes - this.partialBytes;
    if (part.length > room) this.partialCut = true;
    const kept = part.subarray(0, Math.max(0, room));
    if (kept.length === 0) return;
    // a copy: a slice would keep the whole chunk alive
    this.partial.push(Buffer.from(kept));
    this.partialBytes += kept.length;
  }

  private current(): string {
    const text = Buffer.concat(this.partial, this.partialBytes).toString('utf8');
    return this.partialCut ? `${text} [… line cut at ${this.maxLineBytes} bytes]` : text;
  }

  private endLine(): void {
    this.lines.push(this.current());
    if (this.lines.length > this.maxLines) this.lines.shift();
    this.resetPartial();
  }

  private resetPartial(): void {
    this.partial = [];
    this.partialBytes = 0;
    this.partialCut = false;
  }
}

/** `text` bounded as a job's tail is: its last `lines` lines, each cut at TAIL_LINE_BYTES */
export function boundTail(text: string, lines = TAIL_LINES): string {
  const tail = new LogTail(lines);
  tail.push(text);
  return tail.text(lines);
}
