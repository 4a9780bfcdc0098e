/** Tenure domain logic (DESIGN §1, issue 4): pure functions over plain records, no browser APIs. */
export * from './calendar';
export * from './classify';
export * from './split';
export * from './duration';
export * from './risk';
export * from './book';
export * from './summary';
export * from './timeline';
