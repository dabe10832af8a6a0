/**
 * Sends the reminders' letters through SMTP_URL (nodemailer). Apart from lib/mail/send.ts because it runs in the
 * queue's workers, started from instrumentation.ts, outside the React server bundle that module belongs to.
 */
import { mailConfig, mailEnabled } from "@/lib/mail/config";
import type { Mail } from "@/lib/mail/send";

/**
 * Sends one letter. True once the SMTP server accepted it; false when e-mail is off or the server refused (the
 * reason is logged without the body).
 */
export async function sendLetter(mail: Mail): Promise<boolean> {
  const config = mailConfig();
  if (!mailEnabled(config)) return false;
  try {
    const nodemailer = await import("nodemailer");
    const transport = nodemailer.createTransport(config.smtpUrl!);
    try {
      await transport.sendMail({ from: config.from!, to: mail.to, subject: mail.subject, text: mail.text });
    } finally {
      transport.close();
    }
    return true;
  } catch (error) {
    const e = error as { code?: string; responseCode?: number };
    console.error(`[reminders] письмо не отправлено: ${e.code ?? ""} ${e.responseCode ?? ""}`.trim());
    return false;
  }
}
