// @vitest-environment node
// Issue #14: every suggestion passes every rule for its role. For random charts and mappings, map each suggested
// account into the role and audit again: no role-account finding may remain for that role (or that account).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../utils/audit';
import { accountKey } from '../../../utils/audit/account-text';
import { matchRoleLabel } from '../../../utils/audit/labels';
import { ROLE_BY_ID, ROLES, isRoleId, type RoleId } from '../../../utils/audit/roles';
import type { Finding } from '../../../utils/audit/types';
import { ROLE_ACCOUNT_FINDING_CODES } from '../../../utils/audit/role-account';
import { parseSnapshot, type Snapshot } from '../../../utils/schemas';
import { XERO_ACCOUNT_TYPES, XERO_SYSTEM_ACCOUNTS } from '../../../utils/schemas/vocabulary';
import { healthyRaw, TODAY } from './fixtures';

const ROLE_ACCOUNT_CODES = ROLE_ACCOUNT_FINDING_CODES;

const CODES = ['090', '200', '310', '400', '499', '610', '620', '630', '800', '820', '830', '840', '850', '1400', '1410', '1420', ' 1430 ', '1440', '1450', 'sales', 'SALES', '-', 'a b'];
/** Mostly the types roles expect, so suggestions are common. */
const TYPES = [...new Set(ROLES.flatMap((role) => role.expectedTypes))];
const opt = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const account = fc.record(
  {
    AccountID: fc.string({ maxLength: 4 }),
    Code: fc.oneof(fc.constantFrom(...CODES), fc.constant(null)),
    Name: fc.oneof(fc.constantFrom(...ROLES.flatMap((role) => [role.label, ...role.synonyms])), fc.constantFrom('Misc', 'Clearing', '')),
    Type: fc.oneof({ arbitrary: fc.constantFrom(...TYPES), weight: 3 }, fc.constantFrom(...XERO_ACCOUNT_TYPES), fc.constant('WEIRD')),
    Status: opt(fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'ARCHIVED', 'DELETED')),
    Class: opt(fc.constantFrom('ASSET', 'EQUITY', 'EXPENSE', 'LIABILITY', 'REVENUE')),
    SystemAccount: opt(fc.oneof(fc.constantFrom(...XERO_SYSTEM_ACCOUNTS), fc.constant(''))),
    EnablePaymentsToAccount: opt(fc.boolean()),
  },
  { requiredKeys: ['AccountID', 'Code', 'Name', 'Type'] },
);
const row = fc.record({
  label: fc.constantFrom(...ROLES.map((role) => role.label), 'Sales Tax (GST, VAT…)', 'Realised Currency Gains', 'Something else'),
  account: fc.oneof(fc.constantFrom(...CODES).map((code) => `${code.trim()}: x`), fc.constantFrom(...CODES), fc.constant('')),
});
const scenario = fc.record({
  accounts: fc.array(account, { minLength: 5, maxLength: 30 }),
  rows: fc.array(row, { maxLength: 22 }),
  features: fc.record({ inventoryAccrual: fc.boolean(), giftCards: fc.boolean() }),
  foreign: fc.boolean(),
  country: fc.constantFrom('NZ', 'US', undefined),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(input: Scenario, rows = input.rows): Snapshot {
  const raw = structuredClone(healthyRaw()) as { cin7: Record<string, unknown>; xero: Record<string, unknown> };
  raw.xero.accounts = input.accounts;
  raw.cin7.mapping = { readAt: '2025-06-01T00:00:00Z', rows };
  raw.cin7.features = input.features;
  if (input.country) (raw.xero.organisation as Record<string, unknown>).CountryCode = input.country;
  if (input.foreign) (raw.cin7.customers as unknown[]).push({ ID: 'c2', Name: 'Yankee Inc', Currency: 'USD' });
  return parseSnapshot(raw);
}

/** The role a role-account finding's suggestions are for: its subject, or (a duplicate) the role its fix opens. */
function roleOf(finding: Finding): RoleId | null {
  if (finding.subject.kind === 'role') return isRoleId(finding.subject.key) ? finding.subject.key : null;
  const target = /#mg-target=role:([A-Za-z]+)/.exec(finding.fix?.url ?? '')?.[1];
  return target && isRoleId(target) ? target : null;
}

function mapInto(rows: readonly { label: string; account: string }[], roleId: RoleId, code: string) {
  const next = rows.map((item) => (matchRoleLabel(item.label) === roleId ? { ...item, account: code } : item));
  return next.some((item) => matchRoleLabel(item.label) === roleId) ? next : [...next, { label: ROLE_BY_ID[roleId].label, account: code }];
}

describe('suggestions on generated charts and mappings', () => {
  it('each suggested account, mapped into its role, leaves no role-account finding for that role', () => {
    let suggested = 0;
    fc.assert(
      fc.property(scenario, (input) => {
        const result = audit(build(input), { today: TODAY });
        for (const finding of result.findings) {
          if (!ROLE_ACCOUNT_CODES.has(finding.code)) continue;
          const roleId = roleOf(finding);
          expect(roleId).not.toBeNull();
          for (const suggestion of finding.suggestions ?? []) {
            suggested++;
            const after = audit(build(input, mapInto(input.rows, roleId!, suggestion.code)), { today: TODAY });
            const left = after.findings.filter(
              (other) =>
                ROLE_ACCOUNT_CODES.has(other.code) &&
                ((other.subject.kind === 'role' && other.subject.key === roleId) ||
                  (other.subject.kind === 'account' && accountKey(other.subject.key) === accountKey(suggestion.code))),
            );
            expect(left, `${roleId} → ${suggestion.code}`).toEqual([]);
          }
        }
      }),
      { numRuns: 250, seed: 20251122 },
    );
    // The generator must actually exercise suggestions, not pass vacuously.
    expect(suggested).toBeGreaterThan(100);
  }, 60_000);
});
