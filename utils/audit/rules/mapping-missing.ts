// MAPPING_MISSING (error): a required role's row is on the mapping page but has no account. Cin7 Core reports an
// error when a function needs an unmapped account (seed "Account Mapping").
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { cin7AccountMappingLink } from '../links';
import { describeExpectedTypes } from '../roles';

export const mappingMissingRule: Rule = {
  id: 'mapping-missing',
  title: 'Every required role is mapped',
  codes: ['MAPPING_MISSING'],
  needs: ['cin7.mapping'],
  run(ctx) {
    const findings: Finding[] = [];
    if (!ctx.mapping) return findings;
    for (const [roleId, why] of ctx.requiredRoles) {
      const row = ctx.mapping.byRole.get(roleId);
      if (!row || row.code !== null) continue;
      const shown = row.accountText ? ` (it shows "${row.accountText}", which is not an account)` : '';
      findings.push({
        code: 'MAPPING_MISSING',
        severity: 'error',
        subject: { kind: 'role', key: roleId, label: row.role.label },
        message: `${row.role.label} is not mapped to a Xero account${shown}; it is required because ${why}. Map it to ${describeExpectedTypes(row.role.expectedTypes)} on Cin7 Core's Account Mapping page.`,
        fix: cin7AccountMappingLink(roleId),
      });
    }
    return findings;
  },
};
