import { untilAborted } from '../abortable.js';
import { startDeadline } from '../deadline.js';
import { OsmAuthError, OsmNetworkError } from '../errors.js';
import { BodyTooLarge, readBodyBytes } from '../read-body.js';
import { createRedactor } from '../redaction/redactor.js';
import { requireText } from './credential-check.js';
import { holdingSecrets } from './held-secrets.js';
import type { OsmAuth } from './osm-auth.js';
import { type RefreshableTokenSource, type TokenContext, tokenAuth } from './token.js';

/** What the token is scoped to: a project (by ID or name) or the account (domain, by ID or name). */
export type IamScope = { projectId: string } | { projectName: string } | { domainId: string } | { domainName: string };

/** Options of {@link iamPasswordAuth}. */
export interface IamPasswordOptions {
  /** IAM user name. */
  userName: string;
  /** The user's password. */
  password: string;
  /** Name of the account (domain) the user belongs to. */
  domainName: string;
  /** Token scope. Default: the account, `{ domainName }`. */
  scope?: IamScope;
  /** Region of the IAM endpoint `https://iam.{region}.myhuaweicloud.com`. Default `ap-southeast-3`. */
  region?: string;
  /** IAM base URL, instead of the one `region` gives. */
  endpoint?: string;
  /** Refresh a token this long before it expires. Default 5 minutes. */
  refreshMarginMs?: number;
  /** Limit of one token request. Default 30,000 ms. */
  timeoutMs?: number;
}

/** How long a token lives when IAM's answer does not say (IAM tokens are valid for 24 hours). */
const DEFAULT_TOKEN_LIFE_MS = 24 * 60 * 60 * 1000;

/**
 * Token authentication with an IAM user's password: gets a token from IAM (`POST /v3/auth/tokens`,
 * returned in the `X-Subject-Token` header), caches it until shortly before it expires, and on a 401
 * from OSM gets a new one and sends the request once more. Concurrent requests share one IAM call.
 * The password goes only to the configured endpoint: IAM answering with a redirect is an {@link OsmAuthError},
 * never followed. Fields are checked here (the error names the field, never its value); then the
 * credentials live in a closure: nothing of them is reachable from the returned object.
 */
export function iamPasswordAuth(options: IamPasswordOptions): OsmAuth {
  const tokens = iamPasswordTokens(options);
  return holdingSecrets(tokenAuth(tokens), tokens.held);
}

/** How large an IAM answer may be: a token without its catalogue is a few KB. */
const MAX_IAM_ANSWER_BYTES = 1024 * 1024;

function iamPasswordTokens(options: IamPasswordOptions): RefreshableTokenSource & { held: () => string[] } {
  for (const field of ['userName', 'password', 'domainName'] as const) requireText(field, options?.[field]);
  const endpoint = options.endpoint ?? `https://iam.${options.region ?? 'ap-southeast-3'}.myhuaweicloud.com`;
  const url = `${endpoint.replace(/\/+$/, '')}/v3/auth/tokens?nocatalog=true`;
  const marginMs = options.refreshMarginMs ?? 5 * 60 * 1000;
  const body = JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: options.userName, password: options.password, domain: { name: options.domainName } } },
      },
      scope: iamScope(options.scope ?? { domainName: options.domainName }),
    },
  });

  const { password } = options;
  const redactPassword = createRedactor(() => [password]);
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function requestToken(context: TokenContext): Promise<{ token: string; refreshAt: number }> {
    const deadline = startDeadline(options.timeoutMs ?? 30_000, undefined, `POST ${url}`);
    try {
      const request = new Request(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json;charset=utf8' },
        body,
        redirect: 'manual',
        signal: deadline.signal,
      });
      // Raced with the deadline: a fetch that ignores the signal still cannot outlive it.
      const response = await untilAborted(context.fetch(request), deadline.signal).catch((error: unknown) => {
        throw deadline.signal.aborted ? deadline.signal.reason : new OsmNetworkError('POST', url, error);
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel();
        throw new OsmAuthError(
          `IAM answered with a redirect (HTTP ${response.status}); it is not followed: the password goes only to the configured endpoint`,
          response.status,
        );
      }
      const answer = await readJson(response);
      if (!response.ok) {
        const detail = redactPassword(iamErrorMessage(answer));
        throw new OsmAuthError(`IAM refused the token request (HTTP ${response.status})${detail ? `: ${detail}` : ''}`, response.status);
      }
      const token = response.headers.get('X-Subject-Token');
      if (!token) throw new OsmAuthError('IAM answered without an X-Subject-Token header', response.status);
      const expiresAt = Date.parse((answer as { token?: { expires_at?: string } } | undefined)?.token?.expires_at ?? '');
      const expiry = Number.isNaN(expiresAt) ? Date.now() + DEFAULT_TOKEN_LIFE_MS : expiresAt;
      return { token, refreshAt: expiry - marginMs };
    } finally {
      deadline.clear();
    }
  }

  // One IAM call at a time, whoever asks; each caller stops waiting when its own request aborts.
  function sharedToken(context: TokenContext): Promise<string> {
    pending ??= requestToken(context)
      .then((fresh) => {
        cached = fresh;
        return fresh.token;
      })
      .finally(() => {
        pending = undefined;
      });
    return untilAborted(pending, context.signal);
  }

  const getToken = async (context: TokenContext) => (cached && Date.now() < cached.refreshAt ? cached.token : sharedToken(context));
  return {
    getToken,
    held: () => (cached ? [password, cached.token] : [password]),
    async refreshToken(rejected, context) {
      if (cached?.token === rejected) cached = undefined;
      return getToken(context);
    },
  };
}

function iamScope(scope: IamScope): Record<string, { id: string } | { name: string }> {
  if ('projectId' in scope) return { project: { id: scope.projectId } };
  if ('projectName' in scope) return { project: { name: scope.projectName } };
  if ('domainId' in scope) return { domain: { id: scope.domainId } };
  return { domain: { name: scope.domainName } };
}

/** IAM's answer as JSON, read within {@link MAX_IAM_ANSWER_BYTES}; undefined when it is not JSON. */
async function readJson(response: Response): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(response, MAX_IAM_ANSWER_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new OsmAuthError(`IAM answered with a body larger than ${error.limit} bytes`, response.status);
    return undefined; // the connection broke while the body came: no answer to read
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** IAM's own error shape is `{ error: { message } }`; its API gateway's is `{ error_msg }`. */
function iamErrorMessage(answer: unknown): string {
  const shaped = answer as { error?: { message?: unknown }; error_msg?: unknown } | undefined;
  const message = shaped?.error?.message ?? shaped?.error_msg;
  return typeof message === 'string' ? message : '';
}
