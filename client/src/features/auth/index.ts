/** Public surface of the auth feature: sign-in, invitations, the header's user menu, sessions. */
export { AcceptInvitationForm } from './components/AcceptInvitationForm';
export { ChangePasswordForm } from './components/ChangePasswordForm';
export { LoginForm } from './components/LoginForm';
export { RequireUser } from './components/RequireUser';
export { SessionList } from './components/SessionList';
export { UserMenu } from './components/UserMenu';
export { useMe, type SessionUser } from './hooks/useMe';
