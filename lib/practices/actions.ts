"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { markBestPractice, unmarkBestPractice } from "./mutations";
import { markBestPracticeSchema, unmarkBestPracticeSchema } from "./schemas";

/** The bank and the programme's page show the change at once. */
function refresh<T extends { programmeId: number }>(done: T): T {
  revalidatePath("/practices");
  revalidatePath(`/registry/programmes/${done.programmeId}`);
  return done;
}

export const markBestPracticeAction = authorizedAction(
  { name: "markBestPractice", roles: rolesWith("markBestPractice"), schema: markBestPracticeSchema },
  async (input, user) => refresh(await markBestPractice(user, input)),
);

export const unmarkBestPracticeAction = authorizedAction(
  { name: "unmarkBestPractice", roles: rolesWith("markBestPractice"), schema: unmarkBestPracticeSchema },
  async (input, user) => refresh(await unmarkBestPractice(user, input)),
);
