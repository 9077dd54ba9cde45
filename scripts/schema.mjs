// `npm run schema`: rewrites schema/*.json from the zod schemas. The project runs no TypeScript
// directly (no tsx), so src/schema-gen.ts is bundled with ncc into a temp folder and run there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const out = mkdtempSync(path.join(tmpdir(), 'evalgate-schema-gen-'));
try {
  execFileSync('npx', ['--no-install', 'ncc', 'build', 'src/schema-gen.ts', '-o', out, '--quiet', '--target', 'es2022'], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [path.join(out, 'index.js'), path.resolve('schema')], { stdio: 'inherit' });
} finally {
  rmSync(out, { recursive: true, force: true });
}
