// The authentication guide's curl for an IAM token, run as the guide shows it against a stand-in for IAM on
// 127.0.0.1: it must send the password request scoped to the account, and keep only the X-Subject-Token.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const guide = readFileSync(new URL('../../guides/02-authentication.md', import.meta.url), 'utf8');
const IAM = 'https://iam.myhuaweicloud.com';
const TOKEN = 'MIIstand-in-token';

describe("the authentication guide's token request", () => {
  let server;
  let received;
  let dir;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osm-iam-'));
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received = { method: req.method, url: req.url, type: req.headers['content-type'], body: null };
        try {
          received.body = JSON.parse(body);
        } catch {
          res.writeHead(400).end('{"error":{"message":"The request body is not JSON."}}');
          return;
        }
        res.writeHead(201, { 'X-Subject-Token': TOKEN, 'Content-Type': 'application/json' });
        res.end('{"token":{"expires_at":"2026-01-02T00:00:00Z"}}');
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks IAM for a token scoped to the account and saves only the token', async () => {
    const block = [...guide.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]).find((b) => b.includes('/v3/auth/tokens'));
    expect(block, 'no curl for /v3/auth/tokens in docs/guides/02-authentication.md').toBeTruthy();
    const script = `set -euo pipefail\n${block.replace(IAM, `http://127.0.0.1:${server.address().port}`)}\necho "token=$OSM_TOKEN"`;
    const env = { ...process.env, IAM_USER: 'ticket-bot', IAM_PASSWORD: 'pa$$ word"', HUAWEICLOUD_ACCOUNT: 'my-account' };
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: dir, env });
    expect(stdout.trim()).toBe(`token=${TOKEN}`);
    expect(readFileSync(join(dir, 'iam-token'), 'utf8').trim()).toBe(TOKEN);
    expect(received).toMatchObject({ method: 'POST', url: '/v3/auth/tokens', type: 'application/json' });
    expect(received.body.auth.identity.password.user).toEqual({
      name: 'ticket-bot',
      password: 'pa$$ word"',
      domain: { name: 'my-account' },
    });
    expect(received.body.auth.scope).toEqual({ domain: { name: 'my-account' } });
  });
});
