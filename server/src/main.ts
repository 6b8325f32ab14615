import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { startServer } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const shutdown = (signal: string) => {
    new Logger('Bootstrap').log(`${signal} received, shutting down`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // A configuration error comes before any logger exists; anything later goes through the configured logger (JSON in production).
  if (error instanceof ConfigError) console.error(error.message);
  else new Logger('Bootstrap').fatal(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
