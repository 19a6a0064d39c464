// MAPPING_MISSING (error): a required role has no account on a mapping page that was read — its row is empty, or the
// page has no row for it although it shows that role whatever the settings (only the feature rows are hidden until
// enabled: those are mapping-unknown.ts). Cin7 Core reports an error when a function needs an unmapped account
// (seed "Account Mapping").
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { cin7AccountMappingLink } from '../links';
import { describeExpectedTypes, ROLE_BY_ID } from '../roles';
import { withRoleAnswer } from '../role-answer';

export const mappingMissingRule: Rule = {
  id: 'mapping-missing',
  title: 'Every required role is mapped',
  codes: ['MAPPING_MISSING'],
  needs: ['cin7.mapping'],
  run(ctx) {
    const findings: Finding[] = [];
    if (!ctx.mapping) return findings;
    for (const [roleId, why] of ctx.requiredRoles) {
      const role = ROLE_BY_ID[roleId];
      const row = ctx.mapping.byRole.get(roleId);
      if (row ? row.code !== null : role.hiddenUntilEnabled) continue;
      const label = ctx.label(role);
      const shown = !row
        ? ` (the Account Mapping page read ${ctx.mapping.readAt} has no ${label} row)`
        : row.accountText
          ? ` (it shows "${row.accountText}", which is not an account)`
          : '';
      const finding: Finding = {
        code: 'MAPPING_MISSING',
        severity: 'error',
        subject: { kind: 'role', key: roleId, label },
        message: `${label} is not mapped to a Xero account${shown}; it is required because ${why}. Map it to ${describeExpectedTypes(role.expectedTypes)} on Cin7 Core's Account Mapping page.`,
        fix: cin7AccountMappingLink(roleId),
      };
      findings.push(withRoleAnswer(ctx, finding, role, null));
    }
    return findings;
  },
};
