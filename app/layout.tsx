import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Наставник", template: "%s — Наставник" },
  description: "Целевая модель наставничества: реестры, квартальные отчёты, показатели региона",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ru">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
