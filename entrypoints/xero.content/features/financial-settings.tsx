// Financial settings: Xero's period and end-of-year lock dates (read from the page) beside Cin7 Core's (from the
// background), whether they are aligned, and how many of the pair's Cin7 documents in a range Xero would refuse.
import { removeBadges, renderBadge } from '../../../utils/overlay/badges';
import { defineFeature } from '../../../utils/overlay/feature-registry';
import { readLockDates } from '../../../utils/xero/page/lock-dates';
import { isFinancialSettings } from '../../../utils/xero/page/routes';
import type { XeroFeatureEnv } from '../environment';
import { compareLockDates } from '../lock-dates';
import { LockDateSection } from '../sections/LockDateSection';

const BADGE_KEY = 'lock-date';

export default defineFeature<XeroFeatureEnv>({
  id: 'financial-settings',
  include: [isFinancialSettings],
  restartOn: 'path',
  init(signal, env) {
    let lastSignature = '';
    const update = () => {
      const read = readLockDates(document);
      const facts = env.facts.getState().facts;
      const cin7Known = facts !== null && env.status.getState().status?.fetchedAt !== undefined;
      const period = read.period?.day ?? null;
      const endOfYear = read.endOfYear?.day ?? null;
      const comparison = compareLockDates(period, endOfYear, facts?.cin7LockDate ?? null);
      const unreadable = [read.period, read.endOfYear].filter((field) => field && field.shown && !field.day).map((field) => field!.shown);
      const learnedPages = env.status.getState().status?.cin7LearnedPages;
      const signature = JSON.stringify([period, endOfYear, unreadable, comparison, cin7Known, facts?.pairId, learnedPages]);
      if (signature === lastSignature) return;
      lastSignature = signature;
      const later = comparison.xeroLater?.which === 'period' ? read.period : comparison.xeroLater ? read.endOfYear : null;
      removeBadges(document, BADGE_KEY);
      if (later && cin7Known) {
        renderBadge(
          later.element.parentElement ?? later.element,
          comparison.aligned
            ? { tone: 'ok', text: `Cin7 Core: ${comparison.cin7} · aligned`, tooltip: 'Cin7 Core’s lock date is not earlier than this one: it refuses what Xero would refuse.' }
            : {
                tone: 'warning',
                text: `Cin7 Core: ${comparison.cin7 ?? 'no lock date'}`,
                tooltip: `Cin7 Core still accepts documents dated up to ${comparison.xeroLater?.day} that Xero will refuse. Set Cin7 Core’s lock date in its General Settings.`,
              },
          BADGE_KEY,
        );
      }
      env.panel.showWhileActive(
        {
          id: 'financial-settings',
          title: 'Lock dates',
          order: 20,
          content: (
            <LockDateSection
              key={signature}
              period={period}
              endOfYear={endOfYear}
              unreadable={unreadable}
              comparison={comparison}
              cin7Known={cin7Known}
              learnedPages={learnedPages}
              count={(range) => env.background.countLockedDocuments({ ...range, ...(facts?.pairId ? { pairId: facts.pairId } : {}) })}
            />
          ),
        },
        signal,
      );
    };
    env.watch(update, { badgeKey: BADGE_KEY });
    document.addEventListener('change', env.guard(update), { signal, capture: true });
    env.listen(env.facts.subscribe, update);
  },
});
