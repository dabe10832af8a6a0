"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { revalidatePublicForReport } from "@/lib/public/cache";
import { createReport, reopenReport, reviewReport, saveReport, submitReport } from "./mutations";
import {
  createReportSchema,
  reopenReportSchema,
  reviewReportSchema,
  saveReportSchema,
  submitReportSchema,
} from "./schemas";

const refresh = () => revalidatePath("/reports", "layout");

export const createReportAction = authorizedAction(
  { name: "createReport", roles: ["curator", "admin"], schema: createReportSchema },
  async (input, user) => {
    const result = await createReport(user, input);
    refresh();
    return result;
  },
);

export const saveReportAction = authorizedAction(
  { name: "saveReport", roles: ["curator", "admin"], schema: saveReportSchema },
  async (input, user) => {
    const result = await saveReport(user, input);
    refresh();
    return result;
  },
);

export const submitReportAction = authorizedAction(
  { name: "submitReport", roles: ["curator", "admin"], schema: submitReportSchema },
  async (input, user) => {
    const result = await submitReport(user, input);
    refresh();
    return result;
  },
);

export const reviewReportAction = authorizedAction(
  { name: "reviewReport", roles: ["coordinator", "admin"], schema: reviewReportSchema },
  async (input, user) => {
    const result = await reviewReport(user, input);
    refresh();
    await revalidatePublicForReport(input.reportId);
    return result;
  },
);

export const reopenReportAction = authorizedAction(
  { name: "reopenReport", roles: ["admin"], schema: reopenReportSchema },
  async (input, user) => {
    const result = await reopenReport(user, input);
    refresh();
    await revalidatePublicForReport(input.reportId);
    return result;
  },
);
