import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AreaEntity } from './area.entity';

/** Yearly statistics of an area. Every figure is nullable: unknown stays unknown. */
@Entity('area_statistic')
@Index(['areaId', 'year'], { unique: true })
export class AreaStatisticEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  areaId: string;

  @ManyToOne(() => AreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: AreaEntity;

  @Column('int')
  year: number;

  @Column('date', { nullable: true })
  referenceDate: string | null;

  @Column('int', { nullable: true })
  population: number | null;

  @Column('int', { nullable: true })
  foreignNationals: number | null;

  @Column('int', { nullable: true })
  migrationBackground: number | null;

  /** What the population figure counts (e.g. main + secondary residence). */
  @Column('text', { nullable: true })
  definition: string | null;

  @Column('text', { nullable: true })
  source: string | null;
}
