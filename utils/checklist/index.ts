export * from './items';
export * from './decide';
export * from './decisions';
export * from './build';
export * from './rule-codes';
