// The canonical forms one by one, on the cases the design names as pitfalls.
import { describe, expect, test } from 'vitest';
import { canonicalQuery, canonicalUri, encodeStrict, sdkDate } from '../../src/auth/aksk-canonical.js';

describe('encodeStrict', () => {
  test("encodes what encodeURIComponent leaves alone: ! ' ( ) *", () => {
    expect(encodeStrict("!'()*")).toBe('%21%27%28%29%2A');
  });
  test('keeps only A-Z a-z 0-9 - _ . ~; a space is %20, never +; UTF-8 with upper-case hex', () => {
    expect(encodeStrict('Az09-_.~')).toBe('Az09-_.~');
    expect(encodeStrict('a b+c/d?e=f&g,h')).toBe('a%20b%2Bc%2Fd%3Fe%3Df%26g%2Ch');
    expect(encodeStrict('€😀')).toBe('%E2%82%AC%F0%9F%98%80');
  });
});

describe('canonicalUri', () => {
  test('decodes, then encodes each segment strictly, and ends with exactly one /', () => {
    expect(canonicalUri('/v2/servicerequest/cases')).toBe('/v2/servicerequest/cases/');
    expect(canonicalUri('/v2/servicerequest/cases/')).toBe('/v2/servicerequest/cases/');
    expect(canonicalUri("/v2/a%20b/(x)*'")).toBe('/v2/a%20b/%28x%29%2A%27/');
    expect(canonicalUri('/v2/%E5%B7%A5')).toBe('/v2/%E5%B7%A5/');
    expect(canonicalUri('/')).toBe('/');
  });
});

describe('canonicalQuery', () => {
  test('sorts by decoded name, not by encoded name', () => {
    // Encoded, "%C3%A9" and "%5B" would come first ('%' is 0x25); decoded, "é" follows "~" and "[" follows "A".
    expect(canonicalQuery('?%C3%A9=1&~=2')).toBe('~=2&%C3%A9=1');
    expect(canonicalQuery('?%5B=1&A=2')).toBe('A=2&%5B=1');
  });
  test("sorts a repeated name's values as strings, not as numbers", () => {
    expect(canonicalQuery('?id=10&id=9&id=100')).toBe('id=10&id=100&id=9');
  });
  test('keeps the = for empty and missing values', () => {
    expect(canonicalQuery('?a=&b')).toBe('a=&b=');
  });
  test('orders by code point, as UTF-8 bytes do, not by UTF-16 code unit', () => {
    // U+FF21 (one UTF-16 unit, EF BC A1) sorts before U+1F600 (a surrogate pair, F0 9F 98 80).
    expect(canonicalQuery('?%F0%9F%98%80=1&%EF%BC%A1=2')).toBe('%EF%BC%A1=2&%F0%9F%98%80=1');
  });
  test('an empty query is empty', () => {
    expect(canonicalQuery('')).toBe('');
  });
});

test('sdkDate is UTC YYYYMMDDTHHMMSSZ', () => {
  expect(sdkDate(new Date('2024-12-31T23:59:58.999Z'))).toBe('20241231T235958Z');
});
