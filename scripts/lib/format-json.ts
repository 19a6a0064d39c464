// Machine-readable output: the one report shape (utils/audit/report-json.ts) the report page's "Export JSON" also
// downloads, nothing else on stdout.
import { buildReportJson, formatReportJson } from '../../utils/audit/report-json';
import type { AuditResult } from '../../utils/audit/types';
import type { Snapshot } from '../../utils/schemas';

export function formatJson(result: AuditResult, snapshot?: Snapshot): string {
  const countryCode = snapshot?.xero?.organisation?.CountryCode;
  return formatReportJson(
    buildReportJson({
      findings: result.findings,
      coverage: result.coverage,
      // The engine's own test: the Cin7 Core account mapping is part of the snapshot.
      mappingRead: Boolean(snapshot?.cin7?.mapping),
      organisations: {
        cin7: snapshot?.cin7?.me?.Company ?? null,
        xero: snapshot?.xero?.organisation?.Name ?? null,
        ...(countryCode ? { xeroCountryCode: countryCode } : {}),
      },
    }),
  );
}
