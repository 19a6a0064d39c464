// BASE_CURRENCY_MISMATCH (error): "Base currency in Xero and Cin7 Core must be the same" (Cin7 prerequisite).
import type { Rule } from '../rule';
import { cin7GeneralSettingsLink } from '../links';

export const baseCurrencyRule: Rule = {
  id: 'base-currency',
  title: 'Cin7 Core and Xero share a base currency',
  codes: ['BASE_CURRENCY_MISMATCH'],
  needs: ['cin7.me', 'xero.organisation'],
  run(ctx) {
    const cin7 = ctx.snapshot.cin7?.me?.Currency?.trim().toUpperCase() ?? '';
    const xero = ctx.organisation?.BaseCurrency.trim().toUpperCase() ?? '';
    if (!cin7 || !xero || cin7 === xero) return [];
    return [
      {
        code: 'BASE_CURRENCY_MISMATCH',
        severity: 'error',
        subject: { kind: 'organisation', key: 'organisation', label: 'Base currency' },
        message: `Cin7 Core's base currency is ${cin7} but Xero's is ${xero}; the integration needs them to be the same. Xero's base currency cannot change once set, so set ${xero} as Cin7 Core's base currency before any data is loaded.`,
        fix: cin7GeneralSettingsLink(),
      },
    ];
  },
};
