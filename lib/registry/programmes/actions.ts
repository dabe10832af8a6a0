"use server";
import { programmePages, registerAction, registerActions } from "@/lib/registry/action";
import { archiveProgramme, createProgramme, restoreProgramme, updateProgramme } from "./mutations";
import {
  archiveProgrammeSchema,
  createProgrammeSchema,
  restoreProgrammeSchema,
  updateProgrammeSchema,
} from "./schemas";

/** The programme and the organisation's counts. */
const pages = ({ result, org }: { result: { id: number }; org: { id: number } }) =>
  programmePages(result.id, org);

/** Actions on a programme named by id. */
const programme = registerActions({ scope: "programme", revalidate: pages });

export const createProgrammeAction = registerAction(
  { name: "createProgramme", schema: createProgrammeSchema, scope: "organisation", revalidate: pages },
  createProgramme,
);
export const updateProgrammeAction = programme("updateProgramme", updateProgrammeSchema, updateProgramme);
export const archiveProgrammeAction = programme("archiveProgramme", archiveProgrammeSchema, archiveProgramme);
export const restoreProgrammeAction = programme("restoreProgramme", restoreProgrammeSchema, restoreProgramme);
