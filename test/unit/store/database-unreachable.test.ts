import { describe, expect, it } from 'vitest';
import { databaseUnreachable } from '../../../src/store/database-unreachable.ts';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('databaseUnreachable', () => {
  it("names the driver's and the socket's codes for a database that went away", () => {
    expect(databaseUnreachable(coded('CONNECTION_CLOSED'))).toBe('CONNECTION_CLOSED');
    expect(databaseUnreachable(coded('ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(databaseUnreachable(coded('57P01', 'terminating connection due to administrator command'))).toBe('57P01');
    expect(databaseUnreachable(coded('57P03', 'the database system is starting up'))).toBe('57P03');
    expect(databaseUnreachable(coded('08006'))).toBe('08006');
  });

  it("follows drizzle's wrapping to the driver's error", () => {
    const wrapped = new Error('Failed query: insert into "deliveries" …', { cause: coded('CONNECT_TIMEOUT') });
    expect(databaseUnreachable(wrapped)).toBe('CONNECT_TIMEOUT');
    const refused = new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed');
    expect(databaseUnreachable(new Error('Failed query', { cause: refused }))).toBe('ECONNREFUSED');
  });

  it('leaves query errors and bugs alone', () => {
    expect(databaseUnreachable(coded('23505', 'duplicate key value'))).toBeUndefined();
    // The desk's own pool was ended (it is shutting down): not the database's doing.
    expect(databaseUnreachable(coded('CONNECTION_ENDED'))).toBeUndefined();
    expect(databaseUnreachable(coded('57014', 'canceling statement due to statement timeout'))).toBeUndefined();
    expect(databaseUnreachable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
    expect(databaseUnreachable('a string')).toBeUndefined();
    expect(databaseUnreachable(undefined)).toBeUndefined();
  });
});
