import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #4: imported statistics of population groups by language or nationality per area and year (the language
 * gap by groups), and one record per applied area import (who imported what when).
 */
export class AreaGroupStatistics1796400000000 implements MigrationInterface {
  name = 'AreaGroupStatistics1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."area_group_kind" AS ENUM('LANGUAGE', 'NATIONALITY')`);
    await queryRunner.query(
      `CREATE TABLE "area_group_statistic" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "year" integer NOT NULL, "group_kind" "public"."area_group_kind" NOT NULL, "group_code" text NOT NULL, "group_label" text NOT NULL, "language" text NOT NULL, "persons" integer NOT NULL, "source" text, CONSTRAINT "CHK_area_group_statistic_persons" CHECK ("persons" >= 0), CONSTRAINT "PK_aac96f4613144b86869ab07776c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a4b286703c61469b795f6db1fa" ON "area_group_statistic" ("area_id", "year", "group_kind", "group_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "area_import_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_label" text NOT NULL, "file_names" text array NOT NULL DEFAULT '{}', "srid" integer NOT NULL, "summary" jsonb NOT NULL, CONSTRAINT "PK_51aee5f39031f2618484dcf3dac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_49e3b9fa86a0868beff777040c" ON "area_import_record" ("at") `);
    await queryRunner.query(
      `ALTER TABLE "area_group_statistic" ADD CONSTRAINT "FK_11c3e378d4c072daeee8ad8faab" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "area_group_statistic" DROP CONSTRAINT "FK_11c3e378d4c072daeee8ad8faab"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_49e3b9fa86a0868beff777040c"`);
    await queryRunner.query(`DROP TABLE "area_import_record"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a4b286703c61469b795f6db1fa"`);
    await queryRunner.query(`DROP TABLE "area_group_statistic"`);
    await queryRunner.query(`DROP TYPE "public"."area_group_kind"`);
  }
}
