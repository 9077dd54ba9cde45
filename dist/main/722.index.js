export const id = 722;
export const ids = [722];
export const modules = {

/***/ 70722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateIndicator: () => (/* binding */ validateIndicator)
/* harmony export */ });
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15405);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25638);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77526);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(87357);
/**
 * One parsed JSON value -> one validated indicator record, or every problem with it.
 */




/** `samples`: samples_ms already read into a typed array by the streaming reader (engine.ts). */
function validateIndicator(value, file, samples) {
    const head = (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .indicatorHead */ .Ck)(value, file);
    if (!head.ok)
        return head.failed;
    const { name, obj } = head;
    const schema = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .isBuiltin */ .iK)(name) ? _schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .SCHEMAS */ .H6[name] : _schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .custom */ .Ie;
    const parsed = schema.safeParse(obj);
    const problems = parsed.success ? [] : (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .issuesToProblems */ .qk)(parsed.error.issues, obj, file);
    return (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .finishIndicator */ .Pc)(name, obj, file, problems, samples);
}


/***/ })

};
