import { hashString32, mulberry32, rngFor, stableUuid } from './prng';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('rngFor', () => {
  it('draws integers inside the inclusive range and never picks zero-weight items', () => {
    const rng = rngFor('test');
    for (let i = 0; i < 500; i++) {
      const n = rng.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      expect(rng.weighted(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : 1))).not.toBe('b');
    }
  });

  it('samples distinct items', () => {
    const picked = rngFor('sample').sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
  });
});

describe('stableUuid', () => {
  it('is a valid version-5 UUID and stable per name', () => {
    const id = stableUuid('demo-org-17');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('demo-org-17')).toBe(id);
    expect(stableUuid('demo-org-18')).not.toBe(id);
  });

  it('matches the RFC 4122 v5 construction (DNS namespace example)', () => {
    // uuid v5 of "www.example.com" in the DNS namespace is a published test vector
    expect(stableUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('hashes labels to 32-bit unsigned integers', () => {
    expect(hashString32('a')).toBe(hashString32('a'));
    expect(hashString32('a')).not.toBe(hashString32('b'));
    expect(hashString32('abc')).toBeLessThan(2 ** 32);
  });
});
