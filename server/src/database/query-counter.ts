import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM logger that counts every SQL statement sent (tests assert that the number of statements
 * per GraphQL request does not grow with page size) and optionally prints them.
 */
export class QueryCounter implements TypeOrmLogger {
  private count = 0;
  private readonly logger = new NestLogger('SQL');

  constructor(private readonly print = false) {}

  get total(): number {
    return this.count;
  }

  logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    if (this.print) this.logger.debug(`${query}${parameters?.length ? ` -- ${JSON.stringify(parameters).slice(0, 300)}` : ''}`);
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.error(`${typeof error === 'string' ? error : error.message} in: ${query.slice(0, 500)}`);
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 500)}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
