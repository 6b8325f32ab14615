/** Command-line options of `node dist/cli/seed.js` (parsed here so that they can be tested without a database). */
export type SeedCliOptions = { mode: 'seed'; demo: boolean; real: boolean } | { mode: 'remove-demo' } | { mode: 'help' };

export const SEED_CLI_USAGE = `Usage: node dist/cli/seed.js [--real] [--no-demo] [--demo] | --remove-demo | --help
  (no flags)     reference data (taxonomies, city, districts, network) + fictional demo organisations
  --real         reference data + the real organisations list (imported as unverified); add --demo for both
  --no-demo      reference data only
  --remove-demo  delete every fictional demo organisation (is_demo) with everything attached
Connects to DATABASE_URL, or starts the embedded database in DATA_DIR (stop a running server first).`;

export function parseSeedCliArgs(argv: readonly string[]): SeedCliOptions {
  const flags = new Set(argv);
  const known = new Set(['--real', '--no-demo', '--demo', '--remove-demo', '--help', '-h']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) throw new Error(`Unknown argument(s): ${unknown.join(' ')}\n${SEED_CLI_USAGE}`);
  if (flags.has('--help') || flags.has('-h')) return { mode: 'help' };
  if (flags.has('--remove-demo')) {
    if (flags.size > 1) throw new Error(`--remove-demo cannot be combined with other flags\n${SEED_CLI_USAGE}`);
    return { mode: 'remove-demo' };
  }
  if (flags.has('--demo') && flags.has('--no-demo')) throw new Error(`--demo and --no-demo contradict each other\n${SEED_CLI_USAGE}`);
  const real = flags.has('--real');
  const demo = flags.has('--demo') || (!real && !flags.has('--no-demo'));
  return { mode: 'seed', demo, real };
}
