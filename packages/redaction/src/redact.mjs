// Takes secrets and personal data out of a recorded exchange, in memory, before it is written.
// Headers that carry credentials are replaced whole; known secret values (the token, AK, SK...) are
// replaced wherever they appear; e-mail addresses, phone numbers, verification codes and passwords are
// replaced by placeholders of the same shape, so the fixture still validates against the spec.

/** What replaces a credential. */
export const REDACTED = '[REDACTED]';
/** What replaces an e-mail address. */
export const REDACTED_EMAIL = 'redacted@example.com';

// Credentials (X-Auth-Token, AK/SK signature, temporary-credential token, IAM's token header), the
// account ID that AK/SK requests carry, and cookies.
const SECRET_HEADERS = new Set([
  'x-auth-token',
  'authorization',
  'x-security-token',
  'x-subject-token',
  'x-domain-id',
  'cookie',
  'set-cookie',
]);

// Every pattern here runs on text a hostile server may send (a body, a header, a field name), so each is
// linear in its input: a match can only start where the text could begin one (a literal, or the start of a
// run, by a lookbehind), and every repetition that could be retried is bounded.
// An AK/SK Authorization value quoted anywhere (an echo, a log line in a body).
const SIGNATURE = /SDK-HMAC-SHA256\s+Access=\S+(\s+SignedHeaders=\S+)?(\s+Signature=[0-9A-Fa-f]+)?/g;
// An address: a local part of at most 64 characters (RFC 5321) starting where a run of such characters
// starts, then up to ten labels of at most 63. The old unbounded form tried every position of a long run
// of letters up to its end: quadratic (160 K characters took 44 s).
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
// International numbers written with a leading +, and Chinese mobile numbers (11 digits starting 13-19)
// standing alone - not the middle of a longer number such as a millisecond timestamp.
const PHONE = /\+\d[\d -]{6,18}\d|(?<!\d)1[3-9]\d{9}(?!\d)/g;
const PASSWORD_FIELD = /passw(or)?d|pwd|secret|token|access_?key|secret_?key|^ak$|^sk$/i;
// Bounded: `verif\w*code` retried every `verif` of a long name to its end (quadratic).
const VERIFICATION_CODE_FIELD = /verif\w{0,32}code/i;
// remind_mobile, remindMobile, phone, tel - and contact_value, which holds a phone number or an e-mail.
const PHONE_FIELD = /(mobile|phone|^tel)$|contact_?value/i;

const maskDigits = (text) => text.replace(/\d/g, '0');
const maskCode = (text) => text.replace(/\d/g, '0').replace(/[A-Za-z]/g, 'x');

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** JSON text inside a string (OSM's `form_data`, an echoed body), parsed; undefined when it is none. */
function embeddedJson(text) {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Replaces every known secret value, e-mail address and phone number inside a string; JSON text is
 * redacted field by field, as if it were part of the body.
 */
function scrubText(text, secretPattern) {
  const json = embeddedJson(text);
  if (json !== undefined) return JSON.stringify(scrubValue(json, undefined, secretPattern));
  let out = text.replace(SIGNATURE, REDACTED);
  if (secretPattern) out = out.replace(secretPattern, REDACTED);
  out = out.replace(EMAIL, REDACTED_EMAIL);
  return out.replace(PHONE, maskDigits);
}

/** A string value, judged also by the name of the field (or parameter) that holds it. */
function scrubField(name, value, secretPattern) {
  if (typeof name === 'string') {
    if (PASSWORD_FIELD.test(name)) return REDACTED;
    if (VERIFICATION_CODE_FIELD.test(name)) return maskCode(value);
    if (PHONE_FIELD.test(name)) return maskDigits(scrubText(value, secretPattern));
  }
  return scrubText(value, secretPattern);
}

function scrubValue(value, name, secretPattern) {
  if (typeof value === 'string') return scrubField(name, value, secretPattern);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, name, secretPattern));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, scrubValue(child, key, secretPattern)]));
  }
  return value;
}

function scrubHeaders(headers, secretPattern) {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [
      name,
      SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : scrubField(name, value, secretPattern),
    ]),
  );
}

/**
 * A text (an error message, a log line) with the same replacements as a fixture's strings.
 * @param {string} text
 * @param {readonly string[]} [secrets] values known to be secret, replaced wherever they occur
 * @returns {string}
 */
export function redactText(text, secrets = []) {
  return scrubText(text, secretPatternOf(knownSecrets(secrets)));
}

function knownSecrets(secrets) {
  return [...new Set(secrets.filter((s) => typeof s === 'string' && s.length > 0))].sort((a, b) => b.length - a.length);
}

function secretPatternOf(known) {
  return known.length ? new RegExp(known.map(escapeRegExp).join('|'), 'g') : undefined;
}

/**
 * Returns a copy of a fixture with secrets and personal data replaced. `secrets` are values known to be
 * secret (token, AK, SK, security token, account ID); they are replaced wherever they occur.
 * Throws if, after redaction, any of them could still be found - so a miss stops the write.
 * @template {{ request: { path: string, query?: object, headers: Record<string, string>, body?: unknown }, response: { headers: Record<string, string>, body?: unknown, bodyEncoding?: string } }} Fixture
 * @param {Fixture} fixture a recorded exchange in the contract tests' fixture format
 * @param {readonly string[]} [secrets]
 * @returns {Fixture}
 */
export function redactFixture(fixture, secrets = []) {
  const known = knownSecrets(secrets);
  const secretPattern = secretPatternOf(known);
  const { request, response } = fixture;
  const redacted = {
    ...fixture,
    request: {
      ...request,
      path: scrubText(request.path, secretPattern),
      query: scrubValue(request.query ?? {}, undefined, secretPattern),
      headers: scrubHeaders(request.headers, secretPattern),
      ...(request.body === undefined ? {} : { body: scrubValue(request.body, undefined, secretPattern) }),
    },
    response: {
      ...response,
      headers: scrubHeaders(response.headers, secretPattern),
      // A binary body is bytes, not text: scrubbing it as text could only corrupt it (see record.mjs).
      ...(response.body === undefined || response.bodyEncoding === 'base64'
        ? {}
        : { body: scrubValue(response.body, undefined, secretPattern) }),
    },
  };
  assertNoSecrets(JSON.stringify(redacted), known);
  return redacted;
}

/**
 * Throws when a known secret (or its base64 form) is in `text`. Says which kind, never the value.
 * @param {string} text
 * @param {readonly string[]} secrets
 * @returns {void}
 */
export function assertNoSecrets(text, secrets) {
  for (const [index, secret] of secrets.entries()) {
    const forms = [secret, Buffer.from(secret).toString('base64')];
    if (forms.some((form) => form.length >= 4 && text.includes(form))) {
      throw new Error(`redaction failed: secret #${index + 1} of ${secrets.length} is still in the fixture; nothing was written`);
    }
  }
}
