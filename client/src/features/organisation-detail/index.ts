export { OrganisationDetail } from './components/OrganisationDetail';
export { OrganisationDetailView, type OrganisationDetailData } from './components/OrganisationDetailView';
