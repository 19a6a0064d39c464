import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeFirstIssue, describeReceived, valueAt } from '../../../utils/schemas/issues';
import { cin7ErrorBodySchema, cin7Envelopes } from '../../../utils/schemas/cin7';

const firstMessage = (schema: z.ZodType, input: unknown, root = 'body') => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return describeFirstIssue(result.error, input, root);
};

describe('describeReceived', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [[], 'an array'],
    [{}, 'an object'],
    ['x', 'a string'],
    [1, 'a number'],
    [Number.NaN, 'NaN'],
    [false, 'a boolean'],
  ])('%j → %s', (value, text) => {
    expect(describeReceived(value)).toBe(text);
  });
});

describe('valueAt', () => {
  it('follows object keys and array indexes, and stops at anything else', () => {
    const data = { a: [{ b: 1 }] };
    expect(valueAt(data, ['a', 0, 'b'])).toBe(1);
    expect(valueAt(data, ['a', 3, 'b'])).toBeUndefined();
    expect(valueAt(data, ['a', 0, 'b', 'c'])).toBeUndefined();
  });
});

describe('describeFirstIssue', () => {
  it('names the path and the types for a type mismatch', () => {
    expect(firstMessage(cin7Envelopes.products, { Products: [{ SKU: 'A' }, { SKU: 7 }] }, 'cin7 products')).toEqual({
      path: 'Products.1.SKU',
      message: 'Products.1.SKU: expected a string, received a number',
    });
  });

  it('uses the root label when the root itself is wrong', () => {
    expect(firstMessage(cin7Envelopes.products, 'oops', 'cin7 products').message).toBe(
      'cin7 products: expected an object, received a string',
    );
  });

  it('falls back to zod\'s own wording, lower-cased, for checks other than types', () => {
    const { message } = firstMessage(z.object({ list: z.array(z.string()).min(1) }), { list: [] });
    expect(message).toMatch(/^list: too small: expected array to have >=1 items?$/);
  });

  it('names the alternatives of a union when the value matches none of their types', () => {
    expect(firstMessage(cin7ErrorBodySchema, 5).message).toBe('body: expected an object or an array, received a number');
  });

  it('follows the union branch that got furthest into the value', () => {
    expect(firstMessage(cin7ErrorBodySchema, { ErrorCode: 'x' })).toEqual({
      path: 'ErrorCode',
      message: 'ErrorCode: expected a number, received a string',
    });
    expect(firstMessage(cin7ErrorBodySchema, [{ ErrorCode: 'x' }]).message).toBe(
      '0.ErrorCode: expected a number, received a string',
    );
  });
});
