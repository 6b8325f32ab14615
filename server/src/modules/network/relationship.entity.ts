import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { TaxonomyTermEntity } from '../fields-of-action/taxonomy-term.entity';
import { RelationshipType } from '@partneratlas/shared';
import { BaseEntity } from '../../common/base.entity';

/** A typed, dated relationship from one organisation to another. */
@Entity('organisation_relationship')
@Check('CHK_relationship_not_self', '"source_organisation_id" <> "target_organisation_id"')
export class RelationshipEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  sourceOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_organisation_id' })
  sourceOrganisation?: OrganisationEntity;

  @Index()
  @Column('uuid')
  targetOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_organisation_id' })
  targetOrganisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: RelationshipType, enumName: 'relationship_type' })
  type: RelationshipType;

  @Column('date', { nullable: true })
  validFrom: string | null;

  @Column('date', { nullable: true })
  validTo: string | null;

  @Column('text', { nullable: true })
  fieldOfActionCode: string | null;

  @ManyToOne(() => TaxonomyTermEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'field_of_action_code' })
  fieldOfAction?: TaxonomyTermEntity | null;

  @Column('text', { nullable: true })
  note: string | null;
}
