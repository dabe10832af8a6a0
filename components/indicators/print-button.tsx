"use client";

/** Opens the browser's print dialog; the page's print styles hide the controls. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100"
    >
      Печать
    </button>
  );
}
