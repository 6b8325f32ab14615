import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Answers of the geocoder, by address: the same address is asked once (Nominatim's policy asks for caching).
 * `results` are the service's candidates as received (latitude, longitude, display name); the coordinate box is
 * applied when they are read, so a changed box never needs a new request.
 */
@Entity('geocode_cache')
export class GeocodeCacheEntity {
  /** SHA-1 of the geocoder URL and the normalised query. */
  @PrimaryColumn('text')
  key: string;

  /** The query as sent (structured address fields or free text). */
  @Column('jsonb')
  query: Record<string, string>;

  @Column('jsonb')
  results: { latitude: number; longitude: number; displayName: string }[];

  @Index()
  @Column('timestamptz', { default: () => 'now()' })
  fetchedAt: Date;
}

/**
 * The pace of geocoder requests for the whole installation (all server processes and the CLI share the database):
 * one row; each request reserves the next free slot atomically (`next_at` moves on by the minimum interval).
 */
@Entity('geocoder_pace')
export class GeocoderPaceEntity {
  @PrimaryColumn('smallint')
  id: number;

  /** The earliest time the next request may be sent. */
  @Column('timestamptz')
  nextAt: Date;
}
