// Fallback peak-RSS probe for bench/run.mjs when GNU time (/usr/bin/time) is not installed:
// `node --require bench/maxrss.cjs …` writes the process's maxRSS (KiB) to $BENCH_RSS_FILE on exit.
'use strict';
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
