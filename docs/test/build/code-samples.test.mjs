// The TypeScript and curl samples the build puts on every operation (x-codeSamples).
import { readFileSync } from 'node:fs';
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { curlSample, ENDPOINT, SAMPLE_LABELS, typescriptSample } from '../../scripts/code-samples.mjs';
import { deref, operations } from '../../scripts/spec-walk.mjs';

const spec = loadSpec();
const byId = new Map(operations(spec).map((entry) => [entry[2].operationId, entry]));

function samplesOf(operationId) {
  const [path, method, operation, pathItem] = byId.get(operationId);
  return { ts: typescriptSample(spec, path, method, pathItem, operation), curl: curlSample(spec, path, method, pathItem, operation) };
}

/** The single-quoted argument after `flag` in a curl sample, unquoted. */
function curlArgument(curl, flag) {
  const match = new RegExp(`${flag} '((?:[^']|'\\\\'')*)'`).exec(curl);
  return match?.[1].replace(/'\\''/g, "'");
}

describe('code samples', () => {
  it('gives every operation a TypeScript call of its own method and path, and a curl command for it', () => {
    for (const [path, method, operation, pathItem] of operations(spec)) {
      expect(typescriptSample(spec, path, method, pathItem, operation)).toContain(`await client.${method.toUpperCase()}('${path}'`);
      expect(curlSample(spec, path, method, pathItem, operation)).toMatch(new RegExp(`^curl -X ${method.toUpperCase()} '${ENDPOINT}/`));
    }
  });

  it('fills path parameters from the spec example, in the call and in the URL', () => {
    const { ts, curl } = samplesOf('showCaseDetail');
    const caseId = deref(spec, spec.components.parameters.CaseId).schema.example;
    expect(ts).toContain(`case_id: ${JSON.stringify(caseId)}`);
    expect(curl).toContain(`${ENDPOINT}/v2/servicerequest/cases/${caseId}'`);
    expect(ts).toContain("import { createOsmClient } from '@osm-openapi/client';");
    expect(ts).toContain('auth: { token: process.env.OSM_TOKEN! }');
    expect(curl).toContain('-H "X-Auth-Token: $OSM_TOKEN"');
  });

  it('passes required query parameters, arrays as the comma list the spec declares', () => {
    const { ts, curl } = samplesOf('createCaseLabels');
    expect(ts).toMatch(/query: \{\n\s+label_ids: \[\n\s+123,\n\s+456,\n\s+789,\n\s+\],/);
    expect(curl).toContain('?label_ids=123%2C456%2C789');
  });

  it("sends the operation's first named request example as the JSON body", () => {
    const [, , operation] = byId.get('createCases');
    const media = deref(spec, operation.requestBody).content['application/json'];
    const example = deref(spec, Object.values(media.examples)[0]).value;
    const { ts, curl } = samplesOf('createCases');
    expect(JSON.parse(curlArgument(curl, '-d'))).toEqual(example);
    expect(curl).toContain("-H 'Content-Type: application/json'");
    expect(ts).toContain(`simple_description: ${JSON.stringify(example.simple_description)}`);
  });

  it('uploads multipart forms with the file read from disk and the other fields from their examples', () => {
    const { ts, curl } = samplesOf('uploadAccessory');
    expect(ts).toContain("import { readFile } from 'node:fs/promises';");
    expect(ts).toContain("file: new File([await readFile('./screenshot.png')], 'screenshot.png'),");
    expect(ts).toContain('form_data: "{\\"accessFrom\\":\\"message\\"}"');
    expect(curl).toContain("-F 'file=@./screenshot.png'");
    expect(curl).toContain(`-F 'form_data={"accessFrom":"message"}'`);
    expect(curl).not.toContain('Content-Type');
  });

  it('writes a downloaded file to disk', () => {
    const { ts, curl } = samplesOf('downloadAccessories');
    expect(ts).toContain("import { writeFile } from 'node:fs/promises';");
    expect(ts).toContain("await writeFile('./download', new Uint8Array(await data.arrayBuffer()));");
    expect(ts).not.toContain('console.log(data)');
    expect(curl).toMatch(/-o \.\/download$/);
  });

  it('quotes JSON bodies for the shell and keys that are not identifiers for TypeScript', () => {
    const fixture = {
      paths: {
        '/v2/things': {
          post: {
            operationId: 'createThing',
            requestBody: { content: { 'application/json': { example: { note: "it's", 'x-key': 1 } } } },
            responses: {},
          },
        },
      },
    };
    const [[path, method, operation, pathItem]] = operations(fixture);
    const curl = curlSample(fixture, path, method, pathItem, operation);
    expect(curl).toContain(`-d '{"note":"it'\\''s","x-key":1}'`);
    expect(JSON.parse(curlArgument(curl, '-d'))).toEqual({ note: "it's", 'x-key': 1 });
    expect(typescriptSample(fixture, path, method, pathItem, operation)).toContain('"x-key": 1,');
  });

  it('uses labels the page lists as code-sample languages (Redoc hides samples in other languages)', () => {
    const options = JSON.parse(readFileSync(new URL('../../scripts/redoc-options.json', import.meta.url), 'utf8'));
    const languages = options.codeSamples.languages.map((l) => l.label);
    expect(languages).toEqual(expect.arrayContaining(Object.values(SAMPLE_LABELS)));
    expect(languages[0]).toBe(SAMPLE_LABELS.typescript); // the tab a reader sees first
  });
});
