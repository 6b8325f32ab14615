import { parseSeedCliArgs } from './cli-options';

describe('parseSeedCliArgs', () => {
  it('seeds reference data and the demo by default', () => {
    expect(parseSeedCliArgs([])).toEqual({ mode: 'seed', demo: true, real: false });
  });

  it('seeds the real organisations instead of the demo with --real, both with --real --demo', () => {
    expect(parseSeedCliArgs(['--real'])).toEqual({ mode: 'seed', demo: false, real: true });
    expect(parseSeedCliArgs(['--real', '--demo'])).toEqual({ mode: 'seed', demo: true, real: true });
  });

  it('seeds reference data only with --no-demo', () => {
    expect(parseSeedCliArgs(['--no-demo'])).toEqual({ mode: 'seed', demo: false, real: false });
  });

  it('removes the demo with --remove-demo, alone', () => {
    expect(parseSeedCliArgs(['--remove-demo'])).toEqual({ mode: 'remove-demo' });
    expect(() => parseSeedCliArgs(['--remove-demo', '--real'])).toThrow(/cannot be combined/);
  });

  it('rejects unknown and contradictory flags', () => {
    expect(() => parseSeedCliArgs(['--reel'])).toThrow(/Unknown argument\(s\): --reel/);
    expect(() => parseSeedCliArgs(['--demo', '--no-demo'])).toThrow(/contradict/);
    expect(parseSeedCliArgs(['--help'])).toEqual({ mode: 'help' });
  });
});
