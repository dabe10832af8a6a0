"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { createReport, reopenReport, reviewReport, saveReport, submitReport } from "./mutations";
import {
  createReportSchema,
  reopenReportSchema,
  reviewReportSchema,
  saveReportSchema,
  submitReportSchema,
} from "./schemas";
import { reportOrg } from "./scope";

const refresh = () => revalidatePath("/reports", "layout");

/** The curator's drafting (and the admin's): the organisation's reports; the workflow decides what is allowed. */
const DRAFTING = rolesWith("editOrganisation");

export const createReportAction = authorizedAction(
  {
    name: "createReport",
    roles: DRAFTING,
    schema: createReportSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "view"),
  },
  async (input, user, org) => {
    const result = await createReport(user, org, input);
    refresh();
    return result;
  },
);

export const saveReportAction = authorizedAction(
  {
    name: "saveReport",
    roles: DRAFTING,
    schema: saveReportSchema,
    scope: (input, user) => reportOrg(user, input.reportId),
  },
  async (input, user, org) => {
    const result = await saveReport(user, org, input);
    refresh();
    return result;
  },
);

export const submitReportAction = authorizedAction(
  {
    name: "submitReport",
    roles: DRAFTING,
    schema: submitReportSchema,
    scope: (input, user) => reportOrg(user, input.reportId),
  },
  async (input, user, org) => {
    const result = await submitReport(user, org, input);
    refresh();
    return result;
  },
);

export const reviewReportAction = authorizedAction(
  {
    name: "reviewReport",
    roles: rolesWith("reviewReports"),
    schema: reviewReportSchema,
    scope: (input, user) => reportOrg(user, input.reportId, "reviewReports"),
  },
  async (input, user, org) => {
    const result = await reviewReport(user, org, input);
    refresh();
    return result;
  },
);

export const reopenReportAction = authorizedAction(
  {
    name: "reopenReport",
    roles: rolesWith("administerRegion"),
    schema: reopenReportSchema,
    scope: (input, user) => reportOrg(user, input.reportId, "administerRegion"),
  },
  async (input, user, org) => {
    const result = await reopenReport(user, org, input);
    refresh();
    return result;
  },
);
