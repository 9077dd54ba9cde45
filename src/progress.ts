/**
 * Progress while jobs run. On a terminal: one live line per job (state, elapsed), redrawn in
 * place at most a few times a second. In CI logs: one compact line per state change, never a
 * flood.
 */
import type { JobState } from './platforms/platform.js';
import { printable } from './core/sanitize.js';

export interface ProgressJob {
  name: string;
  label: string;
}

const ICON: Record<JobState, string> = { queued: '…', running: '▶', succeeded: '✓', failed: '✗', cancelled: '-' };

export class Progress {
  private readonly state = new Map<string, { state: JobState; since: number; started?: number; ended?: number }>();
  private drawn = 0;
  private lastDraw = 0;
  private readonly jobs: ProgressJob[];

  /** `write` gets the terminal's cursor moves when `tty`: give it the raw stdout (Runtime.terminal) */
  constructor(
    jobs: ProgressJob[],
    private readonly write: (text: string) => void,
    private readonly tty: boolean,
    private readonly now: () => number = Date.now,
  ) {
    // a label is the config's job key: printed with the rest of the line, never as a control
    this.jobs = jobs.map((j) => ({ ...j, label: printable(j.label) }));
    for (const j of jobs) this.state.set(j.name, { state: 'queued', since: this.now() });
    if (!tty) this.write(`evalgate: ${jobs.length} job${jobs.length === 1 ? '' : 's'} submitted\n`);
  }

  update(name: string, state: JobState): void {
    const s = this.state.get(name);
    if (!s || s.state === state) return;
    const t = this.now();
    if (state === 'running') s.started = t;
    if (state === 'succeeded' || state === 'failed' || state === 'cancelled') s.ended = t;
    s.state = state;
    s.since = t;
    if (!this.tty) {
      const job = this.jobs.find((j) => j.name === name)!;
      const elapsed = s.started !== undefined && s.ended !== undefined ? ` after ${((s.ended - s.started) / 1000).toFixed(1)} s` : '';
      this.write(`evalgate: ${job.label}: ${state}${elapsed}${this.tally()}\n`);
    } else this.draw(false);
  }

  /** Redraws the live lines (terminal only); called on each poll. */
  tick(): void {
    if (this.tty) this.draw(false);
  }

  done(): void {
    if (this.tty) this.draw(true);
  }

  private tally(): string {
    const counts = new Map<JobState, number>();
    for (const s of this.state.values()) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
    const done = (counts.get('succeeded') ?? 0) + (counts.get('failed') ?? 0) + (counts.get('cancelled') ?? 0);
    return ` (${done}/${this.jobs.length} done)`;
  }

  private draw(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastDraw < 250) return;
    this.lastDraw = t;
    const lines = this.jobs.map((j) => {
      const s = this.state.get(j.name)!;
      const from = s.started ?? s.since;
      const to = s.ended ?? t;
      const elapsed = s.state === 'queued' ? '' : ` ${((to - from) / 1000).toFixed(1)} s`;
      return `${ICON[s.state]} ${j.label.padEnd(28)} ${s.state}${elapsed}`;
    });
    // move up over what was drawn before, clear each line, draw anew
    const up = this.drawn ? `\x1b[${this.drawn}A` : '';
    this.write(up + lines.map((l) => `\x1b[2K${l}`).join('\n') + '\n');
    this.drawn = lines.length;
  }
}
