import type { Metadata } from "next";
import { AdminHome } from "@/components/home/admin-home";
import { CoordinatorHome } from "@/components/home/coordinator-home";
import { CuratorHome } from "@/components/home/curator-home";
import { FederalHome } from "@/components/home/federal-home";
import { MinistryHome } from "@/components/home/ministry-home";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { scopeCountry, scopeOrg, scopeRegion } from "@/lib/auth/scoped";
import { userClock } from "@/lib/territory/clock";
import { scopeName } from "@/lib/territory/scope-name";

export const metadata: Metadata = { title: "Главная" };

export default async function HomePage() {
  const user = await requireUser();
  const name = await scopeName(user);
  switch (user.role) {
    case "curator":
      return (
        <CuratorHome user={user} scope={await pageScope(scopeOrg(user, user.organisationId, "registers"))} />
      );
    case "coordinator":
      return <CoordinatorHome user={user} title={name} />;
    case "ministry":
      return <MinistryHome user={user} region={await pageScope(scopeRegion(user))} regionName={name} />;
    case "admin":
      return (
        <>
          <AdminHome user={user} regionName={name} />
          <MinistryHome
            user={user}
            region={await pageScope(scopeRegion(user))}
            regionName="Показатели региона"
          />
        </>
      );
    case "federal":
      return <FederalHome country={scopeCountry(user)} period={(await userClock(user)).quarter()} />;
  }
}
