// JSON nested thousands deep breaks every recursive walk over it (Prism's validator, the seed check,
// structuredClone, JSON.stringify) with "Maximum call stack size exceeded". Depth is measured here without
// recursion, before any of them runs. OSM's own bodies and the sandbox's seeds nest fewer than ten deep.

/** How deep request bodies and seeds may nest objects and arrays. */
export const MAX_NESTING = 32;

/** Whether `value` nests objects or arrays more than `limit` deep (a flat object is 1), found without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    if (entry.node === null || typeof entry.node !== 'object') continue;
    if (entry.depth > limit) return true;
    for (const child of Object.values(entry.node))
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: entry.depth + 1 });
  }
  return false;
}
