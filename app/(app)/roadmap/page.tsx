import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guard";
import { ownRoadmapPath } from "@/lib/roadmap/scope";

/** «Дорожная карта» in the menu: the user's own level's roadmap. */
export default async function RoadmapHome() {
  const user = await requireUser();
  const path = ownRoadmapPath(user);
  if (!path) notFound();
  redirect(path);
}
