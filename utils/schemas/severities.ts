// A finding's severities, in the order the UIs list them: here without zod, so the start script's small reader
// (utils/protocol/panel-counts.ts) can share the list with the finding schema (finding.ts).
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
