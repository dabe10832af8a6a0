"use server";
import { programmePages, registerAction } from "@/lib/registry/action";
import { archiveMentorship, assignMentorships, updateMentorship } from "./mutations";
import { archiveMentorshipSchema, assignMentorshipsSchema, updateMentorshipSchema } from "./schemas";

/** The pair's programme and the organisation's counts. */
const pages = ({ result, org }: { result: { programmeId: number }; org: { id: number } }) =>
  programmePages(result.programmeId, org);

export const assignMentorshipsAction = registerAction(
  {
    name: "assignMentorships",
    schema: assignMentorshipsSchema,
    scope: { programme: "programmeId" },
    revalidate: pages,
  },
  assignMentorships,
);

export const updateMentorshipAction = registerAction(
  {
    name: "updateMentorship",
    schema: updateMentorshipSchema,
    scope: "mentorship",
    revalidate: (done) => [
      ...pages(done),
      `/registry/programmes/${done.result.programmeId}/mentorships/${done.result.id}`,
    ],
  },
  updateMentorship,
);

export const archiveMentorshipAction = registerAction(
  { name: "archiveMentorship", schema: archiveMentorshipSchema, scope: "mentorship", revalidate: pages },
  archiveMentorship,
);
