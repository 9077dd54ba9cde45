/**
 * The HTTP/1.1 connection of `evalgate bench http` (src/producers/http1.ts) against a raw TCP
 * server that answers every request with scripted bytes, cut into pieces at every offset where
 * it matters: where a response ends (Content-Length, chunked with extensions and trailers, the
 * connection's end, no body for HEAD/204/304, 1xx interim responses skipped), keep-alive versus
 * `Connection: close` (the next request reconnects), and malformed or oversized answers as an
 * error of that request, never a hang or a wrong count.
 */
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeRequest, Http1Connection } from '../src/producers/http1.js';
import { main } from '../src/cli/main.js';
import { captureRuntime, tempDir } from './helpers.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const servers: net.Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

/**
 * A server that answers the k-th request it receives (over all connections) with `answers[k]` (the last one again
 * after that), each written as the given pieces with a macrotask between them; counts connections
 * and the request heads it received.
 */
async function scripted(answers: (string | Buffer)[][], opts: { endAfter?: boolean } = {}) {
  const seen = { connections: 0, requests: [] as string[] };
  let k = 0;
  const s = net.createServer((sock) => {
    seen.connections++;
    let buf = '';
    sock.on('data', async (d) => {
      buf += d.toString('latin1');
      for (let end = buf.indexOf('\r\n\r\n'); end >= 0; end = buf.indexOf('\r\n\r\n')) {
        const head = buf.slice(0, end + 4);
        const len = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + len) break;
        seen.requests.push(buf.slice(0, end + 4 + len));
        buf = buf.slice(end + 4 + len);
        const pieces = answers[Math.min(k++, answers.length - 1)]!;
        for (const p of pieces) {
          if (sock.destroyed) return;
          sock.write(p);
          await new Promise((r) => setTimeout(r, 2));
        }
        if (opts.endAfter) sock.end();
      }
    });
    sock.on('error', () => {});
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { url: new URL(`http://127.0.0.1:${(s.address() as net.AddressInfo).port}/p?q=1`), seen };
}

type Outcome = { status: number } | { error: string };

/** Sends `n` requests one after another on one connection; their outcomes. */
function drive(url: URL, n: number, method = 'GET', body?: Buffer): Promise<Outcome[]> {
  return new Promise((resolve) => {
    const out: Outcome[] = [];
    const c: Http1Connection = new Http1Connection(encodeRequest(url, method, { 'x-test': 'yes' }, body), {
      onResponse(status) {
        out.push({ status });
        next();
      },
      onError(err) {
        out.push({ error: (err as NodeJS.ErrnoException).code ?? err.message });
        setImmediate(next);
      },
    });
    const next = (): void => {
      if (out.length === n) {
        c.close();
        resolve(out);
      } else c.send(0);
    };
    next();
  });
}

const ok = 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n';
/** every way to cut a string in two */
const cuts = (s: string): string[][] => Array.from({ length: s.length - 1 }, (_, i) => [s.slice(0, i + 1), s.slice(i + 1)]);

describe('HTTP/1.1 connection', () => {
  it('encodes the request once: method, path and query, host, the user headers, a body with its length', async () => {
    const srv = await scripted([[ok]]);
    expect(await drive(srv.url, 2, 'POST', Buffer.from('{"a":1}'))).toEqual([{ status: 200 }, { status: 200 }]);
    expect(srv.seen.connections).toBe(1);
    expect(srv.seen.requests).toEqual(
      Array(2).fill(`POST /p?q=1 HTTP/1.1\r\nhost: ${srv.url.host}\r\nx-test: yes\r\ncontent-length: 7\r\n\r\n{"a":1}`),
    );
  });

  const cases: { name: string; answers: (string | Buffer)[][]; n?: number; method?: string; want: Outcome[]; connections?: number }[] = [
    { name: 'content-length, keep-alive', answers: [[ok]], n: 3, want: Array(3).fill({ status: 200 }), connections: 1 },
    {
      name: 'status classes',
      answers: [['HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n'], ['HTTP/1.1 503 x\r\nContent-Length: 1\r\n\r\n!'], [ok]],
      n: 3,
      want: [{ status: 404 }, { status: 503 }, { status: 200 }],
      connections: 1,
    },
    {
      name: 'a status line with no reason, bare LF line ends',
      answers: [['HTTP/1.1 201\nContent-Length: 2\n\nhi']],
      n: 2,
      want: Array(2).fill({ status: 201 }),
      connections: 1,
    },
    {
      name: 'chunked with extensions and trailers',
      answers: [
        ['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n'],
      ],
      n: 2,
      want: Array(2).fill({ status: 200 }),
      connections: 1,
    },
    {
      name: 'chunked, the body in many pieces',
      answers: [['HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n', '3\r', '\nab', 'c\r\n', '0\r\n', '\r\n']],
      n: 2,
      want: Array(2).fill({ status: 200 }),
      connections: 1,
    },
    {
      name: 'Connection: close: the next request reconnects',
      answers: [['HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nok\n']],
      n: 3,
      want: Array(3).fill({ status: 200 }),
      connections: 3,
    },
    {
      name: 'HTTP/1.0 without keep-alive closes',
      answers: [['HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n']],
      n: 2,
      want: Array(2).fill({ status: 200 }),
      connections: 2,
    },
    {
      name: 'HTTP/1.0 with keep-alive stays',
      answers: [['HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 3\r\n\r\nok\n']],
      n: 2,
      want: Array(2).fill({ status: 200 }),
      connections: 1,
    },
    {
      name: 'no length: the body ends with the connection',
      answers: [['HTTP/1.1 200 OK\r\n\r\n', 'some body']],
      n: 2,
      want: Array(2).fill({ status: 200 }),
      connections: 2,
    },
    {
      name: '204 and 304 have no body',
      answers: [['HTTP/1.1 204 No Content\r\n\r\n'], ['HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n'], [ok]],
      n: 3,
      want: [{ status: 204 }, { status: 304 }, { status: 200 }],
      connections: 1,
    },
    {
      name: 'HEAD has no body whatever Content-Length says',
      answers: [['HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n']],
      n: 2,
      method: 'HEAD',
      want: Array(2).fill({ status: 200 }),
      connections: 1,
    },
    {
      name: '1xx interim responses are skipped',
      answers: [['HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n', ok]],
      n: 2,
      want: Array(2).fill({ status: 200 }),
      connections: 1,
    },
    {
      name: 'not HTTP',
      answers: [['SSH-2.0-OpenSSH\r\n\r\n'], [ok]],
      n: 2,
      want: [{ error: 'EBADRESPONSE' }, { status: 200 }],
      connections: 2,
    },
    { name: 'a bad status code', answers: [['HTTP/1.1 2x0 OK\r\n\r\n'], [ok]], n: 2, want: [{ error: 'EBADRESPONSE' }, { status: 200 }] },
    {
      name: 'two different Content-Lengths',
      answers: [['HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nok\n']],
      want: [{ error: 'EBADRESPONSE' }],
    },
    {
      name: 'a Content-Length that is not a number',
      answers: [['HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n']],
      want: [{ error: 'EBADRESPONSE' }],
    },
    { name: 'a header line without a colon', answers: [['HTTP/1.1 200 OK\r\nbroken\r\n\r\n']], want: [{ error: 'EBADRESPONSE' }] },
    {
      name: 'a bad chunk size',
      answers: [['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n']],
      want: [{ error: 'EBADRESPONSE' }],
    },
    {
      name: 'a chunk not followed by CRLF',
      answers: [['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc']],
      want: [{ error: 'EBADRESPONSE' }],
    },
    {
      name: 'a chunk size over 2^48',
      answers: [['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000\r\n']],
      want: [{ error: 'EBADRESPONSE' }],
    },
    {
      name: 'a Transfer-Encoding not ending in chunked',
      answers: [['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n']],
      want: [{ error: 'EBADRESPONSE' }],
    },
    {
      name: 'a header section over 64 KiB',
      answers: [['HTTP/1.1 200 OK\r\n', ...Array(70).fill(`x-pad: ${'a'.repeat(1020)}\r\n`)]],
      want: [{ error: 'EBADRESPONSE' }],
    },
    {
      name: 'a chunk-size line over 1 KiB',
      answers: [['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;' + 'e'.repeat(2000)]],
      want: [{ error: 'EBADRESPONSE' }],
    },
    {
      name: 'the server closes mid-body',
      answers: [['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc']],
      want: [{ error: 'ECONNRESET' }],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const closes = c.name === 'the server closes mid-body' || c.name === 'no length: the body ends with the connection';
      const srv = await scripted(c.answers, { endAfter: closes });
      expect(await drive(srv.url, c.n ?? c.want.length, c.method)).toEqual(c.want);
      if (c.connections !== undefined) expect(srv.seen.connections).toBe(c.connections);
    });
  }

  it('reads a response cut at every byte the same as whole', async () => {
    const responses = [ok, 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x\r\nabc\r\n0\r\nT: 1\r\n\r\n'];
    for (const r of responses) {
      const srv = await scripted(cuts(r));
      const n = r.length - 1;
      expect(await drive(srv.url, n)).toEqual(Array(n).fill({ status: 200 }));
      expect(srv.seen.connections).toBe(1);
    }
  });

  it('a refused connection is an error of the request, and the next one tries again', async () => {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as net.AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    expect(await drive(new URL(`http://127.0.0.1:${port}/`), 2)).toEqual([{ error: 'ECONNREFUSED' }, { error: 'ECONNREFUSED' }]);
  });

  it('bench http: a server that stops answering is a timeout, counted as a transport error', async () => {
    const srv = await scripted([[ok], [ok], ['HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n']]);
    const out = tempDir();
    const rt = captureRuntime(out);
    const code = await main(
      ['bench', 'http', '--url', srv.url.href, '--concurrency', '1', '--duration', '0.3', '--timeout', '0.1', '--out', out],
      rt,
    );
    expect(code, rt.err.join('')).toBe(0);
    const t = JSON.parse(readFileSync(path.join(out, 'throughput_rps.json'), 'utf8'));
    expect(t.status['2xx']).toBeGreaterThanOrEqual(2);
    expect(t.transport_errors).toBeGreaterThanOrEqual(1);
    expect(rt.out.join('')).toContain('ETIMEDOUT: no response byte for 0.1 s (--timeout)');
  });

  it('bench http: headers the connection sets itself, and control characters, are bad flags', async () => {
    const rt = captureRuntime(tempDir());
    const code = await main(
      [
        'bench',
        'http',
        '--url',
        'http://127.0.0.1:9/',
        '--concurrency',
        '1',
        '--duration',
        '1',
        '--header',
        'Transfer-Encoding: chunked',
        '--header',
        'x-a: b\u0000c',
      ],
      rt,
    );
    expect(code).toBe(2);
    const err = rt.err.join('');
    expect(err).toContain('--header: expected a header other than connection, content-length, transfer-encoding');
    expect(err).toContain('"Transfer-Encoding: chunked"');
    expect(err).toContain('--header: expected a value with no control character (CR, LF, NUL)');
  });
});
