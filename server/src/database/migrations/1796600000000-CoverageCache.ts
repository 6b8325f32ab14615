import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issues #4/#9: computed coverage is kept and reused until the data it depends on changes.
 *
 * `coverage_state` holds one counter, `data_version`, raised once by every committed transaction that changed
 * anything coverage reads (places, services and their fields of action, publication status, capacity, languages,
 * areas and their population, the taxonomy hierarchy). The triggers are deferred to the commit, so the counter
 * row is locked only for the last instant of a writing transaction (no lock held across the rest of it, no
 * deadlock with the rows it edits) and a reader sees the new counter exactly when it sees the new data.
 * `coverage_result` holds computed results by parameter key with the counter value they were computed at.
 */
const WATCHED: { table: string; update: string; when?: string }[] = [
  { table: 'location', update: 'UPDATE OF geom, geom_utm, organisation_id' },
  { table: 'service', update: 'UPDATE OF status, capacity, languages, organisation_id' },
  { table: 'service_taxonomy_term', update: 'UPDATE' },
  { table: 'service_at_location', update: 'UPDATE' },
  { table: 'organization', update: 'UPDATE OF status', when: 'OLD.status IS DISTINCT FROM NEW.status' },
  { table: 'area', update: 'UPDATE OF kind, name, code, geom, centre_utm, parent_id' },
  { table: 'area_statistic', update: 'UPDATE' },
  { table: 'taxonomy_term', update: 'UPDATE OF code, parent_code, taxonomy_id' },
];

export class CoverageCache1796600000000 implements MigrationInterface {
  name = 'CoverageCache1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "coverage_state" ("id" smallint NOT NULL, "data_version" bigint NOT NULL DEFAULT '0', "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e0a7d1b2c1e8f0d0c6c4b0c9a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "coverage_state" ("id", "data_version") VALUES (1, 0)`);
    await queryRunner.query(
      `CREATE TABLE "coverage_result" ("key" text NOT NULL, "data_version" bigint NOT NULL, "rows" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "compute_ms" integer NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7c3f0b9e5d6a4c2b8e1f0a9d3c7" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_coverage_result_used_at" ON "coverage_result" ("used_at") `);
    await queryRunner.query(`CREATE FUNCTION pa_coverage_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- once per transaction: the first change raises the counter, the others find the flag set
  IF coalesce(current_setting('partneratlas.coverage_changed', true), '') <> 'on' THEN
    PERFORM set_config('partneratlas.coverage_changed', 'on', true);
    UPDATE coverage_state SET data_version = data_version + 1, changed_at = now() WHERE id = 1;
  END IF;
  RETURN NULL;
END $$`);
    for (const w of WATCHED) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER pa_coverage_changed AFTER INSERT OR DELETE ON "${w.table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pa_coverage_changed()`,
      );
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER pa_coverage_updated AFTER ${w.update} ON "${w.table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW${w.when ? ` WHEN (${w.when})` : ''} EXECUTE FUNCTION pa_coverage_changed()`,
      );
      // TRUNCATE fires no row triggers: a statement trigger raises the counter at once
      await queryRunner.query(
        `CREATE TRIGGER pa_coverage_truncated AFTER TRUNCATE ON "${w.table}" FOR EACH STATEMENT EXECUTE FUNCTION pa_coverage_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const w of [...WATCHED].reverse()) {
      await queryRunner.query(`DROP TRIGGER pa_coverage_truncated ON "${w.table}"`);
      await queryRunner.query(`DROP TRIGGER pa_coverage_updated ON "${w.table}"`);
      await queryRunner.query(`DROP TRIGGER pa_coverage_changed ON "${w.table}"`);
    }
    await queryRunner.query(`DROP FUNCTION pa_coverage_changed()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_coverage_result_used_at"`);
    await queryRunner.query(`DROP TABLE "coverage_result"`);
    await queryRunner.query(`DROP TABLE "coverage_state"`);
  }
}
