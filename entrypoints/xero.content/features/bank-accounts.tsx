// Bank accounts: a bank account without a code is invisible to Cin7 Core, so payments cannot sync to it. Flags
// such accounts on the page and lists the findings of the last check.
import { FindingList } from '../../../components/panel/FindingList';
import { renderBadge } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { readBankAccounts } from '../../../utils/xero/page/bank-accounts';
import { isBankAccounts } from '../../../utils/xero/page/routes';
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
      const accounts = readBankAccounts(document);
      const withoutCode = accounts.filter((account) => !account.code);
      for (const account of withoutCode) renderBadge(account.badgeHost, { tone: 'error', text: 'No code: Cin7 Core cannot see it', tooltip: WHY }, BADGE_KEY);
      const findings = (env.status.getState().status?.findings ?? []).filter((finding) => finding.code === 'BANK_ACCOUNT_WITHOUT_CODE');
      const signature = JSON.stringify([accounts.map((account) => [account.name, account.code]), findings.map((finding) => finding.key)]);
      if (signature === lastSignature) return;
      lastSignature = signature;
      env.panel.showWhileActive(
        {
          id: 'bank-accounts',
          title: 'Bank accounts',
          order: 20,
          content: (
            <>
              <p className={withoutCode.length > 0 ? 'mg-error-text' : 'mg-ok-text'}>
                {withoutCode.length > 0
                  ? `Without a code: ${withoutCode.map((account) => account.name).join(', ')}.`
                  : `All ${accounts.length} bank account${accounts.length === 1 ? ' has' : 's have'} a code.`}
              </p>
              {withoutCode.length > 0 ? <p className="mg-muted">{WHY}</p> : null}
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
