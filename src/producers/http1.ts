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
import net from 'node:net';
import tls from 'node:tls';

/** What one connection sends, encoded once: {@link encodeRequest}. */
export interface Http1Target {
  host: string;
  port: number;
  https: boolean;
  /** the request line, headers and body */
  request: Buffer;
  /** HEAD: a response carries no body whatever its headers say */
  head: boolean;
}

/** Header names the connection manages itself (RFC 9110 §7.6.1 and §6.4): not accepted from the user. */
export const RESERVED_HEADERS = [
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
export function encodeRequest(url: URL, method: string, headers: Record<string, string>, body: Buffer | undefined): Http1Target {
  let head = `${method} ${url.pathname || '/'}${url.search} HTTP/1.1\r\n`;
  if (!('host' in headers)) head += `host: ${url.host}\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  if (body) head += `content-length: ${body.length}\r\n`;
  else if (method === 'POST' || method === 'PUT' || method === 'PATCH') head += 'content-length: 0\r\n';
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

/** How a request ended, told to the connection's owner. */
export interface Http1Owner {
  /** the last byte of a final response arrived */
  onResponse(status: number): void;
  onError(err: Error): void;
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

export function responseError(message: string, code = 'EBADRESPONSE'): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * The first `c` in b[from, end), or -1: a plain loop, as Buffer#indexOf's call into C++ costs more
 * than scanning the ~150 bytes of a typical response head (a dozen calls per response).
 */
function find(b: Uint8Array, c: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (b[i] === c) return i;
  return -1;
}

/** Case-insensitive comparison of bytes [at, at+name.length) with a lower-case ASCII name. */
function nameIs(b: Uint8Array, at: number, end: number, name: string): boolean {
  if (end - at !== name.length) return false;
  for (let i = 0; i < name.length; i++) if ((b[at + i]! | 0x20) !== name.charCodeAt(i)) return false;
  return true;
}

/** Whether the comma-separated value in [at, end) holds `token` (lower case), ignoring case and spaces. */
function hasToken(b: Uint8Array, at: number, end: number, token: string): boolean {
  let i = at;
  while (i < end) {
    while (i < end && (b[i] === 32 || b[i] === 9 || b[i] === 44)) i++;
    let j = i;
    while (j < end && b[j] !== 44) j++;
    let k = j;
    while (k > i && (b[k - 1] === 32 || b[k - 1] === 9)) k--;
    if (nameIs(b, i, k, token)) return true;
    i = j + 1;
  }
  return false;
}

/** The last token of a comma-separated value (Transfer-Encoding's final coding). */
function lastTokenIs(b: Uint8Array, at: number, end: number, token: string): boolean {
  let k = end;
  while (k > at && (b[k - 1] === 32 || b[k - 1] === 9)) k--;
  let i = k;
  while (i > at && b[i - 1] !== 44) i--;
  while (i < k && (b[i] === 32 || b[i] === 9)) i++;
  return nameIs(b, i, k, token);
}

export class Http1Connection {
  private socket: net.Socket | null = null;
  private connected = false;
  private state = IDLE;
  private status = 0;
  private remaining = 0;
  private keepAlive = true;
  /** bytes of an incomplete header section or chunk line, carried to the next read */
  private carry: Buffer | null = null;
  /** the owner's clock when the request was sent, or at the owner's last sweep that saw bytes arrive */
  lastActivity = 0;
  /** bytes arrived since the owner's last sweep (set here, cleared by the owner): no clock read per read */
  active = false;
  /** how far the header section carried so far was searched for its end */
  private scanned = 0;

  constructor(
    private readonly target: Http1Target,
    private readonly owner: Http1Owner,
  ) {}

  /** Whether a request is in flight. */
  get busy(): boolean {
    return this.state !== IDLE;
  }

  /** Sends the request; `now` is the owner's clock, for the inactivity timeout. */
  send(now: number): void {
    this.state = HEAD;
    this.status = 0;
    this.scanned = 0;
    this.lastActivity = now;
    this.active = false;
    if (this.socket === null) this.open();
    else if (this.connected) this.socket.write(this.target.request);
    // else: written on connect
  }

  /** Ends the request in flight with `err` (a timeout) and drops the connection. */
  fail(err: Error): void {
    if (this.state === IDLE) return;
    this.drop();
    this.state = IDLE;
    this.owner.onError(err);
  }

  /** Closes the connection (a request in flight is abandoned, not reported). */
  close(): void {
    this.state = IDLE;
    this.drop();
  }

  private drop(): void {
    const s = this.socket;
    this.socket = null;
    this.connected = false;
    this.carry = null;
    s?.destroy();
  }

  private open(): void {
    const t = this.target;
    // plain TCP reads into one buffer per connection (`onread`: no Buffer per read); TLS through
    // its 'data' events
    let s: net.Socket;
    if (t.https) {
      s = tls.connect({ host: t.host, port: t.port, servername: net.isIP(t.host) ? undefined : t.host, ALPNProtocols: ['http/1.1'] });
      s.on('data', (chunk: Buffer) => this.read(s, chunk, chunk.length));
    } else {
      const onread = {
        buffer: Buffer.allocUnsafe(READ_BUFFER),
        callback: (n: number, buf: Buffer): boolean => (this.read(s, buf, n), true),
      };
      s = net.connect({ host: t.host, port: t.port, onread, noDelay: true });
    }
    this.socket = s;
    s.setNoDelay(true);
    s.once(t.https ? 'secureConnect' : 'connect', () => {
      if (this.socket !== s) return;
      this.connected = true;
      if (this.state !== IDLE) s.write(t.request);
    });
    s.on('error', (err) => this.lost(s, err));
    s.on('end', () => this.lost(s, null));
    s.on('close', () => this.lost(s, null));
  }

  /** The socket ended or failed: the end of a body read to the close, or an error of the request in flight. */
  private lost(s: net.Socket, err: Error | null): void {
    if (this.socket !== s) return;
    const state = this.state;
    this.drop();
    if (state === IDLE) return;
    this.state = IDLE;
    if (state === UNTIL_CLOSE && err === null) this.owner.onResponse(this.status);
    else this.owner.onError(err ?? responseError('the server closed the connection before the response ended', 'ECONNRESET'));
  }

  /** Bytes [0, n) of `buf` arrived on `s`. */
  private read(s: net.Socket, buf: Buffer, n: number): void {
    if (this.socket !== s) return;
    if (this.state === IDLE) {
      // bytes with no request in flight: not HTTP/1.1 keep-alive as we speak it
      this.drop();
      return;
    }
    this.active = true;
    let b: Buffer = buf;
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
            if (!this.complete()) return;
          } else {
            this.state = CHUNK_CRLF;
            this.remaining = 2;
          }
        }
      } else if (st === HEAD) {
        const e = this.parseHead(b, at, end);
        if (e < 0) return; // carried, or failed
        at = e;
      } else if (st === CHUNK_CRLF) {
        const want = this.remaining === 2 ? CR : LF;
        if (b[at] !== want) return this.bad('a chunk not followed by CRLF');
        at++;
        if (--this.remaining === 0) this.state = CHUNK_LINE;
      } else if (st === CHUNK_LINE || st === TRAILERS) {
        const nl = find(b, LF, at, end);
        if (nl < 0) {
          if (end - at > MAX_CHUNK_LINE) return this.bad(st === TRAILERS ? 'a trailer line over 1 KiB' : 'a chunk-size line over 1 KiB');
          this.carry = Buffer.from(b.subarray(at, end));
          return;
        }
        const lineEnd = nl > at && b[nl - 1] === CR ? nl - 1 : nl;
        if (st === TRAILERS) {
          const empty = lineEnd === at;
          at = nl + 1;
          if (empty && !this.complete()) return;
          continue;
        }
        let size = 0;
        let i = at;
        let digits = 0;
        for (; i < lineEnd; i++) {
          const c = b[i]! | 0x20;
          const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
          if (d < 0) break;
          if (++digits > 12) return this.bad('a chunk size over 2^48');
          size = size * 16 + d;
        }
        if (digits === 0 || (i < lineEnd && b[i] !== 59 && b[i] !== 32 && b[i] !== 9)) return this.bad('a malformed chunk-size line');
        at = nl + 1;
        if (size === 0) this.state = TRAILERS;
        else {
          this.state = CHUNK_DATA;
          this.remaining = size;
        }
      } else if (st === UNTIL_CLOSE) {
        at = end;
      } else {
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
  private parseHead(b: Buffer, at: number, end: number): number {
    // the end of the header section: an empty line (CRLF CRLF, or bare LFs)
    let stop = -1;
    let from = at + Math.max(0, this.scanned - 3);
    for (;;) {
      const nl = find(b, LF, from, end);
      if (nl < 0) break;
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
    if (stop >= 0) this.scanned = 0;
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
    if (
      stop - at < 12 ||
      b[at] !== 72 ||
      b[at + 1] !== 84 ||
      b[at + 2] !== 84 ||
      b[at + 3] !== 80 ||
      b[at + 4] !== 47 ||
      b[at + 5] !== 49 ||
      b[at + 6] !== 46 ||
      (b[at + 7] !== 49 && b[at + 7] !== 48) ||
      b[at + 8] !== 32
    ) {
      this.bad('a response that is not HTTP/1.x');
      return -1;
    }
    const d0 = b[at + 9]! - 48;
    const d1 = b[at + 10]! - 48;
    const d2 = b[at + 11]! - 48;
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
      if (lineEnd === line) break; // the empty line
      const colon = find(b, 58, line, lineEnd);
      if (colon <= line) {
        this.bad('a malformed header line');
        return -1;
      }
      const c = b[line]! | 0x20;
      if (c === 99 || c === 116) {
        let v = colon + 1;
        while (v < lineEnd && (b[v] === 32 || b[v] === 9)) v++;
        if (nameIs(b, line, colon, 'content-length')) {
          let x = 0;
          let i = v;
          let ve = lineEnd;
          while (ve > v && (b[ve - 1] === 32 || b[ve - 1] === 9)) ve--;
          for (; i < ve; i++) {
            const d = b[i]! - 48;
            if (d < 0 || d > 9 || i - v >= 15) break;
            x = x * 10 + d;
          }
          if (i !== ve || ve === v || (length >= 0 && length !== x)) {
            this.bad('a malformed Content-Length');
            return -1;
          }
          length = x;
        } else if (nameIs(b, line, colon, 'transfer-encoding')) {
          if (!lastTokenIs(b, v, lineEnd, 'chunked')) {
            this.bad('a Transfer-Encoding other than chunked');
            return -1;
          }
          chunked = true;
        } else if (nameIs(b, line, colon, 'connection')) {
          if (hasToken(b, v, lineEnd, 'close')) keepAlive = false;
          else if (http10 && hasToken(b, v, lineEnd, 'keep-alive')) keepAlive = true;
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
    } else if (length >= 0) {
      if (length === 0) return this.complete() ? stop : -1;
      this.state = LENGTH;
      this.remaining = length;
    } else {
      this.state = UNTIL_CLOSE;
      this.keepAlive = false;
    }
    return stop;
  }

  /** The response ended: tell the owner; false when the connection is gone (nothing more to read). */
  private complete(): boolean {
    this.state = IDLE;
    const s = this.socket;
    if (!this.keepAlive) this.drop();
    this.owner.onResponse(this.status);
    // the owner may have sent the next request on this connection already
    return this.socket === s && s !== null && this.keepAlive;
  }

  private bad(what: string): void {
    this.drop();
    this.state = IDLE;
    this.owner.onError(responseError(`malformed response from ${this.target.host}:${this.target.port}: ${what}`));
  }
}
