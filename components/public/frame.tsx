import { PUBLIC_CSS, VI_SCRIPT } from "@/lib/public/styles";

/** Joins class names (a helper rather than a template: the formatter would strip the spaces). */
export const classes = (...names: (string | false)[]) => names.filter(Boolean).join(" ");

/** The switch between the usual version and the version for the visually impaired: a plain link, works without JS. */
export function ViSwitch({ href, vi }: { href: string; vi: boolean }) {
  return (
    <a className="pub-vi-link" href={href}>
      {vi ? "Обычная версия" : "Версия для слабовидящих"}
    </a>
  );
}

/**
 * A public page: its own stylesheet, the skip link, the header «Наставничество · …» with the switch, the main
 * landmark and the footer. `embed` drops the site chrome (header and footer) for an iframe on a school site.
 */
export function PublicFrame({
  brand,
  vi,
  embed = false,
  viHref,
  footer,
  children,
}: {
  brand: string;
  vi: boolean;
  embed?: boolean;
  viHref: string;
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className={classes("pub", vi && "pub-vi", embed && "pub-embed")}>
      <style dangerouslySetInnerHTML={{ __html: PUBLIC_CSS }} />
      <script dangerouslySetInnerHTML={{ __html: VI_SCRIPT }} />
      <a className="pub-skip" href="#main">
        Перейти к основному содержанию
      </a>
      {!embed && (
        <header className="pub-top">
          <div className="pub-wrap pub-bar">
            <p className="pub-brand">{brand}</p>
            <ViSwitch href={viHref} vi={vi} />
          </div>
        </header>
      )}
      <main id="main" className="pub-wrap" tabIndex={-1}>
        {embed && (
          <div className="pub-bar">
            <ViSwitch href={viHref} vi={vi} />
          </div>
        )}
        {children}
      </main>
      {!embed && (
        <footer className="pub-foot">
          <div className="pub-wrap">
            {footer}
            <p>
              Сведения публикуются из системы «Наставник» и обновляются, когда организация вносит изменения.
              Персональные данные обучающихся не публикуются; численность меньше пяти человек показана как
              «менее 5».
            </p>
          </div>
        </footer>
      )}
    </div>
  );
}
