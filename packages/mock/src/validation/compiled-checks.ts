// The compiled schemas of one document: one ajv, made on the first check (cold start matters: a mock
// that never checks an answer never pays for ajv), and each schema compiled once, on its first use (a few
// milliseconds each), then kept under the key its caller gives it.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { findingsOfAjv } from './ajv-findings.js';
import type { AnswerFinding, AnswerPlace } from './answer-finding.js';
import { saysError } from './error-body.js';
import { COMPONENTS_ID, prepareSchema } from './prepared-schema.js';
import { type OpenApiDocument, resolve } from './response-lookup.js';

/** The findings of one value against one schema, its places made by `place`. */
export type ValueCheck = (value: unknown, place: (path: readonly string[]) => AnswerPlace) => AnswerFinding[];

/** The compile cache of a document. */
export interface CompiledChecks {
  /** The check compiled from `schema` (a schema of the document, unprepared) under `key`, compiled now if it is the first use of `key`. */
  check(key: string, schema: unknown): ValueCheck;
}

export function compiledChecks(document: OpenApiDocument): CompiledChecks {
  let ajv: Ajv | undefined;
  const compiled = new Map<string, ValueCheck>();

  function ajvOnce(): Ajv {
    if (ajv) return ajv;
    // allErrors: whoever reads a finding (a test author fixing an answer, a maintainer reading the drift
    // report) wants every wrong field at once, not one per run.
    // inlineRefs off: a schema many responses share (OsmErrorBody, IncidentInfoV2) is compiled once and
    // reused by each, instead of its code being generated again inside every response that refers to it.
    ajv = new Ajv({ strict: false, allErrors: true, logger: false, inlineRefs: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: COMPONENTS_ID, components: prepareSchema(document.components ?? {}) as object });
    return ajv;
  }

  /**
   * A schema that is a choice (`anyOf`/`oneOf`, as OSM's "a business error, or the result" bodies are) is
   * compiled branch by branch, so that an invalid value is explained by one branch rather than by all at
   * once: among the branches of its own sort (a body with a non-empty `error_code` is a business error:
   * the branches requiring `error_code`; any other body: the rest), the one it came nearest to (fewest findings).
   */
  function compile(schema: unknown): ValueCheck {
    const prepared = prepareSchema(schema) as { anyOf?: unknown[]; oneOf?: unknown[] };
    const branches = prepared.anyOf ?? prepared.oneOf;
    const onlyAChoice = branches && Object.keys(prepared).every((key) => ['anyOf', 'oneOf', 'description', 'title'].includes(key));
    if (!branches || !onlyAChoice) {
      const whole = ajvOnce().compile(prepared as object);
      return (value, place) => (whole(value) ? [] : findingsOfAjv(whole.errors, value, place));
    }
    // Which branches are error bodies is read from the document (a prepared `$ref` points outside it).
    const original = schema as { anyOf?: unknown[]; oneOf?: unknown[] };
    const errorBranch = (original.anyOf ?? original.oneOf ?? []).map((branch) => {
      const required = resolve<{ required?: unknown }>(document, branch)?.required;
      return Array.isArray(required) && required.includes('error_code');
    });
    const each: ValidateFunction[] = branches.map((branch) => ajvOnce().compile(branch as object));
    const oneOf = prepared.oneOf !== undefined;
    return (value, place) => {
      const matched = each.filter((validate) => validate(value)).length;
      if (oneOf ? matched === 1 : matched > 0) return [];
      if (matched > 1)
        return [{ kind: 'wrong-type', place: place([]), rule: `must match exactly one schema of oneOf, matches ${matched}`, value }];
      const isError = saysError(value);
      const ofItsSort = each.map((_, index) => index).filter((index) => errorBranch[index] === isError);
      const candidates = ofItsSort.length ? ofItsSort : each.map((_, index) => index);
      let nearest: AnswerFinding[] | undefined;
      for (const index of candidates) {
        const validate = each[index]!;
        validate(value);
        const found = findingsOfAjv(validate.errors, value, place);
        if (!nearest || found.length < nearest.length) nearest = found;
      }
      return nearest ?? [];
    };
  }

  return {
    check(key, schema) {
      let check = compiled.get(key);
      if (!check) {
        check = compile(schema);
        compiled.set(key, check);
      }
      return check;
    },
  };
}
