// The landing page's Servers text, which Redoc shows as plain text.
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { plainServerDescriptions } from '../../scripts/server-descriptions.mjs';

describe('server descriptions', () => {
  it('drops the code marks, keeping the code text', () => {
    const spec = {
      servers: [
        {
          url: 'u',
          description: 'send `X-Site: 1` to `ap-southeast-3`',
          variables: { region: { default: 'r', description: '`cn-south-1`: the examples' } },
        },
      ],
    };
    plainServerDescriptions(spec);
    expect(spec.servers[0].description).toBe('send X-Site: 1 to ap-southeast-3');
    expect(spec.servers[0].variables.region.description).toBe('cn-south-1: the examples');
  });

  it("leaves no backtick in the spec's servers", () => {
    const spec = loadSpec();
    expect(JSON.stringify(spec.servers)).toContain('`');
    plainServerDescriptions(spec);
    expect(JSON.stringify(spec.servers)).not.toContain('`');
  });
});
