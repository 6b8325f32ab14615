import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface HealthReport {
  status: 'ok';
  database: string;
  postgis: string;
}

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Liveness plus the versions of the database and PostGIS. 503 when the database does not answer. */
  @Get('health')
  async health(): Promise<HealthReport> {
    try {
      const [row] = await this.ds.query(
        `SELECT current_setting('server_version') AS version, postgis_lib_version() AS postgis,
                position('PGlite' in version()) > 0 AS embedded`,
      );
      return { status: 'ok', database: `PostgreSQL ${row.version}${row.embedded ? ' (embedded PGlite)' : ''}`, postgis: row.postgis };
    } catch {
      throw new HttpException({ status: 'unavailable', message: 'database not reachable' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
