// The proxy's own AK/SK credentials, from its environment only (never from a flag: shell history and
// process lists show flags). A token needs none: it passes through as the caller sent it.
/**
 * The fields `akSkAuth()` of @osm-openapi/client takes (see its documentation), stated here so that the
 * mock's published types need nothing from the client, which the mock bundles (resign.ts hands it to
 * akSkAuth, so the compiler keeps the two in step).
 */
export type AkSkCredentials = { accessKey: string; secretKey: string; domainId: string; securityToken?: string; projectId?: string };

/** The variables read, in the order a message names them. */
const REQUIRED = ['OSM_AK', 'OSM_SK', 'OSM_DOMAIN_ID'] as const;

/**
 * AK/SK credentials from `OSM_AK`, `OSM_SK`, `OSM_DOMAIN_ID` (and `OSM_SECURITY_TOKEN` for temporary
 * credentials, `OSM_PROJECT_ID` for a sub-project); undefined when none of the three is set. Some but
 * not all of them is a mistake: a TypeError names the missing ones (never a value).
 */
export function akSkFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): AkSkCredentials | undefined {
  const set = REQUIRED.filter((name) => env[name]);
  if (!set.length) return undefined;
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length)
    throw new TypeError(`AK/SK credentials are incomplete: set ${missing.join(' and ')} as well (or none of ${REQUIRED.join(', ')})`);
  return {
    accessKey: env.OSM_AK!,
    secretKey: env.OSM_SK!,
    domainId: env.OSM_DOMAIN_ID!,
    ...(env.OSM_SECURITY_TOKEN ? { securityToken: env.OSM_SECURITY_TOKEN } : {}),
    ...(env.OSM_PROJECT_ID ? { projectId: env.OSM_PROJECT_ID } : {}),
  };
}

/**
 * Values shorter than this are not searched for: no OSM credential is that short (an AK has 20 characters,
 * an SK 40, an account ID 32, a token thousands), and replacing every `t` of a text because a test's token
 * is `t` would make it unreadable. Their headers are still redacted whole.
 */
export const MIN_SECRET_LENGTH = 8;

/** The values of `values` worth searching for and redacting (see {@link MIN_SECRET_LENGTH}). */
export function secretValues(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH))];
}

/** The values of `credentials` that are secret, for redaction (the account ID is treated as one too). */
export function secretsOf(credentials: AkSkCredentials | undefined): string[] {
  if (!credentials) return [];
  return secretValues([credentials.accessKey, credentials.secretKey, credentials.domainId, credentials.securityToken]);
}

/** The credentials a caller sent: its token, its signature and the AK in it, its security token and account ID. */
export function callerSecrets(headers: Readonly<Record<string, string | undefined>>): string[] {
  const accessKey = /\bAccess=([^,\s]+)/.exec(headers.authorization ?? '')?.[1];
  return secretValues([headers['x-auth-token'], headers.authorization, accessKey, headers['x-security-token'], headers['x-domain-id']]);
}
