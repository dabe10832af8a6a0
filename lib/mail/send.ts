import "server-only";
import { mailConfig, mailEnabled } from "./config";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends one e-mail through SMTP_URL. Returns false when e-mail is off or the server refused; the
 * reason is logged without the message body (it may hold a one-time link).
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const config = mailConfig();
  if (!mailEnabled(config)) return false;
  try {
    const nodemailer = await import("nodemailer");
    const transport = nodemailer.createTransport(config.smtpUrl!);
    await transport.sendMail({ from: config.from!, to: mail.to, subject: mail.subject, text: mail.text });
    return true;
  } catch (error) {
    const e = error as { code?: string; responseCode?: number };
    console.error(`[mail] не отправлено: ${e.code ?? ""} ${e.responseCode ?? ""}`.trim());
    return false;
  }
}
