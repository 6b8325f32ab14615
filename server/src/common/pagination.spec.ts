import { decodeCursor, encodeCursor } from './pagination';
import { BadUserInputException } from './exceptions/domain.exception';

describe('cursor', () => {
  it('round-trips an offset', () => {
    expect(decodeCursor(encodeCursor(40))).toBe(40);
    expect(decodeCursor(undefined)).toBe(0);
  });
  it('rejects a cursor it did not issue', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(BadUserInputException);
    expect(() => decodeCursor(encodeCursor(1).slice(0, -1) + '!')).toThrow(BadUserInputException);
  });
});
