/**
 * Every secret the action can see is masked before anything is logged: the token input, the
 * password of a pushgateway URL, and the platform credentials the adapters read from the
 * environment (whether or not this run's platform uses them).
 */
import * as core from './workflow.js';
import { CREDENTIAL_ENV } from '../platforms/credentials.js';

export { CREDENTIAL_ENV };

/** masks a value, and each line of a multi-line one (a PEM key), since the runner matches per line */
export function maskValue(value: string | undefined): void {
  if (!value) return;
  core.setSecret(value);
  const lines = value.split(/\r?\n/).map((l) => l.trim());
  if (lines.length > 1) for (const l of lines) if (l.length >= 8 && !/^-----(BEGIN|END) /.test(l)) core.setSecret(l);
}

export function maskUrlCredentials(text: string | undefined, opts: { query?: boolean } = {}): void {
  if (!text || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return;
  try {
    const url = new URL(text);
    if (url.password) {
      maskValue(url.password);
      maskValue(decodeURIComponent(url.password));
    }
    if (opts.query) for (const [, v] of url.searchParams) if (v.length >= 8) maskValue(v);
  } catch {
    // not a URL: settings reports it, without echoing it
  }
}

export function maskCredentials(env: Record<string, string | undefined>): void {
  for (const name of CREDENTIAL_ENV) maskValue(env[name]);
}
