/** Kept in step with package.json by a unit test. */
export const KIT_VERSION = '0.1.0';
export const USER_AGENT_NAME = 'sagemaker-actions';
