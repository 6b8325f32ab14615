import { formatViewport, parseViewport, sameViewport } from './viewport';

describe('viewport URL state', () => {
  it('round-trips zoom, latitude and longitude', () => {
    const v = { zoom: 14, lat: 51.53412, lng: 9.93567 };
    expect(parseViewport(formatViewport(v))).toEqual(v);
  });

  it('rejects malformed or out-of-range viewports', () => {
    for (const bad of [null, '', '14/51.5', 'a/b/c', '3/51.5/9.9', '14/95/9.9', '14/51.5/200']) {
      expect(parseViewport(bad)).toBeNull();
    }
  });

  it('treats differences below a metre as the same view', () => {
    expect(sameViewport({ zoom: 13, lat: 51.5, lng: 9.9 }, { zoom: 13, lat: 51.500001, lng: 9.900001 })).toBe(true);
    expect(sameViewport({ zoom: 13, lat: 51.5, lng: 9.9 }, { zoom: 14, lat: 51.5, lng: 9.9 })).toBe(false);
  });
});

describe('fractional zoom', () => {
  it('keeps quarter zoom steps through the URL', () => {
    const v = { zoom: 12.25, lat: 51.5, lng: 9.9 };
    expect(parseViewport(formatViewport(v))).toEqual(v);
    expect(formatViewport(v)).toBe('12.25/51.50000/9.90000');
  });
});
