export * from './database';
export * from './customers';
export * from './lookup';
export * from './me';
export * from './subject-info';
export * from './teach-rules';
export * from './pick';
export * from './problems';
