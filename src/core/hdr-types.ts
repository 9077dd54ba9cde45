/** The parts of hdr-histogram-js's JsHistogram we use (its `JsHistogram` type is not exported). */
export interface HistogramIterationValue {
  valueIteratedTo: number;
  countAtValueIteratedTo: number;
}
export interface JsHistogram {
  readonly totalCount: number;
  /** writable: see fixMaxValue in hdr.ts */
  maxValue: number;
  readonly minNonZeroValue: number;
  readonly numberOfSignificantValueDigits: number;
  recordValue(value: number): void;
  recordValueWithCount(value: number, count: number): void;
  getValueAtPercentile(percentile: number): number;
  highestEquivalentValue(value: number): number;
  add(other: never): void;
  recordedValuesIterator: { reset(): void; hasNext(): boolean; next(): HistogramIterationValue };
  // internals of JsHistogram used by addCounts (public in its JS, absent from its Histogram type)
  readonly countsArrayLength: number;
  readonly subBucketCount: number;
  readonly unitMagnitude: number;
  getCountAtIndex(index: number): number;
  setCountAtIndex(index: number, value: number): void;
  establishInternalTackingValues(lengthToCover?: number): void;
  addToCountAtIndex(index: number, value: number): void;
  setTotalCount(total: number): void;
  updatedMaxValue(value: number): void;
  updateMinNonZeroValue(value: number): void;
  valueFromIndex(index: number): number;
  resize(newHighestTrackableValue: number): void;
}
