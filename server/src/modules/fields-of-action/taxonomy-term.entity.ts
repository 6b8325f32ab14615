import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TaxonomyEntity } from './taxonomy.entity';

/** HSDS `taxonomy_term`, identified by a stable code. */
@Entity('taxonomy_term')
export class TaxonomyTermEntity {
  @PrimaryColumn('text')
  code: string;

  @Index()
  @Column('text')
  taxonomyId: string;

  @ManyToOne(() => TaxonomyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'taxonomy_id' })
  taxonomy?: TaxonomyEntity;

  @Column('text')
  nameDe: string;

  @Column('text')
  nameEn: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Index()
  @Column('text', { nullable: true })
  parentCode: string | null;

  @ManyToOne(() => TaxonomyTermEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_code' })
  parent?: TaxonomyTermEntity | null;

  /** false: a city-wide field that is not place-bound. */
  @Column('boolean', { default: true })
  spatial: boolean;

  @Column('int', { default: 0 })
  sortOrder: number;
}
