import { Header } from "@/components/shell/header";
import { requireUser } from "@/lib/auth/guard";
import { unreadCount } from "@/lib/notifications/queries";
import { scopeName } from "@/lib/territory/scope-name";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <Header user={user} scopeName={await scopeName(user)} unread={await unreadCount(user)} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
