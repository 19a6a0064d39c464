// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain, MAX_EXPLAIN_TEXT, normaliseErrorText, parseErrorDate } from '@/utils/explain';

describe('normaliseErrorText', () => {
  it('decodes entities (also escaped twice), drops tags, straightens quotes and collapses spacing', () => {
    expect(normaliseErrorText('<p>Account&nbsp;code &amp;#39;200&amp;#39;<br/>is &quot;x&quot; &#8217;y&#x2019; &lt;b&gt;</p>')).toBe(`Account code '200' is "x" 'y' <b>`);
    expect(normaliseErrorText('  a\r\n\t b\u200b  ')).toBe('a b');
  });

  it('leaves unknown entities as they are', () => {
    expect(normaliseErrorText('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;');
  });
});

describe('parseErrorDate', () => {
  it.each([
    ['30-Nov-2018', '2018-11-30'],
    ['30 Nov 2018', '2018-11-30'],
    ['30 November 2018', '2018-11-30'],
    ['30th Nov. 2018', '2018-11-30'],
    ['Nov 30, 2018', '2018-11-30'],
    ['2018-11-30', '2018-11-30'],
    ['2018-11-30T00:00:00', '2018-11-30'],
    ['30/11/2018', '2018-11-30'],
    ['11/30/2018', '2018-11-30'],
    ['29-Feb-2024', '2024-02-29'],
  ])('%s → %s', (text, day) => {
    expect(parseErrorDate(text)).toBe(day);
  });

  it.each(['29-Feb-2023', '03/04/2018', '2018-13-01', '30-Nvm-2018', '31 Novel 2018', 'yesterday'])('%s → null', (text) => {
    expect(parseErrorDate(text)).toBeNull();
  });
});

describe('explain on any text', () => {
  // Without angle brackets around it: `<a … >` around the error is a tag, as in HTML, and is dropped.
  const words = fc.string().map((text) => text.replace(/[<>]/g, ''));
  it('never throws, and finds a known error inside any surrounding words', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (first, second) => {
        expect(() => explain(first + second)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(words, words, (before, after) => {
        const text = `${before} Organisation is not subscribed to currency SGD. ${after}`;
        expect(explain(text).matches.map((match) => match.cause)).toContain('currency-not-enabled');
      }),
      { numRuns: 300 },
    );
  });

  it('reads long texts only up to its limit', () => {
    const text = `${'x'.repeat(MAX_EXPLAIN_TEXT)} Invoice not of valid status for modification`;
    expect(explain(text).matches).toEqual([]);
  });
});
