// Prism checks only the HTTP authentication schemes it knows (basic, bearer, digest) and fails every
// request against any other - such as OSM's AK/SK signing, `type: http, scheme: SDK-HMAC-SHA256`. Prism
// is therefore given such a scheme as what it can check: an `Authorization` header being present. The
// mock never verifies a signature (it has no secret key to verify it with).
import { parseSpecDocument } from './spec-model.js';

const PRISM_HTTP_SCHEMES = new Set(['basic', 'bearer', 'digest']);

type SecurityScheme = { type?: string; scheme?: string; [key: string]: unknown };

/** The spec text Prism should serve: unchanged, or (as JSON) with unknown HTTP schemes as `Authorization` header keys. */
export function specTextForPrism(text: string, fileName: string): string {
  let doc: { components?: { securitySchemes?: Record<string, SecurityScheme> } };
  try {
    doc = parseSpecDocument(text, fileName) as typeof doc;
  } catch {
    return text; // startMock reports the unreadable spec, naming the file.
  }
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  const unknown = schemes.filter(([, s]) => s.type === 'http' && !PRISM_HTTP_SCHEMES.has(String(s.scheme).toLowerCase()));
  if (unknown.length === 0) return text;
  for (const [name, scheme] of unknown) {
    doc.components!.securitySchemes![name] = { type: 'apiKey', in: 'header', name: 'Authorization', description: scheme.description };
  }
  return JSON.stringify(doc);
}
