// The secrets planted in every credential, and the search for them: every secret, in every form a
// message could carry it (as is, upper/lower case, URI- and form-encoded, JSON-escaped, Base64, hex),
// in every way a value gets printed (String, message, stack, cause chain, JSON.stringify, util.inspect).
import { inspect } from 'node:util';
import { expect, vi } from 'vitest';

/** Each with characters that encodings change (space, slash, plus, equals, quote, mixed case). */
export const SECRETS = {
  token: 'MIIToken/Planted+Secret=Value9a',
  secretKey: 'SK/Planted+Secret Key=Value7b',
  securityToken: 'SecTok/Planted+Value=Aa44',
  password: 'Pass Word/Planted+"Secret"&=5e',
  iamToken: 'IamIssued/Token+Planted=Ff21',
} as const;

/** The forms a secret can take in text. */
export function forms(secret: string): string[] {
  const variants = [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    encodeURI(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    Buffer.from(secret).toString('hex'),
  ];
  return [...new Set(variants.flatMap((variant) => [variant, variant.toLowerCase(), variant.toUpperCase()]))];
}

const ALL_FORMS = Object.entries(SECRETS).flatMap(([name, secret]) => forms(secret).map((form) => ({ name, form })));

/** Every way `value` gets printed, down its cause chain. */
export function renderings(value: unknown): string[] {
  const texts: string[] = [];
  for (let current: unknown = value, depth = 0; current !== undefined && depth < 10; depth++) {
    const error = current as { message?: unknown; stack?: unknown; cause?: unknown };
    texts.push(String(current), JSON.stringify(current) ?? '', inspect(current, { showHidden: true, depth: Infinity }));
    if (current instanceof Error) texts.push(String(error.message), String(error.stack));
    current = current instanceof Error ? error.cause : undefined;
  }
  return texts;
}

/** Fails naming the secret and the form when any text holds a planted secret in any form. */
export function expectNoSecrets(texts: readonly string[]): void {
  const lowered = texts.map((text) => text.toLowerCase());
  for (const { name, form } of ALL_FORMS) {
    const hit = lowered.findIndex((text) => text.includes(form.toLowerCase()));
    expect(hit === -1 ? undefined : `${name} as ${JSON.stringify(form)} in: ${texts[hit]?.slice(0, 200)}`).toBeUndefined();
  }
}

/** The same, over every rendering of each value (errors, results, inspected objects). */
export function expectNothingLeaks(...values: unknown[]): void {
  expectNoSecrets(values.flatMap(renderings));
}

/** Watches every console method for the whole file; `lines()` is what was printed, rendered. */
export function watchConsole(): { lines(): string[] } {
  const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((level) => vi.spyOn(console, level));
  return {
    lines: () =>
      spies.flatMap((spy) => spy.mock.calls.map((args) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' '))),
  };
}

/** Fails when any rendering of `values` holds one of `secrets` (credentials a test saw sent) in any form. */
export function expectNoneOf(secrets: Iterable<string>, values: readonly unknown[]): void {
  const texts = values.flatMap(renderings).map((text) => text.toLowerCase());
  for (const secret of secrets) {
    for (const form of forms(secret)) {
      const hit = texts.find((text) => text.includes(form.toLowerCase()));
      expect(hit === undefined ? undefined : `${JSON.stringify(form)} in: ${hit.slice(0, 200)}`).toBeUndefined();
    }
  }
}
