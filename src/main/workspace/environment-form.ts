/**
 * The Environments screen's side of an environment file, in one import: the text read into a
 * form, a form saved back into the text, and the text of a new file.
 */
export { applyFormToText } from './apply-form-to-text.ts';
export { emptyEnvironmentForm, environmentToForm } from './environment-to-form.ts';
export { newEnvironmentText } from './new-environment-text.ts';
