import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage analysis (E2SFCA) measures planar distances in UTM 32N (EPSG:25832). Two derived columns, kept
 * current by triggers, let every distance test be an index scan without transforming on the fly:
 * - location.geom_utm: the location point in EPSG:25832;
 * - area.centre_utm: the analysis centre of an area polygon in EPSG:25832 (its centroid, or a point on its
 *   surface when the centroid falls outside, e.g. for a clipped grid cell). Never shown as a published point.
 */
export class CoverageIndexes1795870000000 implements MigrationInterface {
  name = 'CoverageIndexes1795870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "location" ADD "geom_utm" geometry(Point,25832)`);
    await queryRunner.query(`ALTER TABLE "area" ADD "centre_utm" geometry(Point,25832)`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION pa_area_centre_utm(g geometry) RETURNS geometry
         LANGUAGE sql IMMUTABLE PARALLEL SAFE
         AS $$ SELECT CASE WHEN g IS NULL THEN NULL
                           WHEN ST_Intersects(ST_Centroid(u), u) THEN ST_Centroid(u) ELSE ST_PointOnSurface(u) END
                 FROM (SELECT ST_Transform(g, 25832) AS u) t $$`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION pa_location_set_geom_utm() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           NEW.geom_utm := CASE WHEN NEW.geom IS NULL THEN NULL ELSE ST_Transform(NEW.geom::geometry, 25832) END;
           RETURN NEW;
         END $$`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION pa_area_set_centre_utm() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           NEW.centre_utm := pa_area_centre_utm(NEW.geom);
           RETURN NEW;
         END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER pa_location_geom_utm BEFORE INSERT OR UPDATE OF geom, geom_utm ON "location"
         FOR EACH ROW EXECUTE FUNCTION pa_location_set_geom_utm()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER pa_area_centre_utm BEFORE INSERT OR UPDATE OF geom, centre_utm ON "area"
         FOR EACH ROW EXECUTE FUNCTION pa_area_set_centre_utm()`,
    );
    await queryRunner.query(`UPDATE "location" SET geom_utm = ST_Transform(geom::geometry, 25832) WHERE geom IS NOT NULL`);
    await queryRunner.query(`UPDATE "area" SET centre_utm = pa_area_centre_utm(geom) WHERE geom IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_location_geom_utm" ON "location" USING GiST ("geom_utm")`);
    await queryRunner.query(`CREATE INDEX "IDX_area_centre_utm" ON "area" USING GiST ("centre_utm")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_area_centre_utm"`);
    await queryRunner.query(`DROP INDEX "IDX_location_geom_utm"`);
    await queryRunner.query(`DROP TRIGGER pa_area_centre_utm ON "area"`);
    await queryRunner.query(`DROP TRIGGER pa_location_geom_utm ON "location"`);
    await queryRunner.query(`DROP FUNCTION pa_area_set_centre_utm()`);
    await queryRunner.query(`DROP FUNCTION pa_location_set_geom_utm()`);
    await queryRunner.query(`DROP FUNCTION pa_area_centre_utm(geometry)`);
    await queryRunner.query(`ALTER TABLE "area" DROP COLUMN "centre_utm"`);
    await queryRunner.query(`ALTER TABLE "location" DROP COLUMN "geom_utm"`);
  }
}
