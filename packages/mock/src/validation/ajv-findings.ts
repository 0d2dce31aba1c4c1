// ajv's errors as findings: one per problem and place, with its kind, the value seen and a rule a
// reader can act on. ajv says a problem several ways at once; these rules keep one of them:
// - a choice (`anyOf`/`oneOf`, e.g. an error code that is the catalogue's or a gateway's) fails once per
//   branch and once for itself: its branches' rules at one place are said together, "must be one of ...
//   or must match pattern ...", and the choice itself is not said again;
// - a composite (`anyOf`, `oneOf`, `not`) failing where nothing else does is a value of the wrong shape.
import type { ErrorObject } from 'ajv';
import type { AnswerFinding, AnswerPlace, FindingKind } from './answer-finding.js';

const unescapePointer = (part: string) => part.replaceAll('~1', '/').replaceAll('~0', '~');
const isComposite = (error: ErrorObject) => error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'not';
const isChoice = (error: ErrorObject) => error.keyword === 'anyOf' || error.keyword === 'oneOf';
/** Keywords about a field's presence, not a value: never merged into a choice's rule. */
const isAboutPresence = (error: ErrorObject) => error.keyword === 'required' || error.keyword === 'additionalProperties';

/** An ajv instance path as field names: `/label_list/0/colour` -> `['label_list', '0', 'colour']`. */
function partsOf(instancePath: string): string[] {
  return instancePath.split('/').slice(1).map(unescapePointer);
}

/** The value at a field path. */
function valueAt(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
    root,
  );
}

function kindOf(error: ErrorObject, path: readonly string[]): FindingKind {
  if (error.keyword === 'additionalProperties') return 'unknown-field';
  if (error.keyword === 'required') return 'missing-required';
  if (error.keyword === 'type' || error.keyword === 'nullable' || isComposite(error)) return 'wrong-type';
  // OSM's error bodies name their failure in a top-level `error_code` whose schema is the catalogue: a
  // value outside it is a code the catalogue lacks (a results' schema forbids the field altogether).
  if (path.length === 1 && path[0] === 'error_code') return 'unknown-error-code';
  return 'out-of-range';
}

/** An ajv error in the words of the mock's other messages. */
function ruleOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not in the spec';
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value));
    return `must be one of ${allowed.length > 10 ? `${allowed.slice(0, 10).join(', ')}, ... (${allowed.length} values)` : allowed.join(', ')}`;
  }
  return error.message ?? 'is invalid';
}

/** The findings of ajv's `errors` for `root`, the value validated, at `place` (a body's field path or a header's value). */
export function findingsOfAjv(
  errors: readonly ErrorObject[] | null | undefined,
  root: unknown,
  place: (path: readonly string[]) => AnswerPlace,
): AnswerFinding[] {
  const all = errors ?? [];
  const explained = new Set(all.filter((error) => !isComposite(error)).map((error) => error.instancePath));
  const choicePlaces = new Set(all.filter(isChoice).map((error) => error.instancePath));
  const findings: AnswerFinding[] = [];
  const merged = new Map<string, AnswerFinding>();
  const seen = new Set<string>();
  for (const error of all) {
    const at = error.instancePath;
    if (isComposite(error) && explained.has(at)) continue;
    const params = error.params as { additionalProperty?: string; missingProperty?: string };
    const field = params.additionalProperty ?? params.missingProperty;
    const path = field === undefined ? partsOf(at) : [...partsOf(at), field];
    const kind = kindOf(error, path);
    const rule = ruleOf(error);
    if (choicePlaces.has(at) && !isAboutPresence(error)) {
      const known = merged.get(at);
      if (known) {
        if (!known.rule.split(' or ').includes(rule)) known.rule = `${known.rule} or ${rule}`;
        continue;
      }
      const finding: AnswerFinding = { kind, place: place(path), rule, value: valueAt(root, path) };
      merged.set(at, finding);
      findings.push(finding);
      continue;
    }
    // For a missing field, the value shown is the object that lacks it.
    const value = valueAt(root, error.keyword === 'required' ? partsOf(at) : path);
    const key = `${kind} ${JSON.stringify(path)} ${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(value === undefined ? { kind, place: place(path), rule } : { kind, place: place(path), rule, value });
  }
  return findings;
}
