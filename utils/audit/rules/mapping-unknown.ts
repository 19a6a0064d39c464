// MAPPING_UNKNOWN (info). No API exposes Cin7's account mapping (research/cin7.md §2.4): until the page has been
// read we say so once and raise no mapping-based errors. When it was read, only a row the page hides until its
// feature is enabled (roles.ts `hiddenUntilEnabled`) may be absent without an error: the feature may be off after
// all. Any other required role without a row is MAPPING_MISSING (mapping-missing.ts).
import type { Rule } from '../rule';
import type { Finding } from '../types';
import { cin7AccountMappingLink } from '../links';
import { ROLES } from '../roles';

export const mappingUnknownRule: Rule = {
  id: 'mapping-unknown',
  title: 'Cin7 Core account mapping has been read',
  codes: ['MAPPING_UNKNOWN'],
  needs: [],
  run(ctx) {
    if (!ctx.mapping) {
      return [
        {
          code: 'MAPPING_UNKNOWN',
          severity: 'info',
          subject: { kind: 'organisation', key: 'organisation', label: 'Account mapping' },
          message:
            'The Cin7 Core account mapping has not been read yet, so mapped accounts were not checked. Open Account Mapping in Cin7 Core once so Mapping Guard can read it.',
          fix: cin7AccountMappingLink(),
        },
      ];
    }
    const findings: Finding[] = [];
    for (const definition of ROLES) {
      const why = ctx.requiredRoles.get(definition.id);
      if (why === undefined || !definition.hiddenUntilEnabled || ctx.mapping.byRole.has(definition.id)) continue;
      const label = ctx.label(definition);
      findings.push({
        code: 'MAPPING_UNKNOWN',
        severity: 'info',
        subject: { kind: 'role', key: definition.id, label },
        message: `No "${label}" row was found on Cin7 Core's Account Mapping page (read ${ctx.mapping.readAt}), although ${why}; the page shows it only while the feature is enabled in General Settings. Check the setting, then open Account Mapping in Cin7 Core and check that ${label} is mapped.`,
        fix: cin7AccountMappingLink(definition.id),
      });
    }
    return findings;
  },
};
