// The one place that reaches past Prism's public interface. Prism's HTTP library generates dynamic
// data with json-schema-faker's shared instance and has no option for its `fillProperties` (Prism's
// CLI sets it on that instance: `--json-schema-faker-fillProperties=false`). json-schema-faker ships
// separate CommonJS and ESM builds, each with its own instance: Prism requires the CommonJS one, so we
// require it too. We pin the json-schema-faker version Prism pins; test/prism-parity/ checks the effect.
import { createRequire } from 'node:module';

interface JsonSchemaFaker {
  option(options: Record<string, unknown>): void;
}

/** Dynamic data without invented extra properties: only what the schemas declare. */
export function disableInventedProperties(): void {
  const prismHttp = createRequire(import.meta.url).resolve('@stoplight/prism-http');
  const faker = createRequire(prismHttp)('json-schema-faker') as { JSONSchemaFaker: JsonSchemaFaker };
  faker.JSONSchemaFaker.option({ fillProperties: false });
}
