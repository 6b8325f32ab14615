import { Initial1795775538283 } from './1795775538283-Initial';
import { CoverageIndexes1795870000000 } from './1795870000000-CoverageIndexes';
import { Accounts1796000000000 } from './1796000000000-Accounts';
import { ImportJobs1796100000000 } from './1796100000000-ImportJobs';
import { Evaluation1796200000000 } from './1796200000000-Evaluation';
import { RateLimits1796300000000 } from './1796300000000-RateLimits';
import { AreaGroupStatistics1796400000000 } from './1796400000000-AreaGroupStatistics';
import { Geocoding1796500000000 } from './1796500000000-Geocoding';
import { CoverageCache1796600000000 } from './1796600000000-CoverageCache';
export const MIGRATIONS: Function[] = [
  Initial1795775538283,
  CoverageIndexes1795870000000,
  Accounts1796000000000,
  ImportJobs1796100000000,
  Evaluation1796200000000,
  RateLimits1796300000000,
  AreaGroupStatistics1796400000000,
  Geocoding1796500000000,
  CoverageCache1796600000000,
];
