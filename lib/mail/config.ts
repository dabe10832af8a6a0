import { z } from "zod";

const schema = z.object({
  SMTP_URL: z.string().trim().optional(),
  SMTP_FROM: z.string().trim().optional(),
  APP_URL: z.string().trim().optional(),
});

export interface MailConfig {
  /** nodemailer transport URL, e.g. smtps://user:password@smtp.example.ru:465; null: e-mail is off. */
  smtpUrl: string | null;
  from: string | null;
  /** The address users open, for links in e-mails and in the admin command. */
  appUrl: string | null;
}

/** SMTP and the public address, read from the environment (both optional). */
export function mailConfig(source: NodeJS.ProcessEnv = process.env): MailConfig {
  const e = schema.parse({
    SMTP_URL: source.SMTP_URL,
    SMTP_FROM: source.SMTP_FROM,
    APP_URL: source.APP_URL,
  });
  const appUrl = e.APP_URL ? e.APP_URL.replace(/\/+$/, "") : null;
  return { smtpUrl: e.SMTP_URL || null, from: e.SMTP_FROM || null, appUrl };
}

/**
 * E-mail is sent only when SMTP_URL, SMTP_FROM and APP_URL are set: a link in an e-mail is never built from
 * request headers, which a caller controls (a forged Host would send the victim's token to another site).
 */
export function mailEnabled(config = mailConfig()): boolean {
  return Boolean(config.smtpUrl && config.from && config.appUrl);
}
