export const id = 97;
export const ids = [97];
export const modules = {

/***/ 17097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateIndicator: () => (/* binding */ validateIndicator)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(86153);
;// CONCATENATED MODULE: ./src/core/indicators/fields.ts
/**
 * zod building blocks whose messages read as "expected …" phrases, and the mapping of zod issues
 * onto `Problem`s (file, JSON path, expected, found).
 */



function describeNumber(spec) {
    const kind = spec.int ? 'an integer' : 'a number';
    if (spec.min !== undefined && spec.max !== undefined)
        return `${kind} in [${spec.min}, ${spec.max}]`;
    if (spec.min !== undefined)
        return `${kind} ${spec.gt ? '>' : '≥'} ${spec.min}`;
    if (spec.max !== undefined)
        return `${kind} ≤ ${spec.max}`;
    return kind;
}
function num(spec = {}) {
    const error = describeNumber(spec);
    let s = schemas/* number */.aig({ error });
    if (spec.int)
        s = s.int({ error });
    if (spec.min !== undefined)
        s = spec.gt ? s.gt(spec.min, { error }) : s.gte(spec.min, { error });
    if (spec.max !== undefined)
        s = s.lte(spec.max, { error });
    return s;
}
const unitInterval = () => num({ min: 0, max: 1 });
const count = (min = 0) => num({ int: true, min });
const fields_text = (what = 'a string') => schemas/* string */.YjP({ error: what });
function valueAt(root, path) {
    let v = root;
    for (const seg of path) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[seg];
    }
    return v;
}
function issuesToProblems(issues, root, file) {
    return issues.map((issue) => {
        const path = issue.path.filter((s) => typeof s !== 'symbol');
        const found = valueAt(root, issue.path);
        return { file, path: (0,json/* formatPath */.jV)(path), expected: issue.message, found: (0,problem/* describeValue */.bp)(found) };
    });
}

// EXTERNAL MODULE: ./src/core/indicators/names.ts
var names = __webpack_require__(77526);
// EXTERNAL MODULE: ./src/core/indicators/record.ts
var record = __webpack_require__(87357);
;// CONCATENATED MODULE: ./src/core/indicators/schemas.ts
/**
 * The five built-in indicators (SPEC §2) as zod schemas. Unknown extra fields are kept
 * (`looseObject`). Large detail fields (`samples_ms`, `hdr_histogram`) are typed loosely here and
 * checked by hand in validate.ts: a zod check per element of an 8-million-sample array would cost
 * more than parsing it.
 */




/** `shard` and `repeat`: {index, count} with index < count */
const indexOf = (what, max) => schemas/* object */.Ikc({
    index: count(0),
    // a bound keeps a typo such as 1e15 from making the gap check allocate forever
    count: num({ int: true, min: 1, max }),
}, { error: 'an object {index, count}' })
    .check((ctx) => {
    const { index, count: n } = ctx.value;
    if (index >= n) {
        ctx.issues.push({ code: 'custom', input: index, path: ['index'], message: `an integer < ${what}.count (${n})` });
    }
});
const shard = indexOf('shard', 100_000);
/** one repeat of a repeated measurement (SPEC §9): files of one repeat index are one shard set */
const repeat = indexOf('repeat', 1000);
const timestamp = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()], { error: 'a string or a number' });
/** Optional metadata any indicator may carry. */
const metadata = {
    shard: shard.optional(),
    repeat: repeat.optional(),
    model: fields_text().optional(),
    dataset: fields_text().optional(),
    platform: fields_text().optional(),
    run_id: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()], { error: 'a string or a number' }).optional(),
    started_at: timestamp.optional(),
    finished_at: timestamp.optional(),
};
const accuracyF1 = schemas/* looseObject */._H3({
    indicator: schemas/* literal */.euz('accuracy_f1'),
    precision: unitInterval(),
    recall: unitInterval(),
    f1: unitInterval(),
    samples: count(1),
    tp: count().optional(),
    fp: count().optional(),
    fn: count().optional(),
    tn: count().optional(),
    // multi-class detail (evalgate score f1): per label its counts; with average "macro" the F1 of
    // merged shards is the mean over the summed per-class counts
    per_class: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* looseObject */._H3({ tp: count(), fp: count(), fn: count() }, { error: 'an object {tp, fp, fn}' }), {
        error: 'an object {<label>: {tp, fp, fn}}',
    })
        .optional(),
    average: schemas/* enum */.k5n(['binary', 'micro', 'macro'], { error: 'one of "binary", "micro", "macro"' }).optional(),
    ...metadata,
});
const latencyP99 = schemas/* looseObject */._H3({
    indicator: schemas/* literal */.euz('latency_p99'),
    p50_ms: num({ min: 0 }),
    p90_ms: num({ min: 0 }),
    p99_ms: num({ min: 0 }),
    requests: count(1),
    samples_ms: schemas/* unknown */.L5J().optional(),
    hdr_histogram: fields_text('a base64 string (HdrHistogram V2 compressed)').optional(),
    hdr_unit: schemas/* enum */.k5n(['ns', 'us', 'ms'], { error: 'one of "ns", "us", "ms"' }).optional(),
    ...metadata,
});
const throughputRps = schemas/* looseObject */._H3({
    indicator: schemas/* literal */.euz('throughput_rps'),
    rps: num({ min: 0, gt: true }),
    concurrency: count(1),
    duration_s: num({ min: 0, gt: true }),
    requests: count().optional(),
    errors: count().optional(),
    ...metadata,
});
const robustnessAdv = schemas/* looseObject */._H3({
    indicator: schemas/* literal */.euz('robustness_adv'),
    attack_type: schemas/* string */.YjP({ error: 'a non-empty string' }).min(1, { error: 'a non-empty string' }),
    success_rate: unitInterval(),
    f1_drop: num({ min: -1, max: 1 }),
    samples: count(1).optional(),
    eps: num({ min: 0 }).optional(),
    f1_clean: unitInterval().optional(),
    f1_adv: unitInterval().optional(),
    ...metadata,
});
const toxicity = schemas/* looseObject */._H3({
    indicator: schemas/* literal */.euz('toxicity'),
    toxic_ratio: unitInterval(),
    total_samples: count(1),
    toxic_count: count().optional(),
    ...metadata,
});

const custom = schemas/* looseObject */._H3({
    indicator: schemas/* string */.YjP().refine(names/* isIndicatorName */.FS),
    ...metadata,
});
const SCHEMAS = {
    accuracy_f1: accuracyF1,
    latency_p99: latencyP99,
    throughput_rps: throughputRps,
    robustness_adv: robustnessAdv,
    toxicity,
};

;// CONCATENATED MODULE: ./src/core/indicators/validate.ts
/**
 * One parsed JSON value -> one validated indicator record, or every problem with it.
 */




/** `samples`: samples_ms already read into a typed array by the streaming reader (engine.ts). */
function validateIndicator(value, file, samples) {
    const head = (0,record/* indicatorHead */.Ck)(value, file);
    if (!head.ok)
        return head.failed;
    const { name, obj } = head;
    const schema = (0,names/* isBuiltin */.iK)(name) ? SCHEMAS[name] : custom;
    const parsed = schema.safeParse(obj);
    const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, obj, file);
    return (0,record/* finishIndicator */.Pc)(name, obj, file, problems, samples);
}


/***/ })

};
