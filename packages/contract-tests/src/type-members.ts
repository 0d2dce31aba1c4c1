// Splits openapi-typescript output into named blocks - `operations.createCases`,
// `paths["/v2/servicerequest/cases"]`, `components.schemas.CreateCasesResponse` - so that a difference
// between two versions can be reported by the operation or schema it is in.

const MEMBER = /^(\s*)("[^"]+"|[\w$]+)\??: /;

/** Blocks of the members of `export interface <name>` (and, for components, of its groups), with their comments. */
export function typeMembers(source: string): Map<string, string> {
  const lines = source.split('\n');
  const blocks = new Map<string, string>();
  const collect = (start: number, indent: string, prefix: string, quoted: boolean): number => {
    let pending: string[] = [];
    let i = start;
    while (i < lines.length) {
      const line = lines[i] ?? '';
      if (!line.startsWith(indent) || line === `${indent.slice(4)}}` || line === `${indent.slice(4)}};`) return i;
      const match = MEMBER.exec(line);
      if (match && match[1] === indent) {
        const name = match[2] ?? '';
        const key = quoted && name.startsWith('"') ? `${prefix}[${name}]` : `${prefix}.${name}`;
        const body = [line];
        if (line.endsWith('{')) {
          while (i + 1 < lines.length && lines[i] !== `${indent}};`) body.push(lines[++i] ?? '');
        }
        blocks.set(key, [...pending, ...body].join('\n'));
        pending = [];
      } else {
        pending.push(line);
      }
      i += 1;
    }
    return i;
  };
  lines.forEach((line, index) => {
    const match = /^export interface (\w+) \{$/.exec(line);
    if (!match) return;
    const name = match[1] ?? '';
    if (name !== 'components') {
      collect(index + 1, '    ', name, true);
      return;
    }
    for (let i = index + 1; i < lines.length && lines[i] !== '}'; i += 1) {
      const group = /^ {4}(\w+): \{$/.exec(lines[i] ?? '');
      if (group) i = collect(i + 1, '        ', `components.${group[1]}`, false);
    }
  });
  return blocks;
}

/** The first line where two texts differ, as `line N: expected "..." but found "..."`, or undefined. */
export function firstDifference(expected: string, actual: string): string | undefined {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i])
      return `line ${i + 1}: regenerating gives ${JSON.stringify(a[i]?.trim() ?? '(nothing)')}, the built file has ${JSON.stringify(b[i]?.trim() ?? '(nothing)')}`;
  }
  return undefined;
}

/** `components.schemas.X` -> the text by which other blocks refer to it, `components["schemas"]["X"]`. */
function referenceTo(key: string): string | undefined {
  const match = /^components\.(\w+)\.(.+)$/.exec(key);
  return match ? `components["${match[1]}"]["${match[2]}"]` : undefined;
}

/** The operationIds whose types use the block `key`, directly or through other components. */
export function operationsUsing(blocks: Map<string, string>, key: string): string[] {
  if (key.startsWith('operations.')) return [key.slice('operations.'.length)];
  const affected = new Set([key]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [other, text] of blocks) {
      if (affected.has(other) || !other.startsWith('components.')) continue;
      if (
        [...affected].some((k) => {
          const ref = referenceTo(k);
          return ref !== undefined && text.includes(ref);
        })
      ) {
        affected.add(other);
        grew = true;
      }
    }
  }
  const references = [...affected].map(referenceTo).filter((ref): ref is string => ref !== undefined);
  return [...blocks]
    .filter(([other, text]) => other.startsWith('operations.') && references.some((ref) => text.includes(ref)))
    .map(([other]) => other.slice('operations.'.length));
}
