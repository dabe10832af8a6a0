/**
 * The print stylesheet of a quarterly report, rendered only on its page: A4 landscape, the forms' tables framed
 * with their (merged) header repeated on every sheet, without the side panels, the mode switch and the buttons.
 */
const CSS = `
@page { size: A4 landscape; margin: 10mm; }
@media print {
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .report-print { display: block !important; }
  .report-print aside, .report-print [role="radiogroup"], .report-print .sticky { display: none !important; }
  .report-print section { box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  .report-print .overflow-x-auto { overflow: visible !important; }
  .report-print table { width: 100%; min-width: 0 !important; font-size: 8pt; border-collapse: collapse; }
  .report-print thead { display: table-header-group; }
  .report-print tr { break-inside: avoid; page-break-inside: avoid; }
  .report-print th, .report-print td {
    border: 0.5pt solid #64748b !important; padding: 1.5pt 3pt !important; background: white !important;
    min-width: 0 !important;
  }
  .report-print h3 { break-after: avoid; font-size: 10pt; }
  .report-form { break-inside: auto; margin-bottom: 5mm; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; box-shadow: none !important; }
}
`;

export function ReportPrintStyle() {
  return <style>{CSS}</style>;
}
