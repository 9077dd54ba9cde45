/**
 * evalgate never deletes what it did not create. Every folder it creates to fill (a job's folder,
 * the download folder of remote results) carries a marker file, `.evalgate-owned`; only a folder
 * with that marker is ever emptied or removed. Where a folder of that name exists without the
 * marker (the user's own `results/`), evalgate leaves it alone and uses a fresh one beside it
 * (`results-2`, `results-3`, …).
 */
import { existsSync, lstatSync, promises as fs } from 'node:fs';
import path from 'node:path';

export const OWNED_MARKER = '.evalgate-owned';
const MAX_ALTERNATIVES = 100;

/** `dir` is a real folder (not a link) that carries evalgate's marker file */
export function isOwned(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory() && lstatSync(path.join(dir, OWNED_MARKER)).isFile();
  } catch {
    return false;
  }
}

const taken = (dir: string): boolean => {
  try {
    lstatSync(dir);
    return true;
  } catch {
    return existsSync(dir);
  }
};

/** `preferred` when it is free or evalgate's, else the first free or evalgate's `preferred-N` */
export function freeFolder(preferred: string): string {
  for (let n = 1; n <= MAX_ALTERNATIVES; n++) {
    const dir = n === 1 ? preferred : `${preferred}-${n}`;
    if (!taken(dir) || isOwned(dir)) return dir;
  }
  throw new Error(
    `${preferred} and ${MAX_ALTERNATIVES - 1} folders beside it exist and are not evalgate's (no ${OWNED_MARKER}): remove some`,
  );
}

export class NotOwnedError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} exists and is not evalgate's (it has no ${OWNED_MARKER}): evalgate does not delete what it did not create`);
    this.name = 'NotOwnedError';
  }
}

/**
 * Makes `dir` an empty folder of evalgate's (its marker inside): creates it (and its parents), or
 * empties it when it carries the marker; throws NotOwnedError when it exists without it.
 */
export async function claimFolder(dir: string): Promise<void> {
  await fs.mkdir(path.dirname(dir), { recursive: true });
  try {
    await fs.mkdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    if (!isOwned(dir)) throw new NotOwnedError(dir);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir);
  }
  await fs.writeFile(path.join(dir, OWNED_MARKER), 'created by evalgate; it empties or removes this folder when it needs it again\n', {
    flag: 'wx',
  });
}

/** a fresh empty folder of evalgate's at `preferred` or beside it (see freeFolder) */
export async function freshFolder(preferred: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const dir = freeFolder(preferred);
    try {
      await claimFolder(dir);
      return dir;
    } catch (e) {
      // taken between the look and the claim: look again
      if (!(e instanceof NotOwnedError) || attempt >= 5) throw e;
    }
  }
}
