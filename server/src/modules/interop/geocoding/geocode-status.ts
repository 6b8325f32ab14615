/** Outcome of a geocoder lookup for an import row. */
export enum GeocodeStatus {
  /** One place (or several within AMBIGUOUS_METERS of the first): its coordinates are used. */
  FOUND = 'FOUND',
  NOT_FOUND = 'NOT_FOUND',
  /** Several places further apart: placed by hand. */
  AMBIGUOUS = 'AMBIGUOUS',
  /** Only places outside the region. */
  OUTSIDE = 'OUTSIDE',
  /** The geocoder did not answer (down, timeout, error status). */
  FAILED = 'FAILED',
  /** Not looked up: the import's lookup limit (GEOCODER_IMPORT_MAX) was reached. */
  LIMIT = 'LIMIT',
}
