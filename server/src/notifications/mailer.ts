import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  language: string;
}

/** SMTP through nodemailer (SMTP_URL, e.g. smtp://user:pass@host:587; smtps:// for TLS on connect). */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(mail: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.language },
    });
  }

  close(): void {
    this.transport.close();
  }
}
