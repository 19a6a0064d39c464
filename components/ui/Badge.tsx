// Status and severity badges: colour plus words, never colour alone (accessibility).
export type BadgeTone =
  | 'error' | 'warning' | 'info'
  | 'pass' | 'fail' | 'unknown'
  | 'decided' | 'partial' | 'open'
  | 'connected' | 'not-connected' | 'reconnect-needed';

export const BADGE_TEXT: Record<BadgeTone, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
  pass: 'Pass',
  fail: 'Fix needed',
  unknown: 'Not yet known',
  decided: 'Decided',
  partial: 'In progress',
  open: 'To decide',
  connected: 'Connected',
  'not-connected': 'Not connected',
  'reconnect-needed': 'Reconnect needed',
};

export function Badge({ tone, children }: { tone: BadgeTone; children?: string }) {
  return <span className={`mg-badge mg-badge--${tone}`}>{children ?? BADGE_TEXT[tone]}</span>;
}
