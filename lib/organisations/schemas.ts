import { webAddress, zCount, zId } from "@/lib/validation";
import { z } from "zod";

const text = (label: string, max = 300) =>
  z.string().trim().max(max, `${label}: не длиннее ${max} символов.`);
const count = (label: string) => zCount(label);

/** The organisation's card as the curator or the admin edits it: one schema for browser and server. */
export const organisationCardSchema = z
  .object({
    id: zId(),
    /** The card's updatedAt when the form was opened: a save over a newer card is refused. */
    updatedAt: z.string().min(1),
    fullName: text("Полное наименование", 500).min(3, "Полное наименование: не короче 3 символов."),
    shortName: text("Краткое наименование", 150).min(2, "Краткое наименование: не короче 2 символов."),
    address: text("Почтовый адрес", 500),
    directorName: text("ФИО директора", 200),
    phone: text("Телефон", 50),
    email: z.union([
      z.literal(""),
      z.string().trim().email("Электронная почта: введите адрес полностью, например school@mail.ru."),
    ]),
    website: webAddress("Сайт", 300),
    learners10to18: count("Обучающихся 10–18 лет"),
    teachingStaff: count("Педагогических работников"),
    youngTeachers: count("Молодых специалистов"),
    curatorName: text("Куратор", 200),
    curatorContact: text("Контакты куратора", 200),
  })
  .refine((v) => v.youngTeachers <= v.teachingStaff, {
    path: ["youngTeachers"],
    message: "Молодых специалистов не может быть больше, чем педагогических работников.",
  });

export type OrganisationCardInput = z.input<typeof organisationCardSchema>;
