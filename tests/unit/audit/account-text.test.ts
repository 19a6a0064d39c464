// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { accountKey, parseAccountText } from '../../../utils/audit/account-text';

describe('parseAccountText', () => {
  it.each([
    ['1400', '1400'],
    [' 1400 ', '1400'],
    ['1400: Inventory', '1400'],
    ['1400 : Inventory', '1400'],
    ['1400:Inventory', '1400'],
    ['1400 - Inventory', '1400'],
    ['1400 – Inventory Control', '1400'],
    ['1-1400: Inventory', '1-1400'],
    ['1-1400 - Inventory', '1-1400'],
    ['SALES: Sales', 'SALES'],
    ['SALES', 'SALES'],
    ['091: Business Bank', '091'],
    ['1400 Inventory', '1400'],
    ['', null],
    ['   ', null],
    ['-', null],
    ['None', null],
    ['Select account…', null],
    ['Not mapped', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (text, expected) => {
    expect(parseAccountText(text)).toBe(expected);
  });
});

describe('accountKey', () => {
  it('ignores case and surrounding space', () => {
    expect(accountKey(' sales ')).toBe(accountKey('SALES'));
    expect(accountKey('091')).not.toBe(accountKey('91'));
  });
});
