// The list of calls to record: a JSON or YAML file holding an array of
//   { operationId, case, source?, params?: { path?, query?, header? }, body?, headers?, auth? }
// `headers` are extra request headers (e.g. `Prefer: example=businessError` for the mock);
// `auth: false` sends the call without credentials (to record a 401).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const CASE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const KNOWN_KEYS = new Set(['operationId', 'case', 'source', 'params', 'body', 'headers', 'auth']);

/** Checks one entry of a call list; throws naming the entry and what is wrong with it. */
function checkCall(call, index, file) {
  const where = `${file}, call #${index + 1}${call?.operationId ? ` (${call.operationId}/${call.case})` : ''}`;
  if (!call || typeof call !== 'object' || Array.isArray(call)) throw new Error(`${where}: must be an object`);
  if (typeof call.operationId !== 'string' || !call.operationId) throw new Error(`${where}: "operationId" is required`);
  if (typeof call.case !== 'string' || !CASE_NAME.test(call.case)) {
    throw new Error(`${where}: "case" must be a file-name-safe word (letters, digits, - and _), got ${JSON.stringify(call.case)}`);
  }
  for (const key of Object.keys(call)) {
    if (!KNOWN_KEYS.has(key)) throw new Error(`${where}: unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  if (call.auth !== undefined && call.auth !== false) throw new Error(`${where}: "auth" can only be false (send no credentials)`);
  return call;
}

/** Reads and checks a call list file (`.json`, `.yaml` or `.yml`). */
export function readCalls(file) {
  const text = readFileSync(file, 'utf8');
  const calls = file.endsWith('.json') ? JSON.parse(text) : parse(text);
  if (!Array.isArray(calls)) throw new Error(`${file}: expected a list of calls`);
  const seen = new Set();
  return calls.map((call, index) => {
    checkCall(call, index, file);
    const key = `${call.operationId}/${call.case}`;
    if (seen.has(key)) throw new Error(`${file}: ${key} is listed twice`);
    seen.add(key);
    return call;
  });
}
