import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { testTls } from './__tests__/fakes/tls.js';

// The remote platforms' fakes run job commands on this machine, as a job image would: a job that
// calls the built-in producers finds `evalgate` on its PATH there (docs/producers.md: install
// evalgate in the image), here the bundled CLI of this checkout.
const bin = path.join(import.meta.dirname, 'node_modules', '.evalgate-test-bin');
rmSync(bin, { recursive: true, force: true });
mkdirSync(bin, { recursive: true });
symlinkSync(path.join(import.meta.dirname, 'dist', 'cli', 'index.js'), path.join(bin, 'evalgate'));
process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;

// The fake cloud servers serve HTTPS with a test CA; Node trusts extra CAs only from start-up, so
// the workers (forked after this runs) inherit the variable.
process.env.NODE_EXTRA_CA_CERTS = testTls().caFile;

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
