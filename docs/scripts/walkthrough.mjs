// The "Your first ticket" guide from docs/walkthrough: each step of the Arazzo workflow becomes a section
// with the step's description, its block of first-ticket.ts and a curl command built from the step itself
// (operation, parameters, body, outputs). The same workflow runs against the mock in the tests, so the
// page shows a journey that is known to work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { operations } from './spec-walk.mjs';

export const ARAZZO_FILE = 'first-ticket.arazzo.yaml';
export const TYPESCRIPT_FILE = 'first-ticket.ts';

/** The workflow of the walkthrough's Arazzo file. */
export function loadWorkflow(dir) {
  const arazzo = parse(readFileSync(join(dir, ARAZZO_FILE), 'utf8'));
  return arazzo.workflows[0];
}

/** The `// step: <stepId>` blocks of first-ticket.ts, by step id (`setup` holds the client). */
export function typescriptSteps(source) {
  const blocks = new Map();
  const parts = source.split(/^\/\/ step: (\w+)\n/m);
  for (let i = 1; i < parts.length; i += 2) blocks.set(parts[i], parts[i + 1].trimEnd());
  return blocks;
}

/** `productId` -> `PRODUCT_ID`, the shell variable holding a step output. */
export function shellVariable(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** A jq filter for a `$response.body#/a/0/b` output: `.a[0].b`. */
export function jqFilter(expression) {
  const pointer = expression.replace(/^\$response\.body#/, '');
  return (
    pointer
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('') || '.'
  );
}

/** The shell text for a step value: a runtime expression becomes a variable, anything else itself. */
function shellValue(value, workflow) {
  if (typeof value !== 'string' || !value.startsWith('$')) return value;
  const step = /^\$steps\.\w+\.outputs\.(\w+)$/.exec(value);
  if (step) return `$${shellVariable(step[1])}`;
  if (value === '$inputs.token') return '$OSM_TOKEN';
  const input = /^\$inputs\.(\w+)$/.exec(value);
  const fallback = input && workflow.inputs.properties[input[1]]?.default;
  if (fallback === undefined) throw new Error(`walkthrough: no shell value for ${value}`);
  return fallback;
}

/** Replaces runtime expressions inside a request body with their shell variables. */
function shellPayload(value, workflow) {
  if (Array.isArray(value)) return value.map((v) => shellPayload(v, workflow));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shellPayload(v, workflow)]));
  }
  return shellValue(value, workflow);
}

/** The curl command of one step, against `$OSM_ENDPOINT` with `$OSM_TOKEN`; outputs land in variables. */
export function curlStep(step, workflow, operation) {
  const { path, method } = operation;
  const value = (p) => String(shellValue(p.value, workflow));
  const params = step.parameters ?? [];
  const url = path.replace(/\{(\w+)\}/g, (_, name) => value(params.find((p) => p.in === 'path' && p.name === name)));
  // -G with --data-urlencode: one query parameter a line, encoded by curl whatever the value holds.
  const query = params.filter((p) => p.in === 'query');
  if (query.length && method !== 'get') throw new Error(`walkthrough: step ${step.stepId} sends a query with ${method}`);
  const lines = [`curl -s${query.length ? ' -G' : ` -X ${method.toUpperCase()}`} "$OSM_ENDPOINT${url}"`];
  for (const p of query) lines.push(`  --data-urlencode "${p.name}=${value(p)}"`);
  for (const p of params.filter((p) => p.in === 'header')) lines.push(`  -H "${p.name}: ${value(p)}"`);
  const outputs = Object.entries(step.outputs ?? {});
  if (outputs.length > 1) throw new Error(`walkthrough: step ${step.stepId} has more than one output`);
  const [name, expression] = outputs[0] ?? [];
  const jq = name ? `jq -r '${jqFilter(expression)}'` : 'jq .';
  let command;
  if (step.requestBody) {
    // A here-document keeps the JSON readable and lets the shell fill in the variables.
    lines.push(`  -H 'Content-Type: ${step.requestBody.contentType}'`, `  --data @- <<EOF | ${jq}`);
    const payload = JSON.stringify(shellPayload(step.requestBody.payload, workflow), null, 2);
    command = `${lines.join(' \\\n')}\n${payload}\nEOF`;
  } else {
    command = `${lines.join(' \\\n')} \\\n  | ${jq}`;
  }
  if (!name) return command;
  const variable = shellVariable(name);
  return `${variable}=$(${command}${step.requestBody ? '\n' : ''})\necho "${variable}=$${variable}"`;
}

/** The guide text for every step: heading, description, TypeScript block, curl command. */
export function walkthroughMarkdown(dir, spec) {
  const workflow = loadWorkflow(dir);
  const typescript = typescriptSteps(readFileSync(join(dir, TYPESCRIPT_FILE), 'utf8'));
  const byId = new Map(operations(spec).map(([path, method, op]) => [op.operationId, { path, method, op }]));
  const sections = workflow.steps.map((step, i) => {
    const operation = byId.get(step.operationId);
    if (!operation) throw new Error(`walkthrough: step ${step.stepId} names ${step.operationId}, which the spec lacks`);
    const code = typescript.get(step.stepId);
    if (!code) throw new Error(`walkthrough: ${TYPESCRIPT_FILE} has no "// step: ${step.stepId}" block`);
    return [
      `### ${i + 1}. ${step['x-title'] ?? operation.op.summary}`,
      step.description.trim(),
      `\`\`\`ts\n${code}\n\`\`\``,
      `\`\`\`sh\n${curlStep(step, workflow, operation)}\n\`\`\``,
    ].join('\n\n');
  });
  const setup = typescript.get('setup');
  if (!setup) throw new Error(`walkthrough: ${TYPESCRIPT_FILE} has no "// step: setup" block`);
  return [`\`\`\`ts\n${setup}\n\`\`\``, ...sections].join('\n\n');
}
