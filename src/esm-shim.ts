// Imported first by every entry: CommonJS-era dependencies bundled into our ESM files (ssh2's
// Emscripten poly1305) read __dirname, __filename and require, which ES modules do not have.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const g = globalThis as Record<string, unknown>;
g.__filename ??= fileURLToPath(import.meta.url);
g.__dirname ??= dirname(fileURLToPath(import.meta.url));
g.require ??= createRequire(import.meta.url);
