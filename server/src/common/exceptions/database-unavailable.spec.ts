import { ErrorCode } from '@partneratlas/shared';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailable } from './database-unavailable';

/** A pg DatabaseError as node-postgres builds it (message, SQLSTATE code). */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

describe('databaseUnavailable', () => {
  it('maps a read-only database (25006) to SERVICE_UNAVAILABLE saying that nothing was saved', () => {
    const error = new QueryFailedError(
      'INSERT INTO x VALUES ($1)',
      [1],
      pgError('25006', 'cannot execute INSERT in a read-only transaction'),
    );
    const mapped = databaseUnavailable(error);
    expect(mapped).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, reason: 'READ_ONLY' });
    expect(mapped!.message).toMatch(/read-only.*nothing was saved/);
  });

  it('maps a full disk (53100) to SERVICE_UNAVAILABLE with reason DISK_FULL', () => {
    const error = new QueryFailedError(
      'INSERT …',
      [],
      pgError('53100', 'could not extend file "base/16384/2619": No space left on device'),
    );
    expect(databaseUnavailable(error)).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, reason: 'DISK_FULL' });
    expect(databaseUnavailable(error)!.message).toMatch(/no space left; nothing was saved/);
  });

  it('maps a restarting or unreachable database to UNREACHABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const aggregate = Object.assign(new AggregateError([refused], ''), { code: 'ECONNREFUSED' });
    for (const error of [
      refused,
      new AggregateError([refused]),
      aggregate,
      new Error('Connection terminated unexpectedly'),
      new Error('Query read timeout'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is shutting down'),
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
      new GraphQLError('connect ECONNREFUSED 127.0.0.1:5432', { originalError: refused }),
      new GraphQLError('read ECONNRESET'),
    ]) {
      expect(databaseUnavailable(error)).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, reason: 'UNREACHABLE' });
    }
  });

  it('maps a pool that found no free connection in time to OVERLOADED, not to "not reachable"', () => {
    const error = databaseUnavailable(new Error('timeout exceeded when trying to connect'));
    expect(error).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, reason: 'OVERLOADED' });
    expect(error!.message).toMatch(/overloaded or not answering/);
  });

  it('leaves ordinary errors alone (they stay INTERNAL_SERVER_ERROR or their own code)', () => {
    expect(databaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBeNull();
    expect(databaseUnavailable(pgError('57014', 'canceling statement due to statement timeout'))).toBeNull();
    expect(databaseUnavailable(new TypeError('x is undefined'))).toBeNull();
    expect(databaseUnavailable('text')).toBeNull();
    expect(databaseUnavailable(null)).toBeNull();
  });
});
