import { describe, expect, it } from 'vitest';
import * as routes from '../../../utils/cin7/page/routes';

type Detector = (url: string) => boolean;
const detectors = Object.fromEntries(
  [...routes.ROUTE_EXAMPLES.keys()].map((name) => [name, (routes as unknown as Record<string, Detector>)[name]]),
) as Record<string, Detector>;
const allUrls = [...routes.ROUTE_EXAMPLES.values()].flat();

describe('Cin7 route detectors', () => {
  it('every listed detector is exported', () => {
    for (const [name, detect] of Object.entries(detectors)) expect(typeof detect, name).toBe('function');
  });

  describe.each([...routes.ROUTE_EXAMPLES.entries()])('%s', (name, ownUrls) => {
    const detect = detectors[name]!;
    it.each(ownUrls)('matches its own URL %s', (url) => expect(detect(url)).toBe(true));
    it('does not match the other routes’ URLs', () => {
      for (const url of allUrls) {
        const expected = ownUrls.includes(url) || name === 'isEveryPage';
        expect(detect(url), `${name}(${url})`).toBe(expected);
      }
    });
  });

  it.each([
    'https://go.xero.com/AccountMapping',
    'https://inventory.dearsystems.com.evil.example/AccountMapping',
    'https://inventory.dearsystems.com/AccountMappingX',
    // Invented earlier, unsourced: no route claims them (their pages are recognised by what they show).
    'https://inventory.dearsystems.com/AccountMapping',
    'https://inventory.dearsystems.com/ChartOfAccounts',
    'https://inventory.dearsystems.com/GeneralSettings',
    'https://inventory.dearsystems.com/ProductList',
    'https://inventory.dearsystems.com/PurchaseList',
    'https://inventory.dearsystems.com/Sale/Download?id=1',
  ])('nothing but isEveryPage-by-host matches %s', (url) => {
    for (const [name, detect] of Object.entries(detectors)) {
      if (name === 'isEveryPage') continue;
      expect(detect(url), name).toBe(false);
    }
  });
});

describe('recordIdFromUrl', () => {
  const id = '6a1f7bd0-2c3e-4d5f-8a9b-0c1d2e3f4a5b';
  it.each([
    [`https://inventory.dearsystems.com/Sale#${id}`, id],
    [`https://inventory.dearsystems.com/Sale#${id}~tabOrder`, id],
    [`https://inventory.dearsystems.com/Customer#/${id}`, id],
    [`https://inventory.dearsystems.com/Customer#guid=${id}`, id],
    [`https://inventory.dearsystems.com/Product#${id}&mg-target=product:ABC`, id],
    [`https://inventory.dearsystems.com/Product#mg-target=product:ABC&${id}`, id],
    ['https://inventory.dearsystems.com/Sale', null],
    ['https://inventory.dearsystems.com/Sale#', null],
    ['https://inventory.dearsystems.com/Sale#mg-target=sale:1', null],
    ['https://inventory.dearsystems.com/Sale#<script>', null],
  ])('%s → %s', (url, expected) => expect(routes.recordIdFromUrl(url)).toBe(expected));

  it('recordFromUrl names the kind', () => {
    expect(routes.recordFromUrl(`https://inventory.dearsystems.com/Purchase#${id}`)).toEqual({ kind: 'purchase', id });
    expect(routes.recordFromUrl(`https://inventory.dearsystems.com/Supplier#${id}`)).toEqual({ kind: 'supplier', id });
    expect(routes.recordFromUrl('https://inventory.dearsystems.com/SaleList')).toBeNull();
  });
});
