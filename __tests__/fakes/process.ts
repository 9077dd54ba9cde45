/** What every local test service needs: free ports to listen on, and waiting for a child to exit. */
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';

/** n distinct free TCP ports on 127.0.0.1 (held together while picking, so they differ). */
export async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = createServer();
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', () => resolve());
      });
    }
    return servers.map((s) => (s.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

export const freePort = async (): Promise<number> => (await freePorts(1))[0]!;

export const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** true when the child exited within `ms` */
export function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
