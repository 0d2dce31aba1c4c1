// A loopback API gateway whose clock is 20 minutes off ours, and which - like Huawei's - refuses an
// AK/SK request whose X-Sdk-Date is more than 15 minutes from its own time. The client reads the
// gateway's Date from the 401, signs again with the gateway's time, sends once more, and keeps the
// correction for the requests after. Signatures are checked with the independent verifier.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { akSkAuth, createOsmClient } from '../../src/index.js';
import { type LoopbackServer, type Received, sendJson, startLoopback } from '../security/loopback.js';
import { canonicalRequestOf, expectedAuthorization } from './verifier.js';

const AK = 'HPUASKEWEDCLOCKAK0001';
const SK = 'sk-skewed-clock-0123456789abcdef';
const GATEWAY_LIMIT_MS = 15 * 60 * 1000;

let gateway: LoopbackServer;
beforeAll(async () => {
  gateway = await startLoopback();
});
beforeEach(() => {
  gateway.received.splice(0);
});
afterAll(() => gateway.close());

/** `YYYYMMDDTHHMMSSZ` as a time, or NaN. */
function parseSdkDate(text: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) : Number.NaN;
}

/**
 * Whether the gateway takes `request`: a valid signature over the headers it names (fetch adds others,
 * such as Accept-Encoding, that are not signed), and a date within 15 minutes of the gateway's clock.
 */
function accepted(request: Received, secretKey: string, gatewayNow: number): boolean {
  const named = /SignedHeaders=([^,\s]+)/.exec(request.headers.get('authorization') ?? '')?.[1]?.split(';') ?? [];
  const headers = new Headers([...request.headers].filter(([name]) => named.includes(name) || name === 'authorization'));
  const { text, signedHeaders } = canonicalRequestOf({ ...request, headers, url: `${gateway.origin}${request.url}` });
  const date = request.headers.get('x-sdk-date') ?? '';
  const signed = request.headers.get('authorization') === expectedAuthorization(text, signedHeaders, date, AK, secretKey);
  return signed && Math.abs(parseSdkDate(date) - gatewayNow) <= GATEWAY_LIMIT_MS;
}

function gatewayWithClock(offsetMs: number, secretKey = SK): void {
  gateway.handle((request, response) => {
    const now = Date.now() + offsetMs;
    const date = { Date: new Date(now).toUTCString() };
    if (accepted(request, secretKey, now)) sendJson(response, 200, { regions: [] }, date);
    else
      sendJson(
        response,
        401,
        { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail' },
        date,
      );
  });
}

const newClient = () =>
  createOsmClient({ baseUrl: gateway.origin, auth: akSkAuth({ accessKey: AK, secretKey: SK, domainId: 'd' }), retry: false });

describe.each([
  ['20 minutes ahead', 20 * 60 * 1000],
  ['20 minutes behind', -20 * 60 * 1000],
])('a gateway whose clock is %s', (_, offsetMs) => {
  test('the refused request is signed again with its time and answered; later requests keep the correction', async () => {
    gatewayWithClock(offsetMs);
    const client = newClient();

    const first = await client.GET('/v2/servicerequest/config/regions');
    expect(first.data).toEqual({ regions: [] });
    expect(gateway.received).toHaveLength(2);
    const [refused, resent] = gateway.received.map((request) => parseSdkDate(request.headers.get('x-sdk-date') ?? ''));
    // The second date is the gateway's time, to within the second resolution and the time the test takes.
    expect(Math.abs(resent! - refused! - offsetMs)).toBeLessThan(60_000);

    const second = await client.GET('/v2/servicerequest/config/regions');
    expect(second.data).toEqual({ regions: [] });
    expect(gateway.received).toHaveLength(3);
  });
});

test('a 401 from a gateway whose clock agrees with ours is the answer: nothing is sent again', async () => {
  gatewayWithClock(0, 'another-secret-key');
  const { error } = await newClient().GET('/v2/servicerequest/config/regions');
  expect(error?.code).toBe('APIGW.0301');
  expect(gateway.received).toHaveLength(1);
});

test('a gateway that is off and refuses the signature anyway: sent once more, then its 401 is the answer', async () => {
  gatewayWithClock(20 * 60 * 1000, 'another-secret-key');
  const { error } = await newClient().GET('/v2/servicerequest/config/regions');
  expect(error?.httpStatus).toBe(401);
  expect(gateway.received).toHaveLength(2);
});
