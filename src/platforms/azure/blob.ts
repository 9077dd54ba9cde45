/**
 * The workspace's Blob datastore: resolved through ARM (account, container, how to authenticate),
 * then used with @azure/storage-blob to stage local inputs under a content-addressed prefix and to
 * download what jobs wrote.
 */
import { AnonymousCredential, ContainerClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Arm } from './arm.js';
import { maskRuntimeSecret } from '../credentials.js';
import { safeJoin } from '../../stores/blob-safe.js';
import { STAGING_LIMITS, partSizeFor, throwIfAborted, type Staging } from '../staging.js';

export interface Datastore {
  name: string;
  account: string;
  container: string;
  /** the account's Blob service URL, e.g. https://<account>.blob.core.windows.net */
  serviceUrl: string;
  client: ContainerClient;
  /** the same account's `azureml` container (run history: user_logs/std_log.txt) */
  logs: ContainerClient;
}

export async function resolveDatastore(
  arm: Arm,
  name: string,
  credential: TokenCredential,
  env: Record<string, string | undefined>,
  blobEndpoint?: string,
  /** the run's cancel: ends the reads and their retry waits */
  signal?: AbortSignal,
): Promise<Datastore> {
  const res = await arm.send('Datastores_Get', 'GET', `/datastores/${encodeURIComponent(name)}`, undefined, [200], signal);
  const p = ((res.body as { properties?: Record<string, unknown> })?.properties ?? {}) as Record<string, unknown>;
  if (p.datastoreType !== 'AzureBlob')
    throw new Error(
      `datastore ${name} is ${JSON.stringify(p.datastoreType)}; evalgate reads and writes an AzureBlob datastore (azure.datastore)`,
    );
  const account = String(p.accountName ?? '');
  const container = String(p.containerName ?? '');
  if (!account || !container) throw new Error(`datastore ${name} names no accountName/containerName`);
  const serviceUrl = blobEndpoint ?? `${String(p.protocol ?? 'https')}://${account}.blob.${String(p.endpoint ?? 'core.windows.net')}`;
  const kind = String(((p.credentials ?? {}) as Record<string, unknown>).credentialsType ?? 'None');
  let make: (containerName: string) => ContainerClient;
  if (kind === 'AccountKey' || kind === 'Sas') {
    const secrets = (
      await arm.send('Datastores_ListSecrets', 'POST', `/datastores/${encodeURIComponent(name)}/listSecrets`, {}, [200], signal)
    ).body as Record<string, unknown>;
    if (secrets?.secretsType === 'AccountKey' && typeof secrets.key === 'string') {
      const key = secrets.key;
      maskRuntimeSecret(key, env);
      const cred = new StorageSharedKeyCredential(account, key);
      make = (c) => new ContainerClient(`${serviceUrl}/${c}`, cred);
    } else if (secrets?.secretsType === 'Sas' && typeof secrets.sasToken === 'string') {
      const sas = secrets.sasToken.replace(/^\?/, '');
      maskRuntimeSecret(sas, env);
      make = (c) => new ContainerClient(`${serviceUrl}/${c}?${sas}`, new AnonymousCredential());
    } else throw new Error(`datastore ${name}: listSecrets gave no account key or SAS token`);
  } else {
    // identity-based datastore: the same Entra credential (the principal needs Storage Blob Data Contributor)
    make = (c) => new ContainerClient(`${serviceUrl}/${c}`, credential);
  }
  return { name, account, container, serviceUrl, client: make(container), logs: make('azureml') };
}

/** the SDK's largest single-shot upload (BLOCK_BLOB_MAX_UPLOAD_BLOB_BYTES): a larger file always goes in blocks */
const MAX_SINGLE_SHOT = 256 * 1024 * 1024;

/**
 * Uploads files under `prefix` (ending in `/`), skipping each one a previous run already put there
 * with the same size: the prefix is content-addressed, so a name and size that match are the same
 * bytes. A file larger than one part goes up as a block blob: `staging.concurrency` Put Block
 * calls at once, then one Put Block List that makes the blob, whole, at the end; an interrupted
 * upload leaves only uncommitted blocks (no blob, which Azure discards after 7 days), and the next
 * run uploads the file again from the start. Returns how many were sent.
 */
export async function uploadPrefix(
  container: ContainerClient,
  prefix: string,
  files: Array<[string, string]>,
  opts: { staging?: Staging; signal?: AbortSignal } = {},
): Promise<number> {
  const have = new Map<string, number>();
  for await (const b of container.listBlobsFlat({ prefix, ...(opts.signal ? { abortSignal: opts.signal } : {}) }))
    have.set(b.name, b.properties.contentLength ?? -1);
  const staging = opts.staging ?? STAGING_LIMITS.azure.defaults;
  let sent = 0;
  for (const [rel, abs] of files) {
    throwIfAborted(opts.signal);
    const name = prefix + rel;
    const size = (await fs.stat(abs)).size;
    if (have.get(name) === size) continue;
    const blockSize = partSizeFor(size, 'azure', staging.partSize);
    await container.getBlockBlobClient(name).uploadFile(abs, {
      blockSize,
      concurrency: staging.concurrency,
      maxSingleShotSize: Math.min(blockSize, MAX_SINGLE_SHOT),
      ...(opts.signal ? { abortSignal: opts.signal } : {}),
    });
    sent++;
  }
  return sent;
}

/**
 * Downloads every blob under `prefix` whose name ends in one of `suffixes` (all when empty) into
 * `dest`, keeping the names below the prefix as relative paths. A name that is not a plain relative
 * path (`..`, an empty segment, a backslash) is refused, never written.
 */
export async function downloadPrefix(
  container: ContainerClient,
  prefix: string,
  dest: string,
  suffixes: string[] = [],
  signal?: AbortSignal,
): Promise<{ files: string[]; refused: string[] }> {
  const files: string[] = [];
  const refused: string[] = [];
  const abort = signal ? { abortSignal: signal } : {};
  for await (const page of container.listBlobsFlat({ prefix, ...abort }).byPage({ maxPageSize: 1000 })) {
    for (const b of page.segment.blobItems) {
      if (suffixes.length && !suffixes.some((s) => b.name.endsWith(s))) continue;
      const local = safeJoin(dest, b.name.slice(prefix.length));
      if (!local) {
        refused.push(b.name);
        continue;
      }
      await fs.mkdir(path.dirname(local), { recursive: true });
      await container.getBlobClient(b.name).downloadToFile(local, undefined, undefined, abort);
      files.push(local);
    }
  }
  return { files: files.sort(), refused };
}

/** the last `lines` lines of a blob, '' when it does not exist */
/** the end of a log blob is enough for its last lines: never more than this is downloaded */
const TAIL_BYTES = 256 * 1024;

export async function blobTail(container: ContainerClient, name: string, lines: number): Promise<string | null> {
  try {
    const blob = container.getBlobClient(name);
    const size = (await blob.getProperties()).contentLength ?? 0;
    const start = Math.max(0, size - TAIL_BYTES);
    const buf = size === 0 ? Buffer.alloc(0) : await blob.downloadToBuffer(start, size - start);
    const text = buf.toString('utf8');
    return text
      .split('\n')
      .filter((l, i, all) => l !== '' || i < all.length - 1)
      .slice(-lines)
      .join('\n');
  } catch (e) {
    // no such blob: null, so that the caller can say where it looked
    if ((e as { statusCode?: number }).statusCode === 404) return null;
    throw e;
  }
}
