/** Public surface of the user administration feature. */
export { InvitationList } from './components/InvitationList';
export { InviteForm } from './components/InviteForm';
export { UsersTable } from './components/UsersTable';
