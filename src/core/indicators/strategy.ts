/** Merge strategies of custom indicators (without the merging itself: settings need only these). */
export type MergeStrategy = { kind: 'sum' | 'mean' | 'max' | 'min' } | { kind: 'weighted_mean'; field: string };

export const MERGE_STRATEGY_SYNTAX = 'one of sum, mean, max, min, weighted_mean:FIELD';

export function parseMergeStrategy(text: string): MergeStrategy | null {
  const t = text.trim();
  if (t === 'sum' || t === 'mean' || t === 'max' || t === 'min') return { kind: t };
  const m = /^weighted_mean:([A-Za-z0-9_-]+)$/.exec(t);
  return m ? { kind: 'weighted_mean', field: m[1]! } : null;
}
