// A small seeded random source for the server-wide latency and fault rate: the same seed gives the same
// numbers in the same order, so a run against an unreliable mock can be repeated. Math.random cannot be
// seeded; Prism's faker seed is its own and is not consumed in a fixed order per request.

/** Numbers in [0, 1), the same sequence for the same seed. */
export type RandomSource = () => number;

/** cyrb53-style 32-bit hash of the seed text, so that any string (`x`, `osm`, a date) is a seed. */
function hashSeed(seed: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/** mulberry32: a tiny generator whose whole state is one 32-bit number; ample for picking latencies and faults. */
export function seededRandom(seed: string): RandomSource {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
