// Bank accounts: a bank account without a code is invisible to Cin7 Core, so payments cannot sync to it. Xero's page
// shows no codes: the last check's findings say which accounts lack one (bank-match.ts); they are flagged on the
// page, and any the page cannot be matched to are named in the panel.
import { FindingList } from '../../../components/panel/FindingList';
import { renderBadge } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { readBankAccounts } from '../../../utils/xero/page/bank-accounts';
import { isBankAccounts } from '../../../utils/xero/page/routes';
import { matchBankAccounts } from '../bank-match';
import type { XeroFeatureEnv } from '../environment';

const BADGE_KEY = 'bank-code';
const WHY = 'Cin7 Core lists Xero accounts by code: without one it cannot see this bank account, so payments cannot sync to it. Give it a code in Xero (Chart of accounts → the bank account → Code).';

export default defineFeature<XeroFeatureEnv>({
  id: 'bank-accounts',
  include: [isBankAccounts],
  restartOn: 'path',
  init(signal, env) {
    let lastSignature = '';
    const update = () => {
      const status = env.status.getState().status;
      const findings = (status?.findings ?? []).filter((finding) => finding.code === 'BANK_ACCOUNT_WITHOUT_CODE');
      const accounts = readBankAccounts(document);
      const { withoutCode, unmatched } = matchBankAccounts(accounts, findings);
      for (const { account } of withoutCode) renderBadge(account.badgeHost, { tone: 'error', text: 'No code: Cin7 Core cannot see it', tooltip: WHY }, BADGE_KEY);
      const checked = Boolean(status?.fetchedAt);
      const signature = JSON.stringify([accounts.map((account) => [account.name, account.code]), withoutCode.map(({ account }) => account.name), unmatched, checked, findings.map((f) => f.key)]);
      if (signature === lastSignature) return;
      lastSignature = signature;
      const summary =
        withoutCode.length > 0
          ? `Without a code: ${withoutCode.map(({ account }) => account.name).join(', ')}.`
          : unmatched.length > 0
            ? 'No account on this page could be matched to the check’s findings.'
            : checked
              ? `The last check found no bank account without a code (${accounts.length} on this page).`
              : 'This page shows no account codes: they come from Xero’s API, which has not been read yet (refresh to check).';
      env.panel.showWhileActive(
        {
          id: 'bank-accounts',
          title: 'Bank accounts',
          order: 20,
          content: (
            <>
              <p className={withoutCode.length > 0 || unmatched.length > 0 ? 'mg-error-text' : checked ? 'mg-ok-text' : 'mg-muted'}>{summary}</p>
              {unmatched.length > 0 ? (
                <ul className="mg-muted" data-mg-unmatched="">
                  {unmatched.map(({ finding, reason }) => (
                    <li key={finding.key}>
                      Without a code, but not found here: “{finding.subject.label}” ({reason}).
                    </li>
                  ))}
                </ul>
              ) : null}
              {withoutCode.length > 0 || unmatched.length > 0 ? <p className="mg-muted">{WHY}</p> : null}
              <FindingList findings={findings} currentApp="xero" />
            </>
          ),
        },
        signal,
      );
    };
    env.watch(update, { badgeKey: BADGE_KEY });
  },
});
