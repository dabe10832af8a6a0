/**
 * A small static renderer for the public components (pure functions of their props, no hooks, no client
 * components): the embed is served as plain HTML from a route handler, without the React runtime in the browser
 * (spec/quality.md: embed page JS ≤ 30 KB). The same components render in the App Router pages.
 */
import type { ReactNode } from "react";

const ELEMENTS = new Set([Symbol.for("react.transitional.element"), Symbol.for("react.element")]);
const FRAGMENT = Symbol.for("react.fragment");
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
const NAMES: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  tabIndex: "tabindex",
  colSpan: "colspan",
  rowSpan: "rowspan",
  dateTime: "datetime",
  strokeWidth: "stroke-width",
  strokeDasharray: "stroke-dasharray",
  textAnchor: "text-anchor",
  fontSize: "font-size",
};
const SKIP = new Set(["children", "dangerouslySetInnerHTML", "key", "ref", "suppressHydrationWarning"]);
const SAFE_NAME = /^[a-zA-Z][a-zA-Z0-9:._-]*$/;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function attributes(props: Record<string, unknown>): string {
  let out = "";
  for (const [key, value] of Object.entries(props)) {
    if (SKIP.has(key) || value == null || value === false || typeof value === "function") continue;
    const name = NAMES[key] ?? key;
    if (!SAFE_NAME.test(name)) continue;
    if (value === true)
      out += name.startsWith("aria-") || name.startsWith("data-") ? ` ${name}="true"` : ` ${name}`;
    else if (typeof value === "string" || typeof value === "number")
      out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

interface Element {
  $$typeof: symbol;
  type: unknown;
  props: Record<string, unknown>;
}

/** Renders a tree of intrinsic elements and synchronous function components to an HTML string. */
export function renderHtml(node: ReactNode): string {
  if (node == null || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeHtml(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map((n) => renderHtml(n as ReactNode)).join("");
  const el = node as unknown as Element;
  if (typeof node !== "object" || !ELEMENTS.has(el.$$typeof)) throw new Error("renderHtml: unsupported node");
  const { type, props } = el;
  if (type === FRAGMENT) return renderHtml(props.children as ReactNode);
  if (typeof type === "function") {
    const out = (type as (p: unknown) => unknown)(props);
    if (out instanceof Promise) throw new Error("renderHtml: async components are not supported");
    return renderHtml(out as ReactNode);
  }
  if (typeof type !== "string" || !SAFE_NAME.test(type)) throw new Error("renderHtml: unsupported element");
  const open = `<${type}${attributes(props)}>`;
  if (VOID.has(type)) return open;
  const inner = props.dangerouslySetInnerHTML as { __html?: string } | undefined;
  return `${open}${inner?.__html ?? renderHtml(props.children as ReactNode)}</${type}>`;
}
