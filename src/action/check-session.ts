/**
 * The check run of one action run (SPEC §11): created `in_progress` once the jobs are submitted
 * (after the first platform request: the Checks client is loaded then, not at start-up), and
 * completed when the report is published. A run that submits nothing (`results`, invalid input)
 * creates and completes it at publish time. Nothing here changes the verdict.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GitHubContext } from '../github/context.js';
import type { CheckJob, CheckResult, CheckTarget } from '../github/check.js';
import type { CheckMode } from '../github/check-modes.js';
import type { GateRun } from '../engine.js';
import type { Settings } from '../config/settings.js';
import type { Runtime } from '../runtime.js';

export interface CheckSession {
  /** the jobs are on the platform (their links go into the check) */
  submitted(jobs: CheckJob[]): void;
  /** completes the check; returns a note for the job summary when there is no check run */
  finish(gateRun: GateRun, passed: boolean, cancelled: boolean): Promise<{ url?: string; note?: string; warn: boolean }>;
}

export function checkSession(mode: CheckMode, token: string, ctx: GitHubContext, settings: Settings, rt: Runtime): CheckSession | null {
  if (mode === 'false' || !token || !ctx.owner || !ctx.repo) return null;
  const headSha = ctx.pullRequest?.headSha || rt.env.GITHUB_SHA;
  if (!headSha) return null;
  const target: CheckTarget = { owner: ctx.owner, repo: ctx.repo, headSha };
  const detailsUrl = ctx.runId ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}` : undefined;
  // one Checks client for the run: loaded at the first use (submission or publish), then shared
  let loaded: Promise<{ check: typeof import('../github/check.js'); api: ReturnType<typeof import('../github/api.js').githubApi> }> | null =
    null;
  const load = () =>
    (loaded ??= Promise.all([import('../github/check.js'), import('../github/api.js')]).then(([check, { githubApi }]) => ({
      check,
      api: githubApi(token, rt.env),
    })));
  let started: Promise<CheckResult> | null = null;
  let jobs: CheckJob[] = [];

  const start = (): Promise<CheckResult> => {
    started ??= load().then(({ check, api }) => check.startCheck(api, target, settings.name, { detailsUrl, jobs }));
    return started;
  };

  return {
    submitted(list) {
      jobs = list;
      void start();
    },
    async finish(gateRun, passed, cancelled) {
      const { check, api } = await load();
      const first = await start();
      if (!first.ok) return { note: first.note, warn: mode === 'true' };
      const { report } = gateRun;
      let configText: string | undefined;
      let where = ctx.workflowFile ? `.github/workflows/${ctx.workflowFile}` : '.github/evalgate.yml';
      if (settings.configFile) {
        const abs = path.resolve(rt.cwd, settings.configFile);
        const workspace = rt.env.GITHUB_WORKSPACE ? path.resolve(rt.env.GITHUB_WORKSPACE) : rt.cwd;
        where = path.relative(workspace, abs).split(path.sep).join('/');
        try {
          configText = readFileSync(abs, 'utf8');
        } catch {
          // a config that cannot be read again: the annotations go on its first line
        }
      }
      const done = await check.finishCheck(api, target, first.id, report, {
        summary: gateRun.markdown,
        conclusion: check.conclusionFor(report, passed, cancelled),
        annotations: check.checkAnnotations(report, where, configText),
      });
      if (!done.ok) return { note: done.note, warn: true };
      return { url: done.url, warn: false };
    },
  };
}
