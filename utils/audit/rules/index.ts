// The one list of checks. A meta-test checks every file in this folder is registered here and every finding code
// is produced by some rule. Order does not matter: findings are sorted afterwards.
import type { Rule } from '../rule';
import { accountWithoutCodeRule } from './account-without-code';
import { bankAccountWithoutCodeRule } from './bank-account-without-code';
import { baseCurrencyRule } from './base-currency';
import { currencyEnabledRule } from './currency-enabled';
import { documentLockedPeriodRule } from './document-locked-period';
import { lockDateMisalignedRule } from './lock-date-misaligned';
import { lockDateNotSetRule } from './lock-date-not-set';
import { mappedAccountExistsRule } from './mapped-account-exists';
import { mappedAccountPaymentsRule } from './mapped-account-payments';
import { mappedAccountTypeRule } from './mapped-account-type';
import { mappedSystemAccountRule } from './mapped-system-account';
import { mappingMissingRule } from './mapping-missing';
import { mappingNotUniqueRule } from './mapping-not-unique';
import { mappingUnknownRule } from './mapping-unknown';
import { overrideCustomersRule } from './override-customers';
import { overrideProductsRule } from './override-products';
import { overridePurchasesRule } from './override-purchases';
import { overrideSalesRule } from './override-sales';
import { overrideSuppliersRule } from './override-suppliers';
import { recordTaxRuleInvalidRule } from './record-tax-rule-invalid';
import { serviceProductExpenseRule } from './service-product-expense';
import { taxRateNotApplicableRule } from './tax-rate-not-applicable';
import { taxRuleAccountRule } from './tax-rule-account';
import { taxRuleNotInXeroRule } from './tax-rule-not-in-xero';
import { trackedInventoryRule } from './tracked-inventory';

export const RULES: readonly Rule[] = Object.freeze([
  mappingUnknownRule,
  mappingMissingRule,
  mappingNotUniqueRule,
  mappedAccountExistsRule,
  mappedAccountTypeRule,
  mappedAccountPaymentsRule,
  mappedSystemAccountRule,
  accountWithoutCodeRule,
  bankAccountWithoutCodeRule,
  trackedInventoryRule,
  baseCurrencyRule,
  currencyEnabledRule,
  lockDateNotSetRule,
  lockDateMisalignedRule,
  documentLockedPeriodRule,
  taxRuleAccountRule,
  taxRuleNotInXeroRule,
  taxRateNotApplicableRule,
  recordTaxRuleInvalidRule,
  overrideProductsRule,
  overrideCustomersRule,
  overrideSuppliersRule,
  overrideSalesRule,
  overridePurchasesRule,
  serviceProductExpenseRule,
]);
