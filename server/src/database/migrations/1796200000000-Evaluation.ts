import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #8: guiding goals and their fields of action, frozen evaluation snapshots, re-confirmation periods. */
export class Evaluation1796200000000 implements MigrationInterface {
  name = 'Evaluation1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guiding_goal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "title" text NOT NULL, "description" text, "period" text, "source" text, "source_url" text, "sort_order" integer NOT NULL DEFAULT '0', "seed_key" text, "deleted_at" TIMESTAMP WITH TIME ZONE, "updated_by_id" uuid, CONSTRAINT "PK_bb072c8b647e80e2e5b45bed7ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_guiding_goal_seed_key" ON "guiding_goal" ("seed_key") `);
    await queryRunner.query(
      `CREATE TABLE "guiding_goal_field" ("goal_id" uuid NOT NULL, "field_code" text NOT NULL, CONSTRAINT "PK_caf60711fb57cd93df1c75539c4" PRIMARY KEY ("goal_id", "field_code"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_184a95335ee49fcfcd6f70c02b" ON "guiding_goal_field" ("field_code") `);
    await queryRunner.query(
      `CREATE TABLE "evaluation_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "snapshot_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_id" uuid, "created_by_label" text, "data" jsonb NOT NULL, CONSTRAINT "PK_327cdc1bd5ed405b708dbfc965b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b30ac9ce2f892c9e111d934ddc" ON "evaluation_snapshot" ("snapshot_date") `);
    await queryRunner.query(
      `CREATE TABLE "evaluation_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_by_id" uuid, "started_by_label" text, CONSTRAINT "PK_afff8769af5b884de5ec8f0d3b5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1f03a1a2db318383e0a2541749" ON "evaluation_period" ("started_at") `);
    await queryRunner.query(
      `ALTER TABLE "guiding_goal" ADD CONSTRAINT "FK_03343baafabb52a3869229876d3" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guiding_goal_field" ADD CONSTRAINT "FK_22dbf4d2de15cc539a4f8edfe40" FOREIGN KEY ("goal_id") REFERENCES "guiding_goal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guiding_goal_field" ADD CONSTRAINT "FK_184a95335ee49fcfcd6f70c02b3" FOREIGN KEY ("field_code") REFERENCES "taxonomy_term"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_snapshot" ADD CONSTRAINT "FK_25523e14c1127fe6a5039baeed6" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_period" ADD CONSTRAINT "FK_787bd691f75bbb5d616018914c4" FOREIGN KEY ("started_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_period" DROP CONSTRAINT "FK_787bd691f75bbb5d616018914c4"`);
    await queryRunner.query(`ALTER TABLE "evaluation_snapshot" DROP CONSTRAINT "FK_25523e14c1127fe6a5039baeed6"`);
    await queryRunner.query(`ALTER TABLE "guiding_goal_field" DROP CONSTRAINT "FK_184a95335ee49fcfcd6f70c02b3"`);
    await queryRunner.query(`ALTER TABLE "guiding_goal_field" DROP CONSTRAINT "FK_22dbf4d2de15cc539a4f8edfe40"`);
    await queryRunner.query(`ALTER TABLE "guiding_goal" DROP CONSTRAINT "FK_03343baafabb52a3869229876d3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f03a1a2db318383e0a2541749"`);
    await queryRunner.query(`DROP TABLE "evaluation_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b30ac9ce2f892c9e111d934ddc"`);
    await queryRunner.query(`DROP TABLE "evaluation_snapshot"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_184a95335ee49fcfcd6f70c02b"`);
    await queryRunner.query(`DROP TABLE "guiding_goal_field"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_guiding_goal_seed_key"`);
    await queryRunner.query(`DROP TABLE "guiding_goal"`);
  }
}
