"use client";
import Link from "next/link";
import { Td } from "@/components/ui/table";

/**
 * The municipality roadmap page's long lists, drawn in the browser from compact rows: a big city has hundreds of
 * organisations, and as server components every cell's markup went to the browser twice (in the HTML and in the
 * page's data).
 */

export interface OverdueLine {
  id: number;
  ownerId: number;
  owner: string;
  title: string;
  due: string;
  since: string;
  inProgress: boolean;
}

export function OverdueRows({ lines }: { lines: OverdueLine[] }) {
  return (
    <tbody>
      {lines.map((i) => (
        <tr key={i.id}>
          <Td>
            <Link href={`/roadmap/org/${i.ownerId}`} className="text-blue-800 hover:underline">
              {i.owner}
            </Link>
          </Td>
          <Td>{i.title}</Td>
          <Td className="whitespace-nowrap">
            {i.due}
            <span className="block text-xs font-semibold text-red-800">просрочено с {i.since}</span>
          </Td>
          <Td>{i.inProgress ? "выполняется" : "запланировано"}</Td>
        </tr>
      ))}
    </tbody>
  );
}

export interface OrgRoadmapLine {
  id: number;
  name: string;
  items: number;
  done: number;
  overdue: number;
}

export function OrgRoadmapRows({ lines }: { lines: OrgRoadmapLine[] }) {
  return (
    <tbody>
      {lines.map((o) => (
        <tr key={o.id}>
          <Td>
            <Link href={`/roadmap/org/${o.id}`} className="text-blue-800 hover:underline">
              {o.name}
            </Link>
          </Td>
          <Td className="text-right tabular-nums">{o.items || "нет дорожной карты"}</Td>
          <Td className="text-right tabular-nums">{o.done}</Td>
          <Td className={`text-right tabular-nums ${o.overdue ? "font-semibold text-red-800" : ""}`}>
            {o.overdue}
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
