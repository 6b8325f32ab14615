import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #7, optional geocoding: a cache of geocoder answers, the shared pace of geocoder requests (one row), and
 * where a location's coordinates came from, and whether an import job looked up coordinates. A trigger clears `coordinates_source` whenever the point changes without
 * a new source being written in the same statement (an editor moving the point), so it never describes a point it did
 * not produce.
 */
export class Geocoding1796500000000 implements MigrationInterface {
  name = 'Geocoding1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "geocode_cache" ("key" text NOT NULL, "query" jsonb NOT NULL, "results" jsonb NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_936dda5c9f7972c8467b42b8274" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ca83ed2eac1554e646f32012f9" ON "geocode_cache" ("fetched_at") `);
    await queryRunner.query(
      `CREATE TABLE "geocoder_pace" ("id" smallint NOT NULL, "next_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fe4b03ddf0bc6b26ff2582339f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "location" ADD "coordinates_source" text`);
    await queryRunner.query(`ALTER TABLE "import_job" ADD "geocode" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE FUNCTION pa_location_coordinates_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.coordinates_source IS NOT DISTINCT FROM OLD.coordinates_source
     AND ST_AsEWKB(NEW.geom::geometry) IS DISTINCT FROM ST_AsEWKB(OLD.geom::geometry) THEN
    NEW.coordinates_source := NULL;
  END IF;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER location_coordinates_source BEFORE UPDATE OF geom ON "location" FOR EACH ROW EXECUTE FUNCTION pa_location_coordinates_source()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER location_coordinates_source ON "location"`);
    await queryRunner.query(`DROP FUNCTION pa_location_coordinates_source()`);
    await queryRunner.query(`ALTER TABLE "import_job" DROP COLUMN "geocode"`);
    await queryRunner.query(`ALTER TABLE "location" DROP COLUMN "coordinates_source"`);
    await queryRunner.query(`DROP TABLE "geocoder_pace"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ca83ed2eac1554e646f32012f9"`);
    await queryRunner.query(`DROP TABLE "geocode_cache"`);
  }
}
