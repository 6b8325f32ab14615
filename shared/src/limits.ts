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
  /** Coordinates typed or picked by editors must lie in the Göttingen region (Landkreis Göttingen and around). */
  coordinateBox: { south: 51.2, north: 51.8, west: 9.5, east: 10.4 },
  passwordMinLength: 12,
  passwordMaxLength: 256,
} as const;
