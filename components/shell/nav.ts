import type { Role, SessionUser } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
}

/** The navigation of each role: only pages that exist. */
export function navFor(user: SessionUser): NavItem[] {
  const items: Record<Role, NavItem[]> = {
    curator: [
      { href: "/home", label: "Главная" },
      { href: "/registry/persons", label: "Реестры" },
      { href: "/reports", label: "Отчёты" },
      { href: "/roadmap", label: "Дорожная карта" },
      { href: "/indicators", label: "Показатели" },
      { href: "/surveys", label: "Анкеты" },
      { href: `/orgs/${user.organisationId}`, label: "Организация" },
      { href: "/settings/public-page", label: "Страница на сайте" },
    ],
    coordinator: [
      { href: "/home", label: "Главная" },
      { href: "/reports", label: "Отчёты" },
      { href: "/roadmap", label: "Дорожные карты" },
      { href: "/indicators", label: "Показатели" },
      { href: "/surveys", label: "Анкеты" },
      { href: "/orgs", label: "Организации" },
      { href: "/practices", label: "Лучшие практики" },
      { href: "/admin/users", label: "Кураторы" },
      { href: "/admin/audit", label: "Журнал" },
    ],
    ministry: [
      { href: "/home", label: "Главная" },
      { href: "/reports", label: "Отчёты" },
      { href: "/roadmap", label: "Дорожные карты" },
      { href: "/indicators", label: "Показатели" },
      { href: "/surveys", label: "Анкеты" },
      { href: "/orgs", label: "Организации" },
      { href: "/practices", label: "Лучшие практики" },
    ],
    admin: [
      { href: "/home", label: "Главная" },
      { href: "/reports", label: "Отчёты" },
      { href: "/roadmap", label: "Дорожные карты" },
      { href: "/indicators", label: "Показатели" },
      { href: "/surveys", label: "Анкеты" },
      { href: "/orgs", label: "Организации" },
      { href: "/practices", label: "Лучшие практики" },
      { href: "/admin/users", label: "Пользователи" },
      { href: "/admin/directory", label: "Справочник" },
      { href: "/admin/periods", label: "Периоды" },
      { href: "/admin/audit", label: "Журнал" },
    ],
    // Every region's figures and completeness; no organisation list (54 000) and no registers.
    federal: [
      { href: "/home", label: "Главная" },
      { href: "/indicators", label: "Показатели" },
      { href: "/reports", label: "Сдача отчётов" },
    ],
  };
  return items[user.role];
}
