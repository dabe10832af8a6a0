/** CSV for Excel: UTF-8 with BOM, «;» between fields. Pure. */

function cell(value: unknown): string {
  let s = value == null ? "" : String(value);
  // A leading = + - @ would make Excel run the cell as a formula.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
}
