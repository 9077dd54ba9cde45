// Bundles each entry with @vercel/ncc into dist/<entry>/index.js (one ESM file each, licenses
// alongside). dist/ is committed: the action runs it as is, and CI checks it matches src/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const entries = { cli: 'src/cli/index.ts', main: 'src/action/main-entry.ts', post: 'src/action/post-entry.ts' };
rmSync('dist', { recursive: true, force: true });
for (const [name, src] of Object.entries(entries)) {
  execFileSync('npx', ['--no-install', 'ncc', 'build', src, '-o', `dist/${name}`, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], {
    stdio: 'inherit',
  });
}
