import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #9: GraphQL rate-limit counters (one fixed one-minute window per key), shared by all server instances. */
export class RateLimits1796300000000 implements MigrationInterface {
  name = 'RateLimits1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_counter" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_5bfa3ad3fe33321b1d17eae4746" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
  }
}
