import { Initial1795775538283 } from './1795775538283-Initial';
export const MIGRATIONS: Function[] = [Initial1795775538283];
