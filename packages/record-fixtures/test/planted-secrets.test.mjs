// The recorder's promise: no secret and no personal data reaches a fixture file. A local server plays
// a leaky OSM (it echoes credentials and personal data back, in headers and body); calls carrying
// planted secrets are recorded through the real client, with a token and with AK/SK signing, and the
// files written are searched for every planted value.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixture } from '@osm-openapi/fixture-format/write';
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCalls } from '../src/record.mjs';

const planted = {
  token: 'MIIPAgYJKoZIhvcNAQcCoIIO8zCCDu8CAQExDTALBglghkgBZQMEAgEwgg-planted-token',
  accessKey: 'HPUAPLANTEDACCESSKEY1',
  secretKey: 'PlantedSecretKey0123456789abcdefghijklmn',
  domainId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  securityToken: 'gQpjbi1ub3J0aC00PLANTEDSECURITYTOKEN',
  subjectToken: 'MIIsubjectTokenFromIamPlanted',
  mobile: '13912345678',
  internationalPhone: '+44 20 7946 0958',
  email: 'alice.wong@corp.example.org',
  otherEmail: 'bob.li@mail.example.net',
  verifyCode: '482913',
  password: 'hunter2-Planted!',
};

/** The secret the leaky server puts into its next answers' text (as if OSM logged it back). */
let leakedSecret = '';

/** A server that leaks: it answers every request with the credentials it got and personal data. */
function startLeakyServer() {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url.startsWith('/v2/servicerequest/accessorys/')) {
        // A downloaded file full of personal data.
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="contacts.csv"' });
        res.end(`name,mobile,mail\nAlice,${planted.mobile},${planted.email}\n`);
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-subject-token': planted.subjectToken,
        'set-cookie': `session=${planted.token}`,
        'x-request-id': 'req-1',
      });
      res.end(
        JSON.stringify({
          echoed_credentials: [
            req.headers.authorization,
            req.headers['x-auth-token'],
            req.headers['x-security-token'],
            req.headers['x-domain-id'],
          ],
          echoed_body: body,
          remind_mobile: planted.mobile,
          remind_mail: planted.email,
          verify_code: planted.verifyCode,
          password: planted.password,
          note: `call ${planted.internationalPhone} or write to ${planted.otherEmail}; debug: ${leakedSecret}`,
        }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const calls = [
  {
    operationId: 'createCases',
    case: 'planted',
    params: { header: { 'x-phone-verifiedid': 'v-1' } },
    body: {
      business_type_id: '123',
      simple_description: `Please call ${planted.mobile} or mail ${planted.email}`,
      source_id: '123',
      remind_mobile: planted.mobile,
      remind_mail: planted.email,
      verify_code: planted.verifyCode,
    },
  },
  { operationId: 'checkNeedVerify', case: 'planted', params: { query: { contact_value: planted.email, contact_way: 1 } } },
  {
    operationId: 'checkHosts',
    case: 'planted',
    params: { path: { authorization_detail_id: 1 } },
    body: { port: 22, account: 'root', password: planted.password },
  },
  { operationId: 'downloadAccessories', case: 'planted', params: { path: { accessory_id: 'contacts-1' } } },
];

describe('recording against a server that leaks secrets', () => {
  let server;
  let baseUrl;
  const dirs = [];
  beforeAll(async () => {
    server = await startLeakyServer();
    baseUrl = `http://127.0.0.1:${server.address().port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function recordTo(auth, secrets, leak) {
    leakedSecret = leak;
    const dir = mkdtempSync(join(tmpdir(), 'record-fixtures-'));
    dirs.push(dir);
    for await (const fixture of recordCalls({ calls, baseUrl, auth, secrets, spec: loadSpec() })) writeFixture(dir, fixture);
    return readdirSync(dir).flatMap((op) => readdirSync(join(dir, op)).map((f) => readFileSync(join(dir, op, f), 'utf8')));
  }

  /** Every planted value except those the client never had in this run (it cannot know them). */
  function expectNothingPlanted(texts, notUsed) {
    expect(texts).toHaveLength(calls.length);
    for (const text of texts) {
      const { response } = JSON.parse(text);
      const decoded = response.bodyEncoding === 'base64' ? Buffer.from(response.body, 'base64').toString('utf8') : '';
      for (const [name, value] of Object.entries(planted)) {
        if (!notUsed.includes(name)) expect(decoded.includes(value), `planted ${name} is in a fixture's binary body`).toBe(false);
        if (!notUsed.includes(name)) expect(text.includes(value), `planted ${name} is in a fixture`).toBe(false);
      }
      expect(text, 'an AK/SK signature is in a fixture').not.toMatch(/Signature=/);
    }
  }

  it('with a token: writes the fixtures, and none holds a planted value', async () => {
    const texts = await recordTo({ token: planted.token }, [planted.token], `token=${planted.token}`);
    expectNothingPlanted(texts, ['accessKey', 'secretKey', 'domainId', 'securityToken']);
    const fixture = JSON.parse(texts.find((t) => t.includes('"createCases"')));
    expect(fixture.request.headers['x-auth-token']).toBe('[REDACTED]');
    expect(fixture.response.headers['x-subject-token']).toBe('[REDACTED]');
    expect(fixture.request.body.remind_mail).toBe('redacted@example.com');
    expect(fixture.request.body.remind_mobile).toBe('00000000000');
    expect(fixture.request.body.verify_code).toBe('000000');
    expect(fixture.request.headers['x-phone-verifiedid']).toBe('v-1');
    expect(fixture.response.headers['x-request-id']).toBe('req-1');
  });

  it('with AK/SK and a security token: writes the fixtures, and none holds a planted value', async () => {
    const { accessKey, secretKey, domainId, securityToken } = planted;
    const texts = await recordTo(
      { accessKey, secretKey, domainId, securityToken },
      [accessKey, secretKey, domainId, securityToken],
      `sk=${secretKey}`,
    );
    expectNothingPlanted(texts, ['token']);
    const fixture = JSON.parse(texts.find((t) => t.includes('"checkHosts"')));
    expect(fixture.request.headers.authorization).toBe('[REDACTED]');
    expect(fixture.request.headers['x-security-token']).toBe('[REDACTED]');
    expect(fixture.request.headers['x-domain-id']).toBe('[REDACTED]');
    expect(fixture.request.body.password).toBe('[REDACTED]');
  });

  it('keeps no downloaded file from a real endpoint, only a note of its size', async () => {
    const texts = await recordTo({ token: planted.token }, [planted.token], '');
    const download = JSON.parse(texts.find((t) => t.includes('"downloadAccessories"')));
    expect(download.response.bodyEncoding).toBe('base64');
    const size = Buffer.byteLength(`name,mobile,mail\nAlice,${planted.mobile},${planted.email}\n`);
    expect(Buffer.from(download.response.body, 'base64').toString('utf8')).toBe(
      `binary body of ${size} bytes, not kept: it may hold personal data`,
    );
    expect(download.response.headers['content-disposition']).toBe('attachment; filename="contacts.csv"');
  });
});
