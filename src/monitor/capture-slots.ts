/**
 * The string members of a data-capture record that the capture reader uses (sagemaker.md §7), as
 * slots of the line scanner (json-scan.ts): their numbers, their paths for messages, and what a
 * slot's start holds when the member is not a string or absent.
 */
export const S_IN_DATA = 0;
export const S_IN_ENCODING = 1;
export const S_IN_CONTENT_TYPE = 2;
export const S_IN_MODE = 3;
export const S_OUT_DATA = 4;
export const S_OUT_ENCODING = 5;
export const S_OUT_CONTENT_TYPE = 6;
export const S_OUT_MODE = 7;
export const S_EVENT_ID = 8;
export const S_INFERENCE_ID = 9;
export const S_INFERENCE_TIME = 10;
export const S_EVENT_VERSION = 11;
export const SLOTS = 12;

/** Slot names as paths, for messages. */
export const SLOT_PATHS = [
  'captureData.endpointInput.data',
  'captureData.endpointInput.encoding',
  'captureData.endpointInput.observedContentType',
  'captureData.endpointInput.mode',
  'captureData.endpointOutput.data',
  'captureData.endpointOutput.encoding',
  'captureData.endpointOutput.observedContentType',
  'captureData.endpointOutput.mode',
  'eventMetadata.eventId',
  'eventMetadata.inferenceId',
  'eventMetadata.inferenceTime',
  'eventVersion',
];

/** Member present but not a string. */
export const NOT_STRING = -2;
export const ABSENT = -1;
