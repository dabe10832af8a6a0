"use client";
import { useEffect } from "react";

/**
 * Marks the document once React has hydrated it (`data-hydrated` on <html>), for the browser tests: they wait for
 * it before using a control that works only through the page's script.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
