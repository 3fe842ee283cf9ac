/**
 * A small seeded pseudo-random generator (mulberry32) and the pure helpers built on it.
 * Every random choice of a run (shuffling, subsets, initial weights, PGD starts) draws
 * from one of these, so the same seed gives the same run on the same backend.
 */

/** A deterministic stream of numbers in [0, 1); its whole state is one 32-bit integer. */
export interface Random {
  /** The next number in [0, 1). */
  next(): number;
  /** An independent stream derived from this one (its state is not shared). */
  fork(): Random;
}

/** Creates the stream for `seed` (any integer; only its low 32 bits matter). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32: tiny, fast and well distributed for shuffling and initialisation.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    fork: () => createRandom(Math.floor(next() * 4294967296)),
  };
}

/** A uniformly random integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random.next() * n);
}

/** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
export function permutation(random: Random, n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
}

/** Fills `out` with uniform numbers in [low, high). */
export function fillUniform(random: Random, out: Float32Array, low: number, high: number): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * random.next();
  return out;
}
