// The pass that turns names in descriptions into links.
import { describe, expect, it } from 'vitest';
import { errorCodeHref, linkBareUrls, linkify, linkifyDescriptions, linkTargets, operationHref, slug } from '../../scripts/links.mjs';

const ops = [
  ['/v2/servicerequest/cases', 'get', { operationId: 'listCases', tags: ['Tickets'] }],
  ['/v2/servicerequest/cases/{case_id}', 'get', { operationId: 'showCaseDetail', tags: ['Tickets'] }],
  ['/v1.0/servicerequest/case', 'get', { operationId: 'listCasesV1', tags: ['Historical v1.0'] }],
];
const targets = linkTargets(ops, [{ code: 'OSM.01010004' }]);

describe('addresses', () => {
  it("follow Redoc's hash routes", () => {
    expect(slug('Historical (v1.0)')).toBe('historical-(v1.0)');
    expect(operationHref('Related tickets', 'createRelations')).toBe('#/related-tickets/createrelations');
    expect(errorCodeHref('OSM.0001')).toBe('#/error-codes#OSM.0001');
  });
});

describe('linkify', () => {
  it('links operationIds, routes, error codes and ERRATA.md', () => {
    expect(linkify('Use `listCases` (from `GET /v1.0/servicerequest/case`).', targets)).toBe(
      'Use [`listCases`](#/tickets/listcases) (from [`GET /v1.0/servicerequest/case`](#/historical-v1.0/listcasesv1)).',
    );
    expect(linkify('Replaced by GET /v2/servicerequest/cases/{case_id}, which', targets)).toBe(
      'Replaced by [`GET /v2/servicerequest/cases/{case_id}`](#/tickets/showcasedetail), which',
    );
    expect(linkify('refused with OSM.01010004 or `OSM.01010004`.', targets)).toBe(
      'refused with [`OSM.01010004`](#/error-codes#OSM.01010004) or [`OSM.01010004`](#/error-codes#OSM.01010004).',
    );
    expect(linkify('(see ERRATA.md)', targets)).toBe('(see [ERRATA.md](#/errata))');
  });

  it('leaves alone what names nothing, fenced code, existing links and the operation itself', () => {
    const text = [
      '`unknownOp`, `POST /v2/servicerequest/cases`, OSM.9999, `judgement`',
      '```ts\nawait client.GET(`listCases`)\n```',
      '[`listCases`](#/elsewhere)',
    ].join('\n');
    expect(linkify(text, targets)).toBe(text);
    expect(linkify('SDK operation: `listCases`', targets, { self: 'listCases' })).toBe('SDK operation: `listCases`');
  });

  it('reaches every description of a document, knowing which operation it is in', () => {
    const doc = {
      paths: {
        '/x': {
          get: {
            operationId: 'listCases',
            description: '`listCases` and `showCaseDetail`',
            parameters: [{ description: 'from `listCases`' }],
          },
        },
      },
      components: { schemas: { A: { description: 'see `listCases`', properties: { description: { type: 'string' } } } } },
    };
    linkifyDescriptions(doc, targets);
    expect(doc.paths['/x'].get.description).toBe('`listCases` and [`showCaseDetail`](#/tickets/showcasedetail)');
    expect(doc.paths['/x'].get.parameters[0].description).toBe('from `listCases`');
    expect(doc.components.schemas.A.description).toBe('see [`listCases`](#/tickets/listcases)');
    expect(doc.components.schemas.A.properties.description).toEqual({ type: 'string' });
  });
});

describe('linkBareUrls', () => {
  it('links bare web addresses, breakable after each slash, and leaves links and autolinks alone', () => {
    expect(linkBareUrls('(Huawei page support.huaweicloud.com/eu/api-ticket/X.html, updated)')).toBe(
      '(Huawei page [support.huaweicloud.com/<wbr>eu/<wbr>api-ticket/<wbr>X.html](https://support.huaweicloud.com/eu/api-ticket/X.html), updated)',
    );
    const kept = 'see <https://support.huaweicloud.com/intl/en-us/api-ticket/> and [page](https://example.com/a) and `a.com/b`';
    expect(linkBareUrls(kept)).toBe(kept);
  });
});
