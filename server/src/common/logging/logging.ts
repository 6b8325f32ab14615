import { ConsoleLogger, LoggerService, LogLevel } from '@nestjs/common';
import pino from 'pino';
import type { AppConfig } from '../../config/config';

export type PinoLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface LoggingOptions {
  /** Where JSON lines go (tests pass a stream they read); default stdout. */
  destination?: pino.DestinationStream;
  /** Nest-style level list (tests pass ['error']); overrides LOG_LEVEL. */
  levels?: LogLevel[] | false;
}

/** The application's logging: one pino logger (JSON) or Nest's console logger (text), and the request log lines. */
export interface Logging {
  format: 'json' | 'pretty';
  /** For NestFactory.create({ logger }): every `new Logger(...)` in the code writes through it. */
  nest: LoggerService;
  /** One line per request (see request-logging.ts). */
  request(level: 'debug' | 'info' | 'warn' | 'error', fields: RequestLogFields): void;
}

export interface RequestLogFields {
  requestId: string | undefined;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  userId?: string;
  operation?: string;
  aborted?: boolean;
}

const NEST_LEVELS: Record<Exclude<PinoLevel, 'silent'>, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** The most verbose pino level that a Nest level list asks for. */
function pinoLevelOf(levels: LogLevel[] | false): PinoLevel {
  if (levels === false || levels.length === 0) return 'silent';
  const order: [LogLevel, PinoLevel][] = [
    ['verbose', 'trace'],
    ['debug', 'debug'],
    ['log', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['fatal', 'fatal'],
  ];
  return order.find(([nest]) => levels.includes(nest))?.[1] ?? 'silent';
}

/**
 * Fields that must never reach a log line even if a message object carries them: secrets and personal data.
 * Request lines are built field by field (request-logging.ts) and never contain them in the first place.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'email',
  '*.email',
  'cookie',
  '*.cookie',
  'authorization',
  '*.authorization',
  'headers',
  '*.headers',
  'variables',
  '*.variables',
  'token',
  '*.token',
];

export function createLogging(config: AppConfig, options: LoggingOptions = {}): Logging {
  const level: PinoLevel = options.levels !== undefined ? pinoLevelOf(options.levels) : config.LOG_LEVEL;
  const nestLevels: LogLevel[] = level === 'silent' ? [] : NEST_LEVELS[level];

  if (config.logFormat === 'pretty') {
    const nest = new ConsoleLogger({ logLevels: nestLevels });
    const http = new ConsoleLogger('HTTP', { logLevels: nestLevels });
    return {
      format: 'pretty',
      nest,
      request(lineLevel, f) {
        const text = `${f.method} ${f.path} ${f.status} ${f.durationMs} ms${f.aborted ? ' (aborted)' : ''}${f.operation ? ` ${f.operation}` : ''}${f.userId ? ` user=${f.userId}` : ''} id=${f.requestId ?? '-'}`;
        if (lineLevel === 'debug') http.debug(text);
        else if (lineLevel === 'info') http.log(text);
        else if (lineLevel === 'warn') http.warn(text);
        else http.error(text);
      },
    };
  }

  const root = pino(
    {
      level,
      base: { service: 'partneratlas' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
  return {
    format: 'json',
    nest: new PinoNestLogger(root),
    request(lineLevel, fields) {
      root[lineLevel]({ context: 'HTTP', ...fields }, 'request completed');
    },
  };
}

/**
 * Nest's LoggerService on pino: `new Logger('Ctx').log('text')` becomes {"level":"info","context":"Ctx","msg":"text"}.
 * Nest passes the context as the last parameter and, for errors, the stack before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: pino.Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  private write(level: Exclude<PinoLevel, 'silent'>, message: unknown, optional: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const params = [...optional];
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const stack = level === 'error' || level === 'fatal' ? params.find((p): p is string => typeof p === 'string') : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      fields.err = message;
      this.logger[level](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, data: message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
