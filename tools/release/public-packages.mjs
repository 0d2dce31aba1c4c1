// The workspace's published packages: every packages/*/package.json without "private": true.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Lists the public packages of the workspace at `root`, sorted by name.
 * @param {string} root the repository root
 * @returns {{ name: string, dir: string, manifest: Record<string, unknown> }[]} `dir` is relative to `root`, with `/`
 */
export function readPublicPackages(root) {
  const packages = [];
  for (const folder of readdirSync(join(root, 'packages'))) {
    const file = join(root, 'packages', folder, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (manifest.private) continue;
    packages.push({ name: manifest.name, dir: `packages/${folder}`, manifest });
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}
