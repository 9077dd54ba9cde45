// Bundles each entry with @vercel/ncc into dist/<entry>/index.js (one ESM file each, licenses
// alongside). dist/ is committed: the action runs it as is, and CI checks it matches src/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';

// Built into dist.tmp/ and swapped in only when every entry built: a failed build leaves dist/ as it was.
const entries = { cli: 'src/cli/index.ts', main: 'src/action/main-entry.ts', post: 'src/action/post-entry.ts' };
rmSync('dist.tmp', { recursive: true, force: true });
try {
  for (const [name, src] of Object.entries(entries)) {
    execFileSync('npx', ['--no-install', 'ncc', 'build', src, '-o', `dist.tmp/${name}`, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], {
      stdio: 'inherit',
    });
  }
  // report.html inlines Chart.js's browser build, read from dist/assets/ when a report is written
  // (never bundled into the entries: commands that write no report do not load it)
  mkdirSync('dist.tmp/assets');
  copyFileSync('node_modules/chart.js/dist/chart.umd.min.js', 'dist.tmp/assets/chart.umd.min.js');
  copyFileSync('node_modules/chart.js/LICENSE.md', 'dist.tmp/assets/chart.js.LICENSE.md');
} catch {
  rmSync('dist.tmp', { recursive: true, force: true });
  console.error('build failed; dist/ is unchanged');
  process.exit(1);
}
rmSync('dist', { recursive: true, force: true });
renameSync('dist.tmp', 'dist');
