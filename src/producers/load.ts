/**
 * The HTTP load engine of `evalgate bench http` (SPEC §7). One HTTP/1.1 keep-alive connection of
 * http1.ts per connection, each with at most one request in flight (no pipelining), the request
 * encoded once: no stream, promise, response object or timer per request (see docs/decisions.md
 * for why not undici, fetch or node:http). One clock read per request in a closed loop: the end
 * of a response is the send time of the next.
 *
 * Two modes, one schedule:
 * - closed loop (`concurrency`): each connection sends its next request as soon as the last one
 *   ended; a request's latency is from its send to its last byte.
 * - fixed rate (`rate` R over C connections): request s is due at t0 + s/R (shard i of n shifted
 *   by i/(n·R) so that n generators interleave), connection j takes requests j, j+C, j+2C, …, and
 *   sends each when it is due, or at once when it is late (its connection was still waiting on
 *   the previous answer). Latency is from the time the request was DUE, as wrk2 measures it: a
 *   server that stalls for a second is charged that second for every request that should have
 *   been sent meanwhile (coordinated omission corrected). The latency from the actual send is kept
 *   too, as `uncorrected`, to show the difference.
 *
 * Warm-up: requests due before the measured window starts are sent but not recorded. The window
 * ends after `durationS`: no request due after it is sent, the ones in flight are awaited (bounded
 * by the request timeout) and recorded. Latencies are recorded in microseconds.
 */
import { encodeRequest, Http1Connection, responseError, type Http1Owner, type Http1Target } from './http1.js';
import { HistogramRecorder } from '../core/hdr-encode.js';

export interface LoadOptions {
  url: URL;
  /** requests per second (fixed rate) over `connections`; absent: closed loop */
  rate?: number;
  connections: number;
  durationS: number;
  warmupS: number;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutS: number;
  shard?: { index: number; count: number };
  signal?: AbortSignal;
  /** called about once a second while measuring */
  onProgress?: (p: { elapsedS: number; requests: number; errors: number }) => void;
}

export interface StatusCounts {
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}

export interface LoadResult {
  /** latency of every recorded response, µs (from the due time at a fixed rate) */
  latency: HistogramRecorder;
  /** fixed rate only: from the actual send */
  uncorrected: HistogramRecorder | null;
  status: StatusCounts;
  transportErrors: number;
  /** a few distinct transport error messages */
  transportErrorSamples: string[];
  /** from the start of the measured window to the end of its last request, seconds */
  elapsedS: number;
  startedAt: Date;
  finishedAt: Date;
  /** fixed rate: requests due in the window that were not sent by its end (the generator fell behind) */
  unsent: number;
}

const now = (): number => performance.now();

class Connection implements Http1Owner {
  private due = 0;
  private sent = 0;
  readonly http: Http1Connection;
  /** index of this connection's next request in the schedule (fixed rate) */
  slot: number;
  timer: NodeJS.Timeout | null = null;
  /** waiting out a failed request before the next one (see Load.ended) */
  pausing = false;

  constructor(
    private readonly load: Load,
    target: Http1Target,
    index: number,
  ) {
    this.slot = index;
    this.http = new Http1Connection(target, this);
  }

  get busy(): boolean {
    return this.pausing || this.http.busy;
  }

  /** Sends the request due at `due`, at `t` (now). */
  send(due: number, t: number): void {
    this.due = due;
    this.sent = t;
    this.http.send(t);
  }

  onResponse(status: number): void {
    this.load.ended(this, this.due, this.sent, status, null);
  }
  onError(err: Error): void {
    this.load.ended(this, this.due, this.sent, 0, err);
  }
}

class Load {
  private readonly target: Http1Target;
  private readonly conns: Connection[] = [];
  private t0 = 0;
  private measureFrom = 0;
  private endAt = 0;
  private lastEnd = 0;
  private stopping = false;
  private finish: (() => void) | null = null;
  readonly latency = new HistogramRecorder();
  readonly uncorrected: HistogramRecorder | null;
  readonly status: StatusCounts = { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  transportErrors = 0;
  readonly transportErrorSamples: string[] = [];
  private readonly interval: number;
  private readonly phase: number;
  private readonly timeoutMs: number;
  unsent = 0;

  constructor(private readonly o: LoadOptions) {
    this.target = encodeRequest(o.url, o.method, o.headers, o.body);
    this.uncorrected = o.rate ? new HistogramRecorder() : null;
    this.interval = o.rate ? 1000 / o.rate : 0;
    this.phase = o.shard ? o.shard.index / o.shard.count : 0;
    this.timeoutMs = o.timeoutS * 1000;
  }

  private dueOf(slot: number): number {
    return this.t0 + (slot + this.phase) * this.interval;
  }

  run(): Promise<void> {
    for (let i = 0; i < this.o.connections; i++) this.conns.push(new Connection(this, this.target, i));
    this.t0 = now();
    this.measureFrom = this.t0 + this.o.warmupS * 1000;
    this.endAt = this.measureFrom + this.o.durationS * 1000;
    this.lastEnd = this.measureFrom;
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    const stopTimer = setTimeout(() => this.stop(), this.endAt - this.t0);
    const progress = this.o.onProgress
      ? setInterval(() => {
          const t = now();
          if (t < this.measureFrom) return;
          const st = this.status;
          const responses = st['1xx'] + st['2xx'] + st['3xx'] + st['4xx'] + st['5xx'];
          this.o.onProgress!({
            elapsedS: (t - this.measureFrom) / 1000,
            requests: responses + this.transportErrors,
            errors: st['4xx'] + st['5xx'] + this.transportErrors,
          });
        }, 1000)
      : null;
    // one sweep for the request timeout, not a timer per request: a request with no byte received
    // for the timeout fails (connect, headers and body alike), within a tenth of it
    const sweep = setInterval(() => this.sweep(), Math.min(1000, Math.max(5, this.timeoutMs / 10)));
    const onAbort = (): void => this.stop();
    this.o.signal?.addEventListener('abort', onAbort, { once: true });
    const t = now();
    for (const c of this.conns) this.next(c, t);
    return done.finally(() => {
      clearTimeout(stopTimer);
      clearInterval(sweep);
      if (progress) clearInterval(progress);
      this.o.signal?.removeEventListener('abort', onAbort);
    });
  }

  private sweep(): void {
    const t = now();
    for (const c of this.conns) {
      const h = c.http;
      if (!h.busy) continue;
      if (h.active) {
        h.active = false;
        h.lastActivity = t;
      } else if (t - h.lastActivity >= this.timeoutMs) {
        h.fail(responseError(`no response byte for ${this.o.timeoutS} s (--timeout)`, 'ETIMEDOUT'));
      }
    }
  }

  /** Sends connection c's next request now or when it is due, unless the window is over; t is now. */
  private next(c: Connection, t: number): void {
    if (this.stopping) return this.maybeDone();
    if (!this.interval) {
      c.send(t, t);
      return;
    }
    const due = this.dueOf(c.slot);
    if (due >= this.endAt) return this.maybeDone();
    c.slot += this.o.connections;
    const wait = due - t;
    if (wait <= 0) c.send(due, t);
    else {
      c.timer = setTimeout(() => {
        c.timer = null;
        c.send(due, now());
      }, wait);
    }
  }

  ended(c: Connection, due: number, sent: number, status: number, err: Error | null): void {
    const t = now();
    if (due >= this.measureFrom && due < this.endAt) {
      if (err) {
        this.transportErrors++;
        if (this.transportErrorSamples.length < 5) {
          const msg = `${(err as NodeJS.ErrnoException).code ?? err.name}: ${err.message}`;
          if (!this.transportErrorSamples.includes(msg)) this.transportErrorSamples.push(msg);
        }
      } else {
        const cls = status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : status >= 200 ? '2xx' : '1xx';
        this.status[cls]++;
        this.latency.record((t - due) * 1000);
        this.uncorrected?.record((t - sent) * 1000);
      }
      if (t > this.lastEnd) this.lastEnd = t;
    }
    if (err) {
      // not from inside the socket's error callback; and a refused connection is not retried in
      // a tight loop
      c.pausing = true;
      setImmediate(() => {
        c.pausing = false;
        this.next(c, now());
      });
    } else this.next(c, t);
  }

  stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    for (const c of this.conns) {
      if (c.timer) {
        clearTimeout(c.timer);
        c.timer = null;
      }
    }
    if (this.interval) {
      // requests of the window never sent: the generator (or its connections) could not keep up
      for (const c of this.conns) {
        for (let s = c.slot; this.dueOf(s) < this.endAt; s += this.o.connections) if (this.dueOf(s) >= this.measureFrom) this.unsent++;
      }
    }
    if (this.o.signal?.aborted) for (const c of this.conns) c.http.close();
    this.maybeDone();
  }

  private maybeDone(): void {
    if (!this.stopping) return;
    if (this.conns.some((c) => c.busy || c.timer !== null)) return;
    const f = this.finish;
    this.finish = null;
    f?.();
  }

  close(): void {
    for (const c of this.conns) c.http.close();
  }

  window(): { elapsedS: number } {
    return { elapsedS: Math.max(this.o.durationS, (this.lastEnd - this.measureFrom) / 1000) };
  }
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const load = new Load(o);
  const wallStart = Date.now() + o.warmupS * 1000;
  try {
    await load.run();
  } finally {
    load.close();
  }
  const { elapsedS } = load.window();
  return {
    latency: load.latency,
    uncorrected: load.uncorrected,
    status: load.status,
    transportErrors: load.transportErrors,
    transportErrorSamples: load.transportErrorSamples,
    elapsedS,
    startedAt: new Date(wallStart),
    finishedAt: new Date(wallStart + elapsedS * 1000),
    unsent: load.unsent,
  };
}
