// The fix plan (utils/audit/fix-plan.ts) as plain lines for the CLI's table and Markdown: numbered steps, then who
// fixes what ("In Xero", "In Cin7 Core"), each cause once.
import { fixPlan } from '../../utils/audit/fix-plan';
import type { Finding } from '../../utils/audit/types';

const APP_NAME = { xero: 'In Xero', cin7: 'In Cin7 Core' } as const;

export function planLines(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  fixPlan(findings).forEach((step, index) => {
    lines.push(`${index + 1}. ${step.title}: ${step.why}`);
    for (const group of step.groups) {
      lines.push(`   ${APP_NAME[group.app]}:`);
      for (const fix of group.fixes) {
        const more = fix.findings.length > 1 ? ` (${fix.findings.length} findings, one fix)` : '';
        lines.push(`   - ${fix.lead.subject.label || fix.lead.subject.key}: ${fix.lead.code}${more}`);
      }
    }
  });
  return lines;
}
