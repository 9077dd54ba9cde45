import { describe, expect, it } from 'vitest';
import { Progress } from '../src/progress.js';

const jobs = [
  { name: 'a', label: 'accuracy_f1 1/2' },
  { name: 'b', label: 'accuracy_f1 2/2' },
];

describe('progress', () => {
  it('in CI logs: one compact line per state change, nothing on repeats', () => {
    const out: string[] = [];
    let t = 0;
    const p = new Progress(
      jobs,
      (s) => out.push(s),
      false,
      () => t,
    );
    p.update('a', 'running');
    p.update('a', 'running');
    p.tick();
    t = 1500;
    p.update('a', 'succeeded');
    p.update('b', 'failed');
    p.done();
    expect(out).toEqual([
      'evalgate: 2 jobs submitted\n',
      'evalgate: accuracy_f1 1/2: running (0/2 done)\n',
      'evalgate: accuracy_f1 1/2: succeeded after 1.5 s (1/2 done)\n',
      'evalgate: accuracy_f1 2/2: failed (2/2 done)\n',
    ]);
  });

  it('on a terminal: one live line per job, redrawn in place, at most 4 times a second', () => {
    const out: string[] = [];
    let t = 0;
    const p = new Progress(
      jobs,
      (s) => out.push(s),
      true,
      () => t,
    );
    t = 1000;
    p.update('a', 'running');
    t = 1100;
    p.tick(); // too soon: no redraw
    t = 3600;
    p.tick();
    p.done();
    expect(out).toHaveLength(3);
    expect(out[0]).toBe('\x1b[2K▶ accuracy_f1 1/2              running 0.0 s\n\x1b[2K… accuracy_f1 2/2              queued\n');
    expect(out[1]!.startsWith('\x1b[2A')).toBe(true); // moves up over the two lines it drew
    expect(out[1]).toContain('running 2.6 s');
  });
});
