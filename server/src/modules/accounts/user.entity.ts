import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserRole } from '@partneratlas/shared';
import { BaseEntity } from '../../common/base.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** A person who signs in. Emails are stored lower-cased; the hash is argon2id and never selected by default. */
@Entity('app_user')
export class UserEntity extends BaseEntity {
  @Index('UQ_app_user_email', { unique: true })
  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  displayName: string | null;

  /** Null until the invitation is accepted. */
  @Column('text', { nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' })
  role: UserRole;

  /** A trusted editor's changes publish without review. */
  @Column('boolean', { default: false })
  trusted: boolean;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;
}

/** An EDITOR's organisations. */
@Entity('user_organisation')
export class UserOrganisationEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index()
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A signed-in browser. Only the SHA-256 of the cookie token is stored. */
@Entity('user_session')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_user_session_token_hash', { unique: true })
  @Column('text')
  tokenHash: string;

  /** Compared with the x-csrf-token header on every mutation of this session. */
  @Column('text')
  csrfToken: string;

  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  lastSeenAt: Date;

  /** Absolute end (created + 12 h). */
  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Column('text', { nullable: true })
  userAgent: string | null;
}

/** Failed and successful sign-ins, for throttling per (email, IP). Kept short (pruned after a day). */
@Entity('login_attempt')
@Index(['emailKey', 'ip', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('text')
  emailKey: string;

  @Column('text')
  ip: string;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;

  @Column('boolean')
  success: boolean;
}

/** A one-time, expiring link that lets an invited person set a password. Only the token's hash is stored. */
@Entity('invitation')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_invitation_token_hash', { unique: true })
  @Column('text')
  tokenHash: string;

  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  displayName: string | null;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' })
  role: UserRole;

  @Column('uuid', { array: true, default: () => "'{}'" })
  organisationIds: string[];

  @Column('uuid', { nullable: true })
  invitedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy?: UserEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
