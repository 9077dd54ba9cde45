/**
 * Azure credentials in the order a GitHub user expects, each tried only when its configuration is
 * present (so that one missing piece is not hidden behind another's timeout):
 *
 * 1. a service principal from the environment (AZURE_TENANT_ID, AZURE_CLIENT_ID and
 *    AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH): what @azure/identity's
 *    EnvironmentCredential reads;
 * 2. workload identity (AZURE_FEDERATED_TOKEN_FILE, as on AKS);
 * 3. GitHub OIDC without the az CLI: the workflow's ID token (audience api://AzureADTokenExchange)
 *    exchanged for the app AZURE_CLIENT_ID in AZURE_TENANT_ID (needs `permissions: id-token: write`);
 * 4. the Azure CLI's login (after `azure/login`, OIDC or not);
 * 5. a managed identity (a self-hosted runner on an Azure VM; AZURE_CLIENT_ID picks a user-assigned one).
 *
 * A credential that is configured but refused (a wrong secret, an app without a federated
 * credential) stops the search with its own message: trying the next one would only hide it.
 */
import * as core from '@actions/core';
import {
  AzureCliCredential,
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential,
} from '@azure/identity';

export const ARM_SCOPE = 'https://management.azure.com/.default';

/**
 * The token scope of an ARM endpoint: `<endpoint>/.default`. Each Azure cloud's ARM takes tokens for
 * its own endpoint (https://management.azure.com, https://management.chinacloudapi.cn,
 * https://management.usgovcloudapi.net; learn.microsoft.com "Azure China developer guide" and "Azure
 * Government developer guide"), so the scope follows `azure.arm_endpoint`.
 */
export function armScope(armEndpoint: string): string {
  return `${new URL(armEndpoint).origin}/.default`;
}
/** the audience an Entra federated credential expects by default */
export const GITHUB_OIDC_AUDIENCE = 'api://AzureADTokenExchange';

interface Source {
  label: string;
  make: () => TokenCredential;
  /** a source tried because it may be there (the az CLI, a managed identity): when it is not, the next one is tried */
  probe?: boolean;
}

/** An Azure sign-in that failed: the message names what was tried, in the platform's words. */
export class AzureCredentialError extends Error {
  override name = 'AzureCredentialError';
}

/** The first line of an MSAL/identity error that says what Entra refused, without trace ids and stack. */
export function credentialMessage(e: unknown): string {
  const text = String((e as Error)?.message ?? e);
  const aadsts = /AADSTS\d+:[^\r\n]*?(?=\s+Trace ID:|\r|\n|$)/.exec(text);
  if (aadsts) return aadsts[0].trim();
  const first = text.split(/\r?\n/).find((l) => l.trim()) ?? text;
  return first
    .replace(/\s+Trace ID:.*$/, '')
    .trim()
    .slice(0, 400);
}

export function azureSources(env: Record<string, string | undefined>, opts: { authorityHost?: string } = {}): Source[] {
  const tenant = env.AZURE_TENANT_ID;
  const client = env.AZURE_CLIENT_ID;
  const authority = opts.authorityHost ? { authorityHost: opts.authorityHost, disableInstanceDiscovery: true } : {};
  const sources: Source[] = [];
  if (tenant && client && env.AZURE_CLIENT_SECRET) {
    const secret = env.AZURE_CLIENT_SECRET;
    sources.push({
      label: 'service principal (AZURE_CLIENT_SECRET)',
      make: () => new ClientSecretCredential(tenant, client, secret, authority),
    });
  } else if (tenant && client && env.AZURE_CLIENT_CERTIFICATE_PATH) {
    const certificatePath = env.AZURE_CLIENT_CERTIFICATE_PATH;
    sources.push({
      label: 'service principal (AZURE_CLIENT_CERTIFICATE_PATH)',
      make: () =>
        new ClientCertificateCredential(
          tenant,
          client,
          { certificatePath, certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD },
          authority,
        ),
    });
  }
  if (tenant && client && env.AZURE_FEDERATED_TOKEN_FILE) {
    const tokenFilePath = env.AZURE_FEDERATED_TOKEN_FILE;
    sources.push({
      label: 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
      make: () => new WorkloadIdentityCredential({ tenantId: tenant, clientId: client, tokenFilePath, ...authority }),
    });
  }
  if (tenant && client && env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    sources.push({
      label: 'GitHub OIDC (AZURE_CLIENT_ID, AZURE_TENANT_ID)',
      make: () => new ClientAssertionCredential(tenant, client, () => core.getIDToken(GITHUB_OIDC_AUDIENCE), authority),
    });
  }
  sources.push({ label: 'Azure CLI (az login / azure/login)', make: () => new AzureCliCredential({ tenantId: tenant }), probe: true });
  sources.push({
    label: 'managed identity',
    make: () => (client ? new ManagedIdentityCredential({ clientId: client }) : new ManagedIdentityCredential()),
    probe: true,
  });
  return sources;
}

/** The credential evalgate uses for ARM and Blob: the first source that gives a token, remembered. */
export class EvalgateAzureCredential implements TokenCredential {
  private chosen?: { label: string; credential: TokenCredential };
  private readonly made = new Map<string, TokenCredential>();

  constructor(private readonly sources: Source[]) {}

  /** which source gave the token ('' before the first token) */
  get label(): string {
    return this.chosen?.label ?? '';
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    if (this.chosen) {
      try {
        return await this.chosen.credential.getToken(scopes, options);
      } catch (e) {
        throw new AzureCredentialError(`Azure sign-in with ${this.chosen.label} failed: ${credentialMessage(e)}`);
      }
    }
    const tried: string[] = [];
    for (const s of this.sources) {
      let credential = this.made.get(s.label);
      if (!credential) {
        credential = s.make();
        this.made.set(s.label, credential);
      }
      try {
        const token = await credential.getToken(scopes, options);
        if (token) {
          this.chosen = { label: s.label, credential };
          return token;
        }
        tried.push(`${s.label}: no token`);
      } catch (e) {
        const name = (e as Error)?.name;
        // a configured source that fails (a wrong secret, an app without a federated credential) is the answer
        if (s.probe && (name === 'CredentialUnavailableError' || name === 'AuthenticationRequiredError')) {
          tried.push(`${s.label}: ${credentialMessage(e)}`);
          continue;
        }
        throw new AzureCredentialError(`Azure sign-in with ${s.label} failed: ${credentialMessage(e)}`);
      }
    }
    throw new AzureCredentialError(
      `no Azure credential is available (set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run azure/login first); tried ${tried.join('; ')}`,
    );
  }
}

export function azureCredential(env: Record<string, string | undefined>, opts: { authorityHost?: string } = {}): EvalgateAzureCredential {
  return new EvalgateAzureCredential(azureSources(env, opts));
}
