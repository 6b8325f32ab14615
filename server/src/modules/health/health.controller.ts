import { Controller, Get, HttpException, HttpStatus, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface HealthReport {
  status: 'ok';
  /** Versions read once at start (the probe itself never touches the database). */
  database?: string;
  postgis?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  message?: string;
}

/** /ready answers 503 when the database has not answered `SELECT 1` within this time. */
export const READY_TIMEOUT_MS = 2_000;

/**
 * Probes for the orchestrator: /health (liveness: the process is up and serving HTTP; never depends on the
 * database, so a database outage does not get the server restarted) and /ready (readiness: the database answers;
 * a load balancer stops sending traffic while it does not, and sends it again as soon as it does).
 */
@Controller()
export class HealthController implements OnApplicationBootstrap {
  private readonly logger = new Logger('Health');
  private versions: { database?: string; postgis?: string } = {};

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const [row] = await this.ds.query(
        `SELECT current_setting('server_version') AS version, postgis_lib_version() AS postgis,
                position('PGlite' in version()) > 0 AS embedded`,
      );
      this.versions = { database: `PostgreSQL ${row.version}${row.embedded ? ' (embedded PGlite)' : ''}`, postgis: row.postgis };
    } catch (error) {
      this.logger.warn(`could not read the database versions: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  @Get('health')
  health(): HealthReport {
    return { status: 'ok', ...this.versions };
  }

  @Get('ready')
  async ready(): Promise<ReadinessReport> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      });
      // The query keeps running after a timeout; the pool's own timeouts end it (see dataSourceOptions).
      const query = this.ds.query('SELECT 1');
      query.catch(() => undefined);
      await Promise.race([query, timeout]);
      return { status: 'ok' };
    } catch (error) {
      this.logger.warn(`not ready: database ${error instanceof Error ? error.message : String(error)}`);
      throw new HttpException({ status: 'unavailable', message: 'database not reachable' }, HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      clearTimeout(timer);
    }
  }
}
