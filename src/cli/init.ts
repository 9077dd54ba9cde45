/**
 * `evalgate init`: a starter `.github/evalgate.yml` for a platform and a workflow that runs the
 * action with it. Never overwrites: a file that exists is kept and named.
 *
 * The config carries no `# yaml-language-server: $schema=` line: the action is used through
 * `uses:`, not installed into the repository, so no path inside a user's repository is known to
 * hold the schema, and a link to a site outside the repository is not wanted.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { EvalgateError, ExitCode } from '../core/problem.js';
import { DEFAULT_CONFIG } from '../config/settings.js';
import type { Runtime } from '../runtime.js';

export const INIT_PLATFORMS = ['local', 'azure', 'volc', 'bailian', 'dgx'] as const;
export type InitPlatform = (typeof INIT_PLATFORMS)[number];
export const WORKFLOW_FILE = '.github/workflows/evalgate.yml';

/** What the jobs' commands need to know, per platform: where they run and how they see the code. */
const WHERE: Record<InitPlatform, string> = {
  local: '# Jobs run as child processes on the runner, in the repository checkout.',
  azure: '# Jobs run as Azure ML command jobs; azure.code is uploaded and is their working directory.',
  volc: '# Jobs run as Volcano Engine ML platform jobs; volc.code is uploaded to TOS and is their working directory.',
  bailian: '# Jobs run as Alibaba Cloud PAI-DLC jobs; bailian.code is uploaded to OSS and is their working directory.',
  dgx: '# Jobs run on a DGX node over SSH, in dgx.workdir (the shared folder).',
};

const SECTION: Record<InitPlatform, string> = {
  local: '',
  azure: `azure:
  subscription: 00000000-0000-0000-0000-000000000000   # your subscription id (or AZURE_SUBSCRIPTION_ID)
  resource_group: my-ml-rg
  workspace: my-ml-workspace
  compute: cpu-cluster        # a compute cluster of the workspace
  environment: azureml://registries/azureml/environments/sklearn-1.5/versions/1   # or image: myacr.azurecr.io/eval:1
  # code: [eval]              # folders uploaded as the job's code snapshot (its working directory)
`,
  volc: `volc:
  region: cn-beijing
  resource_queue_id: q-xxxxxxxx     # your resource queue
  image: vemlp-cn-beijing.cr.volces.com/my-namespace/eval:1
  instance_type: ml.g1e.large
  tos_bucket: my-evals              # indicator files and staged inputs go here
  # code: [eval]                    # uploaded and mounted at /mnt/evalgate/code; commands run there
`,
  bailian: `bailian:
  region: cn-hangzhou
  workspace_id: "12345"             # your PAI workspace
  image: registry-vpc.cn-hangzhou.aliyuncs.com/my-namespace/eval:1
  oss_bucket: my-evals              # indicator files and staged inputs go here
  # GitHub OIDC instead of long-lived keys (the workflow grants id-token: write):
  # oidc_role_arn: acs:ram::1234567890123456:role/evalgate
  # oidc_provider_arn: acs:ram::1234567890123456:oidc-provider/github
  # code: [eval]                    # uploaded and mounted at /mnt/evalgate/code; commands run there
`,
  dgx: `dgx:
  mode: ssh                   # local (the runner is the node) | ssh | slurm
  host: dgx01.example.com     # the node; the private key comes from EVALGATE_SSH_KEY
  user: ci
  workdir: /raid/shared/ci    # the shared folder on the node
  # host_key: SHA256:…        # pin the node's key: ssh-keyscan HOST | ssh-keygen -lf -
`,
};

export function starterConfig(platform: InitPlatform): string {
  return `# evalgate: what this repository's model must pass before a pull request merges.
# Written by \`evalgate init --platform ${platform}\`. Replace the commands with your evaluation
# scripts, then check it:   evalgate run --dry-run     and run it:   evalgate run
# Every key is described in evalgate's README ("Config file", "Platforms").
name: evalgate
platform: ${platform}
# model: models/model.onnx    # a local path (staged to the platform) or a URI; jobs see it as {model}
# data: data/validation/      # jobs see it as {data}
indicators: [accuracy_f1, latency_p99]   # required; the built-in ones are accuracy_f1, latency_p99,
                                         # throughput_rps, robustness_adv, toxicity (or your own)
thresholds: |
  accuracy_f1.f1 >= 0.75
  latency_p99.p99_ms <= 300
  # warn accuracy_f1.f1 >= baseline - 0.02
${WHERE[platform]}
# Each command writes <indicator>.json into {out} (see "Indicator files" in the README).
jobs:
  accuracy_f1:
    command: python eval/accuracy_f1.py --out {out} --shard {shard_index}/{shard_count}
    shards: 1
  latency_p99:
    command: python eval/latency.py --out {out}
${SECTION[platform]}`;
}

/** The step's credentials: secrets as env of the action's step, as each platform's README section says. */
const STEP_ENV: Record<InitPlatform, string[]> = {
  local: [],
  azure: [
    '# GitHub OIDC (no secret): a federated credential on the app; azure.subscription names the subscription',
    'AZURE_TENANT_ID: ${{ secrets.AZURE_TENANT_ID }}',
    'AZURE_CLIENT_ID: ${{ secrets.AZURE_CLIENT_ID }}',
  ],
  volc: ['VOLCENGINE_ACCESS_KEY: ${{ secrets.VOLCENGINE_ACCESS_KEY }}', 'VOLCENGINE_SECRET_KEY: ${{ secrets.VOLCENGINE_SECRET_KEY }}'],
  bailian: [
    '# an AccessKey; or GitHub OIDC with bailian.oidc_role_arn and oidc_provider_arn in the config (then drop these)',
    'ALIBABA_CLOUD_ACCESS_KEY_ID: ${{ secrets.ALIBABA_CLOUD_ACCESS_KEY_ID }}',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET: ${{ secrets.ALIBABA_CLOUD_ACCESS_KEY_SECRET }}',
  ],
  dgx: ['EVALGATE_SSH_KEY: ${{ secrets.DGX_SSH_KEY }}   # the private key for dgx.user@dgx.host'],
};

/** OIDC sign-in needs the workflow's ID token. */
const NEEDS_ID_TOKEN: readonly InitPlatform[] = ['azure', 'bailian'];

export function starterWorkflow(platform: InitPlatform): string {
  const env = STEP_ENV[platform];
  return `# Written by \`evalgate init --platform ${platform}\`: runs the jobs of .github/evalgate.yml on
# ${platform}, gates the result and comments on the pull request.
name: evalgate
on:
  push:
    branches: [main] # each push to main leaves the report artifact that pull requests compare with
  pull_request:

permissions:
  contents: read # checkout
  pull-requests: write # the sticky PR comment
  actions: read # find the base branch's last report artifact (baseline: auto)
${NEEDS_ID_TOKEN.includes(platform) ? '  id-token: write # GitHub OIDC sign-in to the platform\n' : ''}
concurrency:
  group: evalgate-\${{ github.ref }}
  cancel-in-progress: true # a newer push cancels this run; the post step cancels its jobs

jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: gate
        uses: evalgate/evalgate@v0
        with:
          config: .github/evalgate.yml
${env.length ? `        env:\n${env.map((l) => `          ${l}`).join('\n')}\n` : ''}`;
}

export interface InitResult {
  exitCode: ExitCode;
  written: string[];
  kept: string[];
}

export async function init(opts: { platform: InitPlatform; dir: string }, rt: Runtime): Promise<InitResult> {
  const root = path.resolve(rt.cwd, opts.dir);
  const files: [string, string][] = [
    [DEFAULT_CONFIG, starterConfig(opts.platform)],
    [WORKFLOW_FILE, starterWorkflow(opts.platform)],
  ];
  const written: string[] = [];
  const kept: string[] = [];
  for (const [rel, text] of files) {
    const abs = path.join(root, rel);
    try {
      await fs.mkdir(path.dirname(abs), { recursive: true });
      // 'wx': created only when nothing is there (never overwritten, not even in a race)
      await fs.writeFile(abs, text, { flag: 'wx' });
      written.push(rel);
      rt.stdout(`wrote ${rel}\n`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw new EvalgateError([{ file: abs, expected: 'a file evalgate init can create', found: code ?? (e as Error).message }]);
      kept.push(rel);
      rt.stdout(`kept ${rel} (exists)\n`);
    }
  }
  if (written.length === 0) {
    rt.stderr(`evalgate init: nothing written: every file exists already (${kept.join(', ')})\n`);
    return { exitCode: ExitCode.InvalidInput, written, kept };
  }
  const where = opts.dir === '.' ? '' : ` (in ${opts.dir})`;
  rt.stdout(
    `\nNext${where}: replace the job commands in ${DEFAULT_CONFIG} with your evaluation scripts` +
      `${opts.platform === 'local' ? '' : `, fill in the ${opts.platform} section and add the secrets the workflow names`}, then\n` +
      `  evalgate run --dry-run      print each job as it would run\n` +
      `  evalgate run                run the jobs, gate and report\n`,
  );
  return { exitCode: ExitCode.Ok, written, kept };
}
