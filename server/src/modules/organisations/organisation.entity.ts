import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrganisationKind, PublicationStatus, VerificationStatus } from '@partneratlas/shared';
import type { MultiPoint } from '@partneratlas/shared';
import { BaseEntity } from '../../common/base.entity';

export interface PhoneValue {
  number: string;
  /** e.g. "Beratung", "Fax"; free text. */
  description: string | null;
}

/** HSDS `organization`. Search indexes are created by the migration (GIN, trigram, expression). */
@Entity('organization')
@Index('IDX_organization_search_vector', { synchronize: false })
@Index('IDX_organization_search_key_trgm', { synchronize: false })
@Index('IDX_organization_field_codes', { synchronize: false })
@Index('IDX_organization_target_group_codes', { synchronize: false })
@Index('IDX_organization_search_languages', { synchronize: false })
@Index('IDX_organization_area_ids', { synchronize: false })
export class OrganisationEntity extends BaseEntity {
  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  alternateName: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  phones: PhoneValue[];

  /** ISO 639-1 codes the organisation works in. */
  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Column('int', { nullable: true })
  yearFounded: number | null;

  @Index()
  @Column('uuid', { nullable: true })
  parentOrganisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'parent_organisation_id' })
  parentOrganisation?: OrganisationEntity | null;

  @Column({ type: 'enum', enum: VerificationStatus, enumName: 'verification_status', default: VerificationStatus.UNVERIFIED })
  verificationStatus: VerificationStatus;

  /** HSDS `assured_date`: when the entry was last confirmed as correct. */
  @Column('date', { nullable: true })
  lastConfirmedAt: string | null;

  @Index()
  @Column({ type: 'enum', enum: PublicationStatus, enumName: 'publication_status', default: PublicationStatus.DRAFT })
  status: PublicationStatus;

  /** Fictional example data; removable with one command. */
  @Index()
  @Column('boolean', { default: false })
  isDemo: boolean;

  /** Where the entry came from (e.g. the source list of a real organisation). */
  @Column('text', { nullable: true })
  sourceNote: string | null;

  // ---- search document, maintained by pa_refresh_organisation(); never written by the app directly ----

  @Column({ type: 'tsvector', select: false, nullable: true, insert: false, update: false })
  searchVector: string | null;

  /** Folded name (pa_fold): the sort key of alphabetical order. */
  @Index()
  @Column({ type: 'text', select: false, default: '', insert: false, update: false })
  sortName: string;

  /** Folded name + alternate name (pa_fold), for fuzzy and substring name matches. */
  @Column({ type: 'text', select: false, default: '', insert: false, update: false })
  searchKey: string;

  /** Field-of-action codes of all services, expanded with their ancestors. */
  @Column({ type: 'text', array: true, select: false, default: () => "'{}'", insert: false, update: false })
  fieldCodes: string[];

  @Column({ type: 'text', array: true, select: false, default: () => "'{}'", insert: false, update: false })
  targetGroupCodes: string[];

  /** Languages of the organisation and of all its services. */
  @Column({ type: 'text', array: true, select: false, default: () => "'{}'", insert: false, update: false })
  searchLanguages: string[];

  /**
   * All located places as one MultiPoint in ETRS89 / UTM zone 32N (EPSG:25832, metres), so radius
   * filters combine with the other indexes and distances are cheap planar ones (error < 0.1 % here).
   */
  @Index({ spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPoint', srid: 25832, nullable: true, select: false, insert: false, update: false })
  locationPointsUtm: MultiPoint | null;

  @Column({ type: 'uuid', array: true, select: false, default: () => "'{}'", insert: false, update: false })
  areaIds: string[];
}
