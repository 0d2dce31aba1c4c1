// The glue over api-smart-diff: compare two bundled documents, keep the changes a consumer can see (per
// operation, plus API-wide ones such as authentication), apply this project's policy where it is stricter
// than the library's, and describe each change in words.
import { apiCompare } from 'api-smart-diff';
import { describeChange } from './describe.mjs';
import { valueAt } from './document-path.mjs';

/** The three classes a change can have, most severe first. */
export const CLASSES = ['breaking', 'non-breaking', 'documentation-only'];

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Components are reported where operations use them (api-smart-diff resolves every $ref), so a change to
 * components/schemas/X shows up once per operation that uses X. Their own entries would repeat those, so
 * only the components that no operation embeds (security schemes) are kept.
 */
function isReportedPath(path) {
  if (path[0] === 'paths') return path.length >= 3 && HTTP_METHODS.has(path[2]);
  if (path[0] === 'components') return path[1] === 'securitySchemes';
  return true;
}

/** Keys whose content is shown to readers (docs, mock answers), never sent or received by a client. */
const DOCUMENTATION_KEYS = new Set(['example', 'examples', 'tags']);

/** True when the change lies under an example or a tag list, not under a field that happens to be so named. */
function isDocumentationPath(path) {
  return path.some((segment, i) => DOCUMENTATION_KEYS.has(segment) && path[i - 1] !== 'properties');
}

/**
 * Where this project is stricter than api-smart-diff, and why (users of @osm-openapi/client compile against
 * types generated from the spec, so a field vanishing from the types breaks their build):
 * - the library calls the removal of an optional response field non-breaking (optional, so a client "must"
 *   cope without it); the client's generated types lose the field, so code reading it no longer compiles;
 * - likewise a request body field removed: a call that sets it no longer type-checks;
 * - the library calls a response field's type change non-breaking; code reading it gets another type;
 * - a vendor extension (`x-...`) never changes what goes over the wire: documentation-only, whatever the
 *   library says (it has no rule for them, so it says "unclassified");
 * - examples (`example`, `examples`) and tags (the API's list and an operation's) only change what docs and
 *   mocks show and how operations are grouped, never what a call sends or gets: documentation-only (the
 *   library has no rule for them either);
 * - "unclassified" is a change the library has no rule for: it counts as breaking until a person says otherwise.
 */
function policyClass(diff, inResponse) {
  const key = diff.path.at(-1);
  if (diff.path.some((segment) => String(segment).startsWith('x-'))) return 'documentation-only';
  if (isDocumentationPath(diff.path)) return 'documentation-only';
  const parentKey = diff.path.at(-2);
  if (diff.action === 'remove' && parentKey === 'properties') return 'breaking';
  if (inResponse && diff.action === 'replace' && key === 'type') return 'breaking';
  if (diff.type === 'unclassified') return 'breaking';
  if (diff.type === 'annotation') return 'documentation-only';
  if (diff.type === 'deprecated') return 'non-breaking';
  return diff.type;
}

/**
 * api-smart-diff reports an enum that appears (or disappears) as its values added (or removed) one by one,
 * which reads as a widening (or narrowing) - the opposite of what happened. Those become one change to the
 * whole list.
 */
function wholeEnums(diffs, before, after) {
  const result = [];
  const seen = new Set();
  for (const diff of diffs) {
    const isItem = diff.path.at(-2) === 'enum' && typeof diff.path.at(-1) === 'number';
    const parent = diff.path.slice(0, -2);
    const appeared =
      isItem && diff.action === 'add' && valueAt(after, parent)?.enum && valueAt(before, parent) && !valueAt(before, parent).enum;
    const vanished =
      isItem && diff.action === 'remove' && valueAt(before, parent)?.enum && valueAt(after, parent) && !valueAt(after, parent).enum;
    if (!appeared && !vanished) {
      result.push(diff);
      continue;
    }
    const key = JSON.stringify(parent);
    if (seen.has(key)) continue;
    seen.add(key);
    const path = [...parent, 'enum'];
    result.push(
      appeared
        ? { action: 'add', path, after: valueAt(after, path), wholeEnum: true }
        : { action: 'remove', path, before: valueAt(before, path), wholeEnum: true },
    );
  }
  return result;
}

/** A list of allowed values that appears narrows what a request may send and widens nothing in a response. */
function wholeEnumClass(diff, inResponse) {
  return (diff.action === 'add') !== inResponse ? 'breaking' : 'non-breaking';
}

/** The operation a change belongs to: its operationId, method and path (from whichever side has it). */
function operationOf(path, before, after) {
  if (path[0] !== 'paths') return null;
  const [, url, method] = path;
  const operation = after.paths?.[url]?.[method] ?? before.paths?.[url]?.[method] ?? {};
  return { id: operation.operationId ?? `${method.toUpperCase()} ${url}`, method: method.toUpperCase(), path: url };
}

/**
 * @typedef {object} ApiChange
 * @property {'breaking' | 'non-breaking' | 'documentation-only'} class
 * @property {'added' | 'changed' | 'deprecated' | 'removed'} category for changelogs
 * @property {{ id: string, method: string, path: string } | null} operation null for API-wide changes
 * @property {string} text the change in words, without the operation's name
 * @property {(string | number)[]} pointer where the change is in the bundled document
 */

/**
 * Every change from `before` to `after` a consumer of the API can see, classified and described.
 * @param {object} before a bundled OpenAPI 3 document
 * @param {object} after a bundled OpenAPI 3 document
 * @returns {ApiChange[]} in document order
 */
export function compareSpecs(before, after) {
  // api-smart-diff rewrites parts of the documents it compares (allOf merging, combiners): give it copies,
  // so a document can be compared again (the API changelog compares each version with two others).
  const { diffs } = apiCompare(structuredClone(before), structuredClone(after));
  const changes = [];
  for (const diff of wholeEnums(diffs, before, after)) {
    if (!isReportedPath(diff.path)) continue;
    const inResponse = diff.path[3] === 'responses';
    const cls = diff.wholeEnum ? wholeEnumClass(diff, inResponse) : policyClass(diff, inResponse);
    const { text, category } = describeChange(diff, { before, after, breaking: cls === 'breaking' });
    changes.push({ class: cls, category, operation: operationOf(diff.path, before, after), text, pointer: diff.path });
  }
  return mergeResponseCodes(changes);
}

/**
 * One change to a schema that several responses of an operation share (the error body under 400, 401,
 * 500...) reads as one line: "response 400, 401, 500 field `error_msg` ...".
 */
function mergeResponseCodes(changes) {
  const merged = new Map();
  for (const change of changes) {
    const match = /^response (\S+) (.*)$/s.exec(change.text);
    if (!match) {
      merged.set(change, change);
      continue;
    }
    const key = `${change.operation?.id}\0${change.class}\0${match[2]}`;
    const seen = merged.get(key) ?? merged.set(key, { ...change, codes: [] }).get(key);
    seen.codes.push(match[1]);
  }
  return [...merged.values()].map(({ codes, ...change }) =>
    codes ? { ...change, text: change.text.replace(/^response \S+/, `response ${codes.join(', ')}`) } : change,
  );
}

/** Counts per class, e.g. `{ breaking: 1, 'non-breaking': 3, 'documentation-only': 0 }`. */
export function countByClass(changes) {
  return Object.fromEntries(CLASSES.map((c) => [c, changes.filter((change) => change.class === c).length]));
}

/**
 * Groups changes per operation, API-wide ones first, then operations by id; inside a group, breaking first.
 * @param {ApiChange[]} changes
 * @returns {{ title: string, operation: ApiChange['operation'], changes: ApiChange[] }[]}
 */
export function groupByOperation(changes) {
  const groups = new Map();
  for (const change of changes) {
    const key = change.operation?.id ?? '';
    if (!groups.has(key)) groups.set(key, { title: key || 'Whole API', operation: change.operation, changes: [] });
    groups.get(key).changes.push(change);
  }
  const rank = (change) => CLASSES.indexOf(change.class);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
    .map(([, group]) => ({ ...group, changes: group.changes.sort((a, b) => rank(a) - rank(b)) }));
}
