/**
 * Every secret the action can see is masked before anything is logged: the token input, the
 * password of a pushgateway URL, and the platform credentials the adapters read from the
 * environment (whether or not this run's platform uses them).
 */
import * as core from '@actions/core';

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

/** masks a value, and each line of a multi-line one (a PEM key), since the runner matches per line */
export function maskValue(value: string | undefined): void {
  if (!value) return;
  core.setSecret(value);
  const lines = value.split(/\r?\n/).map((l) => l.trim());
  if (lines.length > 1) for (const l of lines) if (l.length >= 8 && !/^-----(BEGIN|END) /.test(l)) core.setSecret(l);
}

export function maskUrlCredentials(text: string | undefined): void {
  if (!text) return;
  try {
    const url = new URL(text);
    if (url.password) {
      maskValue(url.password);
      maskValue(decodeURIComponent(url.password));
    }
  } catch {
    // not a URL: settings reports it, without echoing it
  }
}

export function maskCredentials(env: Record<string, string | undefined>): void {
  for (const name of CREDENTIAL_ENV) maskValue(env[name]);
}
