// "Try it" on every operation of the reference page (Redoc has no console of its own). The build puts a
// marker (`<div class="osm-try-it" data-operation-id="...">`) in each operation's description; this script,
// inlined in the page, turns each marker into a button and, when opened, a form prefilled from the
// operation's examples (try-it/operations.json, fetched on the first opening). Send goes to the in-page
// mock (default), its stateful sandbox, or a URL the reader gives; the in-page mock is loaded on its first
// use only (try-it/mock.js and MSW's worker script, both next to the page), so the page stays light.
import { readAnswer } from './answer.mjs';
import { buildRequest, InputError, preferredExample, withPreferExample } from './request.mjs';

const TARGETS = [
  { id: 'mock', label: 'In-page mock: the examples' },
  { id: 'sandbox', label: 'In-page sandbox: keeps what you create' },
  { id: 'url', label: 'A server at a URL (osm-mock, a proxy)' },
];
// Shared by every panel: choosing a server in one panel chooses it in all.
const settings = { target: 'mock', url: 'http://127.0.0.1:4010' };
const panels = new Map();
let operationsLoaded;
let mockStarted;

/** A URL next to the page, whatever path the page is served under (`/` or `/osm-openapi/`). */
const nextToPage = (file) => new URL(file, window.location.href).href;

/** An element with attributes (`true`: present, `false`/undefined: absent) and children (null ones skipped). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== false && value !== undefined) element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

let ids = 0;
/** A label and its control, tied by id (screen readers and tests find the control by its label). */
function labelled(text, control, hint) {
  control.id ||= `osm-try-${++ids}`;
  return h(
    'div',
    { class: 'osm-try-field' },
    h('label', { for: control.id }, text),
    control,
    hint ? h('span', { class: 'osm-try-hint' }, hint) : null,
  );
}

function loadOperations() {
  operationsLoaded ??= fetch(nextToPage('try-it/operations.json')).then((response) => {
    if (!response.ok) throw new Error(`try-it/operations.json: HTTP ${response.status}`);
    return response.json();
  });
  operationsLoaded.catch(() => {
    operationsLoaded = undefined;
  });
  return operationsLoaded;
}

/** Starts the in-page mock once; a failed start is tried again on the next call. */
function inPageMock() {
  mockStarted ??= import(nextToPage('try-it/mock.js')).then((module) =>
    module.startInPageMock({
      workerUrl: nextToPage('mockServiceWorker.js'),
      examplesUrl: nextToPage('mock/'),
      sandboxUrl: nextToPage('sandbox/'),
    }),
  );
  mockStarted.catch(() => {
    mockStarted = undefined;
  });
  return mockStarted;
}

function baseUrl() {
  if (settings.target === 'url') return settings.url.trim();
  return nextToPage(settings.target === 'sandbox' ? 'sandbox/' : 'mock/');
}

/** Shows the server choice of `settings` in every panel. */
function syncTargets() {
  for (const panel of panels.values()) {
    panel.target.value = settings.target;
    if (panel.url !== document.activeElement) panel.url.value = settings.url; // keep the caret where one types
    panel.url.closest('.osm-try-field').hidden = settings.target !== 'url';
  }
}

/** The answer as the panel shows it; an OSM code links to its row of the error-code table. */
function answerView(answer, request) {
  const errorCode =
    answer.error && /^OSM\.\d+$/.test(answer.error.code)
      ? h('a', { href: `#/error-codes#${answer.error.code}` }, answer.error.code)
      : answer.error?.code;
  return [
    h('p', { class: 'osm-try-request' }, h('code', {}, `${request.init.method} ${request.url}`)),
    h('p', { class: 'osm-try-status', 'data-status': String(answer.status) }, `${answer.status} ${answer.statusText}`.trim()),
    answer.error ? h('p', { class: 'osm-try-error' }, errorCode, `: ${answer.error.message}`) : null,
    h(
      'details',
      { class: 'osm-try-headers-view' },
      h('summary', {}, `Response headers (${answer.headers.length})`),
      h('pre', { class: 'osm-try-headers-out' }, answer.headers.map(([name, value]) => `${name}: ${value}`).join('\n')),
    ),
    answer.file
      ? h(
          'p',
          { class: 'osm-try-file' },
          `A file: ${answer.file.type}, ${answer.file.size} bytes. `,
          h('a', { href: answer.file.href, download: 'download' }, 'Save it'),
        )
      : h('pre', { class: 'osm-try-body-out', 'aria-label': 'Response body' }, answer.body || '(empty body)'),
  ];
}

/**
 * The form of one operation, prefilled from `operation` (an entry of operations.json); `file` is what a
 * file field uploads when the reader chose none.
 */
function createPanel(operationId, operation, file) {
  const target = h(
    'select',
    { class: 'osm-try-target' },
    TARGETS.map((t) => h('option', { value: t.id }, t.label)),
  );
  const url = h('input', { class: 'osm-try-url', type: 'url', spellcheck: 'false' });
  target.addEventListener('change', () => {
    settings.target = target.value;
    syncTargets();
  });
  url.addEventListener('input', () => {
    settings.url = url.value;
    syncTargets();
  });
  const example = h(
    'select',
    { class: 'osm-try-example' },
    h('option', { value: '' }, 'default (success)'),
    operation.examples.map((name) => h('option', { value: name }, name)),
  );
  const headers = h('textarea', { class: 'osm-try-headers', rows: '4', spellcheck: 'false' });
  example.addEventListener('change', () => {
    headers.value = withPreferExample(headers.value, example.value);
  });
  headers.addEventListener('input', () => {
    const named = preferredExample(headers.value);
    example.value = operation.examples.includes(named) ? named : '';
  });
  const pathInputs = operation.pathParameters.map((p) =>
    h('input', { 'data-path': p.name, spellcheck: 'false', placeholder: p.placeholder }),
  );
  const queryInputs = operation.query.map((p) => h('input', { 'data-query': p.name, spellcheck: 'false', placeholder: p.placeholder }));
  const multipart = operation.body?.fields;
  const body = operation.body && !multipart ? h('textarea', { class: 'osm-try-body', rows: '10', spellcheck: 'false' }) : null;
  const fieldInputs = (multipart ?? []).map((f) =>
    f.file ? h('input', { type: 'file', 'data-field': f.name }) : h('input', { 'data-field': f.name, spellcheck: 'false' }),
  );
  const message = h('p', { class: 'osm-try-message', role: 'status' });
  const answer = h('div', { class: 'osm-try-answer', 'aria-live': 'polite' });
  const send = h('button', { type: 'button', class: 'osm-try-send' }, 'Send');
  const reset = h('button', { type: 'button', class: 'osm-try-reset' }, 'Reset');

  function fill() {
    operation.pathParameters.forEach((p, i) => {
      pathInputs[i].value = p.value;
    });
    operation.query.forEach((p, i) => {
      queryInputs[i].value = p.value;
    });
    headers.value = operation.headers;
    example.value = '';
    if (body) body.value = operation.body.text;
    (multipart ?? []).forEach((f, i) => {
      fieldInputs[i].value = f.file ? '' : f.value;
    });
  }

  function readInput() {
    const fields = {};
    (multipart ?? []).forEach((f, i) => {
      const input = fieldInputs[i];
      fields[f.name] = f.file ? (input.files[0] ?? new File([file.text], file.name, { type: file.type })) : input.value;
    });
    return {
      base: baseUrl(),
      path: Object.fromEntries(operation.pathParameters.map((p, i) => [p.name, pathInputs[i].value])),
      query: Object.fromEntries(operation.query.map((p, i) => [p.name, queryInputs[i].value])),
      headers: headers.value,
      body: body?.value,
      fields,
    };
  }

  async function onSend() {
    // The previous answer goes at once: what is shown next is about this call.
    for (const link of answer.querySelectorAll('.osm-try-file a')) URL.revokeObjectURL(link.href);
    answer.replaceChildren();
    let request;
    try {
      request = buildRequest(operation, readInput());
    } catch (error) {
      message.textContent = error instanceof InputError ? error.message : `Cannot send: ${error.message}`;
      return;
    }
    send.disabled = true;
    try {
      if (settings.target !== 'url') {
        message.textContent = mockStarted ? 'Sending...' : 'Starting the in-page mock (the first call only)...';
        await inPageMock();
      } else {
        message.textContent = 'Sending...';
      }
      const shown = await readAnswer(await fetch(request.url, request.init));
      answer.replaceChildren(...answerView(shown, request).filter(Boolean));
      message.textContent = '';
    } catch (error) {
      const hint = settings.target === 'url' ? ' Is the server running, and does it answer CORS requests from this page?' : '';
      message.textContent = `No answer: ${error.message}.${hint}`;
    } finally {
      send.disabled = false;
    }
  }
  send.addEventListener('click', onSend);
  reset.addEventListener('click', fill);

  const group = (title, controls) => (controls.length ? h('fieldset', { class: 'osm-try-group' }, h('legend', {}, title), controls) : null);
  const element = h(
    'div',
    { class: 'osm-try-panel', 'data-operation-id': operationId },
    h(
      'div',
      { class: 'osm-try-row' },
      labelled('Server', target),
      h('div', { class: 'osm-try-field', hidden: true }, h('label', {}, 'URL', url)),
    ),
    labelled('Answer with the example', example, 'sets Prefer: example=<name>'),
    group(
      'Path',
      operation.pathParameters.map((p, i) => labelled(`${p.name}${p.required ? ' *' : ''}`, pathInputs[i])),
    ),
    group(
      'Query',
      operation.query.map((p, i) => labelled(`${p.name}${p.required ? ' *' : ''}`, queryInputs[i])),
    ),
    labelled(
      'Headers',
      headers,
      operation.optionalHeaders.length
        ? `one "Name: value" a line; also accepted: ${operation.optionalHeaders.join(', ')}`
        : 'one "Name: value" a line',
    ),
    body ? labelled(`Body (${operation.body.mediaType})`, body) : null,
    group(
      'Body (multipart/form-data)',
      (multipart ?? []).map((f, i) => labelled(f.name, fieldInputs[i], f.file ? 'no file chosen: a small text file is sent' : undefined)),
    ),
    h('div', { class: 'osm-try-actions' }, send, reset),
    message,
    answer,
  );
  fill();
  const panel = { element, target, url };
  panels.set(operationId, panel);
  syncTargets();
  return panel;
}

/** Turns a marker into its "Try it" button; the panel is built on the first click. */
function mount(marker) {
  marker.setAttribute('data-mounted', '');
  const operationId = marker.getAttribute('data-operation-id');
  const open = h('button', { type: 'button', class: 'osm-try-open', 'aria-expanded': 'false' }, 'Try it');
  const status = h('p', { class: 'osm-try-message', role: 'status' });
  marker.append(open, status);
  open.addEventListener('click', async () => {
    const existing = panels.get(operationId);
    if (existing && marker.contains(existing.element)) {
      existing.element.hidden = !existing.element.hidden;
      open.setAttribute('aria-expanded', String(!existing.element.hidden));
      return;
    }
    try {
      const loaded = await loadOperations();
      const panel = existing ?? createPanel(operationId, loaded.operations[operationId], loaded.file);
      panel.element.hidden = false;
      marker.append(panel.element);
      open.setAttribute('aria-expanded', 'true');
      status.textContent = '';
    } catch (error) {
      status.textContent =
        window.location.protocol === 'file:'
          ? 'Try it needs the page served over HTTP: npm start, or any static server for docs/dist.'
          : `Try it could not load its data: ${error.message}`;
    }
  });
}

function mountAll() {
  for (const marker of document.querySelectorAll('.osm-try-it[data-operation-id]:not([data-mounted])')) mount(marker);
}

new MutationObserver(mountAll).observe(document.body, { childList: true, subtree: true });
mountAll();
