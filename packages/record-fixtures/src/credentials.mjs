// Credentials for recording against the real OSM, from the environment - never from a file or flag,
// so they stay out of shell history and of the call list.

/** A placeholder token for the mock, which accepts any. */
export const MOCK_TOKEN = 'mock-token';

/**
 * The credentials (`{ token }`, or the fields of akSkAuth) and the secret values to scrub from fixtures,
 * from OSM_TOKEN, or from OSM_AK + OSM_SK + OSM_DOMAIN_ID (and OSM_SECURITY_TOKEN for temporary
 * credentials). Returns undefined when none are set.
 */
export function credentialsFromEnv(env = process.env) {
  if (env.OSM_TOKEN) return { auth: { token: env.OSM_TOKEN }, secrets: [env.OSM_TOKEN] };
  const { OSM_AK: accessKey, OSM_SK: secretKey, OSM_DOMAIN_ID: domainId, OSM_SECURITY_TOKEN: securityToken } = env;
  if (accessKey || secretKey || domainId) {
    const missing = [
      ['OSM_AK', accessKey],
      ['OSM_SK', secretKey],
      ['OSM_DOMAIN_ID', domainId],
    ]
      .filter(([, v]) => !v)
      .map(([n]) => n);
    if (missing.length) throw new Error(`AK/SK credentials are incomplete: set ${missing.join(' and ')} too`);
    return {
      auth: { accessKey, secretKey, domainId, ...(securityToken ? { securityToken } : {}) },
      secrets: [accessKey, secretKey, domainId, securityToken].filter(Boolean),
    };
  }
  return undefined;
}
