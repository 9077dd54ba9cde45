/**
 * Object names from a bucket or container are never trusted as paths: a name is kept only when
 * each of its `/`-separated segments is a plain file name, and the result must stay inside the
 * download folder. Shared by the Azure Blob, OSS and TOS downloads.
 */
import path from 'node:path';

/** the local path of `relative` (an object name below the listed prefix) inside `dest`, or null when it would escape */
export function safeJoin(dest: string, relative: string): string | null {
  if (!relative || relative.includes('\\') || relative.includes('\0')) return null;
  const segs = relative.split('/');
  if (segs.some((s) => s === '' || s === '.' || s === '..')) return null;
  const root = path.resolve(dest);
  const full = path.resolve(root, ...segs);
  return full.startsWith(root + path.sep) ? full : null;
}
