/** Writes schema/*.json (run by `npm run schema` through scripts/schema.mjs). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaFiles } from './schema.js';

const dir = process.argv[2] ?? 'schema';
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(schemaFiles())) {
  writeFileSync(path.join(dir, name), text);
  process.stdout.write(`wrote ${path.join(dir, name)}\n`);
}
