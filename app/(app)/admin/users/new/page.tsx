import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/user-form";
import { Card, PageTitle } from "@/components/ui/card";
import { scopeOptions } from "@/lib/admin/users/queries";
import { assignableRoles, managesRegion } from "@/lib/admin/users/roles";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";

export const metadata: Metadata = { title: "Новый пользователь" };

export default async function NewUserPage() {
  const user = await requireUser(rolesWith("manageUsers"));
  const options = await scopeOptions(user);
  return (
    <>
      <PageTitle subtitle="Пароль пользователь задаст сам — по одноразовой ссылке, которая появится после сохранения.">
        {managesRegion(user) ? "Новый пользователь" : "Новый куратор"}
      </PageTitle>
      <p className="mb-4 text-sm">
        <Link href="/admin/users" className="text-brand-700 underline">
          ← К списку
        </Link>
      </p>
      <Card>
        <CreateUserForm options={{ roles: assignableRoles(user), ...options }} />
      </Card>
    </>
  );
}
