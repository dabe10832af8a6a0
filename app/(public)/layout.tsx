import type { Metadata } from "next";

/**
 * Public pages (the organisation's «Наставничество», open data): no app navigation, no session, no cookies.
 * Each page draws its own header «Наставничество · …» and footer (PublicFrame): the header carries the switch to
 * the version for the visually impaired, which depends on the page's query.
 */
export const metadata: Metadata = {
  title: { default: "Наставничество", template: "%s" },
};

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return children;
}
