// Credentials and endpoints as generators read them: no scheme that makes a generated client copy a
// token into Authorization, and every server variable a closed list with its evidence.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../dist/index.js';

type Scheme = { type: string; in?: string; name?: string; scheme?: string };
type Variable = { default: string; enum?: string[]; description?: string };
const spec = loadSpec() as {
  servers: { url: string; description?: string; variables?: Record<string, Variable> }[];
  components: { securitySchemes: Record<string, Scheme> };
};
// The OSM hosts the reference names: table 1-1 (OSM endpoints), and the request examples of section 4.1.
const REFERENCE_HOSTS = ['osm.ap-southeast-3.myhuaweicloud.com', 'osm.cn-south-1.myhuaweicloud.com'];
// The endpoint of Huawei's official OSM SDKs (Python huaweicloudsdkosm/v2/region/osm_region.py).
const SDK_HOSTS = ['osm.cn-south-1.myhuaweicloud.cn'];

describe('security schemes', () => {
  it('the token is the API key X-Auth-Token; no API key is named Authorization', () => {
    expect(spec.components.securitySchemes.token).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Auth-Token' });
    const keyHeaders = Object.values(spec.components.securitySchemes).flatMap((s) => (s.type === 'apiKey' ? [s.name?.toLowerCase()] : []));
    expect(keyHeaders).not.toContain('authorization');
  });

  it('AK/SK is the HTTP authentication scheme its Authorization header names', () => {
    expect(spec.components.securitySchemes.akSk).toMatchObject({ type: 'http', scheme: 'SDK-HMAC-SHA256' });
  });
});

describe('servers', () => {
  const variables = spec.servers.flatMap((server) =>
    Object.entries(server.variables ?? {}).map(([name, v]) => ({ url: server.url, name, ...v })),
  );

  it('every variable is a closed list holding its default, each value named in its description (the evidence)', () => {
    expect(variables.length).toBeGreaterThan(0);
    for (const v of variables) {
      expect(v.enum, `${v.url} {${v.name}}`).toContain(v.default);
      for (const value of v.enum ?? []) expect(v.description, `${v.url} {${v.name}}: ${value}`).toContain(`\`${value}\``);
    }
  });

  it("lists exactly the documented endpoints: the reference's and the SDKs'", () => {
    const hosts = spec.servers.flatMap((server) =>
      Object.values(server.variables ?? {}).flatMap((v) =>
        (v.enum ?? []).map((value) => server.url.replace(/\{\w+\}/, value).replace('https://', '')),
      ),
    );
    expect(hosts.sort()).toEqual([...REFERENCE_HOSTS, ...SDK_HOSTS].sort());
  });
});
