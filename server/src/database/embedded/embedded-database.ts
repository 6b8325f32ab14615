import * as fs from 'node:fs';
import * as net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// The contrib entry points ship CommonJS builds but ESM-only type declarations; load them with require.
/* eslint-disable @typescript-eslint/no-require-imports */
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
const { unaccent } = require('@electric-sql/pglite/contrib/unaccent') as { unaccent: Extension };
/* eslint-enable @typescript-eslint/no-require-imports */

export interface EmbeddedDatabaseOptions {
  /** Directory for persistent data; `memory://` (or undefined) keeps everything in memory. */
  dataDir?: string;
  /** A tarball made by `dumpDataDir()`, used to start from a prepared state (tests). */
  loadDataDir?: Blob;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
}

/**
 * PostgreSQL + PostGIS running in-process (PGlite), served on a local TCP port so that the
 * ordinary `pg` driver (and therefore TypeORM) talks to it exactly as to a real server.
 * It serves one connection at a time: use a pool of size 1.
 */
export class EmbeddedDatabase {
  private constructor(
    readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async start(options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
    const dataDir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create({
      dataDir,
      loadDataDir: options.loadDataDir,
      extensions: { postgis, pg_trgm, unaccent },
    });
    const port = options.port && options.port > 0 ? options.port : await freePort();
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 1 });
    await server.start();
    return new EmbeddedDatabase(db, server, port);
  }

  async dump(): Promise<Blob> {
    return (await this.db.dumpDataDir('none')) as Blob;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
