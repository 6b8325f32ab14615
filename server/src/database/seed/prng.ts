import { createHash } from 'node:crypto';

/** A seeded pseudo-random source: the same seed gives the same sequence on every run and machine. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks one item; weights need not sum to 1; zero-weight items are never picked. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** A new shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items in random order (all of them when count ≥ length). */
  sample<T>(items: readonly T[], count: number): T[];
}

/** mulberry32: a tiny 32-bit generator, good enough for example data (not for cryptography). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a hash of a string (UTF-16 code units): turns a label into a PRNG seed. */
export function hashString32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator seeded from a label, e.g. `rngFor('demo-org-17')`. */
export function rngFor(label: string): Rng {
  return createRng(mulberry32(hashString32(label)));
}

export function createRng(source: () => number): Rng {
  const rng: Rng = {
    next: source,
    int: (min, max) => min + Math.floor(source() * (max - min + 1)),
    chance: (p) => source() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(source() * items.length)];
    },
    weighted: (items, weight) => {
      const total = items.reduce((sum, item) => sum + Math.max(0, weight(item)), 0);
      if (total <= 0) throw new Error('weighted pick without positive weights');
      let r = source() * total;
      for (const item of items) {
        const w = Math.max(0, weight(item));
        if (w === 0) continue;
        if (r < w) return item;
        r -= w;
      }
      // rounding at the very end of the range: the last item with a positive weight
      return [...items].reverse().find((item) => weight(item) > 0) as (typeof items)[number];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(source() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    sample: (items, count) => rng.shuffle(items).slice(0, Math.max(0, count)),
  };
  return rng;
}

/** Namespace of the seed's name-based UUIDs (a fixed random UUID; never change it, ids would move). */
export const SEED_UUID_NAMESPACE = '6f0f5c1e-2b8a-4c3e-9d57-3a1e8b0c4f21';

/**
 * RFC 4122 version-5 (SHA-1, name-based) UUID: the same name always gives the same id, so re-running the
 * seed addresses the same rows. Example: `stableUuid('demo-org-17')`.
 */
export function stableUuid(name: string, namespace: string = SEED_UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`invalid namespace UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
