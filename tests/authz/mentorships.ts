import { createAssignable, createMentorship } from "../support/registry-factories";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

/** A pair of the target organisation, written directly. */
async function existingPair(organisationId: number) {
  const { programme, mentor, mentee } = await createAssignable(organisationId);
  return createMentorship(programme, mentor.id, mentee.id);
}

export const rows: Record<string, MatrixRow> = {
  assignMentorshipsAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { assignMentorshipsAction } = await import("@/lib/registry/mentorships/actions");
      const { programme, mentor, mentee } = await createAssignable(targetOrg(ctx));
      return ctx.act(() =>
        assignMentorshipsAction({
          programmeId: programme.id,
          mentorId: mentor.id,
          menteeIds: [mentee.id],
          entryDate: "2024-10-01",
          endDate: "",
          orderNumber: "",
          orderDate: "",
        }),
      );
    },
  },
  updateMentorshipAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { updateMentorshipAction } = await import("@/lib/registry/mentorships/actions");
      const m = await existingPair(targetOrg(ctx));
      return ctx.act(() =>
        updateMentorshipAction({
          id: m.id,
          updatedAt: m.updatedAt.toISOString(),
          endDate: "2025-05-31",
          result: "Программа пройдена",
          mentorReviewUrl: "",
          menteeReviewUrl: "",
          completed: true,
          orderNumber: "",
          orderDate: "",
        }),
      );
    },
  },
  archiveMentorshipAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { archiveMentorshipAction } = await import("@/lib/registry/mentorships/actions");
      const m = await existingPair(targetOrg(ctx));
      return ctx.act(() => archiveMentorshipAction({ id: m.id, updatedAt: m.updatedAt.toISOString() }));
    },
  },
};
