/** How persons are named on the register pages. Pure. */

interface Named {
  surname: string;
  name: string;
  patronymic: string;
}

/** «Иванов И. И.»: in messages about a person, where the full name would be noise. */
export function shortName(p: Named): string {
  const initials = [p.name, p.patronymic]
    .filter(Boolean)
    .map((part) => `${part[0]}.`)
    .join(" ");
  return initials ? `${p.surname} ${initials}` : p.surname;
}

/** «Иванов Иван Иванович». */
export function fullName(p: Named): string {
  return [p.surname, p.name, p.patronymic].filter(Boolean).join(" ");
}
