/** Forms of the directory (municipalities, organisations): one schema for the browser and the server. Pure. */
import { z } from "zod";
import { organisationCardSchema } from "@/lib/organisations/schemas";
import { numeric, zBool, zId } from "@/lib/validation";

import { MUNICIPALITY_KINDS, ORGANISATION_KINDS } from "@/lib/vocabulary";

export { MUNICIPALITY_KIND_LABELS, MUNICIPALITY_KINDS, ORGANISATION_KINDS } from "@/lib/vocabulary";

const id = zId;
const flag = z
  .union([z.boolean(), z.enum(["true", "false"])], { message: "Не указано действие." })
  .transform((v) => v === true || v === "true");
const version = z.string().min(1, "Обновите страницу и повторите.");
const municipalityName = z
  .string({ message: "Название: обязательное поле." })
  .trim()
  .min(3, "Название: не короче 3 символов.")
  .max(200, "Название: не длиннее 200 символов.");
const municipalityKind = z.enum(MUNICIPALITY_KINDS, { message: "Вид: выберите из списка." });
const organisationKind = z.enum(ORGANISATION_KINDS, { message: "Тип организации: выберите из списка." });
const JOINED_YEAR = "Год вступления в модель: введите год числом, например 2021.";
// Every option names the field's message: a value no option takes (a fractional year) says it on the server
// (the union's message) and in the browser (whose resolver shows the closest option's first message).
const joinedYear = z
  .union(
    [
      z.literal("", { message: JOINED_YEAR }),
      z.null({ message: JOINED_YEAR }),
      numeric(
        z
          .number({ message: JOINED_YEAR })
          .int(JOINED_YEAR)
          .min(2019, "Год вступления в модель: не раньше 2019.")
          .max(2100, "Год вступления в модель: не позже 2100."),
      ),
    ],
    { message: JOINED_YEAR },
  )
  .transform((v) => (v === "" || v === null ? null : v))
  .default(null);

export const createMunicipalitySchema = z.object({
  regionId: id("Не указан регион."),
  name: municipalityName,
  kind: municipalityKind,
});

export const updateMunicipalitySchema = z.object({
  municipalityId: id("Не указан муниципалитет."),
  updatedAt: version,
  name: municipalityName,
  kind: municipalityKind,
});

export const archiveMunicipalitySchema = z.object({
  municipalityId: id("Не указан муниципалитет."),
  archived: flag,
});

const card = organisationCardSchema.shape;

/** A new organisation: the card's fields, its municipality, kind and place in the model. */
export const createOrganisationSchema = z
  .object({
    municipalityId: id("Муниципалитет: выберите из списка."),
    kind: organisationKind,
    fullName: card.fullName,
    shortName: card.shortName,
    address: card.address,
    directorName: card.directorName,
    phone: card.phone,
    email: card.email,
    website: card.website,
    learners10to18: card.learners10to18,
    teachingStaff: card.teachingStaff,
    youngTeachers: card.youngTeachers,
    joinedYear,
    obliged: zBool,
  })
  .refine((v) => v.youngTeachers <= v.teachingStaff, {
    path: ["youngTeachers"],
    message: "Молодых специалистов не может быть больше, чем педагогических работников.",
  });

/** What only the admin changes: municipality, kind, year of joining, whether it is obliged to take part. */
export const updateOrganisationSchema = z.object({
  organisationId: id("Не указана организация."),
  updatedAt: version,
  municipalityId: id("Муниципалитет: выберите из списка."),
  kind: organisationKind,
  joinedYear,
  obliged: zBool,
});

export const archiveOrganisationSchema = z.object({
  organisationId: id("Не указана организация."),
  updatedAt: version,
  archived: flag,
});

export type CreateMunicipalityInput = z.input<typeof createMunicipalitySchema>;
export type UpdateMunicipalityInput = z.input<typeof updateMunicipalitySchema>;
export type CreateOrganisationInput = z.input<typeof createOrganisationSchema>;
export type UpdateOrganisationInput = z.input<typeof updateOrganisationSchema>;
