export const id = 600;
export const ids = [600];
export const modules = {

/***/ 2600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  benchHttp: () => (/* binding */ benchHttp)
});

// UNUSED EXPORTS: indicatorsOf

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/core/hdr.ts
var hdr = __webpack_require__(96113);
;// CONCATENATED MODULE: ./src/core/hdr-encode.ts
/**
 * Recording HdrHistogram values and encoding them as V2 compressed base64 (SPEC §2 `hdr_histogram`),
 * for the built-in producers (`evalgate bench http`). The counterpart of the decoder in hdr.ts,
 * with the same bucket layout (its {@link Layout}): what is recorded here decodes there, and in
 * every reference implementation, to the same counts (__tests__/hdr-encode.test.ts holds it
 * against hdr-histogram-js both ways).
 *
 * Layout of an encoding (HdrHistogram's `encodeIntoCompressedByteBuffer`):
 *   outer: int32 cookie 0x1c849314 | int32 compressed length | zlib(inner)
 *   inner: int32 cookie 0x1c849313 | int32 payload length | int32 normalizing offset (0) |
 *          int32 significant digits | int64 lowest | int64 highest | float64 ratio (1.0) | payload
 *   payload: each counter up to the last non-zero one as a ZigZag LEB128 word; a run of k zero
 *            counters is one word, −k.
 */


const V2_COMPRESSED_COOKIE = 0x1c849304 | 0x10;
const V2_COOKIE = 0x1c849303 | 0x10;
const HEADER_BYTES = 40;
/**
 * An autoresizing histogram of non-negative integers (lowest discernible value 1), 64-bit counts
 * (Float64, exact to 2^53).
 */
class HistogramRecorder {
    digits;
    layout;
    counts;
    totalCount = 0;
    /** highest non-zero counter, -1 when empty */
    top = -1;
    minValue = Number.POSITIVE_INFINITY;
    maxValue = 0;
    constructor(digits = 3) {
        this.digits = digits;
        this.layout = new hdr/* Layout */.PE(1, digits);
        this.counts = new Float64Array(this.layout.lengthFor(2 ** 20));
    }
    /** Records `value` (rounded to an integer, negative values as 0) `count` times. */
    record(value, count = 1) {
        const v = value > 0 ? Math.round(value) : 0;
        const i = this.layout.index(v);
        if (i >= this.counts.length) {
            const grown = new Float64Array(Math.max(this.layout.lengthFor(v), i + 1));
            grown.set(this.counts);
            this.counts = grown;
        }
        this.counts[i] += count;
        this.totalCount += count;
        if (i > this.top)
            this.top = i;
        if (v < this.minValue)
            this.minValue = v;
        if (v > this.maxValue)
            this.maxValue = v;
    }
    /** Adds every count of `other` (same digits): the union of both recordings. */
    add(other) {
        if (other.digits !== this.digits)
            throw new Error('histograms of different precision');
        for (let i = 0; i <= other.top; i++) {
            const c = other.counts[i];
            if (c !== 0)
                this.record(this.layout.valueFromIndex(i), c);
        }
        this.minValue = Math.min(this.minValue, other.minValue);
        this.maxValue = Math.max(this.maxValue, other.maxValue);
    }
    /** HdrHistogram's value at percentile (0 when empty). */
    valueAtPercentile(p) {
        return (0,hdr/* valueAtPercentile */.MD)(this.layout, this.counts.subarray(0, this.top + 1), this.totalCount, p);
    }
    /** Every non-zero counter as [lowest value of its bucket, count], in value order. */
    *buckets() {
        for (let i = 0; i <= this.top; i++)
            if (this.counts[i] !== 0)
                yield [this.layout.valueFromIndex(i), this.counts[i]];
    }
    /** The V2 compressed encoding, base64. */
    encode() {
        const words = [];
        let zeros = 0;
        for (let i = 0; i <= this.top; i++) {
            const c = this.counts[i];
            if (c === 0) {
                zeros++;
                continue;
            }
            if (zeros > 0) {
                words.push(-zeros);
                zeros = 0;
            }
            words.push(c);
        }
        const payload = Buffer.allocUnsafe(words.length * 9);
        let at = 0;
        for (const w of words) {
            // ZigZag on numbers (exact to 2^53): n ≥ 0 → 2n, −k → 2k − 1; then LEB128, 7 bits a byte
            let z = w >= 0 ? w * 2 : -w * 2 - 1;
            while (z >= 0x80) {
                payload[at++] = (z % 0x80) | 0x80;
                z = Math.floor(z / 0x80);
            }
            payload[at++] = z;
        }
        const inner = Buffer.alloc(HEADER_BYTES + at);
        inner.writeInt32BE(V2_COOKIE, 0);
        inner.writeInt32BE(at, 4);
        inner.writeInt32BE(0, 8);
        inner.writeInt32BE(this.digits, 12);
        inner.writeBigInt64BE(1n, 16);
        // the highest trackable value: the top of the last non-zero counter's range (at least 2)
        const highest = this.top < 0 ? 2 : Math.max(2, this.layout.highestEquivalentValue(this.layout.valueFromIndex(this.top)));
        inner.writeBigInt64BE(BigInt(highest), 24);
        inner.writeDoubleBE(1.0, 32);
        payload.copy(inner, HEADER_BYTES, 0, at);
        const compressed = (0,external_node_zlib_.deflateSync)(inner);
        const outer = Buffer.allocUnsafe(8 + compressed.length);
        outer.writeInt32BE(V2_COMPRESSED_COOKIE, 0);
        outer.writeInt32BE(compressed.length, 4);
        compressed.copy(outer, 8);
        return outer.toString('base64');
    }
}

;// CONCATENATED MODULE: ./src/producers/load.ts
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


const now = () => performance.now();
class Connection {
    load;
    client;
    due = 0;
    sent = 0;
    status = 0;
    /** index of this connection's next request in the schedule (fixed rate) */
    slot;
    timer = null;
    busy = false;
    constructor(load, client, index) {
        this.load = load;
        this.client = client;
        this.slot = index;
    }
    send(due) {
        this.due = due;
        this.sent = now();
        this.status = 0;
        this.busy = true;
        this.client.dispatch(this.load.request, this);
    }
    // undici's legacy handler methods: a handler without onRequestStart is used as it is, where the
    // newer ones are wrapped per request and get the headers parsed into an object (2-3% of the CPU
    // of a run against nginx); the status is all a load test reads
    onConnect() { }
    onHeaders(statusCode) {
        this.status = statusCode;
        return true;
    }
    onData() {
        return true;
    }
    onComplete() {
        this.busy = false;
        this.load.ended(this, this.due, this.sent, this.status, null);
    }
    onError(err) {
        this.busy = false;
        this.load.ended(this, this.due, this.sent, 0, err);
    }
}
class Load {
    o;
    request;
    conns = [];
    t0 = 0;
    measureFrom = 0;
    endAt = 0;
    lastEnd = 0;
    stopping = false;
    finish = null;
    latency = new HistogramRecorder();
    uncorrected;
    status = { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    transportErrors = 0;
    transportErrorSamples = [];
    interval;
    phase;
    unsent = 0;
    constructor(o) {
        this.o = o;
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
    dueOf(slot) {
        return this.t0 + (slot + this.phase) * this.interval;
    }
    run() {
        const origin = this.o.url.origin;
        for (let i = 0; i < this.o.connections; i++) {
            const client = new undici/* Client */.Kj(origin, {
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
        const done = new Promise((resolve) => (this.finish = resolve));
        const stopTimer = setTimeout(() => this.stop(), this.endAt - this.t0);
        const progress = this.o.onProgress
            ? setInterval(() => {
                const t = now();
                if (t < this.measureFrom)
                    return;
                const st = this.status;
                const responses = st['1xx'] + st['2xx'] + st['3xx'] + st['4xx'] + st['5xx'];
                this.o.onProgress({ elapsedS: (t - this.measureFrom) / 1000, requests: responses + this.transportErrors, errors: st['4xx'] + st['5xx'] + this.transportErrors });
            }, 1000)
            : null;
        const onAbort = () => this.stop();
        this.o.signal?.addEventListener('abort', onAbort, { once: true });
        for (const c of this.conns)
            this.next(c);
        return done.finally(() => {
            clearTimeout(stopTimer);
            if (progress)
                clearInterval(progress);
            this.o.signal?.removeEventListener('abort', onAbort);
        });
    }
    /** Sends connection c's next request now or when it is due, unless the window is over. */
    next(c) {
        if (this.stopping)
            return this.maybeDone();
        if (!this.interval) {
            c.send(now());
            return;
        }
        const due = this.dueOf(c.slot);
        if (due >= this.endAt)
            return this.maybeDone();
        c.slot += this.o.connections;
        const wait = due - now();
        if (wait <= 0)
            c.send(due);
        else {
            c.timer = setTimeout(() => {
                c.timer = null;
                c.send(due);
            }, wait);
        }
    }
    ended(c, due, sent, status, err) {
        const t = now();
        if (due >= this.measureFrom && due < this.endAt) {
            if (err) {
                this.transportErrors++;
                if (this.transportErrorSamples.length < 5) {
                    const msg = `${err.code ?? err.name}: ${err.message}`;
                    if (!this.transportErrorSamples.includes(msg))
                        this.transportErrorSamples.push(msg);
                }
            }
            else {
                const cls = status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : status >= 200 ? '2xx' : '1xx';
                this.status[cls]++;
                this.latency.record((t - due) * 1000);
                this.uncorrected?.record((t - sent) * 1000);
            }
            if (t > this.lastEnd)
                this.lastEnd = t;
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
        }
        else
            this.next(c);
    }
    stop() {
        if (this.stopping)
            return;
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
                for (let s = c.slot; this.dueOf(s) < this.endAt; s += this.o.connections)
                    if (this.dueOf(s) >= this.measureFrom)
                        this.unsent++;
            }
        }
        if (this.o.signal?.aborted)
            for (const c of this.conns)
                c.client.destroy().catch(() => { });
        this.maybeDone();
    }
    maybeDone() {
        if (!this.stopping)
            return;
        if (this.conns.some((c) => c.busy || c.timer !== null))
            return;
        const f = this.finish;
        this.finish = null;
        f?.();
    }
    async close() {
        await Promise.all(this.conns.map((c) => c.client.destroy().catch(() => { })));
    }
    window() {
        return { elapsedS: Math.max(this.o.durationS, (this.lastEnd - this.measureFrom) / 1000) };
    }
}
async function runLoad(o) {
    const load = new Load(o);
    const wallStart = Date.now() + o.warmupS * 1000;
    try {
        await load.run();
    }
    finally {
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

// EXTERNAL MODULE: ./src/producers/output.ts
var output = __webpack_require__(41118);
;// CONCATENATED MODULE: ./src/producers/bench-http.ts
/**
 * `evalgate bench http`: flags -> a load run (load.ts) -> `latency_p99` (with `hdr_histogram`) and
 * `throughput_rps`, exactly mergeable over shards (SPEC §2, §7).
 */





const round3 = (x) => Math.round(x * 1000) / 1000;
/** Checks every flag and lists every problem, before any request is sent. */
async function parseFlags(f, cwd) {
    const problems = [];
    const attempt = (fn) => {
        try {
            return fn();
        }
        catch (e) {
            if (e instanceof problem/* EvalgateError */.ax)
                problems.push(...e.problems);
            else
                throw e;
            return undefined;
        }
    };
    let url;
    if (f.url === undefined)
        problems.push({ file: '--url', expected: 'the URL to load (http://host:port/path)', found: 'nothing' });
    else {
        try {
            url = new URL(f.url);
            if (url.protocol !== 'http:' && url.protocol !== 'https:')
                throw new Error();
        }
        catch {
            problems.push({ file: '--url', expected: 'an http:// or https:// URL', found: JSON.stringify(f.url) });
            url = undefined;
        }
    }
    if ((f.rate === undefined) === (f.concurrency === undefined)) {
        problems.push({
            file: '--rate/--concurrency',
            expected: 'exactly one of --rate R (fixed rate, requests per second) and --concurrency C (closed loop)',
            found: f.rate === undefined ? 'neither' : 'both',
        });
    }
    const rate = attempt(() => (0,output/* numberFlag */.C$)('--rate', f.rate, { min: 0, gt: true, max: 10_000_000 }));
    const concurrency = attempt(() => (0,output/* numberFlag */.C$)('--concurrency', f.concurrency, { min: 1, max: 10_000, int: true }));
    const connections = attempt(() => (0,output/* numberFlag */.C$)('--connections', f.connections, { min: 1, max: 10_000, int: true }));
    if (connections !== undefined && f.rate === undefined) {
        problems.push({ file: '--connections', expected: 'only with --rate (with --concurrency, the concurrency is the connection count)', found: f.connections });
    }
    const durationS = attempt(() => (0,output/* durationFlag */.h5)('--duration', f.duration, 0.1));
    if (f.duration === undefined)
        problems.push({ file: '--duration', expected: 'how long to measure (10, 10s, 2m)', found: 'nothing' });
    const warmupS = attempt(() => (0,output/* durationFlag */.h5)('--warmup', f.warmup ?? '0', 0)) ?? 0;
    const timeoutS = attempt(() => (0,output/* durationFlag */.h5)('--timeout', f.timeout ?? '30', 0.001)) ?? 30;
    const shard = attempt(() => (0,output/* parseShard */.uK)(f.shard));
    const method = (f.method ?? 'GET').toUpperCase();
    if (!/^[A-Z]+$/.test(method))
        problems.push({ file: '--method', expected: 'an HTTP method (GET, POST, …)', found: JSON.stringify(f.method) });
    const headers = {};
    for (const h of f.header ?? []) {
        const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(h);
        if (!m)
            problems.push({ file: '--header', expected: '"Name: value"', found: JSON.stringify(h) });
        else
            headers[m[1].toLowerCase()] = m[2];
    }
    let body;
    if (f.bodyFile !== undefined) {
        try {
            body = await external_node_fs_.promises.readFile(external_node_path_default().resolve(cwd, f.bodyFile));
        }
        catch (e) {
            problems.push({ file: f.bodyFile, path: '--body-file', expected: 'a readable file', found: e.code ?? String(e) });
        }
    }
    if (problems.length)
        throw new problem/* EvalgateError */.ax(problems);
    return {
        url: url,
        rate,
        connections: rate !== undefined ? (connections ?? 10) : concurrency,
        durationS: durationS,
        warmupS,
        timeoutS,
        shard,
        method,
        headers,
        body,
        out: external_node_path_default().resolve(cwd, f.out ?? '.'),
        model: f.model,
        dataset: f.dataset,
    };
}
/** The target as written into the files: no credentials, no query string (it may carry tokens). */
const target = (u) => `${u.origin}${u.pathname}`;
function indicatorsOf(r, o) {
    const h = r.latency;
    const ms = (p, hist = h) => hist.valueAtPercentile(p) / 1000;
    const st = r.status;
    const responses = st['1xx'] + st['2xx'] + st['3xx'] + st['4xx'] + st['5xx'];
    const errors = st['4xx'] + st['5xx'] + r.transportErrors;
    const common = {
        mode: o.rate !== undefined ? 'fixed_rate' : 'closed_loop',
        target: target(o.url),
        method: o.method,
        ...(o.model !== undefined ? { model: o.model } : {}),
        ...(o.dataset !== undefined ? { dataset: o.dataset } : {}),
        ...(o.shard ? { shard: o.shard } : {}),
        started_at: r.startedAt.toISOString(),
        finished_at: r.finishedAt.toISOString(),
    };
    const latency = {
        indicator: 'latency_p99',
        p50_ms: ms(50),
        p90_ms: ms(90),
        p99_ms: ms(99),
        max_ms: ms(100),
        requests: h.totalCount,
        ...common,
        ...(o.rate !== undefined ? { corrected: true, target_rate: o.rate } : {}),
        ...(r.uncorrected
            ? { uncorrected: { p50_ms: ms(50, r.uncorrected), p90_ms: ms(90, r.uncorrected), p99_ms: ms(99, r.uncorrected), max_ms: ms(100, r.uncorrected) } }
            : {}),
        hdr_unit: 'us',
        hdr_histogram: h.encode(),
    };
    const throughput = {
        indicator: 'throughput_rps',
        rps: round3(responses / r.elapsedS),
        concurrency: o.connections,
        duration_s: round3(r.elapsedS),
        requests: responses + r.transportErrors,
        errors,
        status: st,
        transport_errors: r.transportErrors,
        ...(o.rate !== undefined ? { target_rate: o.rate, unsent: r.unsent } : {}),
        warmup_s: o.warmupS,
        ...common,
    };
    return { latency, throughput };
}
async function benchHttp(flags, rt, signal) {
    const o = await parseFlags(flags, rt.cwd);
    const files = {
        latency: external_node_path_default().join(o.out, (0,output/* indicatorFileName */.RP)('latency_p99', o.shard)),
        throughput: external_node_path_default().join(o.out, (0,output/* indicatorFileName */.RP)('throughput_rps', o.shard)),
    };
    await (0,output/* ensureNew */.Jd)([files.latency, files.throughput]);
    await (0,output/* ensureDir */.A0)(o.out);
    const tty = rt.isTTY === true;
    const draw = tty ? (rt.terminal ?? rt.stdout) : null;
    const r = await runLoad({
        ...o,
        signal,
        onProgress: draw
            ? (p) => draw(`\r\x1b[K  ${p.elapsedS.toFixed(0)}/${o.durationS} s  ${p.requests} requests  ${(p.requests / Math.max(p.elapsedS, 0.001)).toFixed(0)} req/s  ${p.errors} errors`)
            : undefined,
    });
    if (draw)
        draw('\r\x1b[K');
    if (signal?.aborted) {
        rt.stderr('evalgate bench http: interrupted; no file written\n');
        return problem/* ExitCode */.yU.PlatformFailure;
    }
    if (r.latency.totalCount === 0) {
        throw new problem/* EvalgateError */.ax([
            {
                file: '--url',
                expected: `at least one response from ${target(o.url)}`,
                found: r.transportErrors ? `${r.transportErrors} transport errors (${r.transportErrorSamples.join('; ')})` : 'no request completed in the window',
            },
        ], problem/* ExitCode */.yU.PlatformFailure);
    }
    const { latency, throughput } = indicatorsOf(r, o);
    await (0,output/* writeIndicatorFiles */.cT)([
        { file: files.latency, value: latency },
        { file: files.throughput, value: throughput },
    ]);
    const st = r.status;
    rt.stdout(`${throughput.requests} requests in ${throughput.duration_s} s over ${o.connections} connection${o.connections === 1 ? '' : 's'}: ${throughput.rps} req/s` +
        `${o.rate !== undefined ? ` (target ${o.rate})` : ''}; p50 ${latency.p50_ms} ms, p90 ${latency.p90_ms} ms, p99 ${latency.p99_ms} ms, max ${latency.max_ms} ms\n` +
        `status 2xx ${st['2xx']}, 3xx ${st['3xx']}, 4xx ${st['4xx']}, 5xx ${st['5xx']}; transport errors ${r.transportErrors}` +
        `${r.transportErrorSamples.length ? ` (${r.transportErrorSamples.join('; ')})` : ''}\n` +
        (r.unsent ? `warning: ${r.unsent} requests due in the window were not sent (too few --connections for the rate and latency)\n` : '') +
        `wrote ${files.latency}\nwrote ${files.throughput}\n`);
    return problem/* ExitCode */.yU.Ok;
}


/***/ }),

/***/ 41118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ ensureDir),
/* harmony export */   C$: () => (/* binding */ numberFlag),
/* harmony export */   Jd: () => (/* binding */ ensureNew),
/* harmony export */   RP: () => (/* binding */ indicatorFileName),
/* harmony export */   cT: () => (/* binding */ writeIndicatorFiles),
/* harmony export */   h5: () => (/* binding */ durationFlag),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* unused harmony export existingTargets */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(652);
/**
 * How the built-in producers write their indicator files (SPEC §7): into `--out` (created when
 * missing), never over an existing file, never half a file. Each file is written in full under a
 * temporary name in the same folder, then hard-linked to its name (link(2) fails when the name
 * exists, so a concurrent writer cannot be overwritten either) and the temporary name removed.
 */




/** Problems for every target that already exists, checked before any work is spent. */
async function existingTargets(files) {
    const problems = [];
    for (const f of files) {
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.lstat(f);
            problems.push({ file: f, expected: 'no file there (a producer never overwrites one; remove it or pick another --out)', found: 'an existing file' });
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw e;
        }
    }
    return problems;
}
async function ensureNew(files) {
    const problems = await existingTargets(files);
    if (problems.length)
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax(problems);
}
/** Creates `dir` (and its parents); a clear problem when it cannot be. */
async function ensureDir(dir) {
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir, { recursive: true });
    }
    catch (e) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file: dir, path: '--out', expected: 'a folder that can be created', found: e.code ?? String(e) }]);
    }
}
/** Writes every file whole, or (on a clash or an error) none that was not there before. */
async function writeIndicatorFiles(files) {
    const done = [];
    try {
        for (const { file, value } of files) {
            const tmp = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), `.${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(6).toString('hex')}.tmp`);
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' });
            try {
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.link(tmp, file);
            }
            catch (e) {
                if (e.code === 'EEXIST') {
                    throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file, expected: 'no file there (a producer never overwrites one)', found: 'a file written meanwhile' }]);
                }
                throw e;
            }
            finally {
                await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(tmp, { force: true });
            }
            done.push(file);
        }
    }
    catch (e) {
        for (const f of done)
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(f, { force: true });
        throw e;
    }
}
/** `name.json`, or `name-<i>of<n>.json` for shard i of n (n shards can share one folder). */
function indicatorFileName(indicator, shard) {
    return shard && shard.count > 1 ? `${indicator}-${shard.index}of${shard.count}.json` : `${indicator}.json`;
}
/** `--shard i/n`: 0 ≤ i < n. */
function parseShard(text) {
    if (text === undefined)
        return undefined;
    const m = /^(\d+)\/(\d+)$/.exec(text.trim());
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || !(count >= 1 && count <= 100_000 && index < count)) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file: '--shard', expected: 'i/n with 0 ≤ i < n ≤ 100000 (e.g. 0/3)', found: JSON.stringify(text) }]);
    }
    return { index, count };
}
/** A number flag within bounds, or a problem naming the flag. */
function numberFlag(flag, text, o) {
    if (text === undefined)
        return undefined;
    const v = Number(text.trim());
    const ok = text.trim() !== '' &&
        Number.isFinite(v) &&
        (o.gt ? v > o.min : v >= o.min) &&
        (o.max === undefined || v <= o.max) &&
        (!o.int || Number.isInteger(v));
    if (!ok) {
        const what = `${o.int ? 'an integer' : 'a number'} ${o.gt ? '>' : '≥'} ${o.min}${o.max !== undefined ? ` and ≤ ${o.max}` : ''}`;
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file: flag, expected: what, found: JSON.stringify(text) }]);
    }
    return v;
}
/** `--duration 10`, `10s`, `500ms`, `2m`: seconds. */
function durationFlag(flag, text, min) {
    if (text === undefined)
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
    const v = m ? Number(m[1]) * (m[2] === 'ms' ? 0.001 : m[2] === 'm' ? 60 : 1) : NaN;
    if (!(v >= min && v <= 86_400)) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([{ file: flag, expected: `a duration ≥ ${min} s (seconds, or with a unit: 500ms, 10s, 2m)`, found: JSON.stringify(text) }]);
    }
    return v;
}


/***/ })

};
