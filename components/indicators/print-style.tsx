/** Print styles of the indicator pages: A4 landscape, no navigation or controls, tables and charts whole. */
const CSS = `
@page { size: A4 landscape; margin: 10mm; }
@media print {
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .indicator-table { overflow: visible !important; }
  .indicator-table table { font-size: 8pt; width: 100%; }
  .indicator-table th, .indicator-table td { padding: 2pt 3pt !important; }
  .indicator-table thead { display: table-header-group; }
  .indicator-table tr, figure { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit !important; text-decoration: none !important; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; box-shadow: none !important; }
}
`;

export function IndicatorPrintStyle() {
  return <style>{CSS}</style>;
}
