/**
 * A test certificate authority and a server certificate for 127.0.0.1/localhost, made once per
 * user with the system's openssl and trusted by the test processes through NODE_EXTRA_CA_CERTS
 * (vitest.config.ts sets it before the workers start; Node reads it only at start-up). The fake
 * cloud servers serve HTTPS with it, because the Azure SDK's bearer-token policy and MSAL refuse
 * plain http, as the real services would never be reached over it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export interface TestTls {
  /** PEM of the CA that signed `cert` (what NODE_EXTRA_CA_CERTS points at) */
  caFile: string;
  cert: string;
  key: string;
}

const uid = (): string => {
  try {
    return String(userInfo().uid);
  } catch {
    return 'x';
  }
};

export const TLS_DIR = path.join(tmpdir(), `evalgate-test-tls-${uid()}`);

/** The test CA and server certificate, created on first use (valid for ten years). */
export function testTls(dir = TLS_DIR): TestTls {
  const caFile = path.join(dir, 'ca.pem');
  const certFile = path.join(dir, 'server.pem');
  const keyFile = path.join(dir, 'server.key');
  if (!existsSync(certFile) || !existsSync(keyFile) || !existsSync(caFile)) {
    // made in a scratch folder and renamed in, so concurrent first uses never see half a set
    const tmp = `${dir}.${process.pid}.${Date.now()}`;
    mkdirSync(tmp, { recursive: true });
    const run = (args: string[]): void => void execFileSync('openssl', args, { cwd: tmp, stdio: 'pipe' });
    run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-subj',
      '/CN=evalgate test CA',
    ]);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
    writeFileSync(
      path.join(tmp, 'ext.cnf'),
      'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost,DNS:*.localhost\n',
    );
    run([
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '3650',
      '-extfile',
      'ext.cnf',
    ]);
    try {
      renameSync(tmp, dir);
    } catch {
      // another process made it first: use theirs
    }
  }
  return { caFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}
