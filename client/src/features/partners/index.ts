/** Public surface of the partner finder feature: pages compose these. */
import './partners.css';
export { PartnerFinderForm } from './components/PartnerFinderForm';
export { SuggestionList, type Suggestion } from './components/SuggestionList';
export { SuggestionMapLayer } from './components/SuggestionMapLayer';
export { usePartnerSuggestions } from './hooks/usePartners';
export { formatFinderState, parseFinderState, type FinderState } from './utils/finder-state';
