import type { Metadata } from "next";
import Link from "next/link";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { Card, PageTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { mailEnabled } from "@/lib/mail/config";
import { digestHour } from "@/lib/notifications/mail";
import { kindsFor } from "@/lib/notifications/kinds";
import { emailChoices } from "@/lib/notifications/queries";
import { scopeName } from "@/lib/territory/scope-name";

export const metadata: Metadata = { title: "Профиль" };

/** The signed-in user's own page: who they are, and which notifications come by e-mail. */
export default async function ProfilePage() {
  const user = await requireUser();
  const kinds = kindsFor(user.role);
  const [choices, place] = await Promise.all([emailChoices(user), scopeName(user)]);
  const hour = String(digestHour()).padStart(2, "0");
  return (
    <>
      <PageTitle subtitle={`${ROLE_LABELS[user.role]} · ${place}`}>{user.name}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Письма с уведомлениями">
          {!mailEnabled() && (
            <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              Отправка почты в этой системе не настроена: пока уведомления видны только в разделе
              «Уведомления».
            </p>
          )}
          <p className="mb-4 text-sm text-slate-700">
            Письма приходят на адрес <strong>{user.email}</strong>. Уведомления за день собираются в одно
            письмо, которое приходит в {hour}:00 по времени вашего региона; о возврате отчёта на доработку
            письмо приходит сразу. В разделе{" "}
            <Link href="/notifications" className="text-brand-700 underline">
              «Уведомления»
            </Link>{" "}
            они видны всегда, даже если письма отключены.
          </p>
          {kinds.length ? (
            <NotificationSettingsForm kinds={kinds} choices={choices} />
          ) : (
            <p className="text-sm text-slate-700">Для вашей роли уведомлений по почте нет.</p>
          )}
        </Card>
      </div>
    </>
  );
}
