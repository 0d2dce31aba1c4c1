// The redaction rules one by one, on fixtures built in memory.
import { describe, expect, it } from 'vitest';
import { assertNoSecrets, REDACTED, REDACTED_EMAIL, redactFixture, redactText } from '../src/redact.mjs';

const fixture = (request, response = { status: 200, headers: {}, body: {} }) => ({
  operationId: 'op',
  case: 'c',
  source: 's',
  request: { method: 'GET', path: '/v2/x', query: {}, headers: {}, ...request },
  response,
});

describe('redactFixture', () => {
  it('replaces credential headers whole, in requests and responses, whatever their case', () => {
    const out = redactFixture(
      fixture(
        {
          headers: {
            'X-Auth-Token': 't1',
            Authorization: 'SDK-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=00',
            'x-security-token': 's',
            'x-domain-id': 'd',
          },
        },
        { status: 200, headers: { 'x-subject-token': 'st', 'set-cookie': 'c=1' } },
      ),
    );
    expect(Object.values(out.request.headers)).toEqual([REDACTED, REDACTED, REDACTED, REDACTED]);
    expect(Object.values(out.response.headers)).toEqual([REDACTED, REDACTED]);
  });

  it('replaces known secret values wherever they appear, longest first', () => {
    const out = redactFixture(
      fixture({ path: '/v2/tok-123456/x', query: { q: 'tok-123456' } }, { status: 200, headers: {}, body: { text: 'key tok-123456789' } }),
      ['tok-123456', 'tok-123456789'],
    );
    expect(JSON.stringify(out)).not.toContain('tok-1');
    expect(out.response.body.text).toBe(`key ${REDACTED}`);
  });

  it('replaces e-mail addresses and phone numbers inside any text, keeping their shape', () => {
    const out = redactFixture(fixture({ query: { contact_value: 'ann@corp.example.org', search: 'call +86 138-0013-8000' } }));
    expect(out.request.query).toEqual({ contact_value: REDACTED_EMAIL, search: 'call +00 000-0000-0000' });
  });

  it('leaves numbers that are not phone numbers alone (timestamps, IDs)', () => {
    const body = { create_time: '1594296177490', incident_id: 'CS20240101000001', area_code: '86' };
    expect(redactFixture(fixture({ body })).request.body).toEqual(body);
  });

  it('masks phone fields, verification codes and passwords by their field names', () => {
    const out = redactFixture(
      fixture({ body: { remindMobile: '12-34', verify_code: 'a1B2c3', host: { password: 'pw' }, need_verify_code: true } }),
    );
    expect(out.request.body).toEqual({
      remindMobile: '00-00',
      verify_code: 'x0x0x0',
      host: { password: REDACTED },
      need_verify_code: true,
    });
  });

  it('redacts JSON text inside a string field by field', () => {
    const out = redactFixture(fixture({ body: { form_data: '{"verify_code":"123456","mail":"x@y.example.com"}' } }));
    expect(JSON.parse(out.request.body.form_data)).toEqual({ verify_code: '000000', mail: REDACTED_EMAIL });
  });

  it('redacts an AK/SK Authorization value quoted in text', () => {
    const out = redactFixture(
      fixture(
        {},
        { status: 401, headers: {}, body: { msg: 'bad SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=abc123 here' } },
      ),
    );
    expect(out.response.body.msg).toBe(`bad ${REDACTED} here`);
  });

  it('does not change the fixture it is given', () => {
    const original = fixture({ headers: { 'x-auth-token': 't' } });
    redactFixture(original, ['t']);
    expect(original.request.headers['x-auth-token']).toBe('t');
  });
});

describe('assertNoSecrets', () => {
  it('throws when a secret is still there, without saying the secret', () => {
    expect(() => assertNoSecrets('{"a":"the-secret-value"}', ['other', 'the-secret-value'])).toThrow(/secret #2 of 2/);
    try {
      assertNoSecrets('{"a":"the-secret-value"}', ['the-secret-value']);
    } catch (error) {
      expect(error.message).not.toContain('the-secret-value');
    }
  });

  it('passes text without the secrets', () => {
    expect(() => assertNoSecrets('{"a":"[REDACTED]"}', ['the-secret-value'])).not.toThrow();
  });
});

describe('redactText', () => {
  it('redacts a message as it would a fixture string', () => {
    expect(redactText('GET http://h/x?contact_value=ann@corp.example.org failed; token tok-1', ['tok-1'])).toBe(
      `GET http://h/x?contact_value=${REDACTED_EMAIL} failed; token ${REDACTED}`,
    );
  });
});

// Every rule runs on what a hostile server sends. Before the patterns were bounded, 160 K letters took the
// e-mail rule 44 s and a field name of 50 K `verif` took the verification-code rule 1.5 s (both quadratic).
describe('hostile input: each rule is linear in its input', () => {
  const MB = 1 << 20;
  const timed = (run) => {
    const started = performance.now();
    const out = run();
    return { out, ms: performance.now() - started };
  };

  it.each([
    ['a run of letters with no @', 'a'.repeat(MB)],
    ['a@ repeated', 'a@'.repeat(MB / 2)],
    ['a@a. repeated', 'a@a.'.repeat(MB / 4)],
    ['x@ then a. repeated', `x@${'a.'.repeat(MB / 2)}`],
    ['@ then 70 letters, repeated', `@${'a'.repeat(70)}`.repeat(MB / 71)],
    ['a signature prefix then spaces', `SDK-HMAC-SHA256${' '.repeat(MB)}`],
    ['signature prefixes repeated', 'SDK-HMAC-SHA256 Access=x '.repeat(MB / 25)],
    ['+1 repeated', '+1 '.repeat(MB / 3)],
    ['digits', '1'.repeat(MB)],
  ])('1 MB of %s is redacted well under 2 s', (_, text) => {
    const { ms } = timed(() => redactText(text, ['a-known-secret-value']));
    expect(ms).toBeLessThan(2_000);
  });

  it('a 1 MB field name is judged well under 2 s, in a body and as a header', () => {
    const name = 'verif'.repeat(MB / 5);
    const { out, ms } = timed(() =>
      redactFixture(fixture({ headers: { [name]: 'v' } }, { status: 200, headers: {}, body: { [name]: 'abc123', mobile: '13812345678' } })),
    );
    expect(ms).toBeLessThan(2_000);
    expect(out.response.body.mobile).toBe('00000000000');
  });

  it('still redacts the addresses the bounded rule is for', () => {
    const local = 'x'.repeat(64);
    expect(redactText(`to ${local}@mail.corp.example.com, cc a.b+c@d-e.example.co.uk.`)).toBe(
      `to ${REDACTED_EMAIL}, cc ${REDACTED_EMAIL}.`,
    );
    expect(redactText('mail=ann_o@example.org;')).toBe(`mail=${REDACTED_EMAIL};`);
  });
});
