// Raw Cin7 Core API v2 JSON (PascalCase, as the API sends it), by area. We validate the fields we use and keep the
// rest. Null is normal almost everywhere: a product with `"COGSAccount": null` uses the next level's default.
export * from './reference';
export * from './records';
export * from './documents';
export * from './lists';
export * from './errors';
