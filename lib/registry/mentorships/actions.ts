"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { revalidatePublic } from "@/lib/public/cache";
import { archiveMentorship, assignMentorships, updateMentorship } from "./mutations";
import { archiveMentorshipSchema, assignMentorshipsSchema, updateMentorshipSchema } from "./schemas";

const EDITORS = ["curator", "admin"] as const;

/** The pages that show a programme's pairs or the organisation's counts. */
function revalidateProgramme(programmeId: number, organisationId?: number) {
  revalidatePath("/registry/programmes");
  revalidatePath(`/registry/programmes/${programmeId}`);
  if (organisationId) revalidatePath(`/orgs/${organisationId}`);
}

export const assignMentorshipsAction = authorizedAction(
  { name: "assignMentorships", roles: EDITORS, schema: assignMentorshipsSchema },
  async (input, user) => {
    const result = await assignMentorships(user, input);
    revalidateProgramme(result.programmeId, result.organisationId);
    await revalidatePublic(result.organisationId);
    return result;
  },
);

export const updateMentorshipAction = authorizedAction(
  { name: "updateMentorship", roles: EDITORS, schema: updateMentorshipSchema },
  async (input, user) => {
    const result = await updateMentorship(user, input);
    revalidateProgramme(result.programmeId, result.organisationId);
    revalidatePath(`/registry/programmes/${result.programmeId}/mentorships/${result.id}`);
    await revalidatePublic(result.organisationId);
    return result;
  },
);

export const archiveMentorshipAction = authorizedAction(
  { name: "archiveMentorship", roles: EDITORS, schema: archiveMentorshipSchema },
  async (input, user) => {
    const result = await archiveMentorship(user, input);
    revalidateProgramme(result.programmeId, result.organisationId);
    await revalidatePublic(result.organisationId);
    return result;
  },
);
