/**
 * `azblob://<account>/<container>/<prefix>`: indicator files in Azure Blob storage. Credentials,
 * in order: AZURE_STORAGE_CONNECTION_STRING (when it names this account; its BlobEndpoint is used,
 * so Azurite and private endpoints work), AZURE_STORAGE_KEY (the account key), AZURE_STORAGE_SAS_TOKEN,
 * then the Entra credentials of the azure platform (the principal needs Storage Blob Data Reader).
 */
import { AnonymousCredential, BlobServiceClient, ContainerClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { azureCredential } from '../platforms/azure/credential.js';
import { downloadPrefix } from '../platforms/azure/blob.js';
import type { RemoteDownload } from './remote.js';

export function parseAzblob(uri: string): { account: string; container: string; prefix: string } {
  const m = /^azblob:\/\/([a-z0-9]{3,24})\/([a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?)(?:\/(.*))?$/.exec(uri);
  if (!m) throw new Error('expected azblob://<account>/<container>/<prefix> (a lower-case storage account and container name)');
  const prefix = (m[3] ?? '').replace(/^\/+/, '');
  return { account: m[1]!, container: m[2]!, prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix };
}

const connectionField = (cs: string, key: string): string | undefined =>
  cs
    .split(';')
    .map((p) => p.split(/=(.*)/s))
    .find(([k]) => k?.trim().toLowerCase() === key.toLowerCase())?.[1];

export function azblobContainer(account: string, container: string, env: Record<string, string | undefined>): ContainerClient {
  const cs = env.AZURE_STORAGE_CONNECTION_STRING;
  if (cs && connectionField(cs, 'AccountName') === account) return BlobServiceClient.fromConnectionString(cs).getContainerClient(container);
  const url = `https://${account}.blob.core.windows.net/${container}`;
  if (env.AZURE_STORAGE_KEY) return new ContainerClient(url, new StorageSharedKeyCredential(account, env.AZURE_STORAGE_KEY));
  if (env.AZURE_STORAGE_SAS_TOKEN)
    return new ContainerClient(`${url}?${env.AZURE_STORAGE_SAS_TOKEN.replace(/^\?/, '')}`, new AnonymousCredential());
  return new ContainerClient(url, azureCredential(env));
}

export async function downloadAzblob(uri: string, dest: string, env: Record<string, string | undefined>): Promise<RemoteDownload> {
  const { account, container, prefix } = parseAzblob(uri);
  const client = azblobContainer(account, container, env);
  try {
    return await downloadPrefix(client, prefix, dest, ['.json']);
  } catch (e) {
    const err = e as { statusCode?: number; code?: string; message?: string };
    if (err.statusCode)
      throw new Error(`Blob storage answered ${err.statusCode} ${err.code ?? ''}: ${(err.message ?? '').split('\n')[0]}`.trim());
    throw e;
  }
}
