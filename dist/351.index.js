export const id = 351;
export const ids = [351];
export const modules = {

/***/ 4351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _actions_setup_local_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3234);

void (0,_actions_setup_local_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();


/***/ })

};
