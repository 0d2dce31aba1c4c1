// Measurement 5: `tsc --noEmit` of a consumer file that calls all 95 operations through the client, vs
// the same file calling one operation (same compiler start-up, same libs, same client declarations: the
// difference is what checking the calls costs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsc7 as tsc } from '../../tsc.shared.mjs';
import { consumerSource } from './consumer-file.mjs';
import { now, summarize } from './stats.mjs';

/** The compiler options of a typical strict Node consumer. */
const compilerOptions = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  types: [],
  skipLibCheck: true,
};

/** A scratch consumer project in `dir` that sees the workspace's built client as a dependency. */
function writeProject(dir, root, spec) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules', '@osm-openapi'), { recursive: true });
  symlinkSync(join(root, 'packages', 'client'), join(dir, 'node_modules', '@osm-openapi', 'client'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  const variants = { all: consumerSource(spec), one: consumerSource(spec, { only: 1 }) };
  for (const [name, { source }] of Object.entries(variants)) {
    writeFileSync(join(dir, `${name}.ts`), source);
    writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }, null, 2));
  }
  return { all: variants.all.operations, one: variants.one.operations };
}

function typeCheck(dir, variant) {
  const start = now();
  const result = spawnSync(process.execPath, [tsc, '-p', `tsconfig.${variant}.json`], { cwd: dir, encoding: 'utf8' });
  const elapsed = now() - start;
  if (result.status !== 0) {
    throw new Error(`the generated consumer file ${join(dir, `${variant}.ts`)} does not type-check:\n${result.stdout}${result.stderr}`);
  }
  return elapsed;
}

/**
 * Times tsc on both consumer files, alternating them each round.
 * @param {{ root: string, spec: Record<string, any>, rounds: number }} options
 */
export function benchTypes({ root, spec, rounds }) {
  const dir = join(root, 'bench', '.tmp', 'types');
  const operations = writeProject(dir, root, spec);
  typeCheck(dir, 'all'); // warm the file system cache; also fails early on a type error
  const all = [];
  const one = [];
  for (let round = 0; round < rounds; round++) {
    all.push(typeCheck(dir, 'all'));
    one.push(typeCheck(dir, 'one'));
  }
  const subject = summarize(all, 'ms');
  const baseline = summarize(one, 'ms');
  return {
    id: 'types',
    title: 'types',
    comparisons: [
      {
        label: `tsc --noEmit, consumer calling ${operations.all} operations`,
        subject,
        baselineLabel: `same, calling ${operations.one} operation`,
        baseline,
        ratio: subject.median / baseline.median,
      },
    ],
  };
}
