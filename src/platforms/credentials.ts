/** The environment variables that hold platform credentials: masked by the action, never passed to jobs. */
export const CREDENTIAL_ENV = [
  // Azure (@azure/identity)
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'AZURE_PASSWORD',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONNECTION_STRING',
  'AZURE_STORAGE_SAS_TOKEN',
  // Alibaba Cloud (@alicloud/credentials)
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  // Volcano Engine
  'VOLCENGINE_ACCESS_KEY',
  'VOLCENGINE_SECRET_KEY',
  'VOLCENGINE_SESSION_TOKEN',
  'VOLC_ACCESSKEY',
  'VOLC_SECRETKEY',
  // DGX over SSH
  'EVALGATE_SSH_KEY',
  'EVALGATE_SSH_PASSPHRASE',
] as const;

/**
 * Masks a secret a platform learned at run time (a datastore key, an STS token) in the workflow
 * log. Only inside Actions: elsewhere the mask command would print the secret itself.
 */
export function maskRuntimeSecret(value: string | undefined, env: Record<string, string | undefined>): void {
  if (!value || env.GITHUB_ACTIONS !== 'true') return;
  // what @actions/core's setSecret writes, without loading @actions/core (and its HTTP client)
  // into every CLI command: a platform module must not cost the CLI's start-up
  const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::add-mask::${escaped}\n`);
}
