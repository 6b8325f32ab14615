import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AttendingAccess, PublicationStatus } from '@partneratlas/shared';
import { BaseEntity } from '../../common/base.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { TaxonomyTermEntity } from '../fields-of-action/taxonomy-term.entity';
import { LocationEntity } from '../locations/location.entity';

/** HSDS `service`. */
@Entity('service')
export class ServiceEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  /** ISO 639-1 codes the service is offered in. */
  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  /** HSDS `fees_description`; null = unknown, "" never stored. */
  @Column('text', { nullable: true })
  fees: string | null;

  @Column('boolean', { nullable: true })
  free: boolean | null;

  /** HSDS `eligibility_description`. */
  @Column('text', { nullable: true })
  eligibility: string | null;

  @Column({ type: 'enum', enum: AttendingAccess, enumName: 'attending_access', array: true, default: '{}' })
  attendingAccess: AttendingAccess[];

  /** Places or weekly hours offered, where known (weights supply in coverage analysis). */
  @Column('int', { nullable: true })
  capacity: number | null;

  @Column({ type: 'enum', enum: PublicationStatus, enumName: 'publication_status', default: PublicationStatus.PUBLISHED })
  status: PublicationStatus;
}

/** HSDS `attribute` linking a service to a taxonomy term (field of action or target group). */
@Entity('service_taxonomy_term')
export class ServiceTaxonomyTermEntity {
  @PrimaryColumn('uuid')
  serviceId: string;

  @ManyToOne(() => ServiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: ServiceEntity;

  @Index()
  @PrimaryColumn('text')
  termCode: string;

  @ManyToOne(() => TaxonomyTermEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_code' })
  term?: TaxonomyTermEntity;
}

/** HSDS `service_at_location`. */
@Entity('service_at_location')
export class ServiceAtLocationEntity {
  @PrimaryColumn('uuid')
  serviceId: string;

  @ManyToOne(() => ServiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: ServiceEntity;

  @Index()
  @PrimaryColumn('uuid')
  locationId: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'location_id' })
  location?: LocationEntity;
}
