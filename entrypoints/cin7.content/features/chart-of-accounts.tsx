// Chart of Accounts page: marks the accounts that carry a Cin7 role (inline badge on the row) and lists the Xero
// accounts without a code, which Cin7 Core cannot see. Runs on any Cin7 Core page that shows the chart (the page has
// no published URL; page-spotter.ts).
import { accountKey, parseAccountText } from '../../../utils/audit/account-text';
import { matchRoleLabel } from '../../../utils/audit/labels';
import { applyLearnedPages, cin7AccountMappingLink } from '../../../utils/audit/links';
import { ROLE_BY_ID } from '../../../utils/audit/roles';
import { isEveryPage } from '../../../utils/cin7/page/routes';
import { findAccountRow } from '../../../utils/cin7/page/targets';
import type { Mapping } from '../../../utils/schemas/snapshot';
import { renderBadge } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import type { Cin7FeatureEnv } from '../environment';
import { ChartSection, type RoleAccount } from '../sections/ChartSection';
import { reportWhileShown } from '../learn-page';
import { spotPage } from '../page-spotter';

/** Accounts by code, each with the role names mapped to it, in the mapping page's order. */
export function rolesByAccount(mapping: Mapping | null): RoleAccount[] {
  const byCode = new Map<string, RoleAccount>();
  for (const row of mapping?.rows ?? []) {
    const code = parseAccountText(row.account);
    if (!code) continue;
    const roleId = matchRoleLabel(row.label);
    const name = roleId ? ROLE_BY_ID[roleId].label : row.label;
    const key = accountKey(code);
    const entry = byCode.get(key) ?? { code, roles: [] };
    if (!entry.roles.includes(name)) entry.roles.push(name);
    byCode.set(key, entry);
  }
  return [...byCode.values()];
}

const BADGE_KEY = 'role';

export default defineFeature<Cin7FeatureEnv>({
  id: 'chart-of-accounts',
  include: [isEveryPage],
  restartOn: 'never',
  init(signal, env) {
    spotPage({
      page: 'chartOfAccounts',
      env,
      featureId: 'chart-of-accounts',
      signal,
      whileShown(shown, shownEnv) {
        void markChartWhileShown(shown, shownEnv);
        reportWhileShown(shownEnv, 'chartOfAccounts');
      },
    });
  },
});

async function markChartWhileShown(signal: AbortSignal, env: Cin7FeatureEnv): Promise<void> {
  // The mapping's one home is the background (read on any visit to Account Mapping, or entered in the options);
  // when it cannot answer, the section still lists the accounts without a code.
  const mapping = await env.background.getMapping({ host: 'cin7' }).then(
    (reply) => reply.mapping,
    () => null,
  );
  if (signal.aborted) return;
  const roleAccounts = rolesByAccount(mapping);

  const renderSection = () => {
    const status = env.status.getState().status;
    const findings = status?.findings ?? [];
    const mappingPage = applyLearnedPages(cin7AccountMappingLink(), status?.cin7LearnedPages ?? {});
    const withoutCode = findings.filter((finding) => finding.code === 'ACCOUNT_WITHOUT_CODE' || finding.code === 'BANK_ACCOUNT_WITHOUT_CODE');
    env.panel.showWhileActive(
      {
        id: 'chart-of-accounts',
        title: 'Accounts Cin7 Core depends on',
        order: 20,
        content: (
          <ChartSection
            roleAccounts={roleAccounts}
            mappingReadAt={mapping?.readAt ?? null}
            withoutCode={withoutCode}
            mappingPage={mappingPage}
          />
        ),
      },
      signal,
    );
  };

  const markRows = () => {
    for (const entry of roleAccounts) {
      const row = findAccountRow(entry.code, document);
      const cell = row?.querySelector('[role="gridcell"], td, th') ?? row;
      if (!cell) continue;
      renderBadge(
        cell,
        {
          tone: 'info',
          text: entry.roles.join(', '),
          tooltip: `Cin7 Core posts ${entry.roles.join(', ')} to this account: archiving it or changing its type breaks the sync.`,
        },
        BADGE_KEY,
      );
    }
  };

  renderSection();
  env.listen(env.status.subscribe, (state, previous) => {
    if (state.status !== previous.status) renderSection();
  });
  if (roleAccounts.length > 0) env.watch(markRows, { badgeKey: BADGE_KEY, waitMs: 400 });
}
