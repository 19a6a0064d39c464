// Machine-readable output: exactly `{ findings, summary }`, nothing else on stdout.
import type { AuditResult } from '../../utils/audit/types';

export function formatJson(result: AuditResult): string {
  return `${JSON.stringify({ findings: result.findings, summary: result.summary }, null, 2)}\n`;
}
