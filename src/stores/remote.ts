/**
 * `results: <scheme>://…`: indicator files read from a bucket or container without running jobs.
 * Each scheme downloads the *.json objects below its prefix into a local folder (object names are
 * never trusted as paths), then the files are gated like a local folder.
 */
import path from 'node:path';
import type { Problem } from '../core/problem.js';
import { freshFolder } from './owned.js';

export interface RemoteDownload {
  files: string[];
  /** object names refused because they are not plain relative paths */
  refused: string[];
}

type Downloader = (uri: string, dest: string, env: Record<string, string | undefined>) => Promise<RemoteDownload>;

// Each store's SDK is loaded only when a URI of its scheme is read (start-up, SPEC §8).
const SCHEMES: Record<string, { form: string; download: Downloader }> = {
  azblob: { form: 'azblob://<account>/<container>/<prefix>', download: async (...a) => (await import('./azblob.js')).downloadAzblob(...a) },
  tos: { form: 'tos://<bucket>/<prefix>', download: async (...a) => (await import('./tos.js')).downloadTos(...a) },
  oss: { form: 'oss://<bucket>/<prefix>', download: async (...a) => (await import('./oss.js')).downloadOss(...a) },
};

export const remoteScheme = (uri: string): string => /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1]?.toLowerCase() ?? '';

export async function fetchRemoteResults(
  uri: string,
  preferred: string,
  env: Record<string, string | undefined>,
): Promise<{ files: string[]; problems: Problem[] }> {
  const scheme = SCHEMES[remoteScheme(uri)];
  if (!scheme) {
    return {
      files: [],
      problems: [
        {
          file: uri,
          expected: `a folder, a glob or ${Object.values(SCHEMES)
            .map((s) => s.form)
            .join(', ')}`,
          found: `a ${remoteScheme(uri)}:// URI`,
        },
      ],
    };
  }
  // <out>/results when it is free or evalgate's own, else a fresh folder beside it: a user's
  // folder of that name is never emptied
  let dest: string;
  try {
    dest = await freshFolder(preferred);
  } catch (e) {
    return {
      files: [],
      problems: [{ file: preferred, expected: 'a folder evalgate can create for the download', found: (e as Error).message }],
    };
  }
  try {
    const got = await scheme.download(uri, dest, env);
    const problems: Problem[] = got.refused.map((name) => ({
      file: uri,
      path: name,
      expected: 'an object name that is a plain relative path below the prefix',
      found: 'a name with "..", an empty segment or a backslash (not downloaded)',
    }));
    if (got.files.length === 0 && got.refused.length === 0)
      problems.push({ file: uri, expected: 'indicator files (*.json) below the prefix', found: 'no .json object' });
    return { files: got.files.sort(), problems };
  } catch (e) {
    return { files: [], problems: [{ file: uri, expected: `a readable ${scheme.form}`, found: (e as Error).message }] };
  }
}

export const resultsFolder = (cwd: string, out: string): string => path.resolve(cwd, out, 'results');
