"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { archiveEvent, createEvent, restoreEvent, updateEvent } from "./mutations";
import { eventArchiveSchema, eventCreateSchema, eventRestoreSchema, eventUpdateSchema } from "./schemas";

const EDITORS = rolesWith("editOrganisation");

export const createEventAction = authorizedAction(
  {
    name: "createEvent",
    roles: EDITORS,
    schema: eventCreateSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await createEvent(user, org, input);
    revalidatePath("/registry/events", "layout");
    return result;
  },
);

export const updateEventAction = authorizedAction(
  {
    name: "updateEvent",
    roles: EDITORS,
    schema: eventUpdateSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await updateEvent(user, org, input);
    revalidatePath("/registry/events", "layout");
    return result;
  },
);

export const archiveEventAction = authorizedAction(
  {
    name: "archiveEvent",
    roles: EDITORS,
    schema: eventArchiveSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await archiveEvent(user, org, input);
    revalidatePath("/registry/events", "layout");
    return result;
  },
);

export const restoreEventAction = authorizedAction(
  {
    name: "restoreEvent",
    roles: EDITORS,
    schema: eventRestoreSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await restoreEvent(user, org, input);
    revalidatePath("/registry/events", "layout");
    return result;
  },
);
