// Bundles each entry with @vercel/ncc into dist/<entry>/index.js (one ESM file each, licenses
// alongside). dist/ is committed: the action runs it as is, and CI checks it matches src/.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';

// Built into dist.tmp/ and swapped in only when every entry built: a failed build leaves dist/ as it was.
const entries = { cli: 'src/cli/index.ts', main: 'src/action/main-entry.ts', post: 'src/action/post-entry.ts' };
rmSync('dist.tmp', { recursive: true, force: true });
try {
  for (const [name, src] of Object.entries(entries)) {
    execFileSync('npx', ['--no-install', 'ncc', 'build', src, '-o', `dist.tmp/${name}`, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], {
      stdio: 'inherit',
    });
  }
} catch {
  rmSync('dist.tmp', { recursive: true, force: true });
  console.error('build failed; dist/ is unchanged');
  process.exit(1);
}
rmSync('dist', { recursive: true, force: true });
renameSync('dist.tmp', 'dist');
