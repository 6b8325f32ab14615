import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AreaKind } from '@partneratlas/shared';
import type { MultiPolygon, Point } from '@partneratlas/shared';
import { BaseEntity } from '../../common/base.entity';

/** A city, district, grid cell or imported area. Geometry is null until an official shape exists. */
@Entity('area')
@Check('CHK_area_geom_valid', '"geom" IS NULL OR ST_IsValid("geom")')
export class AreaEntity extends BaseEntity {
  @Index()
  @Column({ type: 'enum', enum: AreaKind, enumName: 'area_kind' })
  kind: AreaKind;

  @Column('text')
  name: string;

  @Index({ unique: true })
  @Column('text')
  code: string;

  @Index({ spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326, nullable: true, select: false })
  geom: MultiPolygon | null;

  /** A representative point where one is published (not a centroid, not a boundary). */
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  point: Point | null;

  /** Analysis centre of the polygon in UTM 32N (coverage: centroid, or a point on the surface); kept by a trigger. */
  @Index('IDX_area_centre_utm', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 25832, nullable: true, select: false, insert: false, update: false })
  centreUtm: Point | null;

  @Index()
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: AreaEntity | null;

  /** Further published facts (Ortschaft, area in km², postcodes, notes). */
  @Column('jsonb', { default: () => "'{}'" })
  properties: Record<string, unknown>;

  @Column('text', { nullable: true })
  source: string | null;

  @Column('text', { nullable: true })
  attribution: string | null;
}
