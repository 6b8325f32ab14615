import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AreaEntity } from './area.entity';

/** What a population group is defined by in the imported statistics. */
export enum AreaGroupKind {
  LANGUAGE = 'LANGUAGE',
  NATIONALITY = 'NATIONALITY',
}

/**
 * Persons of one group (a language, or a nationality) living in an area in a year, as imported.
 * `language` (ISO 639-1) is the language the group speaks according to the imported data: for language groups
 * it is the group itself; for nationality groups it must be given in the file. It is never derived here.
 */
@Entity('area_group_statistic')
@Index(['areaId', 'year', 'groupKind', 'groupCode'], { unique: true })
@Check('CHK_area_group_statistic_persons', '"persons" >= 0')
export class AreaGroupStatisticEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  areaId: string;

  @ManyToOne(() => AreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: AreaEntity;

  @Column('int')
  year: number;

  @Column({ type: 'enum', enum: AreaGroupKind, enumName: 'area_group_kind' })
  groupKind: AreaGroupKind;

  /** The language (ISO 639-1) or nationality code (e.g. ISO 3166-1 alpha-2) as given in the file. */
  @Column('text')
  groupCode: string;

  @Column('text')
  groupLabel: string;

  /** ISO 639-1 code of the group's language, from the data. */
  @Column('text')
  language: string;

  @Column('int')
  persons: number;

  @Column('text', { nullable: true })
  source: string | null;
}
