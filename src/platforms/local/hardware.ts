/**
 * The runner's own hardware, for the fingerprint of latency and throughput measured by local jobs
 * (SPEC §10): its CPU model and CPU frequency governor, where the machine tells. A job that measures
 * a service elsewhere names that machine in its files' `host` metadata, which wins over this.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Hardware } from '../../core/fingerprint.js';

let cached: Partial<Hardware> | undefined;

export function runnerHardware(): Partial<Hardware> {
  if (cached) return cached;
  const out: Partial<Hardware> = {};
  const model = cpus()[0]?.model?.replace(/\s+/g, ' ').trim();
  if (model && model !== 'unknown') out.cpu_model = model;
  try {
    const governor = readFileSync('/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor', 'utf8').trim();
    if (governor) out.cpu_governor = governor;
  } catch {
    // no cpufreq here (a container, a VM without it): not recorded
  }
  cached = out;
  return out;
}
