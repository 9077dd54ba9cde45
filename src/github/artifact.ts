/**
 * The `evalgate-<name>` workflow artifact (report.json, report.md and report.html at the zip's
 * root) through the official @actions/artifact client: uploaded every run, and downloaded from an
 * earlier run as the baseline. Without an artifact service (no ACTIONS_RUNTIME_TOKEN, an upload that fails) the gate
 * goes on: one warning, the verdict and outputs unchanged.
 */
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import type { ArtifactDownloader } from './baseline.js';

export type UploadResult = { ok: true; id: number | null; size: number | null } | { ok: false; warning: string };

export async function uploadReport(
  name: string,
  files: string[],
  env: Record<string, string | undefined>,
  client = new DefaultArtifactClient(),
  opts: { replace?: boolean } = {},
): Promise<UploadResult> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return {
      ok: false,
      warning: `artifact ${name} not uploaded: no artifact service here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set); the report is in the job summary`,
    };
  }
  try {
    const root = path.dirname(files[0]!);
    // A re-run is the same workflow run: the name is taken by the earlier attempt's artifact,
    // which must not stay the baseline of later pull requests. Replace it (upload-artifact's
    // overwrite); so does `replace`, for the same artifact with one more file.
    if (opts.replace || Number(env.GITHUB_RUN_ATTEMPT ?? '1') > 1) {
      try {
        await client.deleteArtifact(name);
      } catch {
        // the earlier attempt uploaded none
      }
    }
    const r = await client.uploadArtifact(name, files, root);
    return { ok: true, id: r.id ?? null, size: r.size ?? null };
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    const hint = /already exists|conflict|409/i.test(message)
      ? " (another job of this run uploaded the same name: give each gate its own `name`; a re-run replaces its earlier attempt's artifact)"
      : '';
    return { ok: false, warning: `artifact ${name} not uploaded: ${message}${hint}; the report is in the job summary` };
  }
}

/** downloads an earlier run's artifact through the public REST API (needs `actions: read`) */
export function artifactDownloader(token: string, owner: string, repo: string, client = new DefaultArtifactClient()): ArtifactDownloader {
  return async (id, runId, dir) => {
    await client.downloadArtifact(id, {
      path: dir,
      findBy: { token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo },
    });
  };
}
