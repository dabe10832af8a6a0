import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guard";

export default async function RootPage() {
  redirect((await currentUser()) ? "/home" : "/login");
}
