/** The two channels: email over SMTP (nodemailer) and an HMAC-signed webhook. */
import { createHmac } from 'node:crypto';
import nodemailer, { Transporter } from 'nodemailer';

export interface EmailMessage {
  to: string;
  cc?: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

export class EmailChannel {
  private readonly transport: Transporter;
  constructor(
    smtp: { host: string; port: number; secure?: boolean; user?: string; pass?: string },
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure ?? false,
      ignoreTLS: !smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass } } : {}),
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
      // A few kept-open connections instead of a connect and greeting per message: a timer storm sends
      // thousands at once (bench/storm.ts). A refused or broken connection still fails that message's send.
      pool: true,
      maxConnections: 4,
    });
  }

  async send(m: EmailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: m.to,
      ...(m.cc ? { cc: m.cc } : {}),
      subject: m.subject,
      text: m.text,
      messageId: m.messageId,
      headers: m.headers,
    });
  }

  close() {
    this.transport.close();
  }
}

/** Signature a receiver recomputes: hex HMAC-SHA256 over `${timestamp}.${body}` with the shared secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export class WebhookChannel {
  constructor(
    readonly url: string,
    private readonly secret: string,
  ) {}

  async send(idempotencyKey: string, payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        'x-clock-timestamp': timestamp,
        'x-clock-signature': `sha256=${signWebhook(this.secret, timestamp, body)}`,
      },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    // A 4xx other than 408/429 will not get better with retries, but we still retry: losing an
    // escalation is worse than a noisy receiver, and the key lets it drop repeats.
    if (!res.ok) throw new Error(`webhook ${this.url} answered ${res.status}`);
  }
}
