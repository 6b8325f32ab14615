import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { MembershipRole } from '@partneratlas/shared';
import { BaseEntity } from '../../common/base.entity';

@Entity('network')
export class NetworkEntity extends BaseEntity {
  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('boolean', { default: false })
  isDemo: boolean;

  @Column('text', { nullable: true })
  sourceNote: string | null;
}

@Entity('network_membership')
@Index(['networkId', 'organisationId'], { unique: true })
export class NetworkMembershipEntity extends BaseEntity {
  @Column('uuid')
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  @Index()
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: MembershipRole, enumName: 'membership_role', default: MembershipRole.MEMBER })
  role: MembershipRole;

  @Column('date', { nullable: true })
  since: string | null;

  @Column('date', { nullable: true })
  until: string | null;
}
