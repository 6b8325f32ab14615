import { Initial1795775538283 } from './1795775538283-Initial';
import { CoverageIndexes1795870000000 } from './1795870000000-CoverageIndexes';
export const MIGRATIONS: Function[] = [Initial1795775538283, CoverageIndexes1795870000000];
