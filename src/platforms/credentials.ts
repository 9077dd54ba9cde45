/** The environment variables that hold platform credentials: masked by the action, never passed to jobs. */
export const CREDENTIAL_ENV = [
  // Azure (@azure/identity)
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'AZURE_PASSWORD',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONNECTION_STRING',
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
