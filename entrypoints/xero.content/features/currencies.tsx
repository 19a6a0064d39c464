// Currencies: the currencies Cin7 Core customers and suppliers trade in that Xero does not have (from the last
// check), and whether this page now lists them (added since: refresh to clear the finding).
import { FindingList } from '../../../components/panel/FindingList';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { readCurrencies } from '../../../utils/xero/page/currencies';
import { isCurrencies } from '../../../utils/xero/page/routes';
import type { XeroFeatureEnv } from '../environment';

export default defineFeature<XeroFeatureEnv>({
  id: 'currencies',
  include: [isCurrencies],
  restartOn: 'path',
  init(signal, env) {
    let lastSignature = '';
    const update = () => {
      const onPage = new Set(readCurrencies(document).map((row) => row.code));
      const findings = (env.status.getState().status?.findings ?? []).filter((finding) => finding.code === 'CURRENCY_NOT_ENABLED');
      const missing = findings.filter((finding) => !onPage.has(finding.subject.key.toUpperCase()));
      const addedSince = findings.filter((finding) => onPage.has(finding.subject.key.toUpperCase())).map((finding) => finding.subject.key);
      const checked = env.status.getState().status?.summary !== undefined;
      const signature = JSON.stringify([[...onPage], findings.map((finding) => finding.key), checked]);
      if (signature === lastSignature) return;
      lastSignature = signature;
      env.panel.showWhileActive(
        {
          id: 'currencies',
          title: 'Currencies Cin7 Core needs',
          order: 20,
          content: (
            <>
              <p className="mg-muted">Xero refuses invoices and bills in a currency it does not have: every currency a Cin7 Core customer or supplier trades in must be here.</p>
              {!checked ? <p className="mg-muted">Not checked yet.</p> : null}
              {checked && missing.length === 0 ? <p className="mg-ok-text">Xero has every currency Cin7 Core’s customers and suppliers use.</p> : null}
              <FindingList findings={missing} currentApp="xero" />
              {addedSince.length > 0 ? <p className="mg-muted">{addedSince.join(', ')} now listed here: refresh to check again.</p> : null}
            </>
          ),
        },
        signal,
      );
    };
    env.watch(update);
  },
});
