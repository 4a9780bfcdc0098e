/** The one definition of every record and of what an adapter reads off a page. */
export * from './common';
export * from './bounds';
export * from './page-subject';
export * from './customer';
export * from './revenue';
export * from './contact';
export * from './coach';
export * from './problem';
export * from './rep';
export * from './note';
export * from './teach';
