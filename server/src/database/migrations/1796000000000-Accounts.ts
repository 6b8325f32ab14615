import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #5: users, sessions, sign-in throttling, invitations, contact persons, audit records and pending changes. */
export class Accounts1796000000000 implements MigrationInterface {
  name = 'Accounts1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'COORDINATOR', 'EDITOR')`);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "email" text NOT NULL, "display_name" text, "password_hash" text, "role" "public"."user_role" NOT NULL, "trusted" boolean NOT NULL DEFAULT false, "disabled_at" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "user_organisation" ("user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d599e115321426b27bca2a4b358" PRIMARY KEY ("user_id", "organisation_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d9628e009b6d71bf677c04f849" ON "user_organisation" ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "csrf_token" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "user_agent" text, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_session_token_hash" ON "user_session" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "email_key" text NOT NULL, "ip" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "success" boolean NOT NULL, CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_eb6a33f0fbab5d2ba976c3372d" ON "login_attempt" ("email_key", "ip", "at") `);
    await queryRunner.query(
      `CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "email" text NOT NULL, "display_name" text, "role" "public"."user_role" NOT NULL, "organisation_ids" uuid array NOT NULL DEFAULT '{}', "invited_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invitation_token_hash" ON "invitation" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "organisation_id" uuid NOT NULL, "name" text NOT NULL, "title" text, "email" text, "phone" text, "consent_to_publish" boolean NOT NULL DEFAULT false, "consent_date" date, CONSTRAINT "PK_2cbbe00f59ab6b3bb5b8d19f989" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a7416b5eea3776d4b6034eddf7" ON "contact" ("organisation_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."editable_entity" AS ENUM('ORGANISATION', 'LOCATION', 'SERVICE', 'CONTACT_PERSON', 'RELATIONSHIP', 'NETWORK_MEMBERSHIP')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."audit_action" AS ENUM('CREATE', 'UPDATE', 'DELETE', 'ARCHIVE', 'PUBLISH', 'CONFIRM', 'APPROVE', 'RESTORE', 'ERASE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_record" ("id" BIGSERIAL NOT NULL, "change_id" uuid NOT NULL, "entity_type" "public"."editable_entity" NOT NULL, "entity_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "field" text NOT NULL, "old_value" jsonb, "new_value" jsonb, "action" "public"."audit_action" NOT NULL, "actor_id" uuid, "actor_label" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c07dcda4cbae68f1cbbe6d7426" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c78edacdd6b08ade9f4a20098b" ON "audit_record" ("change_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a1c7d8f4a61f3c7f277f4de6c2" ON "audit_record" ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5a8054be65f72a7460391be970" ON "audit_record" ("entity_type", "entity_id") `);
    await queryRunner.query(`CREATE TYPE "public"."edit_operation" AS ENUM('CREATE', 'UPDATE', 'DELETE')`);
    await queryRunner.query(`CREATE TYPE "public"."change_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED')`);
    await queryRunner.query(
      `CREATE TABLE "pending_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "entity_type" "public"."editable_entity" NOT NULL, "entity_id" uuid, "operation" "public"."edit_operation" NOT NULL, "base_version" integer, "payload" jsonb NOT NULL, "status" "public"."change_status" NOT NULL DEFAULT 'PENDING', "proposed_by_id" uuid, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reviewed_by_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "rejection_reason" text, CONSTRAINT "PK_579f98e9ed2bdfa17bc66362a3b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6499631971e7386c755f45cb09" ON "pending_change" ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_51909bf1ab9c15eed3e8713ab2" ON "pending_change" ("status") `);
    await queryRunner.query(
      `ALTER TABLE "user_organisation" ADD CONSTRAINT "FK_81c4608739c8cf71fa1f96e11ae" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_organisation" ADD CONSTRAINT "FK_d9628e009b6d71bf677c04f8494" FOREIGN KEY ("organisation_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "FK_9fcebfddfa4369ac0e3c26dc8a3" FOREIGN KEY ("invited_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact" ADD CONSTRAINT "FK_a7416b5eea3776d4b6034eddf74" FOREIGN KEY ("organisation_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pending_change" ADD CONSTRAINT "FK_6499631971e7386c755f45cb094" FOREIGN KEY ("organisation_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pending_change" ADD CONSTRAINT "FK_7200377a493c6113fdb8fc5eb7c" FOREIGN KEY ("proposed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pending_change" DROP CONSTRAINT "FK_7200377a493c6113fdb8fc5eb7c"`);
    await queryRunner.query(`ALTER TABLE "pending_change" DROP CONSTRAINT "FK_6499631971e7386c755f45cb094"`);
    await queryRunner.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_a7416b5eea3776d4b6034eddf74"`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "FK_9fcebfddfa4369ac0e3c26dc8a3"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"`);
    await queryRunner.query(`ALTER TABLE "user_organisation" DROP CONSTRAINT "FK_d9628e009b6d71bf677c04f8494"`);
    await queryRunner.query(`ALTER TABLE "user_organisation" DROP CONSTRAINT "FK_81c4608739c8cf71fa1f96e11ae"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51909bf1ab9c15eed3e8713ab2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6499631971e7386c755f45cb09"`);
    await queryRunner.query(`DROP TABLE "pending_change"`);
    await queryRunner.query(`DROP TYPE "public"."change_status"`);
    await queryRunner.query(`DROP TYPE "public"."edit_operation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5a8054be65f72a7460391be970"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a1c7d8f4a61f3c7f277f4de6c2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c78edacdd6b08ade9f4a20098b"`);
    await queryRunner.query(`DROP TABLE "audit_record"`);
    await queryRunner.query(`DROP TYPE "public"."audit_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a7416b5eea3776d4b6034eddf7"`);
    await queryRunner.query(`DROP TABLE "contact"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_invitation_token_hash"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb6a33f0fbab5d2ba976c3372d"`);
    await queryRunner.query(`DROP TABLE "login_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_session_token_hash"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9628e009b6d71bf677c04f849"`);
    await queryRunner.query(`DROP TABLE "user_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_app_user_email"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."editable_entity"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
  }
}
