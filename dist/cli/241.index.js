export const id = 241;
export const ids = [241];
export const modules = {

/***/ 96113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ HistogramRangeError),
/* harmony export */   Tl: () => (/* binding */ PER_MS),
/* harmony export */   lr: () => (/* binding */ HistogramMerger),
/* harmony export */   pr: () => (/* binding */ decodeHistogram)
/* harmony export */ });
/* unused harmony exports HDR_UNITS, MAX_HDR_COUNTERS, MAX_HDR_BYTES, Layout, valueAtPercentile, Histogram, MIN_MERGE_DIGITS */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/**
 * HdrHistogram V2 compressed (base64) histograms: decode, merge, and read percentiles.
 *
 * Our own decoder into plain count arrays. Histograms are built, merged and read the way
 * hdr-histogram-js 3.0.1 (`JsHistogram`, a port of the Java reference) does: the bucket arithmetic
 * below is its code, float operations in the same order, so every count and every value at
 * percentile is the one it gives (the property tests in __tests__/hdr.test.ts hold the two side by
 * side). Building its histogram objects cost most of the time of a 1000-shard gate: one method call
 * per counter to fill them, three more passes to find their total, min and max.
 */

const HDR_UNITS = (/* unused pure expression or super */ null && (['ns', 'us', 'ms']));
/** How many of each unit make one millisecond. */
const PER_MS = { ns: 1_000_000, us: 1_000, ms: 1 };
/** A decoded histogram of more counters than this is invalid (SPEC §2). */
const MAX_HDR_COUNTERS = 2 ** 31;
/** A histogram whose payload inflates to more than this many bytes is invalid (SPEC §2). */
const MAX_HDR_BYTES = 64 * 1024 * 1024;
const V2_COMPRESSED_COOKIE = 0x1c849304;
const V2_COOKIE = 0x1c849303;
const HEADER_BYTES = 40;
const { pow, floor, ceil, log2, max, min } = Math;
/**
 * Which value range each counter index stands for: HdrHistogram's buckets for a lowest
 * discernible value and a number of significant digits (JsHistogram's init()). Two layouts with
 * the same sub-bucket count and unit magnitude give index i the same meaning, whatever their
 * lengths.
 */
class Layout {
    lowest;
    digits;
    unitMagnitude;
    subBucketHalfCountMagnitude;
    subBucketCount;
    subBucketHalfCount;
    /** 2^unitMagnitude */
    lowestRounded;
    constructor(lowest, digits) {
        this.lowest = lowest;
        this.digits = digits;
        const largestValueWithSingleUnitResolution = 2 * floor(pow(10, digits));
        this.unitMagnitude = floor(log2(lowest));
        this.lowestRounded = pow(2, this.unitMagnitude);
        const subBucketCountMagnitude = ceil(log2(largestValueWithSingleUnitResolution));
        this.subBucketHalfCountMagnitude = (subBucketCountMagnitude > 1 ? subBucketCountMagnitude : 1) - 1;
        this.subBucketCount = pow(2, this.subBucketHalfCountMagnitude + 1);
        this.subBucketHalfCount = this.subBucketCount / 2;
    }
    sameAs(o) {
        return this.subBucketCount === o.subBucketCount && this.unitMagnitude === o.unitMagnitude;
    }
    /** The number of counters a histogram of this layout has to track values up to `highest`. */
    lengthFor(highest) {
        let smallestUntrackableValue = this.subBucketCount * pow(2, this.unitMagnitude);
        let bucketsNeeded = 1;
        while (smallestUntrackableValue <= highest) {
            if (smallestUntrackableValue > Number.MAX_SAFE_INTEGER / 2) {
                bucketsNeeded++;
                break;
            }
            smallestUntrackableValue *= 2;
            bucketsNeeded++;
        }
        return (bucketsNeeded + 1) * (this.subBucketCount / 2);
    }
    bucketIndex(value) {
        return max(floor(log2(value)) - this.subBucketHalfCountMagnitude - this.unitMagnitude, 0);
    }
    subBucketIndex(value, bucketIndex) {
        return floor(value / pow(2, bucketIndex + this.unitMagnitude));
    }
    /** The counter of `value`. */
    index(value) {
        if (value < 0)
            throw new Error('Histogram recorded value cannot be negative.');
        const bucketIndex = this.bucketIndex(value);
        const subBucketIndex = this.subBucketIndex(value, bucketIndex);
        return (bucketIndex + 1) * pow(2, this.subBucketHalfCountMagnitude) + (subBucketIndex - this.subBucketHalfCount);
    }
    /** The lowest value of counter `index`. */
    valueFromIndex(index) {
        let bucketIndex = floor(index / this.subBucketHalfCount) - 1;
        let subBucketIndex = (index % this.subBucketHalfCount) + this.subBucketHalfCount;
        if (bucketIndex < 0) {
            subBucketIndex -= this.subBucketHalfCount;
            bucketIndex = 0;
        }
        return subBucketIndex * pow(2, bucketIndex + this.unitMagnitude);
    }
    lowestEquivalentValue(value) {
        const bucketIndex = this.bucketIndex(value);
        return this.subBucketIndex(value, bucketIndex) * pow(2, bucketIndex + this.unitMagnitude);
    }
    sizeOfEquivalentValueRange(value) {
        const bucketIndex = this.bucketIndex(value);
        const subBucketIndex = this.subBucketIndex(value, bucketIndex);
        return pow(2, this.unitMagnitude + (subBucketIndex >= this.subBucketCount ? bucketIndex + 1 : bucketIndex));
    }
    highestEquivalentValue(value) {
        return this.lowestEquivalentValue(value) + this.sizeOfEquivalentValueRange(value) - 1;
    }
    medianEquivalentValue(value) {
        return this.lowestEquivalentValue(value) + floor(this.sizeOfEquivalentValueRange(value) / 2);
    }
}
/**
 * HdrHistogram's value at percentile over `counts` (JsHistogram.getValueAtPercentile): the
 * highest value equivalent to the first counter at which the running count reaches
 * max(1, ⌈p/100·total − 1 ulp⌉) (the ulp keeps float noise from skipping a count), the lowest
 * one for p = 0; 0 when the counts never reach it.
 */
function valueAtPercentile(layout, counts, total, percentile) {
    const fp = (min(percentile, 100) / 100.0) * total;
    const countAtPercentile = max(ceil(fp - pow(2, floor(log2(fp)) - 52)), 1);
    let running = 0;
    for (let i = 0; i < counts.length; i++) {
        running += counts[i];
        if (running >= countAtPercentile) {
            const v = layout.valueFromIndex(i);
            return percentile === 0.0 ? layout.lowestEquivalentValue(v) : layout.highestEquivalentValue(v);
        }
    }
    return 0;
}
/**
 * A decoded histogram: its layout, and its counts as the payload's words, checked and summed
 * once, expanded into counters where needed (into the merge's own array, mostly). A thousand
 * shards of a few kilobytes each would otherwise each hold (and allocate, zeroed) an array of
 * every counter up to their highest: that allocation alone was half the decoding time.
 */
class Histogram {
    layout;
    words;
    totalCount;
    lastIndex;
    minNonZeroIndex;
    zeroCount;
    /** What JsHistogram's getMaxValue() gives after a decode: the value at the 100th percentile. */
    maxValue;
    expanded = null;
    constructor(layout, 
    /** the payload's ZigZag LEB128 words, every one within the layout */
    words, totalCount, 
    /** the highest non-zero counter, -1 if none */
    lastIndex, 
    /** the first non-zero counter past counter 0, -1 if none */
    minNonZeroIndex, 
    /** the count of counter 0 (values below the unit), read by every file's agreement check */
    zeroCount) {
        this.layout = layout;
        this.words = words;
        this.totalCount = totalCount;
        this.lastIndex = lastIndex;
        this.minNonZeroIndex = minNonZeroIndex;
        this.zeroCount = zeroCount;
        if (totalCount <= 0)
            this.maxValue = 0;
        else if (totalCount < 2 ** 52) {
            // The 100th percentile's count is then the total itself (its ulp is under 1, so ⌈total −
            // ulp⌉ = total), first reached at the last non-zero counter: no pass needed.
            this.maxValue = layout.highestEquivalentValue(layout.valueFromIndex(lastIndex));
        }
        else
            this.maxValue = this.getValueAtPercentile(100);
    }
    /** Every counter up to the highest non-zero one. */
    get counts() {
        if (this.expanded === null) {
            const counts = new Float64Array(this.lastIndex + 1);
            this.addTo(counts); // from the words: `expanded` is still null
            this.expanded = counts;
        }
        return this.expanded;
    }
    /**
     * Adds each count to `dst` at its index (dst holds at least lastIndex + 1 counters) and
     * returns their sum, in index order. The words were checked by the decode: no bound here.
     */
    addTo(dst) {
        if (this.expanded !== null) {
            const c = this.expanded;
            let sum = 0;
            for (let i = 0; i < c.length; i++) {
                dst[i] += c[i];
                sum += c[i];
            }
            return sum;
        }
        const w = this.words;
        const end = w.length;
        let at = 0;
        let index = 0;
        let sum = 0;
        while (at < end) {
            let b = w[at++];
            if (b < 0x80) {
                if ((b & 1) === 0) {
                    if (b !== 0) {
                        dst[index] += b >> 1;
                        sum += b >> 1;
                    }
                    index++;
                }
                else
                    index += (b + 1) >> 1;
                continue;
            }
            let value = b & 0x7f;
            let scale = 128;
            for (let k = 1; k < 9; k++) {
                b = w[at++];
                value += (k < 8 ? b & 0x7f : b) * scale;
                scale *= 128;
                if (k < 8 && (b & 0x80) === 0)
                    break;
            }
            if (value % 2 === 0) {
                if (value !== 0) {
                    dst[index] += value / 2;
                    sum += value / 2;
                }
                index++;
            }
            else
                index += (value + 1) / 2;
        }
        return sum;
    }
    get numberOfSignificantValueDigits() {
        return this.layout.digits;
    }
    /** JsHistogram's minNonZeroValue after a decode (Number.MAX_VALUE when only counter 0 holds counts). */
    get minNonZeroValue() {
        if (this.minNonZeroIndex < 0)
            return Number.MAX_VALUE;
        const v = this.layout.valueFromIndex(this.minNonZeroIndex);
        if (v <= this.layout.lowestRounded - 1)
            return Number.MAX_VALUE;
        return floor(v / this.layout.lowestRounded) * this.layout.lowestRounded;
    }
    /** JsHistogram's mean: each counter at the middle of its value range. */
    get mean() {
        if (this.totalCount === 0)
            return 0;
        let sum = 0;
        const l = this.layout;
        const counts = this.counts;
        for (let i = 0; i < counts.length; i++) {
            const c = counts[i];
            if (c !== 0)
                sum += l.medianEquivalentValue(l.highestEquivalentValue(l.valueFromIndex(i))) * c;
        }
        return sum / this.totalCount;
    }
    getCountAtIndex(i) {
        if (i === 0)
            return this.zeroCount; // without expanding the words
        return i <= this.lastIndex ? this.counts[i] : 0;
    }
    getValueAtPercentile(p) {
        return valueAtPercentile(this.layout, this.counts, this.totalCount, p);
    }
    lowestEquivalentValue(v) {
        return this.layout.lowestEquivalentValue(v);
    }
    highestEquivalentValue(v) {
        return this.layout.highestEquivalentValue(v);
    }
}
/**
 * Decodes a base64 V2 compressed histogram; throws with the reason when it cannot. Untrusted
 * input, so every size is checked before work is spent on it: the compressed length against the
 * bytes there are, the inflated size against {@link MAX_HDR_BYTES} while inflating (zlib stops
 * there), the header's payload length against what was inflated, and every count against the
 * bucket layout the header declares (a count past the header's highest trackable value would be
 * dropped silently by the reference decoders). 64-bit (Float64) counts: 32-bit counts wrap past
 * 2^32. Nothing is allocated for the counters: the words are kept, expanded where used.
 */
function decodeHistogram(base64) {
    const text = base64.trim();
    if (text.length % 4 !== 0)
        throw new Error('Invalid string. Length must be a multiple of 4');
    if (/[^A-Za-z0-9+/=]/.test(text))
        throw new Error('it is not base64');
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length < 8)
        throw new Error('it is too short for a histogram');
    const cookie = bytes.readInt32BE(0);
    if ((cookie & ~0xf0) !== V2_COMPRESSED_COOKIE)
        throw new Error('Encoding not supported, only V2 is supported');
    const compressed = bytes.readInt32BE(4);
    if (compressed <= 0 || compressed > bytes.length - 8) {
        throw new Error(`its header declares ${compressed} compressed bytes, ${bytes.length - 8} are there`);
    }
    let raw;
    try {
        raw = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateSync)(bytes.subarray(8, 8 + compressed), { maxOutputLength: MAX_HDR_BYTES });
    }
    catch (e) {
        if (e.code === 'ERR_BUFFER_TOO_LARGE')
            throw new Error(`it decodes to more than ${MAX_HDR_BYTES / 2 ** 20} MiB`);
        throw new Error('its compressed payload does not inflate');
    }
    if (raw.length < HEADER_BYTES || (raw.readInt32BE(0) & ~0xf0) !== V2_COOKIE)
        throw new Error('no V2 histogram header in its payload');
    let payload = raw.readInt32BE(4);
    // some HdrHistogram_c versions counted the 40 header bytes into the payload length
    if (payload === raw.length && payload >= HEADER_BYTES)
        payload -= HEADER_BYTES;
    const digits = raw.readInt32BE(12);
    const lowest = readInt64(raw, 16);
    const highest = readInt64(raw, 24);
    if (payload < 0 || HEADER_BYTES + payload > raw.length) {
        throw new Error(`its header declares a payload of ${payload} bytes, ${raw.length - HEADER_BYTES} are there`);
    }
    if (!(digits >= 0 && digits <= 5))
        throw new Error(`its header declares ${digits} significant digits (0 to 5 are valid)`);
    if (!(lowest >= 1 && highest >= 2 * lowest && highest <= Number.MAX_SAFE_INTEGER)) {
        throw new Error(`its header declares a value range [${lowest}, ${highest}] no histogram has`);
    }
    const layout = new Layout(lowest, digits);
    const length = layout.lengthFor(highest);
    // the counts: ZigZag LEB128 words (at most 9 bytes), a negative word a run of zeros
    let at = HEADER_BYTES;
    const end = HEADER_BYTES + payload;
    let index = 0;
    let misfit = false;
    let total = 0;
    let last = -1;
    let minNonZero = -1;
    let zero = 0;
    while (at < end) {
        let b = raw[at++];
        let value;
        if (b < 0x80) {
            // one-byte words are most of them (counts under 64, runs under 65): integer arithmetic
            if ((b & 1) === 0) {
                if (++index > MAX_HDR_COUNTERS)
                    throw new Error(`it decodes to more than 2^31 counters`);
                if (index > length)
                    misfit = true;
                else if (b !== 0) {
                    const i = index - 1;
                    total += b >> 1;
                    last = i;
                    if (i === 0)
                        zero = b >> 1;
                    else if (minNonZero === -1)
                        minNonZero = i;
                }
                continue;
            }
            value = b;
        }
        else {
            value = b & 0x7f;
            let scale = 128;
            for (let k = 1; k < 9; k++) {
                if (at >= end)
                    throw new Error('its payload ends inside a count');
                b = raw[at++];
                value += (k < 8 ? b & 0x7f : b) * scale;
                scale *= 128;
                if (k < 8 && (b & 0x80) === 0)
                    break;
            }
        }
        const count = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
        // every word, a count or a run of zeros, adds counters; checked before they are stored
        index += count < 0 ? -count : 1;
        if (index > MAX_HDR_COUNTERS)
            throw new Error(`it decodes to more than 2^31 counters`);
        if (index > length)
            misfit = true; // said once the payload's counters are known to be at most 2^31
        else if (count > 0) {
            const i = index - 1;
            total += count; // in index order, as the reference sums it
            last = i;
            if (i === 0)
                zero = count;
            else if (minNonZero === -1)
                minNonZero = i;
        }
    }
    if (misfit) {
        throw new Error(`its counts do not fit its own header (highest trackable value ${highest}: ${length} counters, the payload has ${index})`);
    }
    if (!Number.isFinite(total) || total < 0)
        throw new Error('its total count is not a count');
    return new Histogram(layout, raw.subarray(HEADER_BYTES, end), total, last, minNonZero, zero);
}
/** A big-endian signed 64-bit integer as a number (exact up to 2^53; the sign kept beyond). */
function readInt64(b, at) {
    return b.readInt32BE(at) * 2 ** 32 + b.readUInt32BE(at + 4);
}
/**
 * A value a merged histogram cannot hold exactly: HdrHistogram indexes values in float arithmetic,
 * exact up to 2^53 in the histogram's unit. Beyond that (samples_ms of 1e300 recorded next to a
 * histogram) the merge would be garbage, so it is refused.
 */
class HistogramRangeError extends Error {
    valueMs;
    maxMs;
    constructor(valueMs, maxMs) {
        super(`a latency of ${valueMs} ms cannot be merged into a histogram (at most ${maxMs} ms)`);
        this.valueMs = valueMs;
        this.maxMs = maxMs;
    }
}
const checkRange = (value, unit) => {
    if (!(value <= Number.MAX_SAFE_INTEGER))
        throw new HistogramRangeError(value / PER_MS[unit], Math.floor(Number.MAX_SAFE_INTEGER / PER_MS[unit]));
};
/**
 * The merged histogram's precision is at least this many significant digits (HdrHistogram's usual
 * default, and what the Java reference merges its logs into), more if an input has more.
 */
const MIN_MERGE_DIGITS = 3;
/**
 * A histogram being merged into: lowest discernible value 1, growing as values arrive (an
 * autoresizing JsHistogram). `top` is its highest non-zero counter.
 */
class Accumulator {
    layout;
    counts;
    total = 0;
    top = -1;
    constructor(digits) {
        this.layout = new Layout(1, digits);
        this.counts = new Float64Array(this.layout.lengthFor(2));
    }
    grow(index, value) {
        const grown = new Float64Array(max(this.layout.lengthFor(value), index + 1));
        grown.set(this.counts);
        this.counts = grown;
    }
    /** recordValueWithCount(value, count) */
    record(value, count) {
        const i = this.layout.index(value);
        if (i >= this.counts.length)
            this.grow(i, value);
        this.counts[i] += count;
        this.total += count;
        if (i > this.top)
            this.top = i;
    }
    /**
     * Adds `counts` of the same layout index by index (JsHistogram.add's fast path, taken here
     * whatever the two lengths are: autoresized shards seldom have the same).
     */
    addSameLayout(h) {
        const top = h.lastIndex;
        if (top < 0)
            return;
        if (top >= this.counts.length)
            this.grow(top, this.layout.valueFromIndex(top));
        this.total += h.addTo(this.counts);
        if (top > this.top)
            this.top = top;
    }
    /**
     * Adds counts of another layout, each at the lowest value of its counter (JsHistogram.add's
     * value-by-value path: the highest counter first, then the others in order).
     */
    addByValue(layout, counts, top) {
        if (top < 0)
            return;
        this.record(layout.valueFromIndex(top), counts[top]);
        for (let i = 0; i < top; i++) {
            const c = counts[i];
            if (c > 0)
                this.record(layout.valueFromIndex(i), c);
        }
    }
    /**
     * Adds counts in a coarser unit: each counter at its highest equivalent value times `factor`
     * (what the source would have reported for those values, in the finer unit).
     */
    addScaled(layout, counts, factor) {
        for (let i = 0; i < counts.length; i++) {
            const c = counts[i];
            if (c !== 0)
                this.record(layout.highestEquivalentValue(layout.highestEquivalentValue(layout.valueFromIndex(i))) * factor, c);
        }
    }
    /** The highest value equivalent to the highest non-zero counter (0 when empty). */
    highestValue() {
        return this.top < 0 ? 0 : this.layout.highestEquivalentValue(this.layout.valueFromIndex(this.top));
    }
}
/** A running merge of histograms (and raw samples) in the finest unit seen. */
class HistogramMerger {
    acc = null;
    unit = 'ms';
    get digits() {
        return this.acc?.layout.digits ?? MIN_MERGE_DIGITS;
    }
    get totalCount() {
        return this.acc?.total ?? 0;
    }
    add(h, unit) {
        const digits = h.layout.digits;
        if (this.acc === null) {
            this.acc = new Accumulator(max(MIN_MERGE_DIGITS, digits));
            this.unit = unit;
        }
        if (PER_MS[unit] > PER_MS[this.unit] || digits > this.acc.layout.digits) {
            // A finer unit or a more precise histogram arrived: move what we have into a histogram
            // that can hold both, so nothing already merged loses precision it had.
            const finer = PER_MS[unit] > PER_MS[this.unit] ? unit : this.unit;
            const next = new Accumulator(max(digits, this.acc.layout.digits));
            const from = this.acc;
            checkRange(from.highestValue() * (PER_MS[finer] / PER_MS[this.unit]), finer);
            const counts = from.counts.subarray(0, from.top + 1);
            if (finer === this.unit)
                next.addByValue(from.layout, counts, from.top);
            else
                next.addScaled(from.layout, counts, PER_MS[finer] / PER_MS[this.unit]);
            this.acc = next;
            this.unit = finer;
        }
        const acc = this.acc;
        const factor = PER_MS[this.unit] / PER_MS[unit];
        checkRange(h.highestEquivalentValue(h.maxValue) * factor, this.unit);
        if (unit !== this.unit)
            acc.addScaled(h.layout, h.counts, factor);
        else if (acc.layout.sameAs(h.layout))
            acc.addSameLayout(h);
        // from the counter of maxValue, as JsHistogram.add does (the last one unless 2^53 counts blur it)
        else
            acc.addByValue(h.layout, h.counts, min(h.layout.index(h.maxValue), h.lastIndex));
    }
    /** Records raw samples given in milliseconds, rounded to the histogram's unit. */
    addSamplesMs(samples) {
        if (this.acc === null) {
            this.acc = new Accumulator(MIN_MERGE_DIGITS);
            this.unit = 'us';
        }
        else if (PER_MS[this.unit] < PER_MS.us) {
            // raw samples carry sub-millisecond detail: a histogram in ms would round 300.4 to 300
            const from = this.acc;
            const finer = new Accumulator(from.layout.digits);
            const factor = PER_MS.us / PER_MS[this.unit];
            checkRange(from.highestValue() * factor, 'us');
            finer.addScaled(from.layout, from.counts.subarray(0, from.top + 1), factor);
            this.acc = finer;
            this.unit = 'us';
        }
        const acc = this.acc;
        const f = PER_MS[this.unit];
        let top = 0;
        for (let i = 0; i < samples.length; i++)
            if (samples[i] > top)
                top = samples[i];
        checkRange(Math.round(top * f), this.unit);
        for (let i = 0; i < samples.length; i++)
            acc.record(Math.round(samples[i] * f), 1);
    }
    /** HdrHistogram's value at percentile, in milliseconds. */
    percentileMs(p) {
        if (this.acc === null)
            throw new Error('no histogram was merged');
        const acc = this.acc;
        return valueAtPercentile(acc.layout, acc.counts.subarray(0, acc.top + 1), acc.total, p) / PER_MS[this.unit];
    }
}


/***/ }),

/***/ 87357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ indicatorHead),
/* harmony export */   Pc: () => (/* binding */ finishIndicator)
/* harmony export */ });
/* unused harmony exports crossFieldProblems, SUMMARY_TOLERANCE */
/* harmony import */ var _problem_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(652);
/* harmony import */ var _hdr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96113);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77526);
/**
 * The part of validating an indicator file that needs no schema library: the checks before the
 * schema (a JSON object with a valid `indicator`), the checks across fields, the detail
 * (samples_ms, hdr_histogram) and its agreement with the summary. validate.ts adds the zod
 * schemas; quick.ts a schema check of its own for files that are valid, so a gate over valid files
 * never loads zod.
 */



const MAX_LISTED = 5;
/** The checks before the schema: a JSON object, its `indicator` a valid name, no `__proto__` key. */
function indicatorHead(value, file) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, failed: { ok: false, problems: [{ file, path: '$', expected: 'a JSON object', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(value) }] } };
    }
    const obj = value;
    const name = obj.indicator;
    if (typeof name !== 'string' || !(0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndicatorName */ .FS)(name)) {
        const expected = typeof name === 'string' ? _names_js__WEBPACK_IMPORTED_MODULE_2__/* .INDICATOR_NAME_RULE */ .jO : `a string naming the indicator (${_names_js__WEBPACK_IMPORTED_MODULE_2__/* .BUILTIN_INDICATORS */ .jo.join(', ')}, or a custom name)`;
        return { ok: false, failed: { ok: false, problems: [{ file, path: '$.indicator', expected, found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(name) }] } };
    }
    if (Object.hasOwn(obj, '__proto__')) {
        // JSON.parse makes it an own key; copied into a plain object it would replace the prototype
        return {
            ok: false,
            failed: {
                ok: false,
                indicator: name,
                problems: [{ file, path: '$["__proto__"]', expected: 'no __proto__ key (it is reserved)', found: 'one' }],
            },
        };
    }
    return { ok: true, name, obj };
}
/**
 * After the schema (its problems in `problems`): the checks across fields, the detail and its
 * agreement with the summary. `samples`, when given, is samples_ms already read into a typed array
 * (by the streaming reader); otherwise samples_ms is read from `obj`.
 */
function finishIndicator(name, obj, file, problems, samples) {
    for (const [field, expected] of crossFieldProblems(name, obj)) {
        problems.push({ file, path: `$.${field}`, expected, found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(obj[field]) });
    }
    const record = { file, indicator: name, data: { ...obj } };
    if (obj.shard !== undefined)
        record.shard = obj.shard;
    if (name === 'latency_p99') {
        if (samples) {
            record.samples = samples;
            delete record.data.samples_ms;
        }
        else if (obj.samples_ms !== undefined) {
            const read = readSamples(obj.samples_ms, file, problems);
            if (read)
                record.samples = read;
            delete record.data.samples_ms;
        }
        if (typeof obj.hdr_histogram === 'string') {
            try {
                const h = (0,_hdr_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeHistogram */ .pr)(obj.hdr_histogram);
                if (h.totalCount < 1) {
                    problems.push({
                        file,
                        path: '$.hdr_histogram',
                        expected: 'a histogram with at least one recorded value',
                        found: 'an empty histogram',
                    });
                }
                else {
                    record.histogram = h;
                    record.hdrUnit = obj.hdr_unit ?? 'us';
                }
            }
            catch (e) {
                problems.push({
                    file,
                    path: '$.hdr_histogram',
                    expected: 'a base64 HdrHistogram V2 compressed histogram',
                    found: `${(0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(obj.hdr_histogram, 24)} (${e.message || 'it does not decode'})`,
                });
            }
            delete record.data.hdr_histogram;
        }
    }
    if (problems.length === 0)
        problems.push(...agreementProblems(record, file));
    if (problems.length)
        return { ok: false, problems, indicator: name };
    return { ok: true, record };
}
/**
 * Checks across fields, run by hand after the schema so that they still run when another field of
 * the file is already wrong (zod skips refinements once a field has failed). Each check only
 * looks at fields that are numbers. Returns [field, expected] pairs.
 */
function crossFieldProblems(name, v) {
    const n = (k) => (typeof v[k] === 'number' ? v[k] : undefined);
    const out = [];
    const below = (a, b, expected) => {
        const x = n(a);
        const y = n(b);
        if (x !== undefined && y !== undefined && x > y)
            out.push([a, expected.replace('$', String(y))]);
    };
    switch (name) {
        case 'accuracy_f1': {
            const present = ['tp', 'fp', 'fn'].filter((k) => v[k] !== undefined);
            if (present.length > 0 && present.length < 3) {
                for (const k of ['tp', 'fp', 'fn'].filter((k) => v[k] === undefined))
                    out.push([k, 'an integer ≥ 0 (tp, fp and fn come together)']);
            }
            break;
        }
        case 'latency_p99': {
            const p50 = n('p50_ms');
            const p90 = n('p90_ms');
            const p99 = n('p99_ms');
            if (p50 !== undefined && p90 !== undefined && p90 < p50)
                out.push(['p90_ms', `a number ≥ p50_ms (${p50})`]);
            if (p90 !== undefined && p99 !== undefined && p99 < p90)
                out.push(['p99_ms', `a number ≥ p90_ms (${p90})`]);
            else if (p90 === undefined && p50 !== undefined && p99 !== undefined && p99 < p50)
                out.push(['p99_ms', `a number ≥ p50_ms (${p50})`]);
            break;
        }
        case 'throughput_rps':
            below('errors', 'requests', 'an integer ≤ requests ($)');
            break;
        case 'toxicity':
            below('toxic_count', 'total_samples', 'an integer ≤ total_samples ($)');
            break;
    }
    return out;
}
/**
 * How far a written summary may be from what its own detail gives: a value rounded to 3 decimals
 * (0.8 for 0.80012) agrees; anything further is a different number.
 */
const SUMMARY_TOLERANCE = 0.5e-3;
const fmt = (x) => String(Number(x.toPrecision(10)));
/**
 * Where a file carries both a summary and the detail it summarises, the two must agree (SPEC §2):
 * the merged values come from the detail, so a disagreement would silently replace what was
 * written. Each problem names the written value and the detail's.
 */
function agreementProblems(r, file) {
    const d = r.data;
    const out = [];
    const n = (k) => d[k];
    const near = (field, written, fromDetail, detail) => {
        if (Math.abs(written - fromDetail) > SUMMARY_TOLERANCE) {
            out.push({
                file,
                path: `$.${field}`,
                expected: `${fmt(fromDetail)} (from ${detail}, within ${SUMMARY_TOLERANCE})`,
                found: fmt(written),
            });
        }
    };
    if (r.indicator === 'accuracy_f1' && typeof d.tp === 'number') {
        const [tp, fp, fn] = [n('tp'), n('fp'), n('fn')];
        const counts = `tp ${tp}, fp ${fp}, fn ${fn}`;
        if (tp + fp > 0)
            near('precision', n('precision'), tp / (tp + fp), counts);
        if (tp + fn > 0)
            near('recall', n('recall'), tp / (tp + fn), counts);
        if (tp + fp + fn > 0)
            near('f1', n('f1'), (2 * tp) / (2 * tp + fp + fn), counts);
    }
    if (r.indicator === 'toxicity' && typeof d.toxic_count === 'number') {
        near('toxic_ratio', n('toxic_ratio'), n('toxic_count') / n('total_samples'), `toxic_count ${n('toxic_count')} / total_samples ${n('total_samples')}`);
    }
    if (r.indicator === 'latency_p99' && (r.samples || r.histogram)) {
        let lo;
        let hi;
        let count;
        let detail;
        let hint;
        if (r.samples) {
            lo = Infinity;
            hi = -Infinity;
            for (let i = 0; i < r.samples.length; i++) {
                const v = r.samples[i];
                if (v < lo)
                    lo = v;
                if (v > hi)
                    hi = v;
            }
            count = r.samples.length;
            detail = '$.samples_ms';
            hint = ' (seconds written into samples_ms?)';
        }
        else {
            const h = r.histogram;
            const perMs = _hdr_js__WEBPACK_IMPORTED_MODULE_1__/* .PER_MS */ .Tl[r.hdrUnit ?? 'us'];
            const lowest = h.lowestEquivalentValue(h.minNonZeroValue);
            lo = (h.getCountAtIndex(0) > 0 ? 0 : lowest) / perMs;
            hi = h.highestEquivalentValue(h.maxValue) / perMs;
            count = h.totalCount;
            detail = `$.hdr_histogram (hdr_unit ${r.hdrUnit ?? 'us'})`;
            hint = ' (the wrong hdr_unit?)';
        }
        for (const field of ['p50_ms', 'p90_ms', 'p99_ms']) {
            const v = n(field);
            if (v < lo - SUMMARY_TOLERANCE || v > hi + SUMMARY_TOLERANCE) {
                out.push({
                    file,
                    path: `$.${field}`,
                    expected: `a value within the range of ${detail}: ${fmt(lo)} to ${fmt(hi)} ms`,
                    found: `${fmt(v)}${v > hi ? hint : ''}`,
                });
            }
        }
        if (count > n('requests')) {
            out.push({
                file,
                path: '$.requests',
                expected: `at least as many requests as ${detail} holds values (${count})`,
                found: String(n('requests')),
            });
        }
    }
    return out;
}
/** samples_ms: a non-empty array of finite numbers ≥ 0, checked in one tight loop. */
function readSamples(raw, file, problems) {
    const expected = 'a non-empty array of numbers ≥ 0 (milliseconds)';
    if (!Array.isArray(raw) || raw.length === 0) {
        problems.push({ file, path: '$.samples_ms', expected, found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(raw) });
        return undefined;
    }
    const out = new Float64Array(raw.length);
    let bad = 0;
    for (let i = 0; i < raw.length; i++) {
        const v = raw[i];
        if (typeof v === 'number' && v >= 0 && v - v === 0) {
            out[i] = v;
        }
        else {
            if (bad < MAX_LISTED) {
                problems.push({ file, path: `$.samples_ms[${i}]`, expected: 'a number ≥ 0', found: (0,_problem_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(v) });
            }
            bad++;
        }
    }
    if (bad > MAX_LISTED) {
        problems.push({ file, path: '$.samples_ms', expected: 'numbers ≥ 0', found: `${bad - MAX_LISTED} more bad samples` });
    }
    return bad ? undefined : out;
}


/***/ }),

/***/ 86153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ MAX_JSON_BYTES),
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* unused harmony exports MAX_DEPTH, findNonFinite */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The one reader of untrusted JSON (indicator files, baseline reports, anything read from a file,
 * an artifact or a remote store). Every input costs bounded, linear work:
 *
 * - a size cap (64 MiB inclusive by default) is checked before anything is scanned;
 * - one scan over the text, with an explicit stack (never recursion on the input's depth),
 *   checks the syntax and finds, each by its JSON path:
 *   - nesting deeper than {@link MAX_DEPTH} levels (the scan stops there),
 *   - a key that appears twice in one object (JSON.parse would keep the last one silently),
 *   - `NaN`, `Infinity` and `-Infinity` tokens (Python's json.dump writes them) and literals that
 *     overflow a 64-bit float such as `1e999` (JSON.parse would make them Infinity silently);
 * - only then does `JSON.parse` build the value (native speed for an 8-million-sample array).
 *
 * A non-finite token stands as `null` in the value, so the rest of the file can still be
 * checked; its problem is in `problems`.
 */

/** Containers nested deeper than this are refused (an indicator file needs 3; a report 6). */
const MAX_DEPTH = 64;
/** The default size cap of an untrusted JSON text, inclusive. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** Problems listed per file before the rest are summarised (a 40,000-key file stays readable). */
const MAX_PROBLEMS = 20;
/** A path longer than this is cut (a 65-level path would flood the message). */
const MAX_PATH_CHARS = 160;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function formatPath(path) {
    let out = '$';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (IDENT.test(seg))
            out += `.${seg}`;
        else
            out += `[${JSON.stringify(seg.length > 40 ? seg.slice(0, 39) + '…' : seg)}]`;
        if (out.length > MAX_PATH_CHARS)
            return `${out.slice(0, MAX_PATH_CHARS - 1)}…`;
    }
    return out;
}
const MIB = 1024 * 1024;
const sizeText = (bytes) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`);
function parseJsonText(text, file, limits = {}) {
    const maxBytes = limits.maxBytes ?? MAX_JSON_BYTES;
    // UTF-8 is at most 3 bytes per UTF-16 unit: only count when the length leaves it in doubt
    if (text.length * 3 > maxBytes) {
        const bytes = Buffer.byteLength(text, 'utf8');
        if (bytes > maxBytes) {
            return { ok: false, problems: [{ file, expected: `a file of at most ${sizeText(maxBytes)}`, found: sizeText(bytes) }] };
        }
    }
    if (text.trim() === '') {
        return { ok: false, problems: [{ file, expected: 'a JSON object', found: 'an empty file' }] };
    }
    const maxDepth = limits.maxDepth ?? MAX_DEPTH;
    const scan = scanJson(text, file, maxDepth, true);
    if (!scan.ok)
        return { ok: false, problems: scan.problems };
    let source = text;
    if (scan.nonFinite.length) {
        // each NaN/Infinity token stands as null, so that JSON.parse accepts the rest
        const parts = [];
        let at = 0;
        for (const [start, end] of scan.nonFinite) {
            parts.push(text.slice(at, start), 'null');
            at = end;
        }
        parts.push(text.slice(at));
        source = parts.join('');
    }
    let value;
    try {
        value = JSON.parse(source);
    }
    catch {
        // a syntax error inside a run of numbers the fast scan skipped: scan strictly to locate it
        const strict = scanJson(text, file, maxDepth, false);
        if (!strict.ok)
            return { ok: false, problems: strict.problems };
        return { ok: false, problems: [{ file, expected: 'valid JSON', found: 'text that JSON.parse rejects' }] };
    }
    const problems = scan.problems;
    for (const path of findNonFinite(value, MAX_PROBLEMS)) {
        problems.push({
            file,
            path: formatPath(path),
            expected: 'a finite number',
            found: 'a literal too large for a 64-bit float (it reads as Infinity)',
        });
    }
    return { ok: true, value, problems };
}
/** Paths of non-finite numbers in a parsed value (only overflowing literals such as 1e999 make them). */
function findNonFinite(root, limit = MAX_PROBLEMS) {
    const found = [];
    if (typeof root === 'number')
        return Number.isFinite(root) ? [] : [[]];
    const path = [];
    const stack = [];
    const enter = (node) => {
        if (Array.isArray(node))
            stack.push({ node, keys: null, i: 0 });
        else if (node !== null && typeof node === 'object')
            stack.push({ node: node, keys: Object.keys(node), i: 0 });
    };
    enter(root);
    while (stack.length && found.length < limit) {
        const top = stack[stack.length - 1];
        const size = top.keys === null ? top.node.length : top.keys.length;
        let i = top.i;
        let child = undefined;
        // tight loop over plain numbers (samples_ms): no path bookkeeping unless something is found
        for (; i < size; i++) {
            const v = top.keys === null ? top.node[i] : top.node[top.keys[i]];
            if (typeof v === 'number') {
                if (v - v !== 0) {
                    found.push([...path, top.keys === null ? i : top.keys[i]]);
                    if (found.length >= limit)
                        break;
                }
            }
            else if (v !== null && typeof v === 'object') {
                child = v;
                break;
            }
        }
        if (child === undefined) {
            stack.pop();
            path.pop();
            continue;
        }
        top.i = i + 1;
        path.push(top.keys === null ? i : top.keys[i]);
        enter(child);
    }
    return found;
}
/**
 * Reads an untrusted JSON file: the size is checked from the file's metadata before anything is
 * read, then {@link parseJsonText}. `label` is how problems name the file.
 */
async function readJsonFile(abs, label, limits = {}) {
    const maxBytes = limits.maxBytes ?? MAX_JSON_BYTES;
    try {
        const st = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(abs);
        if (!st.isFile()) {
            return {
                ok: false,
                problems: [{ file: label, expected: 'a regular file', found: st.isDirectory() ? 'a folder' : 'a special file' }],
            };
        }
        if (st.size > maxBytes) {
            return { ok: false, problems: [{ file: label, expected: `a file of at most ${sizeText(maxBytes)}`, found: sizeText(st.size) }] };
        }
        let text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(abs, 'utf8');
        if (text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        return parseJsonText(text, label, limits);
    }
    catch (e) {
        const code = e.code;
        return {
            ok: false,
            problems: [{ file: label, expected: 'a readable file', found: code === 'ENOENT' ? 'no such file' : (code ?? 'an error') }],
        };
    }
}
class Stop extends Error {
}
// character codes
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const MINUS = 45;
const DOT = 46;
/** A character that cannot be part of a run of numbers and commas (no backtracking: a plain search). */
const NOT_NUMBER_RUN = /[^-0-9.eE+,\t\n\r ]/;
const isDigit = (c) => c >= 48 && c <= 57;
const isHex = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/**
 * One pass over `text`, checking JSON's grammar strictly (RFC 8259) with an explicit stack of open
 * containers. Linear in the text: each character is looked at a bounded number of times, and
 * each key is checked against its object's set of keys once.
 */
function scanJson(text, file, maxDepth, skipNumberRuns) {
    const n = text.length;
    const problems = [];
    const nonFinite = [];
    let more = 0;
    // the open containers: for an object its keys so far and its current key, for an array the index
    const keys = [];
    const segs = [];
    let i = 0;
    const note = (p) => {
        if (problems.length < MAX_PROBLEMS)
            problems.push(p);
        else
            more++;
    };
    const position = (at) => {
        let line = 1;
        let lineStart = 0;
        for (let k = text.indexOf('\n'); k !== -1 && k < at; k = text.indexOf('\n', k + 1)) {
            line++;
            lineStart = k + 1;
        }
        return { line, column: at - lineStart + 1 };
    };
    const fail = (expected, at = i) => {
        const { line, column } = position(at);
        const found = at >= n ? 'the end of the file' : JSON.stringify(text.slice(at, at + 12));
        problems.length = 0;
        problems.push({ file, line, path: `column ${column}`, expected: `valid JSON (${expected})`, found });
        throw new Stop();
    };
    const ws = () => {
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 32 || c === 10 || c === 13 || c === 9)
                i++;
            else
                break;
        }
    };
    /** skips a string starting at its opening quote; returns its value when `decode` */
    const string = (decode) => {
        const start = i;
        i++;
        let escaped = false;
        for (;;) {
            if (i >= n)
                fail('a closing quote', start);
            const c = text.charCodeAt(i);
            if (c === QUOTE)
                break;
            if (c === BACKSLASH) {
                escaped = true;
                const e = text.charCodeAt(i + 1);
                if (e === 117 /* u */) {
                    for (let k = 2; k < 6; k++)
                        if (!isHex(text.charCodeAt(i + k)))
                            fail('four hex digits after \\u', i);
                    i += 6;
                }
                else if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
                    i += 2;
                }
                else
                    fail('a valid escape in a string', i);
            }
            else if (c < 32)
                fail('no control characters in a string');
            else
                i++;
        }
        i++; // closing quote
        if (!decode)
            return '';
        return escaped ? JSON.parse(text.slice(start, i)) : text.slice(start + 1, i - 1);
    };
    const number = () => {
        const start = i;
        if (text.charCodeAt(i) === MINUS)
            i++;
        if (text.charCodeAt(i) === 48)
            i++;
        else if (isDigit(text.charCodeAt(i)))
            while (isDigit(text.charCodeAt(i)))
                i++;
        else
            fail('a value', start);
        if (text.charCodeAt(i) === DOT) {
            i++;
            if (!isDigit(text.charCodeAt(i)))
                fail('a digit after "."');
            while (isDigit(text.charCodeAt(i)))
                i++;
        }
        const e = text.charCodeAt(i);
        if (e === 101 || e === 69) {
            i++;
            const s = text.charCodeAt(i);
            if (s === 43 || s === MINUS)
                i++;
            if (!isDigit(text.charCodeAt(i)))
                fail('a digit in the exponent');
            while (isDigit(text.charCodeAt(i)))
                i++;
        }
        // an overflowing literal (1e999) is found in the parsed value, by findNonFinite
    };
    /**
     * The rest of an array that holds only numbers (samples_ms), skipped with one native search;
     * JSON.parse checks their syntax, and the strict scan locates an error there.
     */
    const skipNumbers = () => {
        const end = text.indexOf(']', i);
        if (end < 0 || NOT_NUMBER_RUN.test(text.slice(i, end)))
            return false;
        i = end;
        return true;
    };
    const token = (word) => text.startsWith(word, i);
    const badNumber = (word) => {
        note({
            file,
            path: formatPath(segs),
            expected: 'a finite number',
            found: `${word} (not valid JSON; Python's json.dump writes it for a float that is not finite)`,
        });
        nonFinite.push([i, i + word.length]);
        i += word.length;
    };
    /** reads `"key":` of the innermost object, checking the key is new there */
    const key = () => {
        ws();
        if (text.charCodeAt(i) !== QUOTE)
            fail('a quoted key');
        const k = string(true);
        const top = keys.length - 1;
        segs[top] = k;
        const seen = keys[top];
        if (seen.has(k)) {
            note({
                file,
                path: formatPath(segs),
                expected: 'each key at most once in an object',
                found: `${JSON.stringify(k.length > 40 ? k.slice(0, 39) + '…' : k)} again (only one of its values would be kept)`,
            });
        }
        else
            seen.add(k);
        ws();
        if (text.charCodeAt(i) !== COLON)
            fail('":" after a key');
        i++;
    };
    const open = (isObject) => {
        if (keys.length >= maxDepth) {
            problems.length = 0;
            problems.push({
                file,
                path: formatPath(segs),
                expected: `nesting at most ${maxDepth} levels deep`,
                found: `nesting deeper than ${maxDepth}`,
            });
            throw new Stop();
        }
        keys.push(isObject ? new Set() : null);
        segs.push(isObject ? '' : 0);
        i++;
    };
    try {
        value: for (;;) {
            // a value starts at i
            ws();
            const c = text.charCodeAt(i);
            if (c === LBRACE || c === LBRACKET) {
                open(c === LBRACE);
                ws();
                const close = c === LBRACE ? RBRACE : RBRACKET;
                if (text.charCodeAt(i) === close) {
                    i++;
                    keys.pop();
                    segs.pop();
                }
                else {
                    if (c === LBRACE)
                        key();
                    continue value;
                }
            }
            else if (c === QUOTE)
                string(false);
            else if (c === MINUS || isDigit(c)) {
                if (token('-Infinity'))
                    badNumber('-Infinity');
                else if (skipNumberRuns && keys.length > 0 && keys[keys.length - 1] === null && skipNumbers()) {
                    // the rest of this array is numbers: JSON.parse checks their syntax
                }
                else
                    number();
            }
            else if (token('true'))
                i += 4;
            else if (token('false'))
                i += 5;
            else if (token('null'))
                i += 4;
            else if (token('NaN'))
                badNumber('NaN');
            else if (token('Infinity'))
                badNumber('Infinity');
            else
                fail('a value');
            // after a value: close containers, or move to the next item
            for (;;) {
                ws();
                const top = keys.length - 1;
                if (top < 0) {
                    if (i < n)
                        fail('nothing after the top-level value');
                    break value;
                }
                const d = text.charCodeAt(i);
                const isObject = keys[top] !== null;
                if (d === COMMA) {
                    i++;
                    if (isObject)
                        key();
                    else
                        segs[top] = segs[top] + 1;
                    continue value;
                }
                if (d === (isObject ? RBRACE : RBRACKET)) {
                    i++;
                    keys.pop();
                    segs.pop();
                    continue;
                }
                fail(isObject ? '"," or "}"' : '"," or "]"');
            }
        }
    }
    catch (e) {
        if (e instanceof Stop)
            return { ok: false, problems };
        throw e;
    }
    if (more)
        problems.push({ file, expected: 'no more problems', found: `${more} more like these` });
    return { ok: true, problems, nonFinite };
}


/***/ }),

/***/ 76122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ renderProm)
/* harmony export */ });
const escapeLabel = (v) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labels = (l) => `{${Object.entries(l)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;
const value = (x) => (Number.isFinite(x) ? String(x) : x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN');
function renderProm(report) {
    const gate = report.name;
    const lines = [];
    const family = (name, help, samples) => {
        if (!samples.length)
            return;
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
        for (const [l, v] of samples)
            lines.push(`${name}${labels(l)} ${value(v)}`);
    };
    family('evalgate_verdict', 'The gate verdict: 1 for the verdict reached, 0 for the others.', ['pass', 'warn', 'fail'].map((v) => [{ gate, verdict: v }, report.verdict === v ? 1 : 0]));
    const values = [];
    const approx = [];
    for (const [indicator, entry] of Object.entries(report.indicators)) {
        approx.push([{ gate, indicator }, entry.approximate ? 1 : 0]);
        for (const [field, v] of Object.entries(entry)) {
            if (typeof v === 'number')
                values.push([{ gate, indicator, field }, v]);
        }
        for (const [attack, a] of Object.entries(entry.attacks ?? {})) {
            for (const [field, v] of Object.entries(a)) {
                if (typeof v === 'number')
                    values.push([{ gate, indicator, attack_type: attack, field }, v]);
            }
        }
    }
    family('evalgate_indicator_value', 'A merged indicator field.', values);
    family('evalgate_indicator_approximate', '1 when the merged indicator is approximate (not every shard carried detail).', approx);
    family('evalgate_rule_status', 'Each threshold rule: 1 on its status.', report.rules.map((r, i) => [
        // the rule's position keeps two identical rules apart as two series
        { gate, rule: String(i + 1), indicator: r.indicator, field: r.field, op: r.op, expr: r.expr, level: r.level, status: r.status },
        1,
    ]));
    family('evalgate_problems', 'Number of input problems (invalid files, config, baseline).', [[{ gate }, report.problems.length]]);
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 15241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  collect: () => (/* binding */ collect),
  exitCodeFor: () => (/* reexport */ exitCodeFor),
  failRun: () => (/* binding */ failRun),
  internalErrorProblem: () => (/* binding */ internalErrorProblem),
  noBaseline: () => (/* binding */ noBaseline),
  runGate: () => (/* binding */ runGate),
  writeReport: () => (/* binding */ writeReport)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(86153);
// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
// EXTERNAL MODULE: ./src/core/hdr.ts
var hdr = __webpack_require__(96113);
;// CONCATENATED MODULE: ./src/core/percentile.ts
/**
 * Exact nearest-rank percentiles over raw samples: the smallest sample with at least p% of all
 * samples at or below it, i.e. the sample of rank ⌈p·N/100⌉ (1-based) in sorted order.
 *
 * The rank is computed in integer arithmetic on p given in hundredths of a percent, so that
 * 99 × 100 / 100 never becomes 98.99999 (and the rank 99) through floating point.
 */
function nearestRank(p, n) {
    if (n <= 0)
        throw new Error('no samples');
    const hundredths = Math.round(p * 100); // p = 99.9 -> 9990
    // ⌈hundredths·N / 10000⌉ exactly: both factors are integers well below 2^53 / 10^4 for N ≤ 10^11.
    const num = hundredths * n;
    const rank = Math.floor((num + 9999) / 10000);
    return Math.min(Math.max(rank, 1), n);
}
/**
 * The values at several percentiles of `values` (the array is reordered in place).
 * Quickselect (Hoare partition, median-of-three pivots) for each rank in ascending order, each
 * search starting where the previous one left off: O(N) on average, no full sort.
 */
function percentilesOf(values, ps) {
    const n = values.length;
    const ranks = ps.map((p) => nearestRank(p, n) - 1);
    const order = ranks.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
    const out = new Array(ps.length);
    let lo = 0;
    for (const idx of order) {
        const k = ranks[idx];
        percentile_select(values, lo, n - 1, k);
        out[idx] = values[k];
        lo = k; // everything before k is ≤ values[k]
    }
    return out;
}
function percentile_select(a, left, right, k) {
    let lo = left;
    let hi = right;
    let rounds = 0;
    while (hi > lo) {
        if (++rounds > 64) {
            // introselect's guard: a pathological input that keeps pivots bad gets a real sort.
            a.subarray(lo, hi + 1).sort();
            return;
        }
        if (hi - lo < 16) {
            insertionSort(a, lo, hi);
            return;
        }
        const mid = lo + ((hi - lo) >> 1);
        // median of three as pivot
        if (a[mid] < a[lo])
            swap(a, mid, lo);
        if (a[hi] < a[lo])
            swap(a, hi, lo);
        if (a[hi] < a[mid])
            swap(a, hi, mid);
        const pivot = a[mid];
        let i = lo;
        let j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                swap(a, i, j);
                i++;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return; // j < k < i: a[k] equals the pivot
    }
}
function insertionSort(a, lo, hi) {
    for (let i = lo + 1; i <= hi; i++) {
        const v = a[i];
        let j = i - 1;
        while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}
function swap(a, i, j) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
}
/** Candidates gathered for a quickselect at most (8-byte floats: 8 MiB), else one more radix level. */
const GATHER_LIMIT = 1 << 20;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * {@link percentilesOf} over samples held in several arrays (one per file), without copying them
 * into one: a copy would double the memory of the largest input there is (SPEC §8: the samples as
 * 8-byte floats plus 2× the largest file). Values are ≥ 0 (or -0, read as 0), so their IEEE 754
 * bit patterns, read as unsigned integers, sort as the values do. A radix selection over those
 * bits (16 at a time, one counting pass each) narrows each rank to the samples sharing a prefix;
 * once at most `gatherLimit` are left they are copied out and quickselected (tests lower it to
 * reach every level). Exact: the value of
 * rank ⌈p·N/100⌉, the same as sorting all the samples.
 */
function percentilesOfChunks(chunks, ps, gatherLimit = GATHER_LIMIT) {
    if (chunks.length === 1)
        return percentilesOf(chunks[0], ps);
    let n = 0;
    for (const c of chunks)
        n += c.length;
    if (n <= gatherLimit) {
        const all = new Float64Array(n);
        let at = 0;
        for (const c of chunks) {
            all.set(c, at);
            at += c.length;
        }
        return percentilesOf(all, ps);
    }
    const words = chunks.map((c) => new Uint32Array(c.buffer, c.byteOffset, c.length * 2));
    const level0 = histogram(words, 0, 0, 0);
    return ps.map((p) => selectRank(words, level0, nearestRank(p, n) - 1, gatherLimit));
}
/** The 16-bit digit of level 0…3 (0: the top bits) of sample i; the sign bit is dropped (-0 is 0). */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;
/**
 * Counts per 16-bit digit at `level` of the samples whose higher digits equal `prefixHi` (the
 * high 32 bits so far) and `prefixLo16` (level 3: the top 16 bits of the low word).
 */
function histogram(words, level, prefixHi, prefixLo16) {
    const counts = new Float64Array(65536);
    for (const w of words) {
        const len = w.length;
        switch (level) {
            case 0:
                for (let i = HI; i < len; i += 2)
                    counts[(w[i] & 0x7fffffff) >>> 16]++;
                break;
            case 1:
                for (let i = HI; i < len; i += 2) {
                    const hi = w[i] & 0x7fffffff;
                    if (hi >>> 16 === prefixHi >>> 16)
                        counts[hi & 0xffff]++;
                }
                break;
            case 2:
                for (let i = 0; i < len; i += 2)
                    if ((w[i + HI] & 0x7fffffff) === prefixHi)
                        counts[w[i + LO] >>> 16]++;
                break;
            default:
                for (let i = 0; i < len; i += 2) {
                    if ((w[i + HI] & 0x7fffffff) === prefixHi && w[i + LO] >>> 16 === prefixLo16)
                        counts[w[i + LO] & 0xffff]++;
                }
        }
    }
    return counts;
}
function selectRank(words, level0, rank, gatherLimit) {
    let counts = level0;
    let k = rank;
    let hi = 0;
    let lo16 = 0;
    for (let level = 0;; level++) {
        let digit = 0;
        while (k >= counts[digit])
            k -= counts[digit++];
        const size = counts[digit];
        if (level === 0)
            hi = digit << 16;
        else if (level === 1)
            hi = (hi | digit) >>> 0;
        else if (level === 2)
            lo16 = digit;
        else {
            // every bit fixed: all these samples are one value
            const b = new Uint32Array(2);
            b[HI] = hi;
            b[LO] = ((lo16 << 16) | digit) >>> 0;
            return new Float64Array(b.buffer)[0];
        }
        if (size <= gatherLimit)
            return gather(words, level, hi, lo16, size, k);
        counts = histogram(words, level + 1, hi, lo16);
    }
}
/** Copies out the samples whose digits 0…level equal the prefix, and quickselects rank k there. */
function gather(words, level, hi, lo16, size, k) {
    const out = new Float64Array(size);
    const ow = new Uint32Array(out.buffer);
    let at = 0;
    for (const w of words) {
        const len = w.length;
        for (let i = 0; i < len; i += 2) {
            const h = w[i + HI] & 0x7fffffff;
            const match = level === 0 ? h >>> 16 === hi >>> 16 : level === 1 ? h === hi : h === hi && w[i + LO] >>> 16 === lo16;
            if (match) {
                ow[2 * at + HI] = h;
                ow[2 * at + LO] = w[i + LO];
                at++;
            }
        }
    }
    percentile_select(out, 0, size - 1, k);
    return out[k];
}

// EXTERNAL MODULE: ./src/core/indicators/strategy.ts
var strategy = __webpack_require__(49381);
;// CONCATENATED MODULE: ./src/core/indicators/merge.ts




/**
 * Fields that describe one file, not the merged indicator; and the report's own keys of an
 * indicator entry, which a file's extra fields must not replace.
 */
const PER_FILE = new Set(['indicator', 'shard', 'run_id', 'started_at', 'finished_at', 'sources', 'approximate', 'notes', 'attacks']);
const num = (d, k) => (typeof d[k] === 'number' ? d[k] : undefined);
/** The part of a single file that is taken as written. */
function asWritten(r) {
    const out = {};
    for (const [k, v] of Object.entries(r.data))
        if (!PER_FILE.has(k))
            out[k] = v;
    return out;
}
const ratio = (a, b) => (b === 0 ? 0 : a / b);
const round = (x) => Number(x.toPrecision(12));
class AccuracyFold {
    tp = 0;
    fp = 0;
    fn = 0;
    tn = 0;
    allCounts = true;
    allTn = true;
    samples = 0;
    wP = 0;
    wR = 0;
    add(r) {
        const d = r.data;
        const s = num(d, 'samples');
        this.samples += s;
        this.wP += s * num(d, 'precision');
        this.wR += s * num(d, 'recall');
        if (d.tp === undefined)
            this.allCounts = false;
        else {
            this.tp += num(d, 'tp');
            this.fp += num(d, 'fp');
            this.fn += num(d, 'fn');
        }
        if (d.tn === undefined)
            this.allTn = false;
        else
            this.tn += num(d, 'tn');
    }
    finish(single) {
        const notes = [];
        if (this.allCounts) {
            const precision = ratio(this.tp, this.tp + this.fp);
            const recall = ratio(this.tp, this.tp + this.fn);
            const f1 = ratio(2 * this.tp, 2 * this.tp + this.fp + this.fn);
            const fields = {
                ...(single ? asWritten(single) : {}),
                precision: round(precision),
                recall: round(recall),
                f1: round(f1),
                samples: this.samples,
                tp: this.tp,
                fp: this.fp,
                fn: this.fn,
            };
            if (this.allTn)
                fields.tn = this.tn;
            if (single) {
                const written = num(single.data, 'f1');
                if (Math.abs(written - f1) > 0.005) {
                    notes.push(`f1 recomputed from tp/fp/fn as ${round(f1)} (the file says ${written})`);
                }
            }
            return { fields, approximate: false, notes };
        }
        if (single)
            return { fields: asWritten(single), approximate: false, notes };
        const p = this.wP / this.samples;
        const rc = this.wR / this.samples;
        notes.push('not every shard carries tp/fp/fn: precision and recall are sample-weighted, f1 is computed from them');
        return {
            fields: { precision: round(p), recall: round(rc), f1: round(ratio(2 * p * rc, p + rc)), samples: this.samples },
            approximate: true,
            notes,
        };
    }
}
const LATENCY_PS = [50, 90, 99];
class LatencyFold {
    requests = 0;
    max = [0, 0, 0];
    allDetail = true;
    chunks = [];
    sampleCount = 0;
    hist = new hdr/* HistogramMerger */.lr();
    histCount = 0;
    rangeError = null;
    add(r) {
        const d = r.data;
        this.requests += num(d, 'requests');
        LATENCY_PS.forEach((p, i) => {
            this.max[i] = Math.max(this.max[i], num(d, `p${p}_ms`));
        });
        if (!r.samples && !r.histogram)
            this.allDetail = false;
        if (r.samples) {
            this.chunks.push(r.samples);
            this.sampleCount += r.samples.length;
        }
        if (r.histogram) {
            try {
                this.hist.add(r.histogram, r.hdrUnit ?? 'us');
            }
            catch (e) {
                if (!(e instanceof hdr/* HistogramRangeError */.C6))
                    throw e;
                this.rangeError ??= `${e.message} (in ${r.file})`;
            }
            this.histCount++;
        }
    }
    finish(single, n) {
        const notes = [];
        if (this.allDetail) {
            let ps;
            const total = this.sampleCount + this.hist.totalCount;
            if (this.histCount === 0) {
                // selected across the files' arrays: one array of them all would double the memory
                ps = percentilesOfChunks(this.chunks, LATENCY_PS);
                notes.push(`exact nearest-rank percentiles over ${total} samples`);
            }
            else {
                try {
                    for (const c of this.chunks)
                        this.hist.addSamplesMs(c);
                }
                catch (e) {
                    if (!(e instanceof hdr/* HistogramRangeError */.C6))
                        throw e;
                    this.rangeError ??= e.message;
                }
                if (this.rangeError !== null) {
                    throw new SetProblem('latencies a merged histogram can hold exactly (samples_ms next to hdr_histogram)', this.rangeError);
                }
                ps = LATENCY_PS.map((p) => this.hist.percentileMs(p));
                notes.push(`percentiles from ${this.histCount === n ? '' : 'samples recorded into '}merged HdrHistograms (${total} values, ${this.hist.digits} significant digits)`);
            }
            this.chunks = [];
            if (!ps.every((v, i) => Number.isFinite(v) && v >= 0 && (i === 0 || v >= ps[i - 1]))) {
                // never a p99 below p90: a merge that cannot order its percentiles is refused, not reported
                throw new SetProblem('merged percentiles p50 ≤ p90 ≤ p99', ps.map((v, i) => `p${LATENCY_PS[i]} ${v}`).join(', '));
            }
            const fields = { ...(single ? asWritten(single) : {}) };
            delete fields.hdr_unit;
            Object.assign(fields, { p50_ms: round(ps[0]), p90_ms: round(ps[1]), p99_ms: round(ps[2]), requests: this.requests });
            return { fields, approximate: false, notes };
        }
        this.chunks = [];
        if (single)
            return { fields: asWritten(single), approximate: false, notes };
        notes.push('not every shard carries samples_ms or hdr_histogram: each percentile is the maximum over shards (an upper bound)');
        return {
            fields: { p50_ms: this.max[0], p90_ms: this.max[1], p99_ms: this.max[2], requests: this.requests },
            approximate: true,
            notes,
        };
    }
}
class ThroughputFold {
    rps = 0;
    concurrency = 0;
    duration = 0;
    sums = { requests: 0, errors: 0 };
    add(r) {
        const d = r.data;
        this.rps += num(d, 'rps');
        this.concurrency += num(d, 'concurrency');
        this.duration = Math.max(this.duration, num(d, 'duration_s'));
        for (const k of ['requests', 'errors']) {
            const v = num(d, k);
            const cur = this.sums[k];
            this.sums[k] = v === undefined || cur === null ? null : cur + v;
        }
    }
    finish(single) {
        if (single)
            return { fields: asWritten(single), approximate: false, notes: [] };
        const fields = { rps: round(this.rps), concurrency: this.concurrency, duration_s: this.duration };
        for (const k of ['requests', 'errors'])
            if (this.sums[k] !== null)
                fields[k] = this.sums[k];
        return {
            fields,
            approximate: false,
            notes: ['shards ran side by side: rps and concurrency summed, duration_s is the longest'],
        };
    }
}
class ToxicityFold {
    toxic = 0;
    total = 0;
    allCounts = true;
    add(r) {
        const d = r.data;
        const total = num(d, 'total_samples');
        const count = num(d, 'toxic_count');
        this.total += total;
        if (count === undefined) {
            this.allCounts = false;
            this.toxic += Math.round(num(d, 'toxic_ratio') * total);
        }
        else
            this.toxic += count;
    }
    finish(single) {
        if (single) {
            const fields = asWritten(single);
            if (this.allCounts)
                fields.toxic_ratio = round(this.toxic / this.total);
            else
                fields.toxic_count = this.toxic;
            return { fields, approximate: false, notes: [] };
        }
        const notes = this.allCounts ? [] : ['not every shard carries toxic_count: it is round(toxic_ratio × total_samples) there'];
        return {
            fields: { toxic_ratio: round(this.toxic / this.total), total_samples: this.total, toxic_count: this.toxic },
            approximate: !this.allCounts,
            notes,
        };
    }
}
const ROBUSTNESS_WEIGHTED = ['success_rate', 'f1_drop', 'f1_clean', 'f1_adv'];
class RobustnessFold {
    n = 0;
    samples = 0;
    allSamples = true;
    /** sums weighted by samples, and plain sums (used when some shard does not say its samples) */
    weighted = { success_rate: 0, f1_drop: 0, f1_clean: 0, f1_adv: 0 };
    plain = { ...this.weighted };
    eps = new Set();
    add(r) {
        const d = r.data;
        const s = num(d, 'samples');
        this.n++;
        if (s === undefined)
            this.allSamples = false;
        else
            this.samples += s;
        for (const k of ROBUSTNESS_WEIGHTED) {
            const v = num(d, k);
            const w = this.weighted[k];
            const p = this.plain[k];
            this.weighted[k] = v === undefined || w == null ? null : w + (s ?? 0) * v;
            this.plain[k] = v === undefined || p == null ? null : p + v;
        }
        const e = num(d, 'eps');
        this.eps.add(e === undefined ? Number.NaN : e);
    }
    finish(single) {
        if (single)
            return { fields: asWritten(single), approximate: false, notes: [] };
        const notes = [];
        const fields = {};
        const sums = this.allSamples ? this.weighted : this.plain;
        const total = this.allSamples ? this.samples : this.n;
        for (const k of ROBUSTNESS_WEIGHTED) {
            const s = sums[k];
            if (s != null)
                fields[k] = round(s / total);
        }
        if (this.allSamples)
            fields.samples = this.samples;
        else
            notes.push('not every shard carries samples: shards are weighted equally');
        const eps = [...this.eps];
        if (eps.length === 1 && !Number.isNaN(eps[0]))
            fields.eps = eps[0];
        else if (eps.length > 1)
            notes.push(`shards used different eps (${eps.map((e) => (Number.isNaN(e) ? 'none' : e)).join(', ')})`);
        return { fields, approximate: !this.allSamples, notes };
    }
}
class CustomFold {
    name;
    strategy;
    datas = [];
    files = [];
    constructor(name, strategy) {
        this.name = name;
        this.strategy = strategy;
    }
    add(r) {
        // Custom indicators are small summaries; only numeric fields are kept per shard.
        const d = {};
        for (const [k, v] of Object.entries(r.data))
            if (!PER_FILE.has(k))
                d[k] = v;
        this.datas.push(d);
        this.files.push(r.file);
    }
    finish(single) {
        if (single)
            return { fields: asWritten(single), approximate: false, notes: [] };
        const s = this.strategy;
        if (s.kind === 'weighted_mean') {
            const bad = this.datas.findIndex((d) => typeof d[s.field] !== 'number' || d[s.field] < 0);
            if (bad >= 0)
                throw new SetProblem(`${s.field} a number ≥ 0 in every file (the weight of weighted_mean:${s.field})`, `file ${bad + 1} of the set without it`);
            if (this.datas.every((d) => d[s.field] === 0))
                throw new SetProblem(`weights ${s.field} with a sum > 0`, 'all 0');
        }
        const numeric = Object.keys(this.datas[0]).filter((k) => this.datas.every((d) => typeof d[k] === 'number'));
        const fields = {};
        const notes = [`merged with strategy ${s.kind === 'weighted_mean' ? `weighted_mean:${s.field}` : s.kind}`];
        for (const k of numeric) {
            const vs = this.datas.map((d) => d[k]);
            const sum = (xs) => xs.reduce((a, b) => a + b, 0);
            let v;
            switch (s.kind) {
                case 'sum':
                    v = sum(vs);
                    break;
                case 'mean':
                    v = vs.reduce((a, x) => a + x / vs.length, 0); // divided first: no overflow near 1e308
                    break;
                case 'max':
                    v = vs.reduce((a, b) => Math.max(a, b), -Infinity);
                    break;
                case 'min':
                    v = vs.reduce((a, b) => Math.min(a, b), Infinity);
                    break;
                case 'weighted_mean': {
                    const ws = this.datas.map((d) => d[s.field]);
                    // the weight field itself is summed; every other field is weighted by it
                    v = k === s.field ? sum(ws) : vs.reduce((a, x, i) => a + x * ws[i], 0) / sum(ws);
                    break;
                }
            }
            if (!Number.isFinite(v))
                throw new SetProblem(`${k} merged to a finite number (strategy ${s.kind})`, String(v));
            fields[k] = round(v);
        }
        const dropped = [...new Set(this.datas.flatMap((d) => Object.keys(d)))].filter((k) => !numeric.includes(k) && typeof this.datas.find((d) => d[k] !== undefined)?.[k] === 'number');
        if (dropped.length)
            notes.push(`${dropped.join(', ')} not numeric in every file of ${this.name}: left out`);
        return { fields, approximate: false, notes };
    }
}
/** A problem of a whole set found while folding it. */
class SetProblem extends Error {
    expected;
    found;
    constructor(expected, found) {
        super(expected);
        this.expected = expected;
        this.found = found;
    }
}
class IndicatorMerger {
    strategies;
    groups = new Map();
    invalidFiles = new Map();
    constructor(strategies = {}) {
        this.strategies = strategies;
    }
    add(r) {
        const attack = r.indicator === 'robustness_adv' ? String(r.data.attack_type) : undefined;
        const key = attack === undefined ? r.indicator : `${r.indicator}\u0000${attack}`;
        let g = this.groups.get(key);
        if (!g) {
            g = { indicator: r.indicator, attack, files: [], first: r, fold: this.foldFor(r.indicator) };
            this.groups.set(key, g);
        }
        else if (g.files.length === 1) {
            g.first = null; // more than one file: nothing is taken as written
        }
        g.files.push(r.shard ? { file: r.file, shard: r.shard } : { file: r.file });
        g.fold.add(r);
        // Keep the first record only while it may be the set's single file; drop its detail now.
        if (g.first === r)
            g.first = { ...r, samples: undefined, histogram: undefined };
    }
    /** A file of `indicator` did not validate: the indicator is not merged from the rest. */
    invalid(indicator, file) {
        const list = this.invalidFiles.get(indicator) ?? [];
        list.push(file);
        this.invalidFiles.set(indicator, list);
    }
    finish() {
        const indicators = {};
        const problems = [];
        const unmerged = {};
        const attacks = new Map();
        for (const [indicator, files] of this.invalidFiles) {
            unmerged[indicator] = `not merged: ${files.length} of its files ${files.length === 1 ? 'is' : 'are'} invalid (${files.join(', ')})`;
        }
        for (const g of this.groups.values()) {
            const subject = g.attack === undefined ? g.indicator : `${g.indicator} (attack_type ${JSON.stringify(g.attack)})`;
            const setProblems = checkShardSet(subject, g.files);
            if (unmerged[g.indicator]) {
                // an invalid file keeps the set out of the merge; its set problems are still listed
                problems.push(...setProblems);
                continue;
            }
            if (g.files.length > 1 && !isBuiltinName(g.indicator) && !this.strategies[g.indicator]) {
                setProblems.push({
                    subject,
                    files: g.files.map((f) => f.file),
                    expected: `a merge strategy for custom indicator ${g.indicator} in the config (merge: {${g.indicator}: ${strategy/* MERGE_STRATEGY_SYNTAX */.N}})`,
                    found: `${g.files.length} files and no strategy`,
                });
            }
            if (setProblems.length) {
                problems.push(...setProblems);
                unmerged[g.indicator] = `not merged: its shard set is invalid`;
                continue;
            }
            let folded;
            try {
                folded = g.fold.finish(g.first, g.files.length);
            }
            catch (e) {
                if (!(e instanceof SetProblem))
                    throw e;
                problems.push({ subject, files: g.files.map((f) => f.file), expected: e.expected, found: e.found });
                unmerged[g.indicator] = 'not merged: its files cannot be merged';
                continue;
            }
            const { fields, approximate, notes } = folded;
            const merged = { fields, sources: g.files.map((f) => f.file), approximate, notes };
            if (g.attack === undefined)
                indicators[g.indicator] = merged;
            else {
                // attack types are free text: a null-prototype map keeps "constructor" or "__proto__" an attack
                const byAttack = attacks.get(g.indicator) ?? Object.create(null);
                byAttack[g.attack] = merged;
                attacks.set(g.indicator, byAttack);
            }
        }
        for (const [indicator, byAttack] of attacks) {
            if (unmerged[indicator])
                continue;
            indicators[indicator] = combineAttacks(byAttack);
        }
        return { indicators, problems, unmerged };
    }
    foldFor(indicator) {
        switch (indicator) {
            case 'accuracy_f1':
                return new AccuracyFold();
            case 'latency_p99':
                return new LatencyFold();
            case 'throughput_rps':
                return new ThroughputFold();
            case 'toxicity':
                return new ToxicityFold();
            case 'robustness_adv':
                return new RobustnessFold();
            default:
                return new CustomFold(indicator, this.strategies[indicator]);
        }
    }
}
const isBuiltinName = (n) => ['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity'].includes(n);
/**
 * robustness_adv over all attack types: the worst success_rate and f1_drop (higher is worse for
 * both), the attack list and the summed samples. Rules look at every attack, not at these.
 */
function combineAttacks(byAttack) {
    const names = Object.keys(byAttack).sort();
    const all = names.map((n) => byAttack[n]);
    const fields = { attack_types: names };
    for (const k of ['success_rate', 'f1_drop']) {
        const vs = all.map((a) => a.fields[k]).filter((v) => typeof v === 'number');
        if (vs.length)
            fields[k] = Math.max(...vs);
    }
    const samples = all.map((a) => a.fields.samples);
    if (samples.every((s) => typeof s === 'number'))
        fields.samples = samples.reduce((a, b) => a + b, 0);
    const sorted = Object.create(null);
    for (const n of names)
        sorted[n] = byAttack[n];
    return {
        fields,
        sources: all.flatMap((a) => a.sources),
        approximate: all.some((a) => a.approximate),
        notes: names.length > 1 ? [`${names.length} attack types; top-level success_rate and f1_drop are the worst of them`] : [],
        attacks: sorted,
    };
}
/**
 * Where files carry `shard`, every file of the set must, with indices 0…count−1, each exactly
 * once, and one `count`. Files without `shard` are each one shard.
 */
function checkShardSet(subject, files) {
    const withShard = files.filter((f) => f.shard);
    if (withShard.length === 0)
        return [];
    const names = files.map((f) => f.file);
    const problems = [];
    const at = (expected, found) => {
        problems.push({ subject, files: names, path: '$.shard', expected, found });
    };
    if (withShard.length < files.length) {
        const without = files.filter((f) => !f.shard).map((f) => f.file);
        at('every file of a shard set to carry shard {index, count}', `none in ${without.join(', ')}`);
        return problems;
    }
    const counts = [...new Set(withShard.map((f) => f.shard.count))];
    if (counts.length > 1) {
        at('one shard.count for the whole set', `counts ${counts.sort((a, b) => a - b).join(', ')}`);
        return problems;
    }
    const n = counts[0];
    const seen = new Map();
    for (const f of withShard) {
        const list = seen.get(f.shard.index) ?? [];
        list.push(f.file);
        seen.set(f.shard.index, list);
    }
    for (const [index, list] of [...seen].sort((a, b) => a[0] - b[0])) {
        if (list.length > 1)
            at(`shard index ${index} exactly once`, `it ${list.length} times (${list.join(', ')})`);
    }
    const missing = [];
    for (let i = 0; i < n; i++)
        if (!seen.has(i))
            missing.push(i);
    if (missing.length) {
        const shown = missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, … (${missing.length} in all)` : missing.join(', ');
        at(`indices 0…${n - 1} (shard.count ${n})`, `no file for index ${shown}`);
    }
    return problems;
}

// EXTERNAL MODULE: ./src/core/indicators/names.ts
var names = __webpack_require__(77526);
// EXTERNAL MODULE: ./src/core/indicators/record.ts
var record = __webpack_require__(87357);
;// CONCATENATED MODULE: ./src/core/indicators/quick.ts
/**
 * A schema check of our own for indicator files that are valid, so that a gate over valid files
 * never loads zod (a command loads only the code it uses; zod and its schemas cost more to load
 * than 5000 files cost to check). It is sound, never complete: it accepts only what the zod
 * schemas of schemas.ts accept (a property test holds the two together); anything it does not
 * accept goes to validate.ts, whose problems are the messages users see.
 */


const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
/** zod 4's `.int()` accepts safe integers only */
const isInt = (v) => typeof v === 'number' && Number.isSafeInteger(v);
const quick_num = (min, max, gt = false) => (v) => isNum(v) && (min === undefined || (gt ? v > min : v >= min)) && (max === undefined || v <= max);
const quick_int = (min, max) => (v) => isInt(v) && (min === undefined || v >= min) && (max === undefined || v <= max);
const unit = quick_num(0, 1);
const str = (v) => typeof v === 'string';
const strOrNum = (v) => typeof v === 'string' || isNum(v);
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const shard = (v) => {
    if (!isPlainObject(v))
        return false;
    const { index, count } = v;
    return isInt(count) && count >= 1 && count <= 100_000 && isInt(index) && index >= 0 && index < count;
};
const metadata = [
    ['shard', shard, false],
    ['model', str, false],
    ['dataset', str, false],
    ['platform', str, false],
    ['run_id', strOrNum, false],
    ['started_at', strOrNum, false],
    ['finished_at', strOrNum, false],
];
const req = (k, c) => [k, c, true];
const opt = (k, c) => [k, c, false];
const FIELDS = {
    accuracy_f1: [
        req('precision', unit),
        req('recall', unit),
        req('f1', unit),
        req('samples', quick_int(1)),
        opt('tp', quick_int(0)),
        opt('fp', quick_int(0)),
        opt('fn', quick_int(0)),
        opt('tn', quick_int(0)),
    ],
    latency_p99: [
        req('p50_ms', quick_num(0)),
        req('p90_ms', quick_num(0)),
        req('p99_ms', quick_num(0)),
        req('requests', quick_int(1)),
        opt('hdr_histogram', str),
        opt('hdr_unit', (v) => v === 'ns' || v === 'us' || v === 'ms'),
    ],
    throughput_rps: [
        req('rps', quick_num(0, undefined, true)),
        req('concurrency', quick_int(1)),
        req('duration_s', quick_num(0, undefined, true)),
        opt('requests', quick_int(0)),
        opt('errors', quick_int(0)),
    ],
    robustness_adv: [
        req('attack_type', (v) => typeof v === 'string' && v.length >= 1),
        req('success_rate', unit),
        req('f1_drop', quick_num(-1, 1)),
        opt('samples', quick_int(1)),
        opt('eps', quick_num(0)),
        opt('f1_clean', unit),
        opt('f1_adv', unit),
    ],
    toxicity: [req('toxic_ratio', unit), req('total_samples', quick_int(1)), opt('toxic_count', quick_int(0))],
};
/** True only when the zod schema of `name` accepts `obj` (its `indicator` already checked). */
function quickSchemaOk(name, obj) {
    const fields = (0,names/* isBuiltin */.iK)(name) ? FIELDS[name] : [];
    for (const list of [fields, metadata]) {
        for (const [k, check, required] of list) {
            const v = obj[k];
            if (v === undefined ? required : !check(v))
                return false;
        }
    }
    return true;
}
/**
 * The record of a file the quick check accepts, exactly as validateIndicator would make it; null
 * when the quick check cannot tell (then validateIndicator decides, with its messages).
 */
function quickValidate(value, file, samples) {
    const head = (0,record/* indicatorHead */.Ck)(value, file);
    if (!head.ok)
        return head.failed;
    if (!quickSchemaOk(head.name, head.obj))
        return null;
    return (0,record/* finishIndicator */.Pc)(head.name, head.obj, file, [], samples);
}

;// CONCATENATED MODULE: ./src/core/json-samples.ts
/**
 * The fast way through a large latency file: its top-level `samples_ms` array of numbers is read
 * from the file's bytes straight into a Float64Array, never as a JavaScript string or array (for
 * a 63 MiB file those cost 5 times its size, and JSON.parse of the numbers is the slow part).
 * Everything else of the file (the small rest) goes through the one reader of untrusted JSON,
 * {@link parseJsonText}, with the array replaced by a marker, so every rule of that reader holds
 * for it: duplicate keys (a second `samples_ms` too), depth, non-finite tokens, syntax.
 *
 * It only ever says "this file is exactly this value": on anything it does not handle (a sign, an
 * element that is not a plain number, a BOM, the array not at the top level, a problem anywhere in
 * the rest) it returns null and the caller reads the file the ordinary way, whose problems are
 * the messages users see. A property test holds it to JSON.parse on valid and invalid texts.
 */

/** What stands for the array in the rest of the file: a string no JSON text can hold unescaped. */
const MARKER = '\u0000evalgate:samples_ms';
const MARKER_JSON = JSON.stringify(MARKER);
const KEY = Buffer.from('"samples_ms"');
const NUL_ESCAPE = Buffer.from('\\u0000');
/** 10^0 … 10^22: exact as doubles, so m / 10^k and m × 10^k round once, correctly (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/**
 * The file's value with samples_ms as a Float64Array, or null (read it the ordinary way).
 * `bytes` is the file's content, untouched.
 */
function readWithSamples(bytes, file) {
    if (bytes.length > json/* MAX_JSON_BYTES */.E7 || bytes.length < 2)
        return null;
    if (bytes[0] === 0xef)
        return null; // a BOM: the ordinary way strips it
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const keyAt = buf.indexOf(KEY);
    if (keyAt < 0)
        return null;
    let i = keyAt + KEY.length;
    const ws = () => {
        while (i < buf.length) {
            const c = buf[i];
            if (c === 32 || c === 10 || c === 13 || c === 9)
                i++;
            else
                break;
        }
    };
    ws();
    if (buf[i] !== 58 /* : */)
        return null;
    i++;
    ws();
    if (buf[i] !== 91 /* [ */)
        return null;
    const open = i;
    const parsed = readNumbers(buf, open);
    if (!parsed)
        return null;
    const { samples, end } = parsed;
    // No string of the file can then hold a NUL (JSON writes it only as \u0000), so the marker
    // stands only where it is put. (The array itself is digits.)
    if (buf.subarray(0, open).indexOf(NUL_ESCAPE) >= 0 || buf.subarray(end + 1).indexOf(NUL_ESCAPE) >= 0)
        return null;
    // the rest: the same text with the array replaced by the marker, through the one reader
    const rest = buf.toString('utf8', 0, open) + MARKER_JSON + buf.toString('utf8', end + 1);
    // as the ordinary reader counts the cap: the decoded text's UTF-8 bytes
    if (Buffer.byteLength(rest) - MARKER_JSON.length + (end + 1 - open) > json/* MAX_JSON_BYTES */.E7)
        return null;
    const r = (0,json/* parseJsonText */.lk)(rest, file);
    if (!r.ok || r.problems.length)
        return null;
    const value = r.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return null;
    const obj = value;
    // The marker is the only string with a NUL: found at the top, the array was the top-level
    // samples_ms (the key "samples_ms" found first may be one in a nested object: read ordinarily).
    if (obj.samples_ms !== MARKER)
        return null;
    return { value: obj, samples };
}
/**
 * A non-empty array of non-negative JSON numbers starting at `open` ("["), strictly by RFC 8259's
 * grammar; null for anything else (a sign, another kind of element, a syntax error, a number that
 * overflows). `end` is the index of its "]".
 */
function readNumbers(buf, open) {
    const n = buf.length;
    // at most one number per two bytes ("1,"): pages of the array never written are never touched
    const out = new Float64Array(((n - open) >>> 1) + 1);
    let count = 0;
    let i = open + 1;
    for (;;) {
        let c = buf[i];
        while (c === 32 || c === 10 || c === 13 || c === 9)
            c = buf[++i];
        // a number: int [frac] [exp]
        const start = i;
        let mant = 0;
        let digits = 0;
        let scale = 0;
        if (c === 48 /* 0 */) {
            c = buf[++i];
        }
        else if (c >= 49 && c <= 57) {
            do {
                mant = mant * 10 + (c - 48);
                digits++;
                c = buf[++i];
            } while (c >= 48 && c <= 57);
        }
        else
            return null;
        if (c === 46 /* . */) {
            c = buf[++i];
            if (!(c >= 48 && c <= 57))
                return null;
            do {
                if (mant !== 0 || c !== 48)
                    digits++;
                mant = mant * 10 + (c - 48);
                scale++;
                c = buf[++i];
            } while (c >= 48 && c <= 57);
        }
        let v;
        if (c === 101 || c === 69 /* e E */) {
            c = buf[++i];
            if (c === 43 || c === 45)
                c = buf[++i];
            if (!(c >= 48 && c <= 57))
                return null;
            do
                c = buf[++i];
            while (c >= 48 && c <= 57);
            v = Number(buf.toString('latin1', start, i));
        }
        else if (digits <= 15 && scale <= 22) {
            // mant < 10^15 < 2^53 is exact, and so is 10^scale: one correctly rounded division
            v = scale === 0 ? mant : mant / POW10[scale];
        }
        else
            v = Number(buf.toString('latin1', start, i));
        if (!(v - v === 0))
            return null; // 1e999: the ordinary reader names it
        out[count++] = v;
        while (c === 32 || c === 10 || c === 13 || c === 9)
            c = buf[++i];
        if (c === 44 /* , */) {
            i++;
            continue;
        }
        if (c === 93 /* ] */)
            return { samples: out.subarray(0, count), end: i };
        return null;
    }
}

// EXTERNAL MODULE: ./src/core/rules.ts
var rules = __webpack_require__(81688);
;// CONCATENATED MODULE: ./src/core/baseline.ts
/** A baseline is an earlier run's report.json; its values are `indicators.<indicator>.<field>`. */


const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** `.name`, or `["odd name"]`: one step of a JSON path */
const key = (k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
/**
 * The built-in numeric fields of an indicator entry (and of each attack type) must be finite
 * numbers where present: a baseline `f1` of "0.95" is an input error, never a skipped rule.
 * (A rule on any other field finds a non-number at gate time, with the same message.)
 */
function numericProblems(indicator, entry, file, at) {
    const problems = [];
    if ((0,names/* isBuiltin */.iK)(indicator)) {
        for (const field of names/* NUMERIC_FIELDS */.EX[indicator]) {
            if (!Object.hasOwn(entry, field))
                continue;
            const v = entry[field];
            if (typeof v !== 'number' || !Number.isFinite(v)) {
                problems.push({ file, path: `${at}${key(field)}`, expected: 'a finite number (a baseline value)', found: (0,problem/* describeValue */.bp)(v) });
            }
        }
    }
    if (Object.hasOwn(entry, 'attacks')) {
        const attacks = entry.attacks;
        if (!isObject(attacks)) {
            problems.push({ file, path: `${at}.attacks`, expected: 'an object keyed by attack type', found: (0,problem/* describeValue */.bp)(attacks) });
        }
        else {
            for (const [name, a] of Object.entries(attacks)) {
                if (!isObject(a)) {
                    problems.push({ file, path: `${at}.attacks${key(name)}`, expected: 'an object of indicator fields', found: (0,problem/* describeValue */.bp)(a) });
                }
                else
                    problems.push(...numericProblems(indicator, a, file, `${at}.attacks${key(name)}`));
            }
        }
    }
    return problems;
}
function readBaselineReport(value, file) {
    const report = value;
    if (!isObject(report)) {
        return { ok: false, problems: [{ file, path: '$', expected: 'an evalgate report.json object', found: (0,problem/* describeValue */.bp)(value) }] };
    }
    if (report.schema_version !== 1) {
        return {
            ok: false,
            problems: [{ file, path: '$.schema_version', expected: '1 (an evalgate report.json)', found: (0,problem/* describeValue */.bp)(report.schema_version) }],
        };
    }
    const ind = report.indicators;
    if (!isObject(ind)) {
        return { ok: false, problems: [{ file, path: '$.indicators', expected: 'an object keyed by indicator', found: (0,problem/* describeValue */.bp)(ind) }] };
    }
    const problems = [];
    if (Object.hasOwn(report, 'name') && typeof report.name !== 'string') {
        problems.push({ file, path: '$.name', expected: 'the gate name (a string)', found: (0,problem/* describeValue */.bp)(report.name) });
    }
    for (const [k, v] of Object.entries(ind)) {
        if (!isObject(v)) {
            problems.push({ file, path: `$.indicators${key(k)}`, expected: 'an object of indicator fields', found: (0,problem/* describeValue */.bp)(v) });
        }
        else
            problems.push(...numericProblems(k, v, file, `$.indicators${key(k)}`));
    }
    if (problems.length)
        return { ok: false, problems };
    return {
        ok: true,
        indicators: ind,
        commit: typeof report.commit === 'string' ? report.commit : null,
        createdAt: typeof report.generated_at === 'string' ? report.generated_at : null,
        name: typeof report.name === 'string' ? report.name : null,
    };
}
/**
 * A baseline written by a gate of another name is not used (SPEC §3); the note says whose it was.
 * A report without a name (written before reports carried one) is accepted.
 */
function foreignBaselineNote(read, gate, label) {
    if (read.name === null || read.name === gate)
        return null;
    return `baseline: ${label} is from gate ${JSON.stringify(read.name)}, not ${JSON.stringify(gate)}; not used`;
}

;// CONCATENATED MODULE: ./src/core/gate.ts



const gate_round = (x) => Number(x.toPrecision(12));
const numberAt = (o, k) => o && Object.hasOwn(o, k) && typeof o[k] === 'number' && Number.isFinite(o[k]) ? o[k] : undefined;
/** The baseline's value of a field: absent (undefined), a finite number, or something else (`bad`). */
function baselineAt(o, k) {
    if (!o || !Object.hasOwn(o, k))
        return undefined;
    const v = o[k];
    return typeof v === 'number' && Number.isFinite(v) ? v : { bad: v };
}
function judge(rule, p, hasBaseline, what) {
    if (p.baseline !== undefined && typeof p.baseline === 'object') {
        // A baseline value a rule reads must be a finite number; a string "0.95" is not skipped.
        const found = (0,problem/* describeValue */.bp)(p.baseline.bad);
        return {
            status: 'fail',
            actual: p.actual ?? null,
            limit: null,
            baseline: null,
            delta: null,
            detail: `the baseline's ${what} is not a number (${found})`,
            problems: [{ kind: 'baseline', path: p.baselinePath, expected: 'a finite number (a baseline value)', found }],
        };
    }
    const baseline = p.baseline ?? null;
    const limit = (0,rules/* evaluateExpr */.lI)(rule.expr, p.baseline);
    const delta = p.actual !== undefined && p.baseline !== undefined ? gate_round(p.actual - p.baseline) : null;
    if (limit === null) {
        const detail = hasBaseline ? `the baseline has no ${what}` : 'no baseline';
        return { status: 'skipped', actual: p.actual ?? null, limit: null, baseline, delta, detail };
    }
    if (!Number.isFinite(limit)) {
        // baseline arithmetic that overflows (`baseline * 1e308`): never a limit anything passes or fails by chance
        const found = `${limit} (${(0,rules/* formatExpr */.Jk)(rule.expr).replace(/^baseline/, `baseline ${p.baseline}`)})`;
        return {
            status: 'fail',
            actual: p.actual ?? null,
            limit: null,
            baseline,
            delta,
            detail: `the limit ${(0,rules/* formatExpr */.Jk)(rule.expr)} evaluates to ${limit}`,
            problems: [{ kind: 'limit', path: `rule ${JSON.stringify((0,rules/* formatRule */.UT)(rule))}`, expected: rules/* FINITE_LIMIT */.Qe, found }],
        };
    }
    if (p.actual === undefined) {
        return { status: 'missing', actual: null, limit, baseline, delta: null, detail: `${what} is absent` };
    }
    return { status: (0,rules/* holds */.v9)(p.actual, rule.op, limit) ? 'pass' : 'fail', actual: p.actual, limit, baseline, delta, detail: '' };
}
/** How far a value is on the good side of its limit (negative: by how much it fails). */
function margin(op, actual, limit) {
    return op === '>=' || op === '>' ? actual - limit : limit - actual;
}
function evaluateRule(rule, indicators, baseline, unmerged = {}) {
    const { problems: _problems, ...result } = judgeRule(rule, indicators, baseline, unmerged);
    return result;
}
function judgeRule(rule, indicators, baseline, unmerged) {
    const head = { indicator: rule.indicator, field: rule.field, op: rule.op, expr: (0,rules/* formatExpr */.Jk)(rule.expr), level: rule.level };
    const target = `${rule.indicator}.${rule.field}`;
    const merged = indicators[rule.indicator];
    const base = baseline?.[rule.indicator];
    const basePath = `$.indicators${key(rule.indicator)}${key(rule.field)}`;
    if (merged?.attacks) {
        return { ...head, ...judgeAttacks(rule, merged.attacks, base, baseline !== null) };
    }
    if (!merged) {
        const r = judge(rule, { actual: undefined, baseline: baselineAt(base, rule.field), baselinePath: basePath }, baseline !== null, target);
        // An absent indicator is missing even for a baseline rule: there is nothing to hold.
        return {
            ...head,
            ...r,
            status: 'missing',
            detail: unmerged[rule.indicator] ?? `no ${rule.indicator} indicator file`,
        };
    }
    return {
        ...head,
        ...judge(rule, { actual: numberAt(merged.fields, rule.field), baseline: baselineAt(base, rule.field), baselinePath: basePath }, baseline !== null, target),
    };
}
/**
 * robustness_adv: the rule holds only if it holds for every attack type; the worst attack is
 * reported. A baseline rule compares each attack with the same attack in the baseline.
 */
function judgeAttacks(rule, attacks, base, hasBaseline) {
    const baseAttacks = (base?.attacks ?? {});
    const per = Object.entries(attacks).map(([name, a]) => ({
        name,
        r: judge(rule, {
            actual: numberAt(a.fields, rule.field),
            baseline: baselineAt(Object.hasOwn(baseAttacks, name) ? baseAttacks[name] : undefined, rule.field),
            baselinePath: `$.indicators${key(rule.indicator)}.attacks${key(name)}${key(rule.field)}`,
        }, hasBaseline, `${rule.indicator}.${rule.field} for attack_type ${JSON.stringify(name)}`),
    }));
    const summary = per.map(({ name, r }) => `${name}: ${r.actual ?? 'absent'} ${r.status}`).join(', ');
    const pick = (status) => per.filter((x) => x.r.status === status);
    const failed = pick('fail');
    const missing = pick('missing');
    const passed = pick('pass');
    const broken = per.filter((x) => x.r.problems?.length);
    let worst;
    if (broken.length)
        worst = broken[0];
    else if (missing.length)
        worst = missing[0];
    else if (failed.length || passed.length) {
        const judged = failed.length ? failed : passed;
        worst = judged.reduce((a, b) => (margin(rule.op, b.r.actual, b.r.limit) < margin(rule.op, a.r.actual, a.r.limit) ? b : a));
    }
    else
        worst = per[0]; // every attack skipped
    const detail = per.length === 1
        ? `attack_type ${worst.name}${worst.r.detail ? `: ${worst.r.detail}` : ''}`
        : `worst attack_type: ${worst.name}${worst.r.detail ? ` (${worst.r.detail})` : ''}; ${summary}`;
    const problems = broken.flatMap((x) => x.r.problems);
    return { ...worst.r, detail, ...(problems.length ? { problems } : {}) };
}
/**
 * The one place the verdict is derived, from the rules, the required indicators, the input
 * problems and the jobs. The exit code (exitCodeFor), report.json, report.md, the comment, the job
 * summary and the action's outputs all take it from here.
 */
function gate(rules, required, indicators, baseline, options) {
    const problems = [];
    let invalid = options.invalidInput;
    const results = rules.map((rule) => {
        const { problems: found, ...result } = judgeRule(rule, indicators, baseline, options.unmerged ?? {});
        for (const p of found ?? []) {
            invalid = true;
            const file = p.kind === 'baseline' ? (options.baselineSource ?? 'baseline') : (options.rulesSource ?? 'thresholds');
            problems.push({ file, path: p.path, expected: p.expected, found: p.found });
        }
        return result;
    });
    // A required indicator that is present but invalid is reported by its problems, not as absent.
    const missingIndicators = required.filter((i) => !indicators[i] && !options.unmerged?.[i]);
    const failedJobs = (options.jobs ?? []).filter((j) => j.status !== 'succeeded');
    for (const j of failedJobs) {
        problems.push({
            file: `job ${j.indicator} shard ${j.shard}${j.platform_id ? ` (${j.platform_id})` : ''}`,
            expected: 'status succeeded (a run with a failed job fails, whatever the other shards say)',
            found: `${j.status}${j.message ? `: ${j.message}` : ''}`,
        });
    }
    if (options.platformFailure !== undefined) {
        problems.push({ file: 'platform', expected: 'every job to run', found: options.platformFailure });
    }
    const platformFailed = failedJobs.length > 0 || options.platformFailure !== undefined;
    const verdict = verdictOf(results, missingIndicators, invalid, platformFailed);
    return { verdict, results, missingIndicators, problems, invalidInput: invalid, platformFailed };
}
/** pass < warn < fail */
const VERDICT_ORDER = { pass: 0, warn: 1, fail: 2 };
function verdictOf(results, missingIndicators, invalidInput, platformFailed = false) {
    const bad = (r) => r.status === 'fail' || r.status === 'missing';
    if (invalidInput || platformFailed || missingIndicators.length || results.some((r) => r.level === 'error' && bad(r)))
        return 'fail';
    if (results.some((r) => r.level === 'warn' && bad(r)))
        return 'warn';
    return 'pass';
}
/** SPEC §5: fail-on changes only exit code 1; invalid input is 2 and a platform failure 3 whatever it says. */
function exitCodeFor(outcome, failOn, invalidInput, platformFailed) {
    const gateFailed = (failOn === 'error' && outcome.verdict === 'fail') || (failOn === 'warn' && outcome.verdict !== 'pass');
    return (0,problem/* highestExitCode */.id)(gateFailed ? problem/* ExitCode */.yU.GateFailed : problem/* ExitCode */.yU.Ok, invalidInput ? problem/* ExitCode */.yU.InvalidInput : problem/* ExitCode */.yU.Ok, platformFailed ? problem/* ExitCode */.yU.PlatformFailure : problem/* ExitCode */.yU.Ok);
}

;// CONCATENATED MODULE: ./src/core/report/report.ts
function indicatorEntry(m) {
    const entry = { ...m.fields, sources: m.sources, approximate: m.approximate, notes: m.notes };
    if (m.attacks) {
        entry.attacks = Object.create(null);
        for (const [k, a] of Object.entries(m.attacks))
            entry.attacks[k] = indicatorEntry(a);
    }
    return entry;
}
function renderJson(report) {
    return JSON.stringify(report, null, 2) + '\n';
}

// EXTERNAL MODULE: ./src/core/report/md.ts + 2 modules
var md = __webpack_require__(1103);
// EXTERNAL MODULE: ./src/core/report/prom.ts
var prom = __webpack_require__(76122);
// EXTERNAL MODULE: ./src/stores/fs.ts
var fs = __webpack_require__(23135);
// EXTERNAL MODULE: ./src/stores/owned.ts
var owned = __webpack_require__(52399);
;// CONCATENATED MODULE: ./src/stores/remote.ts
/**
 * `results: <scheme>://…`: indicator files read from a bucket or container without running jobs.
 * Each scheme downloads the *.json objects below its prefix into a local folder (object names are
 * never trusted as paths), then the files are gated like a local folder.
 */


// Each store's SDK is loaded only when a URI of its scheme is read (start-up, SPEC §8).
const SCHEMES = {
    azblob: { form: 'azblob://<account>/<container>/<prefix>', download: async (...a) => (await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(421), __webpack_require__.e(662), __webpack_require__.e(200)]).then(__webpack_require__.bind(__webpack_require__, 64200))).downloadAzblob(...a) },
    tos: { form: 'tos://<bucket>/<prefix>', download: async (...a) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(869), __webpack_require__.e(147), __webpack_require__.e(705), __webpack_require__.e(452)]).then(__webpack_require__.bind(__webpack_require__, 76452))).downloadTos(...a) },
    oss: { form: 'oss://<bucket>/<prefix>', download: async (...a) => (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(830), __webpack_require__.e(421), __webpack_require__.e(869), __webpack_require__.e(819), __webpack_require__.e(719), __webpack_require__.e(876)]).then(__webpack_require__.bind(__webpack_require__, 90005))).downloadOss(...a) },
};
const remoteScheme = (uri) => /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1]?.toLowerCase() ?? '';
async function fetchRemoteResults(uri, preferred, env) {
    const scheme = SCHEMES[remoteScheme(uri)];
    if (!scheme) {
        return {
            files: [],
            problems: [
                {
                    file: uri,
                    expected: `a folder, a glob or ${Object.values(SCHEMES)
                        .map((s) => s.form)
                        .join(', ')}`,
                    found: `a ${remoteScheme(uri)}:// URI`,
                },
            ],
        };
    }
    // <out>/results when it is free or evalgate's own, else a fresh folder beside it: a user's
    // folder of that name is never emptied
    let dest;
    try {
        dest = await (0,owned/* freshFolder */.lj)(preferred);
    }
    catch (e) {
        return {
            files: [],
            problems: [{ file: preferred, expected: 'a folder evalgate can create for the download', found: e.message }],
        };
    }
    try {
        const got = await scheme.download(uri, dest, env);
        const problems = got.refused.map((name) => ({
            file: uri,
            path: name,
            expected: 'an object name that is a plain relative path below the prefix',
            found: 'a name with "..", an empty segment or a backslash (not downloaded)',
        }));
        if (got.files.length === 0 && got.refused.length === 0)
            problems.push({ file: uri, expected: 'indicator files (*.json) below the prefix', found: 'no .json object' });
        return { files: got.files.sort(), problems };
    }
    catch (e) {
        return { files: [], problems: [{ file: uri, expected: `a readable ${scheme.form}`, found: e.message }] };
    }
}
const resultsFolder = (cwd, out) => external_node_path_default().resolve(cwd, out, 'results');

// EXTERNAL MODULE: ./src/stores/out-lock.ts
var out_lock = __webpack_require__(93296);
;// CONCATENATED MODULE: ./src/github/context.ts
/** What a report says about where it ran, from the GitHub Actions environment when there is one. */

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
function readPullRequest(env) {
    if (!env.GITHUB_EVENT_PATH || !PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? ''))
        return null;
    try {
        const payload = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        const pr = payload.pull_request;
        const number = typeof pr?.number === 'number' ? pr.number : typeof payload.number === 'number' ? payload.number : null;
        if (number === null)
            return null;
        return {
            number,
            baseRef: typeof pr?.base?.ref === 'string' ? pr.base.ref : env.GITHUB_BASE_REF || null,
            headSha: typeof pr?.head?.sha === 'string' ? pr.head.sha : null,
        };
    }
    catch {
        // An unreadable event file: no pull request is known; nothing is gated on it.
        return null;
    }
}
function githubContext(env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    // GITHUB_WORKFLOW_REF: octo-org/octo-repo/.github/workflows/ci.yml@refs/pull/12/merge
    const workflowPath = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1] ?? null;
    const runId = Number(env.GITHUB_RUN_ID);
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        owner: owner || null,
        repo: repo || null,
        pullRequest: readPullRequest(env),
        workflowFile: workflowPath ? workflowPath.split('/').pop() : null,
        runId: Number.isSafeInteger(runId) && runId > 0 ? runId : null,
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    };
}
function runContext(env) {
    const pr = readPullRequest(env);
    // On pull_request events GITHUB_SHA is the merge commit; the report names the PR's head.
    return { commit: pr?.headSha || env.GITHUB_SHA || null, ref: env.GITHUB_REF || null, pullRequest: pr?.number ?? null };
}

// EXTERNAL MODULE: ./src/core/suggest.ts
var suggest = __webpack_require__(32085);
;// CONCATENATED MODULE: ./src/engine.ts
/**
 * The engine: collect → validate & merge → gate → report. The CLI and the action both call it;
 * it does file I/O through node:fs and everything else through the Runtime.
 */

















/** Reads, validates and folds each file in turn; a file's parsed text is dropped once folded. */
async function collect(files, settings, rt) {
    const problems = [];
    const merger = new IndicatorMerger(settings.merge);
    for (const file of files) {
        const read = (0,fs/* readIndicatorBytes */.Td)(file, rt.cwd, settings.maxFileSizeMb);
        if (!read.ok) {
            problems.push(read.problem);
            continue;
        }
        // samples_ms straight into a Float64Array when the file is plain; else the ordinary reader
        const fast = readWithSamples(read.bytes, file);
        if (fast) {
            let samples = fast.samples;
            if (fast.value.indicator !== 'latency_p99') {
                // samples_ms of another indicator is a field like any other: the array JSON.parse makes
                fast.value.samples_ms = Array.from(fast.samples);
                samples = undefined;
            }
            const v = await validate(fast.value, file, samples);
            if (v.ok) {
                merger.add(v.record);
                continue;
            }
            // an invalid file: read again the ordinary way, for the ordinary problems (same as below)
        }
        const parsed = (0,json/* parseJsonText */.lk)((0,fs/* decodeText */.g7)(read.bytes), file);
        if (!parsed.ok) {
            problems.push(...parsed.problems);
            continue;
        }
        const v = await validate(parsed.value, file);
        if (v.ok && parsed.problems.length === 0)
            merger.add(v.record);
        else {
            // A non-finite number is reported once, by the parser, not again as "expected a number".
            const seen = new Set(parsed.problems.map((p) => p.path));
            problems.push(...parsed.problems, ...(v.ok ? [] : v.problems.filter((p) => !seen.has(p.path))));
            const indicator = v.ok ? v.record.indicator : v.indicator;
            if (indicator)
                merger.invalid(indicator, file);
        }
    }
    const merge = merger.finish();
    problems.push(...merge.problems);
    return { merge, problems, files: [...files] };
}
/**
 * validateIndicator, with zod loaded only for a file the quick check of quick.ts cannot accept
 * (a gate over valid files never loads it).
 */
async function validate(value, file, samples) {
    const quick = quickValidate(value, file, samples);
    if (quick)
        return quick;
    const { validateIndicator } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(97)]).then(__webpack_require__.bind(__webpack_require__, 17097));
    return validateIndicator(value, file, samples);
}
const noBaseline = (note) => ({
    source: 'none',
    run_id: null,
    commit: null,
    created_at: null,
    path: null,
    note,
});
async function loadBaseline(settings, rt, provider) {
    const none = noBaseline;
    if (settings.baseline.kind === 'none')
        return { indicators: null, info: none(null), problems: [] };
    if (settings.baseline.kind === 'auto' && provider)
        return provider();
    if (settings.baseline.kind === 'auto') {
        const onPr = /^pull_request/.test(rt.env.GITHUB_EVENT_NAME ?? '');
        if (onPr) {
            // Not silently: every baseline rule is skipped without one, so a regression would pass.
            rt.stderr("warning: baseline: auto looks up the base branch's report artifact only in the GitHub Action; baseline rules are skipped (pass --baseline PATH)\n");
            return {
                indicators: null,
                info: none('baseline: auto looks up artifacts only in the GitHub Action; baseline rules were skipped'),
                problems: [],
            };
        }
        return { indicators: null, info: none('baseline: auto finds one only on pull requests in GitHub Actions'), problems: [] };
    }
    const file = settings.baseline.path;
    // the one reader of untrusted JSON: size checked before reading, depth, duplicate keys
    const parsed = await (0,json/* readJsonFile */.JE)(external_node_path_default().resolve(rt.cwd, file), file);
    if (!parsed.ok && parsed.problems[0]?.expected === 'a readable file') {
        const problem = { ...parsed.problems[0], expected: 'a baseline report.json (--baseline PATH|none)' };
        return { indicators: null, info: none('the baseline could not be read'), problems: [problem] };
    }
    const read = parsed.ok && parsed.problems.length === 0 ? readBaselineReport(parsed.value, file) : { ok: false, problems: parsed.problems };
    if (!read.ok)
        return { indicators: null, info: none('the baseline could not be read'), problems: read.problems };
    const foreign = foreignBaselineNote(read, settings.name, file);
    if (foreign) {
        rt.stderr(`warning: ${foreign}\n`);
        return { indicators: null, info: none(foreign), problems: [] };
    }
    return {
        indicators: read.indicators,
        info: { source: 'file', run_id: null, commit: read.commit, created_at: read.createdAt, path: file, note: null },
        problems: [],
    };
}
/** Holds the lock of --out while it downloads and writes there (re-entrant: a run holds it already). */
async function runGate(settings, rt, opts = {}) {
    const release = await (0,out_lock/* lockOut */.g)(rt.cwd, settings.out);
    try {
        return await gateUnlocked(settings, rt, opts);
    }
    finally {
        await release();
    }
}
async function gateUnlocked(settings, rt, opts) {
    const problems = [...(opts.problems ?? [])];
    let files = opts.files;
    if (!files) {
        if (!settings.results) {
            problems.push({ file: '--results', expected: 'a folder, file or glob of indicator files', found: 'nothing' });
            files = [];
        }
        else if ((0,fs/* isUri */.nh)(settings.results)) {
            const remote = await fetchRemoteResults(settings.results, resultsFolder(rt.cwd, settings.out), rt.env);
            problems.push(...remote.problems);
            files = remote.files.map((f) => (0,fs/* display */.Vy)(f, rt.cwd));
        }
        else {
            const listing = await (0,fs/* listResults */.Fc)(settings.results, rt.cwd);
            problems.push(...listing.problems);
            files = listing.files;
        }
    }
    const collected = await collect(files, settings, rt);
    problems.push(...collected.problems);
    const baseline = await loadBaseline(settings, rt, opts.baseline);
    problems.push(...baseline.problems);
    const { merge } = collected;
    const outcome = gate(settings.rules, settings.indicators, merge.indicators, baseline.indicators, {
        invalidInput: problems.length > 0,
        unmerged: merge.unmerged,
        jobs: opts.jobs,
        platformFailure: opts.platformFailure,
        baselineSource: baseline.info.path ?? 'baseline',
        rulesSource: settings.rulesSource,
    });
    problems.push(...outcome.problems);
    // a name that matches nothing gets a "did you mean" (rule details; notes on stderr and in warnings)
    const notes = (0,suggest/* hintNames */.sj)(outcome.results, outcome.missingIndicators, { indicators: merge.indicators, rules: settings.rules });
    for (const n of notes)
        rt.stderr(`warning: ${n}\n`);
    const ctx = runContext(rt.env);
    const indicators = {};
    for (const k of Object.keys(merge.indicators).sort())
        indicators[k] = indicatorEntry(merge.indicators[k]);
    const report = {
        schema_version: 1,
        name: settings.name,
        verdict: outcome.verdict,
        generated_at: rt.now().toISOString(),
        commit: ctx.commit,
        ref: ctx.ref,
        pull_request: ctx.pullRequest,
        platform: settings.platform,
        required: settings.indicators,
        missing_indicators: outcome.missingIndicators,
        indicators,
        rules: outcome.results,
        problems: problems.map(problem/* formatProblem */.Vw),
        warnings: [...(opts.warnings ?? []), ...notes],
        jobs: opts.jobs ?? [],
        baseline: baseline.info,
    };
    const written = await writeReport(report, settings.out, rt);
    return { report, exitCode: exitCodeFor(outcome, settings.failOn, outcome.invalidInput, outcome.platformFailed), ...written };
}
/** report.json, report.md and report.prom into `outDir` */
async function writeReport(report, outDir, rt) {
    const out = external_node_path_default().resolve(rt.cwd, outDir);
    try {
        await external_node_fs_.promises.mkdir(out, { recursive: true });
    }
    catch (e) {
        throw new problem/* EvalgateError */.ax([
            {
                file: '--out',
                expected: 'a folder evalgate can create and write',
                found: `${JSON.stringify(outDir)} (${e.code ?? e.message})`,
            },
        ]);
    }
    const markdown = (0,md/* renderMarkdown */.Gc)(report);
    const paths = { json: external_node_path_default().join(out, 'report.json'), markdown: external_node_path_default().join(out, 'report.md'), prom: external_node_path_default().join(out, 'report.prom') };
    await Promise.all([
        external_node_fs_.promises.writeFile(paths.json, renderJson(report)),
        external_node_fs_.promises.writeFile(paths.markdown, markdown),
        external_node_fs_.promises.writeFile(paths.prom, (0,prom/* renderProm */.P)(report)),
    ]);
    return { paths, markdown };
}
/** The problem an internal error becomes: the run ends with a report that lists it. */
function internalErrorProblem(e) {
    const message = e instanceof problem/* EvalgateError */.ax ? e.message : (e?.message ?? String(e));
    return { subject: 'internal error', expected: 'the run to finish (please report this)', found: JSON.stringify(message.slice(0, 500)) };
}
/**
 * A run that met an internal error (or another stop) still ends with a report (SPEC §5): the
 * report it had, or an empty one, with the problems added; its verdict and exit code are derived
 * again by the gate's rules (a problem fails it; an internal error is exit 3).
 */
async function failRun(previous, settings, rt, added, exitCode = problem/* ExitCode */.yU.PlatformFailure) {
    const ctx = runContext(rt.env);
    const base = previous?.report ?? {
        schema_version: 1,
        name: settings.name,
        verdict: 'fail',
        generated_at: rt.now().toISOString(),
        commit: ctx.commit,
        ref: ctx.ref,
        pull_request: ctx.pullRequest,
        platform: settings.platform,
        required: settings.indicators,
        missing_indicators: [],
        indicators: {},
        rules: [],
        problems: [],
        warnings: [],
        jobs: [],
        baseline: noBaseline(null),
    };
    const problems = [...base.problems, ...added.map(problem/* formatProblem */.Vw)];
    const verdict = verdictOf(base.rules, base.missing_indicators, problems.length > 0);
    const report = { ...base, verdict, problems };
    const written = await writeReport(report, settings.out, rt);
    return { report, exitCode: (0,problem/* highestExitCode */.id)(exitCode, previous?.exitCode ?? problem/* ExitCode */.yU.Ok), ...written };
}



/***/ }),

/***/ 93296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ lockOut)
/* harmony export */ });
/* unused harmony export LOCK_FILE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_problem_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(652);
/**
 * One evalgate at a time per `--out` folder: two runs writing the same job folders and reports
 * would mix each other's results. The lock is `<out>/.evalgate.lock` holding the owner's pid and
 * host; a lock whose process is gone (same host, pid not alive) is taken over.
 */




const LOCK_FILE = '.evalgate.lock';
/** folders this process holds the lock of (a nested gate inside a run holds it already) */
const held = new Set();
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        // EPERM: it exists, as another user
        return e.code === 'EPERM';
    }
}
async function readLock(file) {
    try {
        const v = JSON.parse(await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(file, 'utf8'));
        return typeof v.pid === 'number' && typeof v.host === 'string'
            ? { pid: v.pid, host: v.host, started_at: String(v.started_at ?? '') }
            : null;
    }
    catch {
        return null;
    }
}
/**
 * Takes the lock of `outDir` (created if need be) and returns its release; throws an
 * EvalgateError (exit 2) naming the process that holds it. Re-entrant within this process.
 */
async function lockOut(cwd, outDir, flag = '--out') {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, outDir);
    if (held.has(dir))
        return async () => { };
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, LOCK_FILE);
    const mine = { pid: process.pid, host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(), started_at: new Date().toISOString() };
    const refuse = (found) => {
        const problem = {
            file: flag,
            expected: `a folder no other evalgate is using (wait for it, or give another ${flag})`,
            found: `${JSON.stringify(outDir)} in use: ${found} (${node_path__WEBPACK_IMPORTED_MODULE_2___default().join(outDir, LOCK_FILE)})`,
        };
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([problem]);
    };
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir, { recursive: true });
    }
    catch (e) {
        throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([
            {
                file: flag,
                expected: 'a folder evalgate can create and write',
                found: `${JSON.stringify(outDir)} (${e.code ?? e.message})`,
            },
        ]);
    }
    for (let attempt = 0;; attempt++) {
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(file, JSON.stringify(mine) + '\n', { flag: 'wx' });
            break;
        }
        catch (e) {
            if (e.code !== 'EEXIST') {
                throw new _core_problem_js__WEBPACK_IMPORTED_MODULE_3__/* .EvalgateError */ .ax([
                    {
                        file: flag,
                        expected: 'a folder evalgate can write',
                        found: `${file} (${e.code ?? e.message})`,
                    },
                ]);
            }
        }
        const other = await readLock(file);
        if (attempt >= 3)
            refuse('its lock file could not be taken over');
        if (other === null) {
            // being written this very moment, or not evalgate's: look once more, then refuse
            await new Promise((r) => setTimeout(r, 100));
            const again = await readLock(file);
            if (again === null)
                refuse('a lock file that is not readable evalgate JSON; remove it if no evalgate is running');
            continue;
        }
        if (other.host !== mine.host)
            refuse(`evalgate pid ${other.pid} on ${other.host} since ${other.started_at}`);
        if (other.pid !== process.pid && alive(other.pid))
            refuse(`evalgate pid ${other.pid} has held it since ${other.started_at}`);
        // stale: its process is gone
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(file, { force: true });
    }
    held.add(dir);
    return async () => {
        held.delete(dir);
        const now = await readLock(file);
        if (now?.pid === mine.pid && now.host === mine.host)
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(file, { force: true });
    };
}


/***/ }),

/***/ 52399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ freeFolder),
/* harmony export */   Pm: () => (/* binding */ claimFolder),
/* harmony export */   lj: () => (/* binding */ freshFolder)
/* harmony export */ });
/* unused harmony exports OWNED_MARKER, isOwned, NotOwnedError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * evalgate never deletes what it did not create. Every folder it creates to fill (a job's folder,
 * the download folder of remote results) carries a marker file, `.evalgate-owned`; only a folder
 * with that marker is ever emptied or removed. Where a folder of that name exists without the
 * marker (the user's own `results/`), evalgate leaves it alone and uses a fresh one beside it
 * (`results-2`, `results-3`, …).
 */


const OWNED_MARKER = '.evalgate-owned';
const MAX_ALTERNATIVES = 100;
/** `dir` is a real folder (not a link) that carries evalgate's marker file */
function isOwned(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir).isDirectory() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, OWNED_MARKER)).isFile();
    }
    catch {
        return false;
    }
}
const taken = (dir) => {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
        return true;
    }
    catch {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir);
    }
};
/** `preferred` when it is free or evalgate's, else the first free or evalgate's `preferred-N` */
function freeFolder(preferred) {
    for (let n = 1; n <= MAX_ALTERNATIVES; n++) {
        const dir = n === 1 ? preferred : `${preferred}-${n}`;
        if (!taken(dir) || isOwned(dir))
            return dir;
    }
    throw new Error(`${preferred} and ${MAX_ALTERNATIVES - 1} folders beside it exist and are not evalgate's (no ${OWNED_MARKER}): remove some`);
}
class NotOwnedError extends Error {
    dir;
    constructor(dir) {
        super(`${dir} exists and is not evalgate's (it has no ${OWNED_MARKER}): evalgate does not delete what it did not create`);
        this.dir = dir;
        this.name = 'NotOwnedError';
    }
}
/**
 * Makes `dir` an empty folder of evalgate's (its marker inside): creates it (and its parents), or
 * empties it when it carries the marker; throws NotOwnedError when it exists without it.
 */
async function claimFolder(dir) {
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir), { recursive: true });
    try {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir);
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        if (!isOwned(dir))
            throw new NotOwnedError(dir);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(dir, { recursive: true, force: true });
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(dir);
    }
    await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, OWNED_MARKER), 'created by evalgate; it empties or removes this folder when it needs it again\n', {
        flag: 'wx',
    });
}
/** a fresh empty folder of evalgate's at `preferred` or beside it (see freeFolder) */
async function freshFolder(preferred) {
    for (let attempt = 1;; attempt++) {
        const dir = freeFolder(preferred);
        try {
            await claimFolder(dir);
            return dir;
        }
        catch (e) {
            // taken between the look and the claim: look again
            if (!(e instanceof NotOwnedError) || attempt >= 5)
                throw e;
        }
    }
}


/***/ })

};
