/**
 * The floor the gate is measured against: walk DIR recursively (as `--results DIR` does), then
 * fs.readFileSync + JSON.parse every *.json file, one at a time, and nothing else.
 * Prints {"files": n, "bytes": b} so the harness can check it read the same bytes as the gate.
 *
 *   node bench/parse_only.mjs DIR
 */
import fs from 'node:fs';
import path from 'node:path';

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out;
}

const files = walk(process.argv[2], []).sort();
let bytes = 0;
let keys = 0;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  const v = JSON.parse(text);
  keys += Object.keys(v).length; // use the value, so the parse is not optimised away
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, keys }) + '\n');
