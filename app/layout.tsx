import type { Metadata } from "next";
import { connection } from "next/server";
import { HydrationMark } from "@/components/shell/hydration-mark";
import { ZOD_JITLESS } from "@/lib/public/inline-scripts.cjs";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Наставник", template: "%s — Наставник" },
  description: "Целевая модель наставничества: реестры, квартальные отчёты, показатели региона",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts). A page built
  // in advance would have none, and the CSP (no 'unsafe-inline') would block them.
  await connection();
  return (
    <html lang="ru">
      <head>
        {/* Before any chunk: zod must not probe `new Function` under the CSP (allowed by its hash). */}
        <script dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body className="min-h-screen">
        {children}
        <HydrationMark />
      </body>
    </html>
  );
}
