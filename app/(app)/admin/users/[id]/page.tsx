import type { Metadata } from "next";
import Link from "next/link";
import { UnbindSso } from "@/components/admin/sso-controls";
import { UserControls } from "@/components/admin/user-controls";
import { EditUserForm } from "@/components/admin/user-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageTitle } from "@/components/ui/card";
import { getManagedUser, scopeOptions } from "@/lib/admin/users/queries";
import { assignableRoles } from "@/lib/admin/users/roles";
import { scopeManagedUser } from "@/lib/admin/users/scope";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { oidcEnabled } from "@/lib/auth/oidc";
import { rolesWith } from "@/lib/auth/rules";
import { formatDateTime } from "@/lib/format";
import { userClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Учётная запись" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser(rolesWith("manageUsers"));
  const account = await pageScope(scopeManagedUser(actor, Number((await params).id)));
  const u = await getManagedUser(account);
  const options = await scopeOptions(actor);
  const self = u.id === actor.id;
  const zone = (await userClock(actor)).zone;
  const mayUnbind = rolesWith("administerRegion").includes(actor.role);
  return (
    <>
      <PageTitle
        subtitle={
          <>
            {u.active ? <Badge tone="green">действует</Badge> : <Badge tone="red">отключена</Badge>}{" "}
            {!u.hasPassword && <Badge tone="amber">пароль не задан</Badge>} Последний вход:{" "}
            {formatDateTime(u.lastSignInAt, zone)}
          </>
        }
      >
        {u.name}
      </PageTitle>
      <p className="mb-4 text-sm">
        <Link href="/admin/users" className="text-brand-700 underline">
          ← К списку
        </Link>
      </p>
      <div className="grid gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2" title="Данные и доступ">
          <EditUserForm
            key={u.updatedAt.toISOString()}
            options={{ roles: self ? [u.role] : assignableRoles(actor), ...options }}
            initial={{
              userId: u.id,
              updatedAt: u.updatedAt.toISOString(),
              name: u.name,
              email: u.email,
              role: u.role,
              organisationId: u.organisationId ? String(u.organisationId) : "",
              municipalityId: u.municipalityId ? String(u.municipalityId) : "",
            }}
          />
        </Card>
        <Card title="Вход">
          <p className="mb-3 text-sm text-slate-600">
            Новая ссылка заменяет прежние. Отключённая учётная запись теряет доступ сразу, со следующего
            запроса.
          </p>
          <UserControls userId={u.id} updatedAt={u.updatedAt.toISOString()} active={u.active} self={self} />
          {(u.oidcSubject !== null || oidcEnabled()) && (
            <div className="mt-5 space-y-2 border-t border-slate-200 pt-4 text-sm">
              <h3 className="font-semibold text-slate-900">Региональная учётная запись</h3>
              {u.oidcSubject !== null ? (
                <>
                  <p className="text-slate-700">
                    Привязана {formatDateTime(u.oidcBoundAt, zone)}: пользователь входит через региональную
                    учётную запись. Роль и область работы задаются здесь, а не поставщиком входа.
                  </p>
                  {mayUnbind && <UnbindSso userId={u.id} self={self} />}
                </>
              ) : (
                <p className="text-slate-700">
                  Не привязана. Привяжется при первом входе через региональную учётную запись, если поставщик
                  входа подтвердил адрес {u.email}.
                </p>
              )}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
