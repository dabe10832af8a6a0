/** lib/search.ts `pageWindow`: the one place every paged list clamps the page it was asked for. */
import { describe, expect, it } from "vitest";
import { pageWindow } from "@/lib/search";

describe("pageWindow", () => {
  it("counts the pages (at least one) and the first row of the page", () => {
    expect(pageWindow(0, 50, 1)).toEqual({ pages: 1, page: 1, offset: 0 });
    expect(pageWindow(101, 50, 3)).toEqual({ pages: 3, page: 3, offset: 100 });
    expect(pageWindow(100, 50, "2")).toEqual({ pages: 2, page: 2, offset: 50 });
  });

  it("clamps what a hostile or stale address asks for to a page that exists", () => {
    for (const asked of [undefined, null, "", "abc", NaN, 0, -5, [], {}, "toString"])
      expect(pageWindow(120, 50, asked).page, String(asked)).toBe(1);
    expect(pageWindow(120, 50, 99).page).toBe(3);
    expect(pageWindow(120, 50, Infinity).page).toBe(3);
    expect(pageWindow(120, 50, 2.7).page).toBe(2);
  });
});
