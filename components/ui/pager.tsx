import Link from "next/link";

/** Previous/next page links that keep every other query parameter. */
export function Pager({
  page,
  pages,
  params,
  path,
}: {
  page: number;
  pages: number;
  params: Record<string, string | undefined>;
  path: string;
}) {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...params, page: String(p) }).filter(([, v]) => v) as [string, string][],
    );
    return `${path}?${q}`;
  };
  return (
    <nav aria-label="Страницы" className="no-print mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link
          href={href(page - 1)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
        >
          ← Предыдущая
        </Link>
      ) : null}
      <span className="text-slate-600">
        Страница {page} из {pages}
      </span>
      {page < pages ? (
        <Link
          href={href(page + 1)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
        >
          Следующая →
        </Link>
      ) : null}
    </nav>
  );
}
