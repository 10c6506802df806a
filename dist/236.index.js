export const id = 236;
export const ids = [236];
export const modules = {

/***/ 5236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AddTagsCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_AddTagsCommand_js__WEBPACK_IMPORTED_MODULE_1__.y),
/* harmony export */   CreateEndpointCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateEndpointCommand_js__WEBPACK_IMPORTED_MODULE_2__.f),
/* harmony export */   CreateEndpointConfigCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateEndpointConfigCommand_js__WEBPACK_IMPORTED_MODULE_3__.d),
/* harmony export */   CreateModelCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateModelCommand_js__WEBPACK_IMPORTED_MODULE_4__.T),
/* harmony export */   CreateModelPackageCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateModelPackageCommand_js__WEBPACK_IMPORTED_MODULE_5__.N),
/* harmony export */   CreateModelPackageGroupCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateModelPackageGroupCommand_js__WEBPACK_IMPORTED_MODULE_6__.E),
/* harmony export */   CreateMonitoringScheduleCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateMonitoringScheduleCommand_js__WEBPACK_IMPORTED_MODULE_7__.D),
/* harmony export */   CreatePipelineCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreatePipelineCommand_js__WEBPACK_IMPORTED_MODULE_8__.C),
/* harmony export */   CreateProcessingJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateProcessingJobCommand_js__WEBPACK_IMPORTED_MODULE_9__.c),
/* harmony export */   CreateTrainingJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateTrainingJobCommand_js__WEBPACK_IMPORTED_MODULE_10__.j),
/* harmony export */   CreateTransformJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_CreateTransformJobCommand_js__WEBPACK_IMPORTED_MODULE_11__.z),
/* harmony export */   DescribeEndpointCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeEndpointCommand_js__WEBPACK_IMPORTED_MODULE_12__.C),
/* harmony export */   DescribeEndpointConfigCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeEndpointConfigCommand_js__WEBPACK_IMPORTED_MODULE_13__.u),
/* harmony export */   DescribeModelCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeModelCommand_js__WEBPACK_IMPORTED_MODULE_14__.u),
/* harmony export */   DescribeModelPackageCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeModelPackageCommand_js__WEBPACK_IMPORTED_MODULE_15__.U),
/* harmony export */   DescribeModelPackageGroupCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeModelPackageGroupCommand_js__WEBPACK_IMPORTED_MODULE_16__.r),
/* harmony export */   DescribeMonitoringScheduleCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeMonitoringScheduleCommand_js__WEBPACK_IMPORTED_MODULE_17__.W),
/* harmony export */   DescribePipelineCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribePipelineCommand_js__WEBPACK_IMPORTED_MODULE_18__.X),
/* harmony export */   DescribePipelineExecutionCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribePipelineExecutionCommand_js__WEBPACK_IMPORTED_MODULE_19__.l),
/* harmony export */   DescribeProcessingJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeProcessingJobCommand_js__WEBPACK_IMPORTED_MODULE_20__.R),
/* harmony export */   DescribeTrainingJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeTrainingJobCommand_js__WEBPACK_IMPORTED_MODULE_21__.S),
/* harmony export */   DescribeTransformJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_DescribeTransformJobCommand_js__WEBPACK_IMPORTED_MODULE_22__.E),
/* harmony export */   ListModelPackagesCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_ListModelPackagesCommand_js__WEBPACK_IMPORTED_MODULE_23__.M),
/* harmony export */   ListMonitoringExecutionsCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_ListMonitoringExecutionsCommand_js__WEBPACK_IMPORTED_MODULE_24__.x),
/* harmony export */   ListPipelineExecutionStepsCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_ListPipelineExecutionStepsCommand_js__WEBPACK_IMPORTED_MODULE_31__.B),
/* harmony export */   ListTagsCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_ListTagsCommand_js__WEBPACK_IMPORTED_MODULE_25__.b),
/* harmony export */   SageMakerClient: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_SageMakerClient_js__WEBPACK_IMPORTED_MODULE_0__.k),
/* harmony export */   StartPipelineExecutionCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_StartPipelineExecutionCommand_js__WEBPACK_IMPORTED_MODULE_32__.Q),
/* harmony export */   StopPipelineExecutionCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_StopPipelineExecutionCommand_js__WEBPACK_IMPORTED_MODULE_33__.k),
/* harmony export */   StopProcessingJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_StopProcessingJobCommand_js__WEBPACK_IMPORTED_MODULE_26__.S),
/* harmony export */   StopTrainingJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_StopTrainingJobCommand_js__WEBPACK_IMPORTED_MODULE_27__.J),
/* harmony export */   StopTransformJobCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_StopTransformJobCommand_js__WEBPACK_IMPORTED_MODULE_28__.H),
/* harmony export */   UpdateEndpointCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_UpdateEndpointCommand_js__WEBPACK_IMPORTED_MODULE_30__.s),
/* harmony export */   UpdateMonitoringScheduleCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_UpdateMonitoringScheduleCommand_js__WEBPACK_IMPORTED_MODULE_29__.M),
/* harmony export */   UpdatePipelineCommand: () => (/* reexport safe */ _aws_sdk_client_sagemaker_dist_es_commands_UpdatePipelineCommand_js__WEBPACK_IMPORTED_MODULE_34__.v)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_SageMakerClient_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3485);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_AddTagsCommand_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6543);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateEndpointCommand_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8694);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateEndpointConfigCommand_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8222);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateModelCommand_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1374);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateModelPackageCommand_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7358);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateModelPackageGroupCommand_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5883);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateMonitoringScheduleCommand_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5698);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreatePipelineCommand_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7945);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateProcessingJobCommand_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5099);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateTrainingJobCommand_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1234);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_CreateTransformJobCommand_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3746);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeEndpointCommand_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5707);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeEndpointConfigCommand_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(7733);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeModelCommand_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(5763);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeModelPackageCommand_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(3597);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeModelPackageGroupCommand_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(6270);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeMonitoringScheduleCommand_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(8529);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribePipelineCommand_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(1382);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribePipelineExecutionCommand_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(2008);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeProcessingJobCommand_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(9554);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeTrainingJobCommand_js__WEBPACK_IMPORTED_MODULE_21__ = __webpack_require__(8039);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_DescribeTransformJobCommand_js__WEBPACK_IMPORTED_MODULE_22__ = __webpack_require__(7181);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_ListModelPackagesCommand_js__WEBPACK_IMPORTED_MODULE_23__ = __webpack_require__(5557);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_ListMonitoringExecutionsCommand_js__WEBPACK_IMPORTED_MODULE_24__ = __webpack_require__(3772);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_ListTagsCommand_js__WEBPACK_IMPORTED_MODULE_25__ = __webpack_require__(7944);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_StopProcessingJobCommand_js__WEBPACK_IMPORTED_MODULE_26__ = __webpack_require__(5875);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_StopTrainingJobCommand_js__WEBPACK_IMPORTED_MODULE_27__ = __webpack_require__(9162);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_StopTransformJobCommand_js__WEBPACK_IMPORTED_MODULE_28__ = __webpack_require__(6426);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_UpdateMonitoringScheduleCommand_js__WEBPACK_IMPORTED_MODULE_29__ = __webpack_require__(7949);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_UpdateEndpointCommand_js__WEBPACK_IMPORTED_MODULE_30__ = __webpack_require__(6055);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_ListPipelineExecutionStepsCommand_js__WEBPACK_IMPORTED_MODULE_31__ = __webpack_require__(9946);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_StartPipelineExecutionCommand_js__WEBPACK_IMPORTED_MODULE_32__ = __webpack_require__(5719);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_StopPipelineExecutionCommand_js__WEBPACK_IMPORTED_MODULE_33__ = __webpack_require__(6385);
/* harmony import */ var _aws_sdk_client_sagemaker_dist_es_commands_UpdatePipelineCommand_js__WEBPACK_IMPORTED_MODULE_34__ = __webpack_require__(7298);
/**
 * The SageMaker SDK pieces the kit uses, imported from the client's ESM build (dist-es) one
 * module each, instead of the package root.
 *
 * Why: the package root resolves (for ncc/webpack, mainFields "main") to the CommonJS build, one
 * ~820 kB file holding every SageMaker command and schema, all of which would load before the
 * first API call. Importing SageMakerClient and each command from its own dist-es module lets
 * webpack leave out the ~390 commands the kit never sends (the package declares sideEffects:
 * false). Types come from the package root (see sdk-sagemaker-esm.d.ts), so nothing else in src
 * changes; under jest these paths map back to the package root (jest.config.js), so tests and
 * aws-sdk-client-mock see the very classes the public entry exports.
 *
 * Load this module with a dynamic import (as clients.ts and loadSageMakerSdk do), so an action
 * that fails on bad input never loads the SDK. To send a new command, add its line here: a unit
 * test (test/unit/aws/sdk-sagemaker.test.ts) checks every path exports the name taken from it.
 */





































/***/ })

};
