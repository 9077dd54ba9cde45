/**
 * The HTTP load engine of `evalgate bench http` (SPEC §7). One undici `Client` per connection
 * (HTTP/1.1, keep-alive, no pipelining), each with at most one request in flight, driven through
 * `dispatch()` with one reused handler object per connection: no stream, promise or response
 * object per request (see docs/decisions.md for why not fetch, `request()` or node:http).
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
import { Client, type Dispatcher } from 'undici';
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

class Connection implements Dispatcher.DispatchHandler {
  private due = 0;
  private sent = 0;
  private status = 0;
  /** index of this connection's next request in the schedule (fixed rate) */
  slot: number;
  timer: NodeJS.Timeout | null = null;
  busy = false;

  constructor(
    private readonly load: Load,
    readonly client: Client,
    index: number,
  ) {
    this.slot = index;
  }

  send(due: number): void {
    this.due = due;
    this.sent = now();
    this.status = 0;
    this.busy = true;
    this.client.dispatch(this.load.request, this);
  }

  // undici's legacy handler methods: a handler without onRequestStart is used as it is, where the
  // newer ones are wrapped per request and get the headers parsed into an object (2-3% of the CPU
  // of a run against nginx); the status is all a load test reads
  onConnect(): void {}
  onHeaders(statusCode: number): boolean {
    this.status = statusCode;
    return true;
  }
  onData(): boolean {
    return true;
  }
  onComplete(): void {
    this.busy = false;
    this.load.ended(this, this.due, this.sent, this.status, null);
  }
  onError(err: Error): void {
    this.busy = false;
    this.load.ended(this, this.due, this.sent, 0, err);
  }
}

class Load {
  readonly request: Dispatcher.DispatchOptions;
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
  unsent = 0;

  constructor(private readonly o: LoadOptions) {
    this.request = {
      path: `${o.url.pathname}${o.url.search}`,
      method: o.method,
      headers: o.headers,
      body: o.body ?? null,
      // every request may be sent again on a new connection only by us, never by undici
      idempotent: false,
      blocking: false,
      headersTimeout: o.timeoutS * 1000,
      bodyTimeout: o.timeoutS * 1000,
    };
    this.uncorrected = o.rate ? new HistogramRecorder() : null;
    this.interval = o.rate ? 1000 / o.rate : 0;
    this.phase = o.shard ? o.shard.index / o.shard.count : 0;
  }

  private dueOf(slot: number): number {
    return this.t0 + (slot + this.phase) * this.interval;
  }

  run(): Promise<void> {
    const origin = this.o.url.origin;
    for (let i = 0; i < this.o.connections; i++) {
      const client = new Client(origin, {
        pipelining: 1,
        keepAliveTimeout: 60_000,
        headersTimeout: this.o.timeoutS * 1000,
        bodyTimeout: this.o.timeoutS * 1000,
        connectTimeout: this.o.timeoutS * 1000,
      });
      this.conns.push(new Connection(this, client, i));
    }
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
          this.o.onProgress!({ elapsedS: (t - this.measureFrom) / 1000, requests: responses + this.transportErrors, errors: st['4xx'] + st['5xx'] + this.transportErrors });
        }, 1000)
      : null;
    const onAbort = (): void => this.stop();
    this.o.signal?.addEventListener('abort', onAbort, { once: true });
    for (const c of this.conns) this.next(c);
    return done.finally(() => {
      clearTimeout(stopTimer);
      if (progress) clearInterval(progress);
      this.o.signal?.removeEventListener('abort', onAbort);
    });
  }

  /** Sends connection c's next request now or when it is due, unless the window is over. */
  private next(c: Connection): void {
    if (this.stopping) return this.maybeDone();
    if (!this.interval) {
      c.send(now());
      return;
    }
    const due = this.dueOf(c.slot);
    if (due >= this.endAt) return this.maybeDone();
    c.slot += this.o.connections;
    const wait = due - now();
    if (wait <= 0) c.send(due);
    else {
      c.timer = setTimeout(() => {
        c.timer = null;
        c.send(due);
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
      // not from inside undici's error callback: it is still clearing the connection's queue
      // (dispatching there trips its assertions); and a refused connection is not retried in a
      // tight loop
      c.busy = true;
      setImmediate(() => {
        c.busy = false;
        this.next(c);
      });
    } else this.next(c);
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
    if (this.o.signal?.aborted) for (const c of this.conns) c.client.destroy().catch(() => {});
    this.maybeDone();
  }

  private maybeDone(): void {
    if (!this.stopping) return;
    if (this.conns.some((c) => c.busy || c.timer !== null)) return;
    const f = this.finish;
    this.finish = null;
    f?.();
  }

  async close(): Promise<void> {
    await Promise.all(this.conns.map((c) => c.client.destroy().catch(() => {})));
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
    await load.close();
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
