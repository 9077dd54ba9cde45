#!/usr/bin/env node
// Extracts the GitHub REST fixtures the fake GitHub (__tests__/fakes/github.ts) serves and validates against.
//
//   node scripts/extract-github-openapi.mjs
//
// 1. `npm pack @octokit/openapi@23.0.2` into a temporary directory (29 MB tarball, 385 MB unpacked; NOT a
//    dependency), untar only `generated/api.github.com.deref.json` (OpenAPI 3.0.3, all $refs resolved) and
//    write __tests__/fixtures/github/openapi.json with: openapi, info, servers and the paths/methods in
//    OPERATIONS below (parameters, requestBody and responses with their schemas; `example`/`examples`
//    dropped). Provenance goes into `x-extracted-from`.
// 2. `npm pack @octokit/webhooks-examples@7.6.1` the same way and write the first published `pull_request`
//    example whose action is `opened`, unchanged (only re-serialised with 2-space indentation), to
//    __tests__/fixtures/github/pull_request.opened.json. Its provenance is in
//    __tests__/fixtures/github/SOURCES.json (the payload itself stays as published).
//
// Re-runnable: the output is a pure function of the two tarballs. Needs `npm` and `tar` on PATH and the npm
// registry. The temporary directory is removed afterwards.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, '__tests__', 'fixtures', 'github');

const OPENAPI_PKG = '@octokit/openapi';
const OPENAPI_VERSION = '23.0.2';
const OPENAPI_FILE = 'generated/api.github.com.deref.json';

const WEBHOOKS_PKG = '@octokit/webhooks-examples';
const WEBHOOKS_VERSION = '7.6.1';
const WEBHOOKS_FILE = 'api.github.com/index.json';

/** path template -> methods kept */
const OPERATIONS = {
  '/user': ['get'],
  '/repos/{owner}/{repo}/issues/{issue_number}/comments': ['get', 'post'],
  '/repos/{owner}/{repo}/issues/comments/{comment_id}': ['get', 'patch'],
  '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs': ['get'],
  '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': ['get'],
  '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}': ['get'],
  '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}': ['get'],
  '/repos/{owner}/{repo}/check-runs': ['post'],
  '/repos/{owner}/{repo}/pulls/{pull_number}': ['get'],
  '/repos/{owner}/{repo}/check-runs/{check_run_id}': ['patch'],
};

/** `npm pack <spec>` into dir; returns {file, integrity, shasum} of the tarball. */
function npmPack(spec, dir) {
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [info] = JSON.parse(out);
  return { file: join(dir, info.filename), integrity: info.integrity, shasum: info.shasum };
}

/** Reads one member of a package tarball (members live under `package/`). */
function readFromTarball(tgz, member, dir) {
  execFileSync('tar', ['-xzf', tgz, '-C', dir, `package/${member}`], { stdio: 'inherit' });
  return readFileSync(join(dir, 'package', member), 'utf8');
}

/**
 * Deep copy without the `example` / `examples` keywords. A key of a `properties` map is a property name,
 * not a keyword, so it is kept whatever it is called.
 */
function stripExamples(value, inPropertiesMap = false) {
  if (Array.isArray(value)) return value.map((v) => stripExamples(v));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (!inPropertiesMap && (k === 'example' || k === 'examples')) continue;
    out[k] = stripExamples(v, !inPropertiesMap && k === 'properties');
  }
  return out;
}

function extractOpenapi(text, pack) {
  const spec = JSON.parse(text);
  const paths = {};
  for (const [template, methods] of Object.entries(OPERATIONS)) {
    const item = spec.paths[template];
    if (!item) throw new Error(`${template} is not in ${OPENAPI_FILE}`);
    paths[template] = {};
    for (const m of methods) {
      if (!item[m]) throw new Error(`${m.toUpperCase()} ${template} is not in ${OPENAPI_FILE}`);
      paths[template][m] = stripExamples(item[m]);
    }
    if (item.parameters) paths[template].parameters = stripExamples(item.parameters);
  }
  return {
    openapi: spec.openapi,
    info: spec.info,
    servers: spec.servers,
    'x-extracted-from': {
      package: OPENAPI_PKG,
      version: OPENAPI_VERSION,
      file: OPENAPI_FILE,
      tarballIntegrity: pack.integrity,
      fileSha256: createHash('sha256').update(text).digest('hex'),
      script: 'scripts/extract-github-openapi.mjs',
      kept: 'openapi, info, servers and the listed operations; `example`/`examples` removed',
    },
    paths,
  };
}

function extractPullRequestOpened(text) {
  const events = JSON.parse(text);
  const pr = events.find((e) => e.name === 'pull_request');
  if (!pr) throw new Error(`no pull_request event in ${WEBHOOKS_FILE}`);
  const index = pr.examples.findIndex((e) => e.action === 'opened');
  if (index < 0) throw new Error('no pull_request example with action "opened"');
  return { index, payload: pr.examples[index] };
}

const tmp = mkdtempSync(join(tmpdir(), 'evalgate-gh-openapi-'));
try {
  mkdirSync(OUT_DIR, { recursive: true });

  const openapiPack = npmPack(`${OPENAPI_PKG}@${OPENAPI_VERSION}`, tmp);
  const openapi = extractOpenapi(readFromTarball(openapiPack.file, OPENAPI_FILE, tmp), openapiPack);
  const openapiOut = join(OUT_DIR, 'openapi.json');
  writeFileSync(openapiOut, JSON.stringify(openapi, null, 1) + '\n');

  rmSync(join(tmp, 'package'), { recursive: true, force: true });
  const webhooksPack = npmPack(`${WEBHOOKS_PKG}@${WEBHOOKS_VERSION}`, tmp);
  const webhooksText = readFromTarball(webhooksPack.file, WEBHOOKS_FILE, tmp);
  const { index, payload } = extractPullRequestOpened(webhooksText);
  const prOut = join(OUT_DIR, 'pull_request.opened.json');
  writeFileSync(prOut, JSON.stringify(payload, null, 2) + '\n');

  const sources = {
    'openapi.json': openapi['x-extracted-from'],
    'pull_request.opened.json': {
      package: WEBHOOKS_PKG,
      version: WEBHOOKS_VERSION,
      file: WEBHOOKS_FILE,
      tarballIntegrity: webhooksPack.integrity,
      fileSha256: createHash('sha256').update(webhooksText).digest('hex'),
      selection: `events[name=pull_request].examples[${index}] (the first example with action "opened"), unchanged`,
      script: 'scripts/extract-github-openapi.mjs',
    },
  };
  writeFileSync(join(OUT_DIR, 'SOURCES.json'), JSON.stringify(sources, null, 2) + '\n');

  for (const f of [openapiOut, prOut]) {
    console.log(`${f.slice(ROOT.length + 1)}: ${readFileSync(f).length} bytes`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
