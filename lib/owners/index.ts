/** Issue ownership (DESIGN §1, §5): pure domain logic, no browser APIs, time passed in. */
export * from './log';
export * from './lifecycle';
export * from './reminders';
export * from './measures';
export * from './urgency';
export { EDITABLE_FIELDS } from './edit';
export { STATUS_LABEL } from './transitions';
export * from './run';
export { judgeProblem, type Judgement, type JudgeActor } from './judge';
export { mergeProblem } from './merge';
