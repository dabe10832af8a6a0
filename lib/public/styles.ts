/**
 * The stylesheet and the two tiny scripts of the public pages, inlined: the embed is plain HTML without the
 * app's CSS bundle, and nothing is loaded from anywhere. Contrast ≥ 7:1; «версия для слабовидящих» is `.pub-vi`.
 */
export const PUBLIC_CSS = `
.pub{--ink:#1b2330;--muted:#455162;--line:#cfd6df;--soft:#f1f4f8;--accent:#143d7a;--link:#17479a;
font:16px/1.55 "PT Sans","Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff;min-height:100vh}
.pub *{box-sizing:border-box}
.pub a{color:var(--link);text-decoration:underline;text-underline-offset:2px}
.pub a:hover{text-decoration-thickness:2px}
.pub :focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}
.pub-wrap{max-width:1120px;margin:0 auto;padding:0 16px}
.pub-skip{position:absolute;left:-10000px;top:0}
.pub-skip:focus{left:8px;top:8px;z-index:10;background:#fff;color:#000;padding:8px 12px;border:2px solid #000}
.pub-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.pub-top{background:var(--accent);color:#fff}
.pub-top a{color:#fff}
.pub-top :focus-visible{outline-color:#fff}
.pub-bar{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:space-between;padding-top:10px;padding-bottom:10px}
.pub-brand{font-weight:700;font-size:1.1em;margin:0}
.pub-vi-link{display:inline-block;border:2px solid currentColor;border-radius:6px;padding:3px 10px;font-weight:700;text-decoration:none!important}
.pub-embed .pub-bar{justify-content:flex-end;padding-bottom:0}
.pub h1{font-size:1.75em;line-height:1.25;margin:20px 0 4px}
.pub h2{font-size:1.4em;line-height:1.3;margin:36px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
.pub h3{font-size:1.15em;line-height:1.35;margin:20px 0 8px}
.pub p{margin:0 0 10px}
.pub ul{margin:0 0 10px;padding-left:22px}
.pub-lead{font-size:1.1em;color:var(--muted)}
.pub-muted{color:var(--muted)}
.pub-toc ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px;margin:12px 0 0;padding:0}
.pub-scroll{overflow-x:auto;margin:8px 0 16px}
.pub table{border-collapse:collapse;width:100%;font-size:.95em}
.pub caption{text-align:left;font-weight:700;padding:0 0 6px}
.pub th,.pub td{border:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}
.pub thead th{background:var(--soft)}
.pub th[scope=row]{font-weight:400}
.pub .pub-nowrap{white-space:nowrap}
.pub .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.pub .pub-total th,.pub .pub-total td{font-weight:700;background:var(--soft)}
.pub-below{color:#9e1b1b;font-weight:700}
.pub-card{border:1px solid var(--line);border-radius:8px;padding:4px 16px 12px;margin:12px 0}
.pub-badge{display:inline-block;margin-left:8px;background:#fff1cc;color:#4d3200;border:1px solid #b88a00;border-radius:999px;padding:0 10px;font-size:.85em;font-weight:700;vertical-align:middle}
.pub dl{display:grid;grid-template-columns:minmax(120px,max-content) 1fr;gap:4px 16px;margin:8px 0}
.pub dl>div{display:contents}
.pub dt{font-weight:700;color:var(--muted)}
.pub dd{margin:0;white-space:pre-line}
.pub details{border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:0 16px}
.pub summary{cursor:pointer;padding:10px 0}
.pub summary h3{display:inline;margin:0}
.pub-events{list-style:none;padding:0!important}
.pub-events li{border-bottom:1px solid var(--line);padding:8px 0}
.pub-events h3{margin:2px 0 4px}
.pub-charts{display:grid;gap:16px;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));margin:16px 0}
.pub-svg-chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.pub-svg-chart figcaption{font-weight:700;margin-bottom:6px}
.pub-svg-chart svg{display:block;height:auto}
.pub-svg-legend{margin:4px 0 0;font-size:.9em;display:flex;gap:16px}
.pub-foot{border-top:1px solid var(--line);margin-top:40px;padding:16px 0 24px;color:var(--muted);font-size:.9em}
@media (max-width:640px){.pub dl{grid-template-columns:1fr}.pub h1{font-size:1.45em}}
.pub-vi{--ink:#000;--muted:#000;--line:#000;--soft:#fff;--accent:#000;--link:#000;font-size:21px;line-height:1.65;letter-spacing:.01em}
.pub-vi a{font-weight:700}
.pub-vi :focus-visible{outline:4px solid #000;outline-offset:3px;background:#ff0}
.pub-vi img,.pub-vi svg,.pub-vi figure,.pub-vi video,.pub-vi .pub-chart{display:none!important}
.pub-vi .pub-top :focus-visible{color:#000;outline-color:#ff0}
.pub-vi .pub-badge{background:#fff;color:#000;border:2px solid #000}
.pub-vi .pub-below{color:#000;text-decoration:underline}
.pub-vi th,.pub-vi td,.pub-vi details,.pub-vi .pub-card{border-width:2px}
@media print{
.pub{font-size:11pt;color:#000;min-height:0}
.pub-skip,.pub-vi-link,.pub-toc,.pub-noprint,.pub-charts{display:none!important}
.pub-top{background:none;color:#000;border-bottom:1px solid #000}
.pub-top a,.pub a{color:#000}
.pub details{border:0;padding:0}
.pub details::details-content{content-visibility:visible;display:block}
.pub h2,.pub h3{break-after:avoid}
.pub tr,.pub-card{break-inside:avoid}
.pub thead th,.pub .pub-total td{background:none}
}
`;

// The inline scripts live in CommonJS: the CSP (lib/http/headers.cjs) allows them by their hashes.
export { HEIGHT_SCRIPT, VI_SCRIPT } from "./inline-scripts.cjs";
