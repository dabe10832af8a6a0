"use server";
import { registerActions } from "@/lib/registry/action";
import { archiveEvent, createEvent, restoreEvent, updateEvent } from "./mutations";
import { eventArchiveSchema, eventCreateSchema, eventRestoreSchema, eventUpdateSchema } from "./schemas";

/** The events feed and its archive. */
const events = registerActions({ scope: "organisation", revalidate: () => [{ layout: "/registry/events" }] });

export const createEventAction = events("createEvent", eventCreateSchema, createEvent);
export const updateEventAction = events("updateEvent", eventUpdateSchema, updateEvent);
export const archiveEventAction = events("archiveEvent", eventArchiveSchema, archiveEvent);
export const restoreEventAction = events("restoreEvent", eventRestoreSchema, restoreEvent);
