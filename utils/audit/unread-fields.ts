// Fields of the big lists that the snapshot stores (the refresh merges by them, record pages show them) but no rule
// reads. A reader that builds records only to audit them leaves these out (the worker's re-audit of 200,000
// products, issue #17); a field not listed here is always kept, so a rule that starts reading a new field needs no
// change here. Listing a field a rule reads would change findings: tests/unit/background/snapshot-audit-read.test.ts
// audits both ways. A dotted path leaves out one field of a nested object (`SalesDetails.UnitPrice`). The audit's read
// also leaves out null fields (snapshot-store.ts AUDIT_READ): rules read null and absent alike.
export const AUDIT_UNREAD_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'cin7.products': ['LastModifiedOn', 'Category', 'CostingMethod', 'DropShipMode'],
  'cin7.customers': ['LastModifiedOn', 'PaymentTerm'],
  'cin7.suppliers': ['LastModifiedOn', 'PaymentTerm'],
  'xero.items': ['ItemID', 'Description', 'PurchaseDescription', 'IsSold', 'IsPurchased', 'UpdatedDateUTC', 'SalesDetails.UnitPrice', 'PurchaseDetails.UnitPrice'],
});
