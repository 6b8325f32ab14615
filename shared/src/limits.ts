/** Bounds on API arguments, shared so that the client validates the same way as the server. */
export const LIMITS = {
  pageSizeMax: 100,
  pageSizeDefault: 20,
  textMaxLength: 200,
  radiusMetersMax: 50_000,
  queryDepthMax: 8,
  filterListMax: 50,
  /** Names, titles, street names … */
  nameMaxLength: 200,
  /** Descriptions, notes, eligibility … */
  longTextMaxLength: 5000,
  passwordMinLength: 12,
  passwordMaxLength: 256,
} as const;
