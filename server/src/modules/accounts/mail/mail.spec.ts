import { UserRole } from '@partneratlas/shared';
import { loadConfig } from '../../../config/config';
import { invitationLink, invitationMail } from './invitation-mail';
import { createMailTransport, LogMailTransport, OutboxMailTransport, SmtpMailTransport } from './mail-transport';

describe('invitation mail', () => {
  const spec = {
    to: 'neu@example.org',
    link: invitationLink('https://partneratlas.example.org', 'abc_DEF-123'),
    role: UserRole.EDITOR,
    expiresAt: new Date('2026-03-01T11:30:00Z'),
    organisationNames: ['AWO Beratung', 'Caritas Göttingen'],
    inviterName: 'Ada Admin',
  };

  it('builds the link under PUBLIC_URL', () => {
    expect(spec.link).toBe('https://partneratlas.example.org/einladung/abc_DEF-123');
  });

  it('is German first with an English summary, carrying link, role, organisations and the end in Berlin time', () => {
    const mail = invitationMail(spec);
    expect(mail.to).toBe('neu@example.org');
    expect(mail.subject).toBe('Einladung zum Partneratlas / Invitation to Partneratlas');
    const [german, english] = mail.text.split('\n---\n');
    expect(german).toContain('Sie wurden von Ada Admin zum Partneratlas eingeladen (Rolle: Redaktion).');
    expect(german).toContain('AWO Beratung, Caritas Göttingen');
    expect(german).toContain('1. März 2026 um 12:30');
    expect(german).toContain('\nhttps://partneratlas.example.org/einladung/abc_DEF-123\n');
    expect(english).toContain('invited by Ada Admin to Partneratlas as editor for AWO Beratung, Caritas Göttingen');
    expect(english).toContain('1 March 2026');
  });

  it('leaves out organisations and inviter when there are none', () => {
    const mail = invitationMail({ ...spec, role: UserRole.COORDINATOR, organisationNames: [], inviterName: null });
    expect(mail.text).toContain('Sie wurden zum Partneratlas eingeladen (Rolle: Koordination).');
    expect(mail.text).not.toContain('Organisationen');
    expect(mail.text).toContain('You have been invited to Partneratlas as coordinator.');
  });
});

describe('mail transport choice', () => {
  it('keeps mails in memory in tests, uses SMTP when SMTP_URL is set, else the log', () => {
    expect(createMailTransport(loadConfig({ NODE_ENV: 'test', SMTP_URL: 'smtp://localhost:2525' }))).toBeInstanceOf(OutboxMailTransport);
    expect(createMailTransport(loadConfig({ NODE_ENV: 'development', SMTP_URL: 'smtp://localhost:2525' }))).toBeInstanceOf(
      SmtpMailTransport,
    );
    expect(createMailTransport(loadConfig({ NODE_ENV: 'development' }))).toBeInstanceOf(LogMailTransport);
  });

  it('finds the latest mail to an address in the outbox', async () => {
    const outbox = new OutboxMailTransport();
    await outbox.send({ to: 'a@example.org', subject: 'eins', text: '' });
    await outbox.send({ to: 'A@example.org', subject: 'zwei', text: '' });
    expect(outbox.lastTo('a@EXAMPLE.org')?.subject).toBe('zwei');
    expect(outbox.lastTo('b@example.org')).toBeUndefined();
  });
});
