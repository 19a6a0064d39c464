// General Settings: beside the "Period lock date" field, the findings about Cin7 Core's lock date against Xero's
// (the engine links them here). Runs on any Cin7 Core page that shows that field: the page has no published URL
// (General Settings is a tab of the Settings page; page-spotter.ts).
import { isEveryPage } from '../../../utils/cin7/page/routes';
import { readLockDateField } from '../../../utils/cin7/page/recognise';
import { renderBadge } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import type { StatusFinding } from '../../../utils/protocol/shapes';
import type { Cin7FeatureEnv } from '../environment';
import { reportWhileShown } from '../learn-page';
import { spotPage } from '../page-spotter';

const BADGE_KEY = 'lock-date';

/** The findings about the lock dates that send the user to General Settings. */
export function lockDateFindings(findings: readonly StatusFinding[]): StatusFinding[] {
  return findings.filter((finding) => finding.code.startsWith('LOCK_DATE') && finding.fix?.page === 'generalSettings' && !finding.reviewed);
}

function badgeLockDate(env: Cin7FeatureEnv): void {
  const field = readLockDateField(document);
  const status = env.status.getState().status;
  if (!field || !status?.summary) return;
  const findings = lockDateFindings(status.findings);
  const error = findings.some((finding) => finding.severity === 'error');
  renderBadge(
    field.label,
    findings.length > 0
      ? { tone: error ? 'error' : 'warning', text: 'Mapping Guard: not aligned with Xero', tooltip: findings.map((finding) => finding.message).join(' ') }
      : { tone: 'ok', text: 'Mapping Guard: OK', tooltip: 'No problem found with Cin7 Core’s lock date against Xero’s.' },
    BADGE_KEY,
  );
}

export default defineFeature<Cin7FeatureEnv>({
  id: 'general-settings',
  include: [isEveryPage],
  restartOn: 'never',
  init(signal, env) {
    spotPage({
      page: 'generalSettings',
      env,
      featureId: 'general-settings',
      signal,
      whileShown(_shown, shownEnv) {
        shownEnv.watch(() => badgeLockDate(shownEnv), { badgeKey: BADGE_KEY, waitMs: 400 });
        reportWhileShown(shownEnv, 'generalSettings');
      },
    });
  },
});
