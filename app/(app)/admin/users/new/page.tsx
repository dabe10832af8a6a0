import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/user-form";
import { Card, PageTitle } from "@/components/ui/card";
import { scopeOptions } from "@/lib/admin/users/queries";
import { assignableRoles } from "@/lib/admin/users/roles";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Новый пользователь" };

export default async function NewUserPage() {
  const user = await requireUser(["admin", "coordinator"]);
  const options = await scopeOptions(user);
  return (
    <>
      <PageTitle subtitle="Пароль пользователь задаст сам — по одноразовой ссылке, которая появится после сохранения.">
        {user.role === "admin" ? "Новый пользователь" : "Новый куратор"}
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
