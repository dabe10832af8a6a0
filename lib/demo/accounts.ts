/**
 * The demo accounts shown on the sign-in page in demo mode. Pure constants: imported by the sign-in page,
 * so no database or Node import here. The seed (lib/demo/users.ts) creates exactly these accounts.
 */

export type DemoRole = "admin" | "ministry" | "coordinator" | "curator" | "federal";

export interface DemoAccount {
  role: DemoRole;
  email: string;
  password: string;
  label: string;
}

/** The big city district of the demo region; the demo coordinator works there. */
export const DEMO_CITY_NAME = "Городской округ Демоград";
/** The school of the demo curator (a big-city school whose current report is a draft). */
export const DEMO_CURATOR_SCHOOL = "МБОУ СОШ № 5";
export const DEMO_CURATOR_SCHOOL_NUMBER = 5;
export const DEMO_PASSWORD = "demo2026";
export const DEMO_EMAIL_DOMAIN = "nastavnik.demo";

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: "admin",
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    label: "Администратор (РНЦ)",
  },
  {
    role: "ministry",
    email: `ministry@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    label: "Министерство образования",
  },
  {
    role: "coordinator",
    email: `coordinator@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    label: `Муниципальный координатор — ${DEMO_CITY_NAME}`,
  },
  {
    role: "curator",
    email: `curator@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    label: `Куратор — ${DEMO_CURATOR_SCHOOL}`,
  },
  {
    role: "federal",
    email: `federal@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    label: "Федеральный уровень — все регионы",
  },
];
