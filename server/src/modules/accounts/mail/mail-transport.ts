import { Logger } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import type { AppConfig } from '../../../config/config';

/** A plain-text mail (the app sends nothing else). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where mails go. Injected by the MAIL_TRANSPORT token, so tests and deployments choose the delivery. */
export interface MailTransport {
  readonly kind: 'smtp' | 'log' | 'outbox';
  send(message: MailMessage): Promise<void>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** SMTP through nodemailer (SMTP_URL, e.g. smtps://user:password@mail.example.org:465). */
export class SmtpMailTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly transporter: nodemailer.Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}

/** Development without SMTP: the whole mail (with its link) goes to the log. */
export class LogMailTransport implements MailTransport {
  readonly kind = 'log';
  private readonly logger = new Logger('Mail');

  send(message: MailMessage): Promise<void> {
    this.logger.log(`To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`);
    return Promise.resolve();
  }
}

/** Tests (NODE_ENV=test): mails stay in memory, per app instance, for the test to read. */
export class OutboxMailTransport implements MailTransport {
  readonly kind = 'outbox';
  readonly sent: MailMessage[] = [];

  send(message: MailMessage): Promise<void> {
    this.sent.push({ ...message });
    return Promise.resolve();
  }

  /** The latest mail to an address (case-insensitive), if any. */
  lastTo(address: string): MailMessage | undefined {
    const wanted = address.trim().toLowerCase();
    return [...this.sent].reverse().find((m) => m.to.toLowerCase() === wanted);
  }
}

/** SMTP when SMTP_URL is set; the in-memory outbox in tests; else the log (with a warning in production). */
export function createMailTransport(config: AppConfig): MailTransport {
  if (config.NODE_ENV === 'test') return new OutboxMailTransport();
  if (config.SMTP_URL) return new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM);
  if (config.isProduction) {
    new Logger('Mail').warn('SMTP_URL is not set: mails (with their invitation links) are written to the log instead of being sent');
  }
  return new LogMailTransport();
}
