"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { editableOwner } from "@/lib/registry/guard";
import { archiveMentorship, assignMentorships, updateMentorship } from "./mutations";
import { archiveMentorshipSchema, assignMentorshipsSchema, updateMentorshipSchema } from "./schemas";

const EDITORS = rolesWith("editOrganisation");

/** The pages that show a programme's pairs or the organisation's counts. */
function revalidateProgramme(programmeId: number, organisationId: number) {
  revalidatePath("/registry/programmes");
  revalidatePath(`/registry/programmes/${programmeId}`);
  revalidatePath(`/orgs/${organisationId}`);
}

export const assignMentorshipsAction = authorizedAction(
  {
    name: "assignMentorships",
    roles: EDITORS,
    schema: assignMentorshipsSchema,
    scope: (input, user) => editableOwner(user, "programme", input.programmeId),
  },
  async (input, user, org) => {
    const result = await assignMentorships(user, org, input);
    revalidateProgramme(result.programmeId, org.id);
    return result;
  },
);

export const updateMentorshipAction = authorizedAction(
  {
    name: "updateMentorship",
    roles: EDITORS,
    schema: updateMentorshipSchema,
    scope: (input, user) => editableOwner(user, "mentorship", input.id),
  },
  async (input, user, org) => {
    const result = await updateMentorship(user, org, input);
    revalidateProgramme(result.programmeId, org.id);
    revalidatePath(`/registry/programmes/${result.programmeId}/mentorships/${result.id}`);
    return result;
  },
);

export const archiveMentorshipAction = authorizedAction(
  {
    name: "archiveMentorship",
    roles: EDITORS,
    schema: archiveMentorshipSchema,
    scope: (input, user) => editableOwner(user, "mentorship", input.id),
  },
  async (input, user, org) => {
    const result = await archiveMentorship(user, org, input);
    revalidateProgramme(result.programmeId, org.id);
    return result;
  },
);
