// The "Errors" paragraph on each operation.
import { loadErrorCodes, loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { errorsSection, GENERAL_CODES, HTTP_STATUSES_HREF, operationStatuses } from '../../scripts/operation-errors.mjs';
import { operations } from '../../scripts/spec-walk.mjs';

const codes = loadErrorCodes();
const codeLines = (section) => section.split('\n').filter((line) => line.startsWith('- [`'));

describe('errors section', () => {
  it('lists the protocol codes with their HTTP status and meaning, each linked to its row, and links the full table', () => {
    const section = errorsSection({ operationId: 'listCases' }, codes);
    expect(section.startsWith('**Errors**')).toBe(true);
    expect(codeLines(section)).toEqual([
      '- [`OSM.0001`](#/error-codes#OSM.0001) (HTTP 400): An exception occurs when verifying parameters.',
      '- [`OSM.0002`](#/error-codes#OSM.0002) (HTTP 401): Uncertified.',
      '- [`OSM.0003`](#/error-codes#OSM.0003) (HTTP 403): Illegal operation.',
      '- [`OSM.0004`](#/error-codes#OSM.0004) (HTTP 500): Internal error.',
    ]);
    expect(section).toContain('HTTP 200 and `{error_code, error_msg}`');
    expect(section).toContain('[error-code table](#/error-codes)');
  });

  it("lists an operation's own x-osm-error-codes first, each code once", () => {
    const section = errorsSection({ operationId: 'updateCases', 'x-osm-error-codes': ['OSM.01010004', 'OSM.0001'] }, codes);
    expect(codeLines(section).map((line) => /`([^`]+)`/.exec(line)[1])).toEqual(['OSM.01010004', ...GENERAL_CODES]);
    expect(codeLines(section)[0]).toContain('(HTTP 200)');
  });

  it('refuses a code the catalogue does not have', () => {
    expect(() => errorsSection({ operationId: 'op', 'x-osm-error-codes': ['OSM.9999'] }, codes)).toThrow(
      'op: error code OSM.9999 is not in the error catalogue',
    );
  });

  it('works for every operation of the spec', () => {
    for (const [, , operation] of operations(loadSpec())) {
      expect(codeLines(errorsSection(operation, codes)).length).toBeGreaterThanOrEqual(GENERAL_CODES.length);
    }
  });

  it('lists the HTTP statuses the operation declares, linked to the status table', () => {
    const operation = {
      operationId: 'listCases',
      responses: { 200: {}, 400: {}, 401: {}, 403: {}, 429: {}, 500: {}, 503: {}, default: {} },
    };
    expect(operationStatuses(operation)).toEqual([200, 400, 401, 403, 429, 500, 503]);
    expect(errorsSection(operation, codes)).toContain(
      `**HTTP statuses**: 200, 400, 401, 403, 429, 500, 503 ([what each means, and what the client does](${HTTP_STATUSES_HREF})).`,
    );
    expect(HTTP_STATUSES_HREF).toBe('#/error-handling/http-status-codes');
  });
});

describe('gateway responses', () => {
  // The spec declares them (spec/components/responses/TooManyRequests.yaml, ServiceUnavailable.yaml): the
  // docs show the spec as it is and add no response of their own.
  it("every operation of the spec declares the gateway's 429 and 503, in status order before default", () => {
    for (const [, , operation] of operations(loadSpec())) {
      const keys = Object.keys(operation.responses);
      expect(keys, operation.operationId).toEqual(expect.arrayContaining(['429', '503']));
      expect(keys, operation.operationId).toEqual(
        [...keys].sort((a, b) => (a === 'default' ? 1 : b === 'default' ? -1 : Number(a) - Number(b))),
      );
    }
  });
});
