// The TypeScript on the page compiles against the real @osm-openapi/client: every operation's sample and
// every ```ts block of the guides, and the first-ticket walkthrough (walkthrough/first-ticket.ts), are written as a module of a scratch project and type-checked by one
// strict `tsc --noEmit`. A wrong parameter name, a missing required field or a guide that drifted from
// the client's API fails here. The checker is the workspace's TypeScript 7 (tsc.shared.mjs), as a new
// consumer's would be.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsc7 } from '../../../tsc.shared.mjs';
import { typescriptSample } from '../../scripts/code-samples.mjs';
import { operations } from '../../scripts/spec-walk.mjs';

const docs = fileURLToPath(new URL('../../', import.meta.url));
const guidesDir = join(docs, 'guides');
const spec = loadSpec();

/** The ```ts blocks of a Markdown text. */
function typescriptBlocks(markdown) {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

describe('TypeScript on the page', () => {
  let project;
  const errorsByFile = new Map();
  const written = { samples: [], guides: [] };

  beforeAll(() => {
    // A consumer's project: ESM, strict, Node types, and the docs package's node_modules (which has the
    // workspace's client and mock) - the one thing not written from scratch.
    project = mkdtempSync(join(tmpdir(), 'osm-docs-typecheck-'));
    symlinkSync(join(docs, 'node_modules'), join(project, 'node_modules'), 'dir');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          types: ['node'],
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['samples/*.ts', 'guides/*.ts'],
      }),
    );
    mkdirSync(join(project, 'samples'));
    mkdirSync(join(project, 'guides'));
    for (const [path, method, operation, pathItem] of operations(spec)) {
      const file = join(project, 'samples', `${operation.operationId}.ts`);
      writeFileSync(file, typescriptSample(spec, path, method, pathItem, operation));
      written.samples.push(file);
    }
    for (const guide of readdirSync(guidesDir).filter((f) => f.endsWith('.md'))) {
      typescriptBlocks(readFileSync(join(guidesDir, guide), 'utf8')).forEach((block, i) => {
        const file = join(project, 'guides', `${guide.replace(/\.md$/, '')}-${i + 1}.ts`);
        writeFileSync(file, block);
        written.guides.push(file);
      });
    }
    const walkthrough = join(project, 'guides', 'first-ticket.ts');
    writeFileSync(walkthrough, readFileSync(join(docs, 'walkthrough', 'first-ticket.ts'), 'utf8'));
    written.guides.push(walkthrough);

    let output = '';
    try {
      execFileSync(process.execPath, [tsc7, '-p', '.', '--pretty', 'false'], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      if (typeof error.stdout !== 'string' || !error.stdout) throw error;
      output = error.stdout;
    }
    // "file(line,col): error TS1234: message" lines (paths relative to the project), continuations below them.
    let current;
    for (const line of output.split('\n')) {
      const match = /^(.+?)\(\d+,\d+\): error /.exec(line);
      if (match) {
        current = match[1];
        errorsByFile.set(current, [...(errorsByFile.get(current) ?? []), line]);
      } else if (line.trim() && current) {
        errorsByFile.get(current).push(line);
      }
    }
  });

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it(`type-checks the sample of every operation (${operations(spec).length})`, () => {
    expect(written.samples).toHaveLength(operations(spec).length);
    const failing = Object.fromEntries([...errorsByFile].filter(([file]) => file.startsWith('samples/')));
    expect(failing).toEqual({});
  });

  it('type-checks every TypeScript block of the guides', () => {
    expect(written.guides.length).toBeGreaterThanOrEqual(6);
    const failing = Object.fromEntries([...errorsByFile].filter(([file]) => file.startsWith('guides/')));
    expect(failing).toEqual({});
  });

  it('reports nothing outside the generated files', () => {
    const elsewhere = [...errorsByFile.keys()].filter((file) => !/^(samples|guides)\//.test(file));
    expect(elsewhere).toEqual([]);
  });
});
