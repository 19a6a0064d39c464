export * from './cin7';
export * from './xero';
export * from './snapshot';
export * from './dates';
export * from './tolerant';
export * from './vocabulary';
export * from './unknownValues';
export * from './issues';
