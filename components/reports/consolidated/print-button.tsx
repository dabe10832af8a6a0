"use client";

/** Opens the browser's print dialog; the page's print stylesheet lays the tables out on A4 landscape. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
    >
      Печать
    </button>
  );
}
