import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TaxonomyKind } from '@partneratlas/shared';

/** HSDS `taxonomy`: a named vocabulary (fields of action, target groups). */
@Entity('taxonomy')
export class TaxonomyEntity {
  @PrimaryColumn('text')
  id: string;

  @Column({ type: 'enum', enum: TaxonomyKind, enumName: 'taxonomy_kind' })
  kind: TaxonomyKind;

  @Column('text')
  nameDe: string;

  @Column('text')
  nameEn: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { nullable: true })
  source: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
