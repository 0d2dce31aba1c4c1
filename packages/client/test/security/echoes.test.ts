// A hostile OSM echoes back every credential it received - as sent and in every encoding a server might
// use - in every place an error is made from: error_msg, error_code, request_id, the X-Request-Id header,
// the status text, an HTML 200 body. No error may carry any of them, in any form, and what OSM said
// around them must still be there.
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { akSkAuth, createOsmClient, iamPasswordAuth, type OsmAuthOption, OsmError, OsmNetworkError } from '../../src/index.js';
import { type LoopbackServer, type Received, sendJson, startLoopback } from './loopback.js';
import { expectNoneOf, expectNothingLeaks, SECRETS, watchConsole } from './secrets.js';

const console_ = watchConsole();
let osm: LoopbackServer;
let iam: LoopbackServer;

beforeAll(async () => {
  [osm, iam] = await Promise.all([startLoopback(), startLoopback()]);
  iam.handle((_, response) => sendJson(response, 201, { token: {} }, { 'X-Subject-Token': SECRETS.iamToken }));
});
afterAll(async () => {
  expectNoneOf(SECRETS_SENT, console_.lines());
  await Promise.all([osm.close(), iam.close()]);
});

const ACCESS_KEY = 'HPUAPLANTEDACCESSKEY01';

const AUTHS: [string, () => OsmAuthOption][] = [
  ['token', () => ({ token: SECRETS.token })],
  [
    'AK/SK with a security token',
    () => akSkAuth({ accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey, domainId: 'd', securityToken: SECRETS.securityToken }),
  ],
  ['IAM password', () => iamPasswordAuth({ userName: 'bot', password: SECRETS.password, domainName: 'acme', endpoint: iam.origin })],
];

/** Every credential value a request carried: the token, the whole Authorization, its AK and signature, the security token. */
function credentialsIn(request: Received): string[] {
  const values = ['x-auth-token', 'authorization', 'x-security-token'].map((name) => request.headers.get(name) ?? '');
  const authorization = request.headers.get('authorization') ?? '';
  for (const [, part = ''] of authorization.matchAll(/(?:Access|Signature)=([^,\s]+)/g)) values.push(part);
  return values.filter((value) => value !== '');
}

/** Every credential any request of this file carried, for the console check. */
const SECRETS_SENT = new Set<string>();

const base64 = (text: string) => Buffer.from(text).toString('base64');
const ENCODINGS: [string, (secret: string) => string][] = [
  ['as sent', (secret) => secret],
  ['upper case', (secret) => secret.toUpperCase()],
  ['lower case', (secret) => secret.toLowerCase()],
  ['URI-encoded', (secret) => encodeURIComponent(secret)],
  ['form-encoded', (secret) => encodeURIComponent(secret).replace(/%20/g, '+')],
  ['JSON-escaped twice', (secret) => JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/')],
  ['Base64', base64],
  ['Base64url', (secret) => Buffer.from(secret).toString('base64url')],
  ['hex', (secret) => Buffer.from(secret).toString('hex')],
  ['upper-case hex', (secret) => Buffer.from(secret).toString('hex').toUpperCase()],
  // Base64 of a longer text: the secret's bytes land at another alignment than 0.
  ['inside Base64 of a sentence, shifted one byte', (secret) => base64(`x${secret}!`)],
  ['inside Base64 of a sentence, shifted two bytes', (secret) => base64(`xy${secret}!`)],
];

type Place = (response: ServerResponse, status: number, echo: string) => void;
const PLACES: [string, number[], Place][] = [
  [
    'error_msg',
    [200, 400, 401, 500],
    (response, status, echo) => sendJson(response, status, { error_code: 'OSM.0002', error_msg: `rejected [${echo}] for this call` }),
  ],
  [
    'error_code',
    [200, 400, 401, 500],
    (response, status, echo) => sendJson(response, status, { error_code: `E[${echo}]`, error_msg: 'rejected' }),
  ],
  [
    'request_id',
    [200, 400, 401, 500],
    (response, status, echo) => sendJson(response, status, { error_code: 'OSM.0002', error_msg: 'rejected', request_id: echo }),
  ],
  [
    'the X-Request-Id header',
    [200, 400, 401, 500],
    (response, status, echo) => sendJson(response, status, { error_code: 'OSM.0002', error_msg: 'rejected' }, { 'X-Request-Id': echo }),
  ],
  [
    'the status text',
    [400, 401, 500],
    (response, status, echo) => {
      response.writeHead(status, `Rejected ${echo}`, { 'Content-Type': 'text/plain' });
      response.end('no');
    },
  ],
  [
    'an HTML 200 body',
    [200],
    (response, status, echo) => {
      response.writeHead(status, { 'Content-Type': 'text/html' });
      response.end(`<html><body><p>Your credential</p><pre>${echo}</pre>${'<p>padding</p>'.repeat(20)}</body></html>`);
    },
  ],
];

/** The Base64 runs of `text`, decoded: a secret hidden in one must not come out readable. */
function decodedBase64Runs(text: string): string[] {
  return [...text.matchAll(/[A-Za-z0-9+/_-]{8,}={0,2}/g)].map(([run]) =>
    Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'),
  );
}

describe.each(AUTHS)('%s', (_, makeAuth) => {
  test.each(PLACES)('echoed in %s: redacted in every encoding and at every status, the rest kept', async (place, statuses, answer) => {
    const client = createOsmClient({ baseUrl: osm.origin, auth: makeAuth(), retry: false });
    for (const status of statuses) {
      for (const [encodingName, encode] of ENCODINGS) {
        let sent: string[] = [];
        osm.handle((request, response) => {
          sent = credentialsIn(request);
          for (const secret of sent) SECRETS_SENT.add(secret);
          answer(response, status, sent.map(encode).join(' | '));
        });
        const { error } = await client.GET('/v2/servicerequest/labels');
        const what = `${place}, HTTP ${status}, ${encodingName}`;
        expect(error, what).toBeInstanceOf(OsmError);
        expect(sent.length, what).toBeGreaterThan(0);
        expectNoneOf(sent, [error]);
        expectNothingLeaks(error);
        for (const decoded of decodedBase64Runs(`${error?.message} ${error?.code} ${error?.requestId}`)) {
          for (const secret of sent) expect(decoded, `${what}: Base64 decoded`).not.toContain(secret.slice(0, 12));
        }
        if (place === 'error_msg') expect(error?.message, what).toMatch(/^rejected \[.*\*\*\*.*\] for this call$/);
        if (place === 'the status text') expect(error?.message, what).toMatch(new RegExp(`^HTTP ${status} Rejected .*\\*\\*\\*`));
        if (place === 'an HTML 200 body') expect(error?.code, what).toBe('CLIENT.INVALID_BODY');
      }
    }
  });
});

test('a fetch whose own error quotes the request it was given: the OsmNetworkError and its cause carry no credential', async () => {
  const client = createOsmClient({
    baseUrl: osm.origin,
    auth: { token: SECRETS.token },
    retry: false,
    fetch: async (request) => {
      const cause = new Error(`socket closed while sending ${request.headers.get('x-auth-token')}`);
      throw new TypeError(`fetch failed for ${base64(request.headers.get('x-auth-token') ?? '')}`, { cause });
    },
  });
  const error = await client.GET('/v2/servicerequest/labels').catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(OsmNetworkError);
  expect((error as Error).message).toContain('socket closed while sending ***');
  expect(((error as Error).cause as Error).cause).toBeInstanceOf(Error);
  expectNothingLeaks(error);
});
