import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Point } from '@partneratlas/shared';
import { BaseEntity } from '../../common/base.entity';
import { AreaEntity } from '../areas/area.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** HSDS `location` with its `address` folded in. */
@Entity('location')
export class LocationEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('text', { nullable: true })
  street: string | null;

  @Column('text', { nullable: true })
  postcode: string | null;

  @Column('text', { nullable: true })
  city: string | null;

  /** Null when coordinates are not known: the entry stays off the map, never guessed. */
  @Index({ spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  geom: Point | null;

  /** geom in UTM 32N (EPSG:25832) for metric distance tests (coverage); kept current by a trigger, never written by the app. */
  @Index('IDX_location_geom_utm', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 25832, nullable: true, select: false, insert: false, update: false })
  geomUtm: Point | null;

  @Column('text', { nullable: true })
  accessibility: string | null;

  /**
   * Where the coordinates came from when not typed or picked by a person or given in an imported file: e.g.
   * "geocoder: Markt 1, Göttingen … (© OpenStreetMap contributors)". Cleared by a trigger when the point changes otherwise.
   */
  @Column('text', { nullable: true })
  coordinatesSource: string | null;

  /** District the location lies in (set by an editor, or from district polygons when imported). */
  @Index()
  @Column('uuid', { nullable: true })
  areaId: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'area_id' })
  area?: AreaEntity | null;
}
