import type { RegionLine } from "@/lib/indicators/by-region";
import { INDICATORS } from "@/lib/indicators/definitions";
import { RegionTableView, type CompactLine } from "./region-table-view";

const compact = (r: RegionLine): CompactLine => [
  r.id,
  r.name,
  r.cells.N1.covered,
  r.cells.N1.total,
  INDICATORS.map((d) => {
    const c = r.cells[d.code];
    return [c.fact, c.plan, c.below ? 1 : 0];
  }),
];

/**
 * The federal level's table: the country's total and every region × indicators 1–7, Н1, Н2 for a year, fact
 * against plan; a region's name opens its own table (the drill-down region → municipality → organisation).
 * Its figures go to the browser as compact lines, drawn by a client component (region-table-view.tsx).
 */
export function RegionTable(props: {
  year: number;
  total: RegionLine;
  regions: RegionLine[];
  href: (regionId: number) => string;
}) {
  return (
    <RegionTableView
      year={props.year}
      total={compact(props.total)}
      regions={props.regions.map(compact)}
      hrefs={Object.fromEntries(props.regions.map((r) => [r.id, props.href(r.id)]))}
    />
  );
}
