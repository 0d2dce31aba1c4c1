import { readFileSync } from 'node:fs';
const { benchClientOverhead } = await import('./client-overhead.mjs');
const { renderTable } = await import('./table.mjs');
const root = '/work/main';
const spec = JSON.parse(readFileSync(`${root}/packages/spec/dist/openapi.json`, 'utf8'));
const m = await benchClientOverhead({ root, spec, rounds: 100, calls: 60 });
console.log(renderTable([{ number: 1, ...m, seconds: 0 }]));
