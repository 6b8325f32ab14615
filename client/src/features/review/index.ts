/** Public surface of the review feature: the queue, stale entries, and an editor's own proposals. */
export { MyProposals } from './components/MyProposals';
export { ReviewQueue } from './components/ReviewQueue';
export { StaleOrganisationList } from './components/StaleOrganisationList';
