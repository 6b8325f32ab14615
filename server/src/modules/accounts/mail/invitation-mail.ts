import { UserRole } from '@partneratlas/shared';
import type { MailMessage } from './mail-transport';

const ROLE_DE: Record<UserRole, string> = {
  [UserRole.ADMIN]: 'Administration',
  [UserRole.COORDINATOR]: 'Koordination',
  [UserRole.EDITOR]: 'Redaktion',
};

const ROLE_EN: Record<UserRole, string> = {
  [UserRole.ADMIN]: 'administrator',
  [UserRole.COORDINATOR]: 'coordinator',
  [UserRole.EDITOR]: 'editor',
};

export interface InvitationMailSpec {
  to: string;
  link: string;
  role: UserRole;
  expiresAt: Date;
  organisationNames: string[];
  inviterName: string | null;
}

/** The path of the accept-invitation page (the client route) under PUBLIC_URL. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/einladung/${encodeURIComponent(token)}`;
}

/** The invitation mail: German first, an English summary below. Plain text, so the link is never hidden. */
export function invitationMail(spec: InvitationMailSpec): MailMessage {
  const until = (locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(spec.expiresAt);
  const by = spec.inviterName ? ` von ${spec.inviterName}` : '';
  const byEn = spec.inviterName ? ` by ${spec.inviterName}` : '';
  const orgs = spec.organisationNames.length ? spec.organisationNames.join(', ') : null;
  const text = [
    'Guten Tag,',
    '',
    `Sie wurden${by} zum Partneratlas eingeladen (Rolle: ${ROLE_DE[spec.role]}).`,
    ...(orgs ? [`Sie können die Einträge dieser Organisationen bearbeiten: ${orgs}.`] : []),
    '',
    `Über diesen Link legen Sie Ihr Passwort fest. Er gilt einmal und bis ${until('de-DE')} (Uhrzeit Berlin):`,
    '',
    spec.link,
    '',
    'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
    '',
    '---',
    `You have been invited${byEn} to Partneratlas as ${ROLE_EN[spec.role]}${orgs ? ` for ${orgs}` : ''}. ` +
      `Set your password with the link above; it works once, until ${until('en-GB')} (Berlin time). ` +
      'If you did not expect this invitation, please ignore this mail.',
    '',
  ].join('\n');
  return { to: spec.to, subject: 'Einladung zum Partneratlas / Invitation to Partneratlas', text };
}
