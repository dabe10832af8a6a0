"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { revalidatePublic } from "@/lib/public/cache";
import { archiveEvent, createEvent, restoreEvent, updateEvent } from "./mutations";
import { eventArchiveSchema, eventCreateSchema, eventRestoreSchema, eventUpdateSchema } from "./schemas";

const EDITORS = ["curator", "admin"] as const;

export const createEventAction = authorizedAction(
  { name: "createEvent", roles: EDITORS, schema: eventCreateSchema },
  async (input, user) => {
    const result = await createEvent(user, input);
    revalidatePath("/registry/events", "layout");
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const updateEventAction = authorizedAction(
  { name: "updateEvent", roles: EDITORS, schema: eventUpdateSchema },
  async (input, user) => {
    const result = await updateEvent(user, input);
    revalidatePath("/registry/events", "layout");
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const archiveEventAction = authorizedAction(
  { name: "archiveEvent", roles: EDITORS, schema: eventArchiveSchema },
  async (input, user) => {
    const result = await archiveEvent(user, input);
    revalidatePath("/registry/events", "layout");
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const restoreEventAction = authorizedAction(
  { name: "restoreEvent", roles: EDITORS, schema: eventRestoreSchema },
  async (input, user) => {
    const result = await restoreEvent(user, input);
    revalidatePath("/registry/events", "layout");
    await revalidatePublic(input.organisationId);
    return result;
  },
);
