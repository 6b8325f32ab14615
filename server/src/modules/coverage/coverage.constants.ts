/** Bounds and defaults of the coverage analysis (E2SFCA). */
export const COVERAGE_LIMITS = {
  catchmentMin: 100,
  catchmentMax: 10_000,
  catchmentDefault: 1_500,
  /** Weights of the 0–500, 500–1,000 and 1,000–1,500 m zones (Luo & Qi 2009 use a Gaussian; these are its steps). */
  weightsDefault: [1.0, 0.68, 0.22] as [number, number, number],
  /** A field is thinly covered city-wide with at most this many providers. */
  thinMax: 1,
} as const;
