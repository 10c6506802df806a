export const id = 625;
export const ids = [625];
export const modules = {

/***/ 4625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _actions_train_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9830);

void (0,_actions_train_js__WEBPACK_IMPORTED_MODULE_0__/* .runPost */ .a)();


/***/ })

};
