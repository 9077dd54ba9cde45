#!/usr/bin/env node
// Extracts the Azure Machine Learning REST fixtures the fake Azure (__tests__/fakes/azure.ts) validates against.
//
//   node scripts/extract-azure-spec.mjs                       # downloads the pinned files from GitHub
//   node scripts/extract-azure-spec.mjs --mfe mfe.json --types types.json [--examples dir]
//
// Inputs (Azure/azure-rest-api-specs, pinned below):
// - specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/mfe.json
//   (Swagger 2.0, 793,345 characters)
// - specification/common-types/resource-management/v3/types.json (ProxyResource, Resource, SystemData, ErrorResponse,
//   and the subscriptionId / resourceGroupName / api-version parameters that mfe.json references)
// - the spec examples in EXAMPLES (kept unchanged, re-serialised with 2-space indentation)
//
// Output: __tests__/fixtures/azure/mfe.reduced.json with
// - `paths`: the operations in OPERATIONS (parameters and responses; descriptions, summaries and x-ms-examples dropped);
// - `definitions`: every definition reachable from ROOTS and from those paths, plus, for every reachable polymorphic base
//   (a definition with `discriminator`), the subtypes that name it in `allOf`, limited to SUBTYPES where listed (the
//   job kinds, datastore kinds and credential kinds the fake serves; the others are not modelled). Definitions from
//   types.json are renamed `types.v3.<Name>` and their $refs rewritten to local ones;
// - `parameters`: the types.json parameters the kept operations use, renamed the same way;
// - `x-unresolved`: $refs into files this script does not read (machineLearningServices.json parameters). The fake
//   checks those two itself (workspace name, `$skip`).
// Kept keywords: everything except `description`, `summary`, `example`, `x-ms-examples`, `x-ms-enum.values[].description`
// (a property *named* description inside a `properties` map is kept).
// Also writes __tests__/fixtures/azure/examples/** and SOURCES.json (repo, paths, commits, sha256 of each input).
//
// Re-runnable: the output is a pure function of the inputs. The script fails if a kept $ref does not resolve, so a
// hand-assembled input (see SOURCES.json) that lacks a needed definition cannot produce a fixture silently.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, '__tests__', 'fixtures', 'azure');

const REPO = 'Azure/azure-rest-api-specs';
const MFE_PATH = 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/mfe.json';
const MFE_COMMIT = '2da0653eaf295e68209da300694320dd737dbd66';
const TYPES_PATH = 'specification/common-types/resource-management/v3/types.json';
const TYPES_COMMIT = '05432ee0bc8a3feb5bc0f6fd21f49bb7aeaf13af';
const EXAMPLES_DIR = 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/examples';
/** example path (under EXAMPLES_DIR) -> commit of the stored version that was read */
const EXAMPLES = {
  'Job/CommandJob/createOrUpdate.json': '9d599f3b2e8a5761b605538feee8c2f257b2bca4',
  'Job/cancel.json': 'fa9f9e9380b966f4a6752715268233d5f48fa911',
  'Datastore/AzureBlobWAccountKey/createOrUpdate.json': '6e3a23250e53920c662f3b288bd9caab1c95f519',
  'Datastore/listSecrets.json': 'df74858bfda6128d16c98265db2a6f42e89b20ff',
};

const WS =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}';
/** path template -> methods kept */
const OPERATIONS = {
  [`${WS}/jobs`]: ['get'],
  [`${WS}/jobs/{id}`]: ['get', 'put'],
  [`${WS}/jobs/{id}/cancel`]: ['post'],
};
/** definitions the fake validates bodies against, besides those the operations reference */
const ROOTS = [
  'JobBaseResource',
  'JobBaseResourceArmPaginatedResult',
  'CodeVersionResource',
  'EnvironmentVersionResource',
  'DatastoreResource',
  'DatastoreSecrets',
];
/** polymorphic base -> the subtypes kept (bases not listed keep all their subtypes) */
const SUBTYPES = {
  JobBase: ['CommandJob'],
  JobLimits: ['CommandJobLimits'],
  Datastore: ['AzureBlobDatastore'],
  DatastoreCredentials: ['AccountKeyDatastoreCredentials'],
  DatastoreSecrets: ['AccountKeyDatastoreSecrets'],
};

const TYPES_REF = '../../../../../common-types/resource-management/v3/types.json#/';
const TYPES_PREFIX = 'types.v3.';

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i];
    if (!['--mfe', '--types', '--examples', '--input-note'].includes(k) || argv[i + 1] === undefined) {
      throw new Error(`usage: extract-azure-spec.mjs [--mfe file] [--types file] [--examples dir] [--input-note text]`);
    }
    args[k.slice(2)] = argv[i + 1];
  }
  return args;
}

async function download(path, commit) {
  const url = `https://raw.githubusercontent.com/${REPO}/${commit}/${path}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Deep copy without documentation keywords; keys of a `properties` map are property names and always kept. */
function strip(value, inPropertiesMap = false) {
  if (Array.isArray(value)) return value.map((v) => strip(v));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (!inPropertiesMap && ['description', 'summary', 'example', 'x-ms-examples'].includes(k)) continue;
    out[k] = strip(v, !inPropertiesMap && k === 'properties');
  }
  return out;
}

/** Calls fn(ref) for every $ref string inside value. */
function eachRef(value, fn) {
  if (Array.isArray(value)) return value.forEach((v) => eachRef(v, fn));
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') fn(v);
    else eachRef(v, fn);
  }
}

/** Rewrites $refs: types.json ones to local renamed ones; refs into other files to {x-unresolved-ref}. */
function rewriteRefs(value, unresolved) {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, unresolved));
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.$ref === 'string' && !value.$ref.startsWith('#/')) {
    const ref = value.$ref;
    if (ref.startsWith(TYPES_REF)) {
      const [kind, name] = ref.slice(TYPES_REF.length).split('/');
      return { ...rewriteRefs({ ...value, $ref: undefined }, unresolved), $ref: `#/${kind}/${TYPES_PREFIX}${name}` };
    }
    unresolved.add(ref);
    return { 'x-unresolved-ref': ref };
  }
  const out = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = rewriteRefs(v, unresolved);
  return out;
}

function reduce(mfe, types, inputs) {
  const unresolved = new Set();
  // one namespace: mfe definitions plus renamed types.json definitions/parameters (refs inside types.json are local)
  const defs = {};
  for (const [name, def] of Object.entries(mfe.definitions)) defs[name] = rewriteRefs(def, unresolved);
  for (const [name, def] of Object.entries(types.definitions)) {
    defs[TYPES_PREFIX + name] = JSON.parse(JSON.stringify(def).replaceAll('"#/definitions/', `"#/definitions/${TYPES_PREFIX}`));
  }
  const params = {};
  for (const [name, p] of Object.entries(types.parameters ?? {})) params[TYPES_PREFIX + name] = p;

  const paths = {};
  for (const [template, methods] of Object.entries(OPERATIONS)) {
    const item = mfe.paths[template];
    if (!item) throw new Error(`${template} is not in mfe.json`);
    paths[template] = {};
    for (const m of methods) {
      if (!item[m]) throw new Error(`${m.toUpperCase()} ${template} is not in mfe.json`);
      paths[template][m] = rewriteRefs(strip(item[m]), unresolved);
    }
  }

  // subtypes: base -> [subtype names], from allOf
  const subtypesOf = {};
  for (const [name, def] of Object.entries(defs)) {
    for (const part of def.allOf ?? []) {
      const m = /^#\/definitions\/(.+)$/.exec(part.$ref ?? '');
      if (m) (subtypesOf[m[1]] ??= []).push(name);
    }
  }

  const keptDefs = new Set();
  const keptParams = new Set();
  const queue = [...ROOTS];
  const visitRef = (ref) => {
    const m = /^#\/(definitions|parameters)\/(.+)$/.exec(ref);
    if (!m) throw new Error(`unexpected $ref ${ref}`);
    if (m[1] === 'parameters') {
      if (!params[m[2]]) throw new Error(`$ref ${ref} does not resolve`);
      keptParams.add(m[2]);
    } else queue.push(m[2]);
  };
  eachRef(paths, visitRef);
  while (queue.length) {
    const name = queue.shift();
    if (keptDefs.has(name)) continue;
    const def = defs[name];
    if (!def) throw new Error(`definition ${name} is referenced but not in the input`);
    keptDefs.add(name);
    eachRef(def, visitRef);
    if (def.discriminator) {
      const all = subtypesOf[name] ?? [];
      const wanted = SUBTYPES[name];
      for (const w of wanted ?? []) if (!all.includes(w)) throw new Error(`${w} is not a subtype of ${name}`);
      queue.push(...(wanted ?? all));
    }
  }
  const definitions = {};
  for (const name of [...keptDefs].sort()) {
    const d = strip(defs[name]);
    // x-ms-enum value descriptions are documentation too
    if (d['x-ms-enum']?.values)
      d['x-ms-enum'].values = d['x-ms-enum'].values.map(({ value, name: n }) => (n ? { name: n, value } : { value }));
    definitions[name] = d;
  }
  const parameters = {};
  for (const name of [...keptParams].sort()) parameters[name] = strip(params[name]);

  return {
    swagger: mfe.swagger,
    info: mfe.info,
    host: mfe.host,
    'x-extracted-from': {
      repo: REPO,
      files: { [MFE_PATH]: MFE_COMMIT, [TYPES_PATH]: TYPES_COMMIT },
      script: 'scripts/extract-azure-spec.mjs',
      input: inputs,
      kept: 'operations in OPERATIONS; definitions reachable from ROOTS and the operations, with the SUBTYPES of polymorphic bases; documentation keywords removed',
      subtypes: SUBTYPES,
    },
    'x-unresolved': [...unresolved].sort(),
    paths,
    definitions,
    parameters,
  };
}

const args = parseArgs(process.argv.slice(2));
mkdirSync(join(OUT_DIR, 'examples'), { recursive: true });

const mfeText = args.mfe ? readFileSync(args.mfe, 'utf8') : await download(MFE_PATH, MFE_COMMIT);
const typesText = args.types ? readFileSync(args.types, 'utf8') : await download(TYPES_PATH, TYPES_COMMIT);
const inputs = {
  mfe: { sha256: sha256(mfeText), chars: mfeText.length, source: args.mfe ? 'local file' : 'raw.githubusercontent.com' },
  types: { sha256: sha256(typesText), chars: typesText.length, source: args.types ? 'local file' : 'raw.githubusercontent.com' },
  ...(args['input-note'] ? { note: args['input-note'] } : {}),
};
const reduced = reduce(JSON.parse(mfeText), JSON.parse(typesText), inputs);
const outFile = join(OUT_DIR, 'mfe.reduced.json');
writeFileSync(outFile, JSON.stringify(reduced, null, 1) + '\n');

const examples = {};
for (const [rel, commit] of Object.entries(EXAMPLES)) {
  const text = args.examples ? readFileSync(join(args.examples, rel), 'utf8') : await download(`${EXAMPLES_DIR}/${rel}`, commit);
  const out = join(OUT_DIR, 'examples', rel);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(JSON.parse(text), null, 2) + '\n');
  examples[`examples/${rel}`] = { repo: REPO, path: `${EXAMPLES_DIR}/${rel}`, commit, sha256: sha256(text) };
}

const sources = {
  'mfe.reduced.json': {
    repo: REPO,
    path: MFE_PATH,
    commit: MFE_COMMIT,
    alsoFrom: { path: TYPES_PATH, commit: TYPES_COMMIT },
    input: inputs,
    script: 'scripts/extract-azure-spec.mjs',
    definitions: Object.keys(reduced.definitions).length,
    operations: Object.values(reduced.paths).reduce((n, p) => n + Object.keys(p).length, 0),
  },
  ...examples,
};
writeFileSync(join(OUT_DIR, 'SOURCES.json'), JSON.stringify(sources, null, 2) + '\n');
console.log(
  `${outFile.slice(ROOT.length + 1)}: ${readFileSync(outFile).length} bytes, ${sources['mfe.reduced.json'].definitions} definitions`,
);
