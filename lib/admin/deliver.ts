import "server-only";
import { mailEnabled } from "@/lib/mail/config";
import { sendMail } from "@/lib/mail/send";
import { passwordLinkMail } from "@/lib/mail/templates";
import { absoluteLink } from "./links";
import type { LinkPurpose } from "./tokens";

/** What the person who issued a link sees: the link itself, and whether it was also e-mailed. */
export interface IssuedLink {
  link: string;
  emailed: boolean;
}

/** Builds the link and e-mails it when SMTP is configured; the link is returned either way. */
export async function deliverLink(o: {
  email: string;
  name: string;
  token: string;
  purpose: LinkPurpose;
}): Promise<IssuedLink> {
  const link = await absoluteLink(o.token);
  const emailed = mailEnabled()
    ? await sendMail(passwordLinkMail({ to: o.email, name: o.name, link, purpose: o.purpose }))
    : false;
  return { link, emailed };
}

/** The message shown with a new link. */
export function linkMessage(issued: IssuedLink, what: string): string {
  return issued.emailed
    ? `${what} Ссылка для входа отправлена на электронную почту; она же показана ниже.`
    : `${what} Передайте пользователю ссылку ниже: по ней он задаст пароль. Ссылка действует 72 часа и только один раз.`;
}
