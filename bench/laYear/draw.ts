/**
 * Deterministic draws for the simulated year: a number in [0, 1) from a fixed seed and a name (the case,
 * the step, what is being decided). Named draws, not one stream, so the same case makes the same choice
 * however the concurrent updates happen to interleave.
 */
export function draw(seed: number, ...name: (string | number)[]): number {
  // FNV-1a over the name, then murmur3's finaliser to spread the bits.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const ch of name.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  // ^ yields a signed 32-bit integer: read it back as unsigned.
  return (h >>> 0) / 2 ** 32;
}

/** A whole number in [0, n). */
export function pick(n: number, seed: number, ...name: (string | number)[]): number {
  return Math.floor(draw(seed, ...name) * n);
}

/** One of the weighted choices. */
export function weighted<T extends string>(choices: [T, number][], seed: number, ...name: (string | number)[]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let x = draw(seed, ...name) * total;
  for (const [c, w] of choices) {
    if (x < w) return c;
    x -= w;
  }
  return choices[choices.length - 1][0];
}
