// Preloaded into the Azurite child (`node -r`) by __tests__/fakes/azurite.ts: exits when the process that
// started Azurite is gone (its parent pid changes), so a test worker that is killed outright (SIGKILL, a
// crash) does not leave an Azurite server running. The timer is unref'd: it never keeps Azurite alive.
'use strict';
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 250).unref();
