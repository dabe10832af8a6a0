"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/forms/field";

type ContactName = "fullName" | "shortName" | "directorName" | "address" | "phone" | "email" | "website";
type CountName = "learners10to18" | "teachingStaff" | "youngTeachers";

interface Props<N extends string> {
  register: (name: N) => UseFormRegisterReturn;
  errors: Partial<Record<N, { message?: string } | undefined>>;
}

/** The organisation's names and contacts: one layout for the card and the admin's «new organisation». */
export function ContactFields({
  register: r,
  errors: e,
  shortNameHint,
}: Props<ContactName> & { shortNameHint?: string }) {
  return (
    <>
      <Field
        className="md:col-span-2"
        label="Полное наименование"
        registration={r("fullName")}
        error={e.fullName}
      />
      <Field
        label="Краткое наименование"
        registration={r("shortName")}
        error={e.shortName}
        hint={shortNameHint}
      />
      <Field label="ФИО директора" registration={r("directorName")} error={e.directorName} />
      <Field className="md:col-span-2" label="Почтовый адрес" registration={r("address")} error={e.address} />
      <Field label="Телефон" type="tel" registration={r("phone")} error={e.phone} />
      <Field label="Электронная почта" type="email" registration={r("email")} error={e.email} />
      <Field
        className="md:col-span-2"
        label="Сайт"
        registration={r("website")}
        error={e.website}
        hint="Например, https://school5.example.ru"
      />
    </>
  );
}

/** The form-1 head counts kept on the card. */
export function CountFields({ register: r, errors: e }: Props<CountName>) {
  return (
    <fieldset className="grid gap-4 md:grid-cols-3 md:items-end">
      <legend className="mb-2 text-base font-semibold">Численность (форма 1)</legend>
      <Field
        label="Обучающихся в возрасте 10–18 лет, чел."
        inputMode="numeric"
        registration={r("learners10to18")}
        error={e.learners10to18}
      />
      <Field
        label="Педагогических работников, чел."
        inputMode="numeric"
        registration={r("teachingStaff")}
        error={e.teachingStaff}
      />
      <Field
        label="Молодых специалистов (стаж 0–3 года), чел."
        inputMode="numeric"
        registration={r("youngTeachers")}
        error={e.youngTeachers}
      />
    </fieldset>
  );
}
