/**
 * The print stylesheet of the consolidated forms, rendered only on that page: A4 landscape, a compact grid,
 * the (merged) header repeated on every sheet, each form from a new sheet, no navigation or buttons.
 */
const CSS = `
@page { size: A4 landscape; margin: 10mm; }
@media print {
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .consolidated h1 { font-size: 14pt; margin: 0; }
  .consolidated-form { break-inside: auto; margin: 0 0 6mm 0 !important; }
  .consolidated-form + .consolidated-form { break-before: page; }
  .consolidated-form h2 { font-size: 11pt; margin: 0 0 2mm 0; }
  .consolidated-form .overflow-x-auto { overflow: visible !important; }
  .consolidated-form table { width: 100%; min-width: 0 !important; font-size: 7.5pt; border-collapse: collapse; }
  .consolidated-form thead { display: table-header-group; }
  .consolidated-form tr { break-inside: avoid; page-break-inside: avoid; }
  .consolidated-form th, .consolidated-form td {
    border: 0.5pt solid #64748b !important; padding: 1.5pt 3pt !important; background: white !important;
    min-width: 0 !important;
  }
  .consolidated-form thead th { font-weight: 700; vertical-align: middle; text-align: center; }
  .consolidated-form tr.total th, .consolidated-form tr.total td { font-weight: 700; background: #f1f5f9 !important; }
  .consolidated-form tr.distinct th, .consolidated-form tr.distinct td { font-style: italic; }
  .consolidated-form > p { font-size: 8pt; margin: 1mm 0 !important; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; box-shadow: none !important; }
}
`;

export function ConsolidatedPrintStyle() {
  return <style>{CSS}</style>;
}
