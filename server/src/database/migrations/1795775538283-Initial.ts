import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_FUNCTIONS_DOWN, SEARCH_FUNCTIONS_UP } from './sql/search-functions';

export class Initial1795775538283 implements MigrationInterface {
  name = 'Initial1795775538283';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE TYPE "public"."area_kind" AS ENUM('CITY', 'DISTRICT', 'GRID_CELL', 'IMPORTED')`);
    await queryRunner.query(
      `CREATE TABLE "area" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "kind" "public"."area_kind" NOT NULL, "name" text NOT NULL, "code" text NOT NULL, "geom" geometry(MultiPolygon,4326), "point" geometry(Point,4326), "parent_id" uuid, "properties" jsonb NOT NULL DEFAULT '{}', "source" text, "attribution" text, CONSTRAINT "PK_39d5e4de490139d6535d75f42ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_29331c7eb0061dde2021747723" ON "area" ("kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4aa797d975cf8ea8fe936098e0" ON "area" ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_aa4977b10faa3013d2c482860b" ON "area" USING GiST ("geom") `);
    await queryRunner.query(`CREATE INDEX "IDX_e0ff3ff7bd13b1432682edae8b" ON "area" ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "area_statistic" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "year" integer NOT NULL, "reference_date" date, "population" integer, "foreign_nationals" integer, "migration_background" integer, "definition" text, "source" text, CONSTRAINT "PK_52ad3b66931930ca287de5c9372" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_58ebab8a1fdd8225788306b650" ON "area_statistic" ("area_id", "year") `);
    await queryRunner.query(`CREATE TYPE "public"."taxonomy_kind" AS ENUM('FIELD_OF_ACTION', 'TARGET_GROUP')`);
    await queryRunner.query(
      `CREATE TABLE "taxonomy" ("id" text NOT NULL, "kind" "public"."taxonomy_kind" NOT NULL, "name_de" text NOT NULL, "name_en" text NOT NULL, "description" text, "source" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_36dd19c538ef0f3d368a5ed1e09" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "taxonomy_term" ("code" text NOT NULL, "taxonomy_id" text NOT NULL, "name_de" text NOT NULL, "name_en" text NOT NULL, "description" text, "parent_code" text, "spatial" boolean NOT NULL DEFAULT true, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_be4a07c738eddf4ad2f452de6b5" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8b6af371d1e32e98520854bf9e" ON "taxonomy_term" ("taxonomy_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_162b21918684d9a51b043f6fba" ON "taxonomy_term" ("parent_code") `);
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('MIGRANT_SELF_ORGANISATION', 'EDUCATION_PROVIDER', 'COUNSELLING_SERVICE', 'WELFARE_ASSOCIATION', 'PUBLIC_AUTHORITY', 'INITIATIVE_OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."verification_status" AS ENUM('UNVERIFIED', 'VERIFIED')`);
    await queryRunner.query(`CREATE TYPE "public"."publication_status" AS ENUM('DRAFT', 'PUBLISHED', 'ARCHIVED')`);
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "kind" "public"."organisation_kind" NOT NULL, "name" text NOT NULL, "alternate_name" text, "description" text, "website" text, "email" text, "phones" jsonb NOT NULL DEFAULT '[]', "languages" text array NOT NULL DEFAULT '{}', "year_founded" integer, "parent_organisation_id" uuid, "verification_status" "public"."verification_status" NOT NULL DEFAULT 'UNVERIFIED', "last_confirmed_at" date, "status" "public"."publication_status" NOT NULL DEFAULT 'DRAFT', "is_demo" boolean NOT NULL DEFAULT false, "source_note" text, "search_vector" tsvector, "sort_name" text NOT NULL DEFAULT '', "search_key" text NOT NULL DEFAULT '', "field_codes" text array NOT NULL DEFAULT '{}', "target_group_codes" text array NOT NULL DEFAULT '{}', "search_languages" text array NOT NULL DEFAULT '{}', "area_ids" uuid array NOT NULL DEFAULT '{}', "location_points_utm" geometry(MultiPoint,25832), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bfd3cb740f33152177e303fb2e" ON "organization" ("parent_organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_df828d50a3df9f5c123197caf3" ON "organization" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_11279a3d85d0704a91396641f4" ON "organization" ("is_demo") `);
    await queryRunner.query(`CREATE INDEX "IDX_94c9cc93bdc8b7bf888946a76b" ON "organization" ("sort_name") `);
    await queryRunner.query(`CREATE INDEX "IDX_bea6513aa1855f139a7ce24b97" ON "organization" USING GiST ("location_points_utm") `);
    await queryRunner.query(
      `CREATE TABLE "location" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "organisation_id" uuid NOT NULL, "name" text, "street" text, "postcode" text, "city" text, "geom" geography(Point,4326), "accessibility" text, "area_id" uuid, CONSTRAINT "PK_876d7bdba03c72251ec4c2dc827" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_99dbeb4287fe269acc52b4fa5e" ON "location" ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fd9eaf41fdd25c7fafdf9a8486" ON "location" USING GiST ("geom") `);
    await queryRunner.query(`CREATE INDEX "IDX_77147ef1d77588ab6fb64d8d22" ON "location" ("area_id") `);
    await queryRunner.query(`CREATE TYPE "public"."attending_access" AS ENUM('APPOINTMENT', 'DROP_IN', 'REFERRAL')`);
    await queryRunner.query(
      `CREATE TABLE "service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "organisation_id" uuid NOT NULL, "name" text NOT NULL, "description" text, "languages" text array NOT NULL DEFAULT '{}', "fees" text, "free" boolean, "eligibility" text, "attending_access" "public"."attending_access" array NOT NULL DEFAULT '{}', "capacity" integer, "status" "public"."publication_status" NOT NULL DEFAULT 'PUBLISHED', CONSTRAINT "PK_85a21558c006647cd76fdce044b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f6f488aaff5f6e4ad8e0c0af43" ON "service" ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "service_taxonomy_term" ("service_id" uuid NOT NULL, "term_code" text NOT NULL, CONSTRAINT "PK_74dacb8b55af3bddee0366f3d4b" PRIMARY KEY ("service_id", "term_code"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9fc322d57dae9795ad13579aab" ON "service_taxonomy_term" ("term_code") `);
    await queryRunner.query(
      `CREATE TABLE "service_at_location" ("service_id" uuid NOT NULL, "location_id" uuid NOT NULL, CONSTRAINT "PK_a69ccde6acb9ff6463317b23aac" PRIMARY KEY ("service_id", "location_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8b289099c434ed6b72c887fe3c" ON "service_at_location" ("location_id") `);
    await queryRunner.query(`CREATE TYPE "public"."weekday" AS ENUM('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')`);
    await queryRunner.query(
      `CREATE TABLE "schedule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "location_id" uuid, "service_id" uuid, "byday" "public"."weekday" NOT NULL, "opens_at" TIME, "closes_at" TIME, "description" text, CONSTRAINT "PK_1c05e42aec7371641193e180046" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2dc806f81fb92601c055a57afb" ON "schedule" ("location_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_aeec1ea313799187cac733f548" ON "schedule" ("service_id") `);
    await queryRunner.query(
      `CREATE TABLE "network" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" text NOT NULL, "description" text, "website" text, "is_demo" boolean NOT NULL DEFAULT false, "source_note" text, CONSTRAINT "PK_8f8264c2d37cbbd8282ee9a3c97" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."membership_role" AS ENUM('MEMBER', 'COORDINATING_BODY')`);
    await queryRunner.query(
      `CREATE TABLE "network_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "network_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" "public"."membership_role" NOT NULL DEFAULT 'MEMBER', "since" date, "until" date, CONSTRAINT "PK_2285cd04012f9c6aebab91fa91e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f07c9d22a3afd28fe7c62928f5" ON "network_membership" ("organisation_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2cfa69ac883f1ba1a1ae829315" ON "network_membership" ("network_id", "organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."relationship_type" AS ENUM('COOPERATION', 'REFERRAL', 'FUNDING', 'MEMBERSHIP', 'UMBRELLA')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_relationship" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "source_organisation_id" uuid NOT NULL, "target_organisation_id" uuid NOT NULL, "type" "public"."relationship_type" NOT NULL, "valid_from" date, "valid_to" date, "field_of_action_code" text, "note" text, CONSTRAINT "PK_b6137bb7902f808de3df04e2e90" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1539912cdd2656c004aea55a0f" ON "organisation_relationship" ("source_organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_aa00ab067edf54dfc63308cd5e" ON "organisation_relationship" ("target_organisation_id") `);
    await queryRunner.query(
      `ALTER TABLE "area" ADD CONSTRAINT "FK_e0ff3ff7bd13b1432682edae8b7" FOREIGN KEY ("parent_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "area_statistic" ADD CONSTRAINT "FK_51fa4bc0b2f4d495ef0523fa834" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "taxonomy_term" ADD CONSTRAINT "FK_8b6af371d1e32e98520854bf9ee" FOREIGN KEY ("taxonomy_id") REFERENCES "taxonomy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "taxonomy_term" ADD CONSTRAINT "FK_162b21918684d9a51b043f6fbae" FOREIGN KEY ("parent_code") REFERENCES "taxonomy_term"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "FK_bfd3cb740f33152177e303fb2ea" FOREIGN KEY ("parent_organisation_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "location" ADD CONSTRAINT "FK_99dbeb4287fe269acc52b4fa5e9" FOREIGN KEY ("organisation_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "location" ADD CONSTRAINT "FK_77147ef1d77588ab6fb64d8d223" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service" ADD CONSTRAINT "FK_f6f488aaff5f6e4ad8e0c0af43a" FOREIGN KEY ("organisation_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_taxonomy_term" ADD CONSTRAINT "FK_9f690079052d3abdddd5722c6a6" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_taxonomy_term" ADD CONSTRAINT "FK_9fc322d57dae9795ad13579aab5" FOREIGN KEY ("term_code") REFERENCES "taxonomy_term"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_at_location" ADD CONSTRAINT "FK_e47c89847f7404345ec4a9af69f" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_at_location" ADD CONSTRAINT "FK_8b289099c434ed6b72c887fe3c6" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule" ADD CONSTRAINT "FK_2dc806f81fb92601c055a57afb0" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule" ADD CONSTRAINT "FK_aeec1ea313799187cac733f5481" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_membership" ADD CONSTRAINT "FK_4f29cf4b94883c46084bdd9ab24" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_membership" ADD CONSTRAINT "FK_f07c9d22a3afd28fe7c62928f5c" FOREIGN KEY ("organisation_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_relationship" ADD CONSTRAINT "FK_1539912cdd2656c004aea55a0f8" FOREIGN KEY ("source_organisation_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_relationship" ADD CONSTRAINT "FK_aa00ab067edf54dfc63308cd5e5" FOREIGN KEY ("target_organisation_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_relationship" ADD CONSTRAINT "FK_c993d9c4a909cedcf03c10b7f05" FOREIGN KEY ("field_of_action_code") REFERENCES "taxonomy_term"("code") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    for (const statement of SEARCH_FUNCTIONS_UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of SEARCH_FUNCTIONS_DOWN) await queryRunner.query(statement);
    await queryRunner.query(`ALTER TABLE "organisation_relationship" DROP CONSTRAINT "FK_c993d9c4a909cedcf03c10b7f05"`);
    await queryRunner.query(`ALTER TABLE "organisation_relationship" DROP CONSTRAINT "FK_aa00ab067edf54dfc63308cd5e5"`);
    await queryRunner.query(`ALTER TABLE "organisation_relationship" DROP CONSTRAINT "FK_1539912cdd2656c004aea55a0f8"`);
    await queryRunner.query(`ALTER TABLE "network_membership" DROP CONSTRAINT "FK_f07c9d22a3afd28fe7c62928f5c"`);
    await queryRunner.query(`ALTER TABLE "network_membership" DROP CONSTRAINT "FK_4f29cf4b94883c46084bdd9ab24"`);
    await queryRunner.query(`ALTER TABLE "schedule" DROP CONSTRAINT "FK_aeec1ea313799187cac733f5481"`);
    await queryRunner.query(`ALTER TABLE "schedule" DROP CONSTRAINT "FK_2dc806f81fb92601c055a57afb0"`);
    await queryRunner.query(`ALTER TABLE "service_at_location" DROP CONSTRAINT "FK_8b289099c434ed6b72c887fe3c6"`);
    await queryRunner.query(`ALTER TABLE "service_at_location" DROP CONSTRAINT "FK_e47c89847f7404345ec4a9af69f"`);
    await queryRunner.query(`ALTER TABLE "service_taxonomy_term" DROP CONSTRAINT "FK_9fc322d57dae9795ad13579aab5"`);
    await queryRunner.query(`ALTER TABLE "service_taxonomy_term" DROP CONSTRAINT "FK_9f690079052d3abdddd5722c6a6"`);
    await queryRunner.query(`ALTER TABLE "service" DROP CONSTRAINT "FK_f6f488aaff5f6e4ad8e0c0af43a"`);
    await queryRunner.query(`ALTER TABLE "location" DROP CONSTRAINT "FK_77147ef1d77588ab6fb64d8d223"`);
    await queryRunner.query(`ALTER TABLE "location" DROP CONSTRAINT "FK_99dbeb4287fe269acc52b4fa5e9"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "FK_bfd3cb740f33152177e303fb2ea"`);
    await queryRunner.query(`ALTER TABLE "taxonomy_term" DROP CONSTRAINT "FK_162b21918684d9a51b043f6fbae"`);
    await queryRunner.query(`ALTER TABLE "taxonomy_term" DROP CONSTRAINT "FK_8b6af371d1e32e98520854bf9ee"`);
    await queryRunner.query(`ALTER TABLE "area_statistic" DROP CONSTRAINT "FK_51fa4bc0b2f4d495ef0523fa834"`);
    await queryRunner.query(`ALTER TABLE "area" DROP CONSTRAINT "FK_e0ff3ff7bd13b1432682edae8b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aa00ab067edf54dfc63308cd5e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1539912cdd2656c004aea55a0f"`);
    await queryRunner.query(`DROP TABLE "organisation_relationship"`);
    await queryRunner.query(`DROP TYPE "public"."relationship_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2cfa69ac883f1ba1a1ae829315"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f07c9d22a3afd28fe7c62928f5"`);
    await queryRunner.query(`DROP TABLE "network_membership"`);
    await queryRunner.query(`DROP TYPE "public"."membership_role"`);
    await queryRunner.query(`DROP TABLE "network"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aeec1ea313799187cac733f548"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2dc806f81fb92601c055a57afb"`);
    await queryRunner.query(`DROP TABLE "schedule"`);
    await queryRunner.query(`DROP TYPE "public"."weekday"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8b289099c434ed6b72c887fe3c"`);
    await queryRunner.query(`DROP TABLE "service_at_location"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9fc322d57dae9795ad13579aab"`);
    await queryRunner.query(`DROP TABLE "service_taxonomy_term"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f6f488aaff5f6e4ad8e0c0af43"`);
    await queryRunner.query(`DROP TABLE "service"`);
    await queryRunner.query(`DROP TYPE "public"."publication_status"`);
    await queryRunner.query(`DROP TYPE "public"."attending_access"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77147ef1d77588ab6fb64d8d22"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fd9eaf41fdd25c7fafdf9a8486"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99dbeb4287fe269acc52b4fa5e"`);
    await queryRunner.query(`DROP TABLE "location"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bea6513aa1855f139a7ce24b97"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_94c9cc93bdc8b7bf888946a76b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_11279a3d85d0704a91396641f4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_df828d50a3df9f5c123197caf3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bfd3cb740f33152177e303fb2e"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TYPE "public"."verification_status"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_162b21918684d9a51b043f6fba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8b6af371d1e32e98520854bf9e"`);
    await queryRunner.query(`DROP TABLE "taxonomy_term"`);
    await queryRunner.query(`DROP TABLE "taxonomy"`);
    await queryRunner.query(`DROP TYPE "public"."taxonomy_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_58ebab8a1fdd8225788306b650"`);
    await queryRunner.query(`DROP TABLE "area_statistic"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e0ff3ff7bd13b1432682edae8b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aa4977b10faa3013d2c482860b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4aa797d975cf8ea8fe936098e0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29331c7eb0061dde2021747723"`);
    await queryRunner.query(`DROP TABLE "area"`);
    await queryRunner.query(`DROP TYPE "public"."area_kind"`);
  }
}
