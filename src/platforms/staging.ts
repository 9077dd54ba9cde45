/**
 * How local inputs go up: in parts of `part_size` bytes, `concurrency` at a time, through each
 * storage's own multipart API (Azure block blobs, OSS multipart, TOS uploadFile, SFTP writes).
 * `staging: {part_size, concurrency}` at the top of the config applies to every platform; the same
 * mapping in a platform's section (`azure.staging`, …) wins over it.
 *
 * Sizes are written as people write them: `64MiB`, `512 KiB`, `1GiB` (powers of 1024), `100MB`
 * (powers of 1000), or a whole number of bytes.
 *
 * Each storage has its own limits (sources in docs/config.md):
 *   azure   a block of at most 4000 MiB, at most 50,000 blocks per blob
 *   bailian an OSS part of 100 KiB to 5 GiB (but the last), at most 10,000 parts
 *   volc    a TOS part of 5 MiB to 5 GiB (but the last), at most 10,000 parts
 *   dgx     an SFTP write of at most 1 MiB (a larger top-level part_size is capped, not refused)
 * A file with more parts than its storage allows goes up in larger parts (the size is raised to fit).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Problem } from '../core/problem.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const SIZE_SYNTAX = 'a size such as "64MiB" (B, KiB, MiB, GiB, or KB, MB, GB), or a whole number of bytes';

const UNITS: Record<string, number> = { b: 1, kib: KiB, mib: MiB, gib: GiB, kb: 1e3, mb: 1e6, gb: 1e9 };

/** bytes of a size text or number; undefined when it is not one */
export function parseSize(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v > 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(v);
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase();
  const scale = unit === '' ? 1 : UNITS[unit];
  if (scale === undefined) return undefined;
  const bytes = Number(m[1]) * scale;
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** 67108864 → "64 MiB", 1500000 → "1500000 bytes" */
export function formatSize(bytes: number): string {
  for (const [unit, n] of [
    ['GiB', GiB],
    ['MiB', MiB],
    ['KiB', KiB],
  ] as const)
    if (bytes >= n && bytes % n === 0) return `${bytes / n} ${unit}`;
  return `${bytes} bytes`;
}

const MAX_CONCURRENCY = 64;

/** `staging:` at the top level or in a platform's section */
export const stagingSchema = z.strictObject(
  {
    part_size: z
      .union([z.string(), z.number()], { error: SIZE_SYNTAX })
      .refine((v) => parseSize(v) !== undefined, { error: SIZE_SYNTAX })
      .optional(),
    concurrency: z
      .number({ error: `an integer from 1 to ${MAX_CONCURRENCY}` })
      .int({ error: `an integer from 1 to ${MAX_CONCURRENCY}` })
      .min(1, { error: `an integer from 1 to ${MAX_CONCURRENCY}` })
      .max(MAX_CONCURRENCY, { error: `an integer from 1 to ${MAX_CONCURRENCY}` })
      .optional(),
  },
  { error: 'a mapping of part_size (e.g. 64MiB) and concurrency (parts sent at once)' },
);
export type StagingSection = z.infer<typeof stagingSchema>;

export interface Staging {
  /** bytes per part (block, SFTP write); a file of at most this size goes up in one request */
  partSize: number;
  /** parts (blocks, SFTP writes) in flight at once */
  concurrency: number;
}

export type StagingPlatform = 'azure' | 'bailian' | 'volc' | 'dgx';

interface Limits {
  minPart: number;
  maxPart: number;
  maxParts: number;
  defaults: Staging;
  /** what one part is, for messages */
  part: string;
  /** a top-level part_size beyond maxPart is capped rather than refused */
  capTopLevel?: boolean;
}

export const STAGING_LIMITS: Record<StagingPlatform, Limits> = {
  // Put Block: at most 4000 MiB a block, 50,000 blocks a blob (x-ms-version 2019-12-12 and later)
  azure: { minPart: 1, maxPart: 4000 * MiB, maxParts: 50_000, defaults: { partSize: 16 * MiB, concurrency: 4 }, part: 'a block' },
  // UploadPart: 100 KB to 5 GB each but the last, part numbers 1 to 10,000
  bailian: {
    minPart: 100 * KiB,
    maxPart: 5 * GiB,
    maxParts: 10_000,
    defaults: { partSize: 16 * MiB, concurrency: 4 },
    part: 'an OSS part',
  },
  // UploadPart: 5 MiB to 5 GiB each but the last, part numbers 1 to 10,000 (the SDK's MIN_PART_SIZE_EXCEPT_LAST_ONE)
  volc: { minPart: 5 * MiB, maxPart: 5 * GiB, maxParts: 10_000, defaults: { partSize: 16 * MiB, concurrency: 4 }, part: 'a TOS part' },
  // ssh2 fastPut: chunkSize bytes per read/write, `concurrency` of them in flight (ssh2's defaults: 32 KiB × 64);
  // ssh2 splits a write above its packet limit (254 KiB against OpenSSH) into several requests
  dgx: {
    minPart: 4 * KiB,
    maxPart: MiB,
    maxParts: Number.POSITIVE_INFINITY,
    defaults: { partSize: 128 * KiB, concurrency: 64 },
    part: 'an SFTP write',
    capTopLevel: true,
  },
};

/**
 * The staging of `platform`: its section's `staging` over the top-level one over the platform's
 * defaults, each value held against the platform's limits.
 */
export function resolveStaging(
  platform: StagingPlatform,
  top: StagingSection | undefined,
  section: StagingSection | undefined,
  file: string,
): { staging: Staging; problems: Problem[] } {
  const limits = STAGING_LIMITS[platform];
  const problems: Problem[] = [];
  const staging: Staging = { ...limits.defaults };
  for (const [where, s] of [
    ['staging', top],
    [`${platform}.staging`, section],
  ] as const) {
    if (!s) continue;
    if (s.concurrency !== undefined) staging.concurrency = s.concurrency;
    if (s.part_size === undefined) continue;
    let bytes = parseSize(s.part_size)!;
    if (where === 'staging' && limits.capTopLevel) bytes = Math.min(Math.max(bytes, limits.minPart), limits.maxPart);
    if (bytes < limits.minPart || bytes > limits.maxPart)
      problems.push({
        file,
        path: `${where}.part_size`,
        expected: `${limits.part} of ${limits.minPart === 1 ? 'at most ' : `${formatSize(limits.minPart)} to `}${formatSize(limits.maxPart)} on ${platform}`,
        found: JSON.stringify(s.part_size),
      });
    else staging.partSize = bytes;
  }
  return { staging, problems };
}

/** the part size for a file: `partSize`, raised (to a whole MiB) when the file would need more parts than the storage takes */
export function partSizeFor(fileSize: number, platform: StagingPlatform, partSize: number): number {
  const { maxParts } = STAGING_LIMITS[platform];
  if (Math.ceil(fileSize / partSize) <= maxParts) return partSize;
  return Math.ceil(fileSize / maxParts / MiB) * MiB;
}

/** where the resume record of one upload is kept: one file per (storage, object), under the run's folder */
export function checkpointFile(dir: string, storage: string, object: string): string {
  return path.join(dir, `${storage}-${createHash('sha256').update(object).digest('hex').slice(0, 32)}.json`);
}

/** writes a checkpoint whole or not at all (a kill mid-write leaves the previous one) */
export async function writeCheckpoint(file: string, record: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(record));
  await fs.rename(tmp, file);
}

/** writeCheckpoint, one write at a time: parts finish side by side, and the last record written is the latest */
export function serialWriter(file: string): (record: unknown) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (record) => {
    // stringified now: the SDK keeps mutating the object it hands over
    const text = JSON.parse(JSON.stringify(record)) as unknown;
    last = last.catch(() => {}).then(() => writeCheckpoint(file, text));
    return last;
  };
}

/** a checkpoint, or undefined when there is none or it does not parse (then the upload starts over) */
export async function readCheckpoint<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Throws the signal's reason when it has fired (before a request that should not start). */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('staging was cancelled');
}
