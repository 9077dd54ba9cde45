import { defineConfig } from 'vitest/config';
import { testTls } from './__tests__/fakes/tls.js';

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
