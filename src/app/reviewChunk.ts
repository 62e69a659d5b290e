/**
 * What the controller uses of the review (domain/review), loaded with the engine (the "engine"
 * chunk, where the result's review already is): not part of the pane's first screen. Each from its
 * own module, not the review's index, so that only these come along.
 */
export { resultChanges } from '../domain/review/changes';
export { explain, withdraw } from '../domain/review/explanations';
export { signOff } from '../domain/review/signOff';
export { timestamp } from '../domain/review/time';
