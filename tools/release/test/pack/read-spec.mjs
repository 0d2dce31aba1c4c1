// Run in the scratch project: the installed @osm-openapi/spec, through its functions and its file exports.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { errorCodesPath, loadErrorCodes, loadSpec, openapiJsonPath, openapiYamlPath } from '@osm-openapi/spec';
import bundled from '@osm-openapi/spec/openapi.json' with { type: 'json' };

const spec = loadSpec();
const operations = Object.values(spec.paths).flatMap((item) =>
  Object.keys(item).filter((key) => ['get', 'put', 'post', 'delete', 'patch'].includes(key)),
);
const require = createRequire(import.meta.url);
console.log(
  JSON.stringify({
    node: process.version,
    openapi: spec.openapi,
    title: spec.info.title,
    operations: operations.length,
    errorCodes: loadErrorCodes().length,
    sameAsJsonExport: JSON.stringify(bundled) === JSON.stringify(spec),
    yamlStartsWith: readFileSync(openapiYamlPath, 'utf8').slice(0, 8),
    pathsResolve: [openapiJsonPath, errorCodesPath].every((path) => path === require.resolve(`@osm-openapi/spec/${path.split('/').pop()}`)),
  }),
);
