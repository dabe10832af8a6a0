import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { listUsers } from "@/lib/admin/users/queries";
import { managesRegion } from "@/lib/admin/users/roles";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { userClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Пользователи" };

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser(rolesWith("manageUsers"));
  const p = await searchParams;
  const { rows, total, page, pages } = await listUsers(user, {
    q: p.q,
    role: p.role,
    status: p.status,
    page: Number(p.page) || 1,
  });
  const admin = managesRegion(user);
  const { zone } = await userClock(user);
  return (
    <>
      <PageTitle subtitle={admin ? "Учётные записи региона" : "Кураторы организаций вашего муниципалитета"}>
        {admin ? "Пользователи" : "Кураторы"}
      </PageTitle>
      <form
        method="get"
        role="search"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5"
      >
        <label className="col-span-2 text-sm font-medium text-slate-800">
          Поиск по ФИО или почте
          <input name="q" defaultValue={p.q} className={input} />
        </label>
        {admin && (
          <label className="text-sm font-medium text-slate-800">
            Роль
            <select name="role" defaultValue={p.role ?? ""} className={input}>
              <option value="">все</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm font-medium text-slate-800">
          Состояние
          <select name="status" defaultValue={p.status ?? ""} className={input}>
            <option value="">все</option>
            <option value="active">действующие</option>
            <option value="inactive">отключённые</option>
          </select>
        </label>
        <div className="flex items-end">
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100"
          >
            Найти
          </button>
        </div>
      </form>
      <Card
        title={`Найдено: ${total}`}
        actions={
          <Link
            href="/admin/users/new"
            className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-medium text-white"
          >
            {admin ? "Добавить пользователя" : "Добавить куратора"}
          </Link>
        }
      >
        <Table caption="Пользователи">
          <thead>
            <tr>
              <Th>ФИО</Th>
              <Th>Эл. почта</Th>
              <Th>Роль</Th>
              <Th>Область работы</Th>
              <Th>Последний вход</Th>
              <Th>Состояние</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <Td>
                  <Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">
                    {u.name}
                  </Link>
                </Td>
                <Td>{u.email}</Td>
                <Td>{ROLE_LABELS[u.role]}</Td>
                <Td>{u.organisation ?? u.municipality ?? "весь регион"}</Td>
                <Td>{formatDateTime(u.lastSignInAt, zone)}</Td>
                <Td>
                  {!u.active ? (
                    <Badge tone="red">отключена</Badge>
                  ) : !u.hasPassword ? (
                    <Badge tone="amber">пароль не задан</Badge>
                  ) : (
                    <Badge tone="green">действует</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Pager
          page={page}
          pages={pages}
          params={{ q: p.q, role: p.role, status: p.status }}
          path="/admin/users"
        />
      </Card>
    </>
  );
}
