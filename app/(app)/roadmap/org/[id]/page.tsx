import type { Metadata } from "next";
import { RoadmapView } from "@/components/roadmap/roadmap-view";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { scopeRoadmap } from "@/lib/roadmap/scope";
import { regionClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Дорожная карта организации" };

export default async function OrganisationRoadmapPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const owner = await pageScope(scopeRoadmap(user, "organisation", Number((await params).id), "view"));
  const today = (await regionClock(owner.regionId)).today();
  const back =
    user.role === "curator"
      ? undefined
      : user.role === "coordinator"
        ? { href: `/roadmap/municipality/${owner.municipalityId}`, label: "Дорожная карта муниципалитета" }
        : { href: `/roadmap/municipality/${owner.municipalityId}`, label: "Муниципалитет организации" };
  return <RoadmapView user={user} owner={owner} today={today} back={back} />;
}
