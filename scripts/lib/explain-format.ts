// The explain command's two outputs: exactly `{ matches }` as JSON, or a short text for people.
import type { ExplainMatch, ExplainResult } from '../../utils/explain';

export function formatExplainJson(result: ExplainResult): string {
  return `${JSON.stringify({ matches: result.matches }, null, 2)}\n`;
}

function subjectText(match: ExplainMatch): string {
  const { account, taxType, currency, date, lock } = match.subject;
  const parts = [
    account ? `account ${account}` : '',
    taxType ? `tax type ${taxType}` : '',
    currency ? `currency ${currency}` : '',
    lock ? `${lock === 'period' ? 'period' : 'end-of-year'} lock${date ? ` ${date}` : ''}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

export function formatExplainText(result: ExplainResult): string {
  if (result.matches.length === 0) return 'No known Cin7 Core or Xero sync error found in the text.\n';
  const blocks = result.matches.map((match, index) => {
    const subject = subjectText(match);
    const lines = [`${index + 1}. ${match.cause}${subject ? ` (${subject})` : ''}`, `   ${match.message}`];
    if (match.fix) lines.push(`   Fix: ${match.fix.label}: ${match.fix.url}`);
    if (match.related.length > 0) {
      lines.push(`   Will keep failing until these are fixed:`);
      for (const finding of match.related) lines.push(`   - [${finding.severity}] ${finding.code} ${finding.subject.label}: ${finding.message}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
