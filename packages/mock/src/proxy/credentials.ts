// The proxy's own AK/SK credentials, from its environment only (never from a flag: shell history and
// process lists show flags). A token needs none: it passes through as the caller sent it.
import type { AkSkCredentials } from '@osm-openapi/client';

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
  if (missing.length) throw new TypeError(`AK/SK credentials are incomplete: set ${missing.join(' and ')} as well (or none of ${REQUIRED.join(', ')})`);
  return {
    accessKey: env.OSM_AK!,
    secretKey: env.OSM_SK!,
    domainId: env.OSM_DOMAIN_ID!,
    ...(env.OSM_SECURITY_TOKEN ? { securityToken: env.OSM_SECURITY_TOKEN } : {}),
    ...(env.OSM_PROJECT_ID ? { projectId: env.OSM_PROJECT_ID } : {}),
  };
}

/** The values of `credentials` that are secret, for redaction (the account ID is treated as one too). */
export function secretsOf(credentials: AkSkCredentials | undefined): string[] {
  if (!credentials) return [];
  return [credentials.accessKey, credentials.secretKey, credentials.domainId, credentials.securityToken].filter((value): value is string => Boolean(value));
}
