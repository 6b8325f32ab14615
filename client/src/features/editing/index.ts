/** Public surface of the editing feature: the user's organisations, a new one, and the editing page. */
export { MyOrganisationList } from './components/MyOrganisationList';
export { NewOrganisationForm } from './components/NewOrganisationForm';
export { OrganisationEditor } from './components/OrganisationEditor';
