/** Sales coaches (DESIGN §1, issue 7): pure functions over plain records, no browser APIs. */
export * from './period';
export * from './budget';
export * from './referrals';
export * from './neglect';
export * from './moves';
export * from './person';
export * from './csv';
