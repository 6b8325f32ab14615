import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #7: import jobs (dry run / apply) with progress, counts and the report, polled by the client. */
export class ImportJobs1796100000000 implements MigrationInterface {
  name = 'ImportJobs1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."import_kind" AS ENUM('HSDS_JSON', 'HSDS_PACKAGE', 'CSV')`);
    await queryRunner.query(`CREATE TYPE "public"."import_job_status" AS ENUM('QUEUED', 'RUNNING', 'DRY_RUN_DONE', 'APPLIED', 'FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."import_kind" NOT NULL, "status" "public"."import_job_status" NOT NULL DEFAULT 'QUEUED', "dry_run" boolean NOT NULL, "publish" boolean NOT NULL DEFAULT false, "skip_duplicates" boolean NOT NULL DEFAULT true, "file_names" text array NOT NULL DEFAULT '{}', "total_bytes" integer NOT NULL DEFAULT '0', "progress" double precision NOT NULL DEFAULT '0', "phase" text, "counts" jsonb NOT NULL DEFAULT '{}', "report" jsonb, "error" text, "created_by_id" uuid, "created_by_label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_import_job_progress" CHECK ("progress" >= 0 AND "progress" <= 1), CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3d9683b5e02c06497d0d9f48c3" ON "import_job" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_403eaf3ba5ffffba1e3393c8ca" ON "import_job" ("created_by_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9e56dfa23cbf4d5388fc6199e3" ON "import_job" ("created_at") `);
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "FK_403eaf3ba5ffffba1e3393c8ca6" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "FK_403eaf3ba5ffffba1e3393c8ca6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9e56dfa23cbf4d5388fc6199e3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_403eaf3ba5ffffba1e3393c8ca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3d9683b5e02c06497d0d9f48c3"`);
    await queryRunner.query(`DROP TABLE "import_job"`);
    await queryRunner.query(`DROP TYPE "public"."import_job_status"`);
    await queryRunner.query(`DROP TYPE "public"."import_kind"`);
  }
}
