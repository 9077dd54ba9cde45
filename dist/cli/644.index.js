export const id = 644;
export const ids = [644];
export const modules = {

/***/ 68644:
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
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./src/producers/http1.ts
/**
 * The HTTP/1.1 connection of `evalgate bench http` (load.ts): one keep-alive socket, one request
 * in flight, the request's bytes encoded once for the whole run, and a response parser that reads
 * only what a load test needs (the status, where the body ends, whether the connection stays open)
 * straight from the socket's reused read buffer (`onread`): no stream, promise, headers object,
 * string or timer per request. wrk works the same way (a preformatted request, a parser per
 * connection); undici's `dispatch()` cost half of wrk's request rate in JavaScript per request
 * (docs/decisions.md).
 *
 * What it understands of a response (RFC 9112): the status line (1xx interim responses skipped),
 * `Content-Length`, `Transfer-Encoding: chunked` (chunk extensions and trailers skipped), a body
 * up to the connection's end when neither is given, no body for HEAD, 1xx, 204 and 304, and
 * `Connection: close` (or an HTTP/1.0 answer without keep-alive): the socket is closed after the
 * response and the next request opens a new one. Anything else malformed is an error of that
 * request (`EBADRESPONSE`), the connection is dropped, and the next request reconnects. Parsing is
 * bounded: a header section of at most 64 KiB, chunk-size lines of at most 1 KiB.
 */


/** Header names the connection manages itself (RFC 9110 §7.6.1 and §6.4): not accepted from the user. */
const RESERVED_HEADERS = [
    'connection',
    'content-length',
    'transfer-encoding',
    'keep-alive',
    'upgrade',
    'te',
    'expect',
    'proxy-connection',
];
/** The bytes of a request: `host` from the URL unless given, `content-length` for a body or a method that carries one. */
function encodeRequest(url, method, headers, body) {
    let head = `${method} ${url.pathname || '/'}${url.search} HTTP/1.1\r\n`;
    if (!('host' in headers))
        head += `host: ${url.host}\r\n`;
    for (const [k, v] of Object.entries(headers))
        head += `${k}: ${v}\r\n`;
    if (body)
        head += `content-length: ${body.length}\r\n`;
    else if (method === 'POST' || method === 'PUT' || method === 'PATCH')
        head += 'content-length: 0\r\n';
    head += '\r\n';
    const https = url.protocol === 'https:';
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    return {
        host: hostname,
        port: url.port ? Number(url.port) : https ? 443 : 80,
        https,
        request: body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1'),
        head: method === 'HEAD',
    };
}
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_CHUNK_LINE = 1024;
const READ_BUFFER = 64 * 1024;
// parser states
const IDLE = 0; // no request in flight
const HEAD = 1; // waiting for the end of the status line and headers
const LENGTH = 2; // `remaining` body bytes to go
const CHUNK_LINE = 3; // a chunk-size line
const CHUNK_DATA = 4; // `remaining` bytes of chunk data
const CHUNK_CRLF = 5; // the CRLF after a chunk's data (`remaining` bytes of it left)
const TRAILERS = 6; // trailer lines up to an empty one
const UNTIL_CLOSE = 7; // the body ends with the connection
const CR = 13;
const LF = 10;
function responseError(message, code = 'EBADRESPONSE') {
    return Object.assign(new Error(message), { code });
}
/**
 * The first `c` in b[from, end), or -1: a plain loop, as Buffer#indexOf's call into C++ costs more
 * than scanning the ~150 bytes of a typical response head (a dozen calls per response).
 */
function find(b, c, from, end) {
    for (let i = from; i < end; i++)
        if (b[i] === c)
            return i;
    return -1;
}
/** Case-insensitive comparison of bytes [at, at+name.length) with a lower-case ASCII name. */
function nameIs(b, at, end, name) {
    if (end - at !== name.length)
        return false;
    for (let i = 0; i < name.length; i++)
        if ((b[at + i] | 0x20) !== name.charCodeAt(i))
            return false;
    return true;
}
/** Whether the comma-separated value in [at, end) holds `token` (lower case), ignoring case and spaces. */
function hasToken(b, at, end, token) {
    let i = at;
    while (i < end) {
        while (i < end && (b[i] === 32 || b[i] === 9 || b[i] === 44))
            i++;
        let j = i;
        while (j < end && b[j] !== 44)
            j++;
        let k = j;
        while (k > i && (b[k - 1] === 32 || b[k - 1] === 9))
            k--;
        if (nameIs(b, i, k, token))
            return true;
        i = j + 1;
    }
    return false;
}
/** The last token of a comma-separated value (Transfer-Encoding's final coding). */
function lastTokenIs(b, at, end, token) {
    let k = end;
    while (k > at && (b[k - 1] === 32 || b[k - 1] === 9))
        k--;
    let i = k;
    while (i > at && b[i - 1] !== 44)
        i--;
    while (i < k && (b[i] === 32 || b[i] === 9))
        i++;
    return nameIs(b, i, k, token);
}
class Http1Connection {
    target;
    owner;
    socket = null;
    connected = false;
    state = IDLE;
    status = 0;
    remaining = 0;
    keepAlive = true;
    /** bytes of an incomplete header section or chunk line, carried to the next read */
    carry = null;
    /** the owner's clock when the request was sent, or at the owner's last sweep that saw bytes arrive */
    lastActivity = 0;
    /** bytes arrived since the owner's last sweep (set here, cleared by the owner): no clock read per read */
    active = false;
    /** how far the header section carried so far was searched for its end */
    scanned = 0;
    constructor(target, owner) {
        this.target = target;
        this.owner = owner;
    }
    /** Whether a request is in flight. */
    get busy() {
        return this.state !== IDLE;
    }
    /** Sends the request; `now` is the owner's clock, for the inactivity timeout. */
    send(now) {
        this.state = HEAD;
        this.status = 0;
        this.scanned = 0;
        this.lastActivity = now;
        this.active = false;
        if (this.socket === null)
            this.open();
        else if (this.connected)
            this.socket.write(this.target.request);
        // else: written on connect
    }
    /** Ends the request in flight with `err` (a timeout) and drops the connection. */
    fail(err) {
        if (this.state === IDLE)
            return;
        this.drop();
        this.state = IDLE;
        this.owner.onError(err);
    }
    /** Closes the connection (a request in flight is abandoned, not reported). */
    close() {
        this.state = IDLE;
        this.drop();
    }
    drop() {
        const s = this.socket;
        this.socket = null;
        this.connected = false;
        this.carry = null;
        s?.destroy();
    }
    open() {
        const t = this.target;
        // plain TCP reads into one buffer per connection (`onread`: no Buffer per read); TLS through
        // its 'data' events
        let s;
        if (t.https) {
            s = external_node_tls_default().connect({ host: t.host, port: t.port, servername: external_node_net_default().isIP(t.host) ? undefined : t.host, ALPNProtocols: ['http/1.1'] });
            s.on('data', (chunk) => this.read(s, chunk, chunk.length));
        }
        else {
            const onread = {
                buffer: Buffer.allocUnsafe(READ_BUFFER),
                callback: (n, buf) => (this.read(s, buf, n), true),
            };
            s = external_node_net_default().connect({ host: t.host, port: t.port, onread, noDelay: true });
        }
        this.socket = s;
        s.setNoDelay(true);
        s.once(t.https ? 'secureConnect' : 'connect', () => {
            if (this.socket !== s)
                return;
            this.connected = true;
            if (this.state !== IDLE)
                s.write(t.request);
        });
        s.on('error', (err) => this.lost(s, err));
        s.on('end', () => this.lost(s, null));
        s.on('close', () => this.lost(s, null));
    }
    /** The socket ended or failed: the end of a body read to the close, or an error of the request in flight. */
    lost(s, err) {
        if (this.socket !== s)
            return;
        const state = this.state;
        this.drop();
        if (state === IDLE)
            return;
        this.state = IDLE;
        if (state === UNTIL_CLOSE && err === null)
            this.owner.onResponse(this.status);
        else
            this.owner.onError(err ?? responseError('the server closed the connection before the response ended', 'ECONNRESET'));
    }
    /** Bytes [0, n) of `buf` arrived on `s`. */
    read(s, buf, n) {
        if (this.socket !== s)
            return;
        if (this.state === IDLE) {
            // bytes with no request in flight: not HTTP/1.1 keep-alive as we speak it
            this.drop();
            return;
        }
        this.active = true;
        let b = buf;
        let at = 0;
        let end = n;
        if (this.carry !== null) {
            b = Buffer.concat([this.carry, buf.subarray(0, n)]);
            this.carry = null;
            end = b.length;
        }
        while (at < end) {
            const st = this.state;
            if (st === LENGTH || st === CHUNK_DATA) {
                const take = Math.min(this.remaining, end - at);
                at += take;
                this.remaining -= take;
                if (this.remaining === 0) {
                    if (st === LENGTH) {
                        if (!this.complete())
                            return;
                    }
                    else {
                        this.state = CHUNK_CRLF;
                        this.remaining = 2;
                    }
                }
            }
            else if (st === HEAD) {
                const e = this.parseHead(b, at, end);
                if (e < 0)
                    return; // carried, or failed
                at = e;
            }
            else if (st === CHUNK_CRLF) {
                const want = this.remaining === 2 ? CR : LF;
                if (b[at] !== want)
                    return this.bad('a chunk not followed by CRLF');
                at++;
                if (--this.remaining === 0)
                    this.state = CHUNK_LINE;
            }
            else if (st === CHUNK_LINE || st === TRAILERS) {
                const nl = find(b, LF, at, end);
                if (nl < 0) {
                    if (end - at > MAX_CHUNK_LINE)
                        return this.bad(st === TRAILERS ? 'a trailer line over 1 KiB' : 'a chunk-size line over 1 KiB');
                    this.carry = Buffer.from(b.subarray(at, end));
                    return;
                }
                const lineEnd = nl > at && b[nl - 1] === CR ? nl - 1 : nl;
                if (st === TRAILERS) {
                    const empty = lineEnd === at;
                    at = nl + 1;
                    if (empty && !this.complete())
                        return;
                    continue;
                }
                let size = 0;
                let i = at;
                let digits = 0;
                for (; i < lineEnd; i++) {
                    const c = b[i] | 0x20;
                    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
                    if (d < 0)
                        break;
                    if (++digits > 12)
                        return this.bad('a chunk size over 2^48');
                    size = size * 16 + d;
                }
                if (digits === 0 || (i < lineEnd && b[i] !== 59 && b[i] !== 32 && b[i] !== 9))
                    return this.bad('a malformed chunk-size line');
                at = nl + 1;
                if (size === 0)
                    this.state = TRAILERS;
                else {
                    this.state = CHUNK_DATA;
                    this.remaining = size;
                }
            }
            else if (st === UNTIL_CLOSE) {
                at = end;
            }
            else {
                // bytes after the response, with no request in flight: not keep-alive as we speak it
                this.drop();
                return;
            }
        }
    }
    /**
     * Parses the status line and headers starting at `at`; returns where the body starts, or -1
     * when they are not complete yet (the bytes are carried) or are malformed (the request failed).
     */
    parseHead(b, at, end) {
        // the end of the header section: an empty line (CRLF CRLF, or bare LFs)
        let stop = -1;
        let from = at + Math.max(0, this.scanned - 3);
        for (;;) {
            const nl = find(b, LF, from, end);
            if (nl < 0)
                break;
            if (nl + 1 < end && b[nl + 1] === LF) {
                stop = nl + 2;
                break;
            }
            if (nl + 2 < end && b[nl + 1] === CR && b[nl + 2] === LF) {
                stop = nl + 3;
                break;
            }
            from = nl + 1;
        }
        if (stop >= 0)
            this.scanned = 0;
        else {
            if (end - at > MAX_HEADER_BYTES) {
                this.bad('a header section over 64 KiB');
                return -1;
            }
            this.scanned = end - at;
            this.carry = Buffer.from(b.subarray(at, end));
            return -1;
        }
        // status line: HTTP/1.x SP 3DIGIT [SP reason]
        if (stop - at < 12 ||
            b[at] !== 72 ||
            b[at + 1] !== 84 ||
            b[at + 2] !== 84 ||
            b[at + 3] !== 80 ||
            b[at + 4] !== 47 ||
            b[at + 5] !== 49 ||
            b[at + 6] !== 46 ||
            (b[at + 7] !== 49 && b[at + 7] !== 48) ||
            b[at + 8] !== 32) {
            this.bad('a response that is not HTTP/1.x');
            return -1;
        }
        const d0 = b[at + 9] - 48;
        const d1 = b[at + 10] - 48;
        const d2 = b[at + 11] - 48;
        if (d0 < 1 || d0 > 5 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || (b[at + 12] !== 32 && b[at + 12] !== CR && b[at + 12] !== LF)) {
            this.bad('a malformed status line');
            return -1;
        }
        const status = d0 * 100 + d1 * 10 + d2;
        const http10 = b[at + 7] === 48;
        let keepAlive = !http10;
        let length = -1;
        let chunked = false;
        let line = find(b, LF, at, stop) + 1;
        while (line < stop) {
            const nl = find(b, LF, line, stop);
            const lineEnd = b[nl - 1] === CR ? nl - 1 : nl;
            if (lineEnd === line)
                break; // the empty line
            const colon = find(b, 58, line, lineEnd);
            if (colon <= line) {
                this.bad('a malformed header line');
                return -1;
            }
            const c = b[line] | 0x20;
            if (c === 99 || c === 116) {
                let v = colon + 1;
                while (v < lineEnd && (b[v] === 32 || b[v] === 9))
                    v++;
                if (nameIs(b, line, colon, 'content-length')) {
                    let x = 0;
                    let i = v;
                    let ve = lineEnd;
                    while (ve > v && (b[ve - 1] === 32 || b[ve - 1] === 9))
                        ve--;
                    for (; i < ve; i++) {
                        const d = b[i] - 48;
                        if (d < 0 || d > 9 || i - v >= 15)
                            break;
                        x = x * 10 + d;
                    }
                    if (i !== ve || ve === v || (length >= 0 && length !== x)) {
                        this.bad('a malformed Content-Length');
                        return -1;
                    }
                    length = x;
                }
                else if (nameIs(b, line, colon, 'transfer-encoding')) {
                    if (!lastTokenIs(b, v, lineEnd, 'chunked')) {
                        this.bad('a Transfer-Encoding other than chunked');
                        return -1;
                    }
                    chunked = true;
                }
                else if (nameIs(b, line, colon, 'connection')) {
                    if (hasToken(b, v, lineEnd, 'close'))
                        keepAlive = false;
                    else if (http10 && hasToken(b, v, lineEnd, 'keep-alive'))
                        keepAlive = true;
                }
            }
            line = nl + 1;
        }
        if (status < 200) {
            // an interim response (100 Continue, 103 Early Hints): the final one follows; 101 is not asked for
            if (status === 101) {
                this.bad('a 101 Switching Protocols, never asked for');
                return -1;
            }
            return stop;
        }
        this.status = status;
        this.keepAlive = keepAlive;
        if (this.target.head || status === 204 || status === 304) {
            return this.complete() ? stop : -1;
        }
        if (chunked) {
            this.state = CHUNK_LINE;
        }
        else if (length >= 0) {
            if (length === 0)
                return this.complete() ? stop : -1;
            this.state = LENGTH;
            this.remaining = length;
        }
        else {
            this.state = UNTIL_CLOSE;
            this.keepAlive = false;
        }
        return stop;
    }
    /** The response ended: tell the owner; false when the connection is gone (nothing more to read). */
    complete() {
        this.state = IDLE;
        const s = this.socket;
        if (!this.keepAlive)
            this.drop();
        this.owner.onResponse(this.status);
        // the owner may have sent the next request on this connection already
        return this.socket === s && s !== null && this.keepAlive;
    }
    bad(what) {
        this.drop();
        this.state = IDLE;
        this.owner.onError(responseError(`malformed response from ${this.target.host}:${this.target.port}: ${what}`));
    }
}

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


const now = () => performance.now();
class Connection {
    load;
    due = 0;
    sent = 0;
    http;
    /** index of this connection's next request in the schedule (fixed rate) */
    slot;
    timer = null;
    /** waiting out a failed request before the next one (see Load.ended) */
    pausing = false;
    constructor(load, target, index) {
        this.load = load;
        this.slot = index;
        this.http = new Http1Connection(target, this);
    }
    get busy() {
        return this.pausing || this.http.busy;
    }
    /** Sends the request due at `due`, at `t` (now). */
    send(due, t) {
        this.due = due;
        this.sent = t;
        this.http.send(t);
    }
    onResponse(status) {
        this.load.ended(this, this.due, this.sent, status, null);
    }
    onError(err) {
        this.load.ended(this, this.due, this.sent, 0, err);
    }
}
class Load {
    o;
    target;
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
    timeoutMs;
    unsent = 0;
    constructor(o) {
        this.o = o;
        this.target = encodeRequest(o.url, o.method, o.headers, o.body);
        this.uncorrected = o.rate ? new HistogramRecorder() : null;
        this.interval = o.rate ? 1000 / o.rate : 0;
        this.phase = o.shard ? o.shard.index / o.shard.count : 0;
        this.timeoutMs = o.timeoutS * 1000;
    }
    dueOf(slot) {
        return this.t0 + (slot + this.phase) * this.interval;
    }
    run() {
        for (let i = 0; i < this.o.connections; i++)
            this.conns.push(new Connection(this, this.target, i));
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
                this.o.onProgress({
                    elapsedS: (t - this.measureFrom) / 1000,
                    requests: responses + this.transportErrors,
                    errors: st['4xx'] + st['5xx'] + this.transportErrors,
                });
            }, 1000)
            : null;
        // one sweep for the request timeout, not a timer per request: a request with no byte received
        // for the timeout fails (connect, headers and body alike), within a tenth of it
        const sweep = setInterval(() => this.sweep(), Math.min(1000, Math.max(5, this.timeoutMs / 10)));
        const onAbort = () => this.stop();
        this.o.signal?.addEventListener('abort', onAbort, { once: true });
        const t = now();
        for (const c of this.conns)
            this.next(c, t);
        return done.finally(() => {
            clearTimeout(stopTimer);
            clearInterval(sweep);
            if (progress)
                clearInterval(progress);
            this.o.signal?.removeEventListener('abort', onAbort);
        });
    }
    sweep() {
        const t = now();
        for (const c of this.conns) {
            const h = c.http;
            if (!h.busy)
                continue;
            if (h.active) {
                h.active = false;
                h.lastActivity = t;
            }
            else if (t - h.lastActivity >= this.timeoutMs) {
                h.fail(responseError(`no response byte for ${this.o.timeoutS} s (--timeout)`, 'ETIMEDOUT'));
            }
        }
    }
    /** Sends connection c's next request now or when it is due, unless the window is over; t is now. */
    next(c, t) {
        if (this.stopping)
            return this.maybeDone();
        if (!this.interval) {
            c.send(t, t);
            return;
        }
        const due = this.dueOf(c.slot);
        if (due >= this.endAt)
            return this.maybeDone();
        c.slot += this.o.connections;
        const wait = due - t;
        if (wait <= 0)
            c.send(due, t);
        else {
            c.timer = setTimeout(() => {
                c.timer = null;
                c.send(due, now());
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
            // not from inside the socket's error callback; and a refused connection is not retried in
            // a tight loop
            c.pausing = true;
            setImmediate(() => {
                c.pausing = false;
                this.next(c, now());
            });
        }
        else
            this.next(c, t);
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
                c.http.close();
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
    close() {
        for (const c of this.conns)
            c.http.close();
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
        problems.push({
            file: '--connections',
            expected: 'only with --rate (with --concurrency, the concurrency is the connection count)',
            found: f.connections,
        });
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
        else if (RESERVED_HEADERS.includes(m[1].toLowerCase()))
            problems.push({
                file: '--header',
                expected: `a header other than ${RESERVED_HEADERS.join(', ')} (the connection sets those itself)`,
                found: JSON.stringify(h),
            });
        else if (/[\0-\x08\x0a-\x1f\x7f]/.test(m[2]))
            problems.push({ file: '--header', expected: 'a value with no control character (CR, LF, NUL)', found: JSON.stringify(h) });
        else
            headers[m[1].toLowerCase()] = m[2].trimEnd();
    }
    let body;
    if (f.bodyFile !== undefined) {
        try {
            body = await external_node_fs_.promises.readFile(external_node_path_default().resolve(cwd, f.bodyFile));
        }
        catch (e) {
            problems.push({
                file: f.bodyFile,
                path: '--body-file',
                expected: 'a readable file',
                found: e.code ?? String(e),
            });
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
            ? {
                uncorrected: {
                    p50_ms: ms(50, r.uncorrected),
                    p90_ms: ms(90, r.uncorrected),
                    p99_ms: ms(99, r.uncorrected),
                    max_ms: ms(100, r.uncorrected),
                },
            }
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
                found: r.transportErrors
                    ? `${r.transportErrors} transport errors (${r.transportErrorSamples.join('; ')})`
                    : 'no request completed in the window',
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
