// The only inline scripts the app's pages carry (the rest is Next.js's own, allowed by the nonce). CommonJS, so that
// lib/http/headers.cjs (read by next.config.js and the plain-Node server) can allow them by hash in the CSP: the
// embed is cached HTML with no nonce, the public pages render VI_SCRIPT in every frame, and the root layout
// renders ZOD_JITLESS on every page.

/**
 * «Версия для слабовидящих» remembered without cookies: the choice travels in `?vi=1` through the page's own
 * links; localStorage keeps it for the next visit (a page opened without the parameter reloads with it).
 */
const VI_SCRIPT = `(function(){try{var k="nastavnik:vi",u=new URL(location.href),q=u.searchParams.get("vi");
if(q==="1")localStorage.setItem(k,"1");else if(q==="0")localStorage.removeItem(k);
else if(localStorage.getItem(k)==="1"){u.searchParams.set("vi","1");location.replace(u.href)}}catch(e){}})();`;

/** The embedded page tells the parent its height (embed.js fits the iframe to it). */
const HEIGHT_SCRIPT = `(function(){if(window.parent===window)return;var last=0;
function send(){var h=Math.ceil(document.body.getBoundingClientRect().height);if(h!==last){last=h;
window.parent.postMessage({type:"nastavnik:height",height:h},"*")}}
window.addEventListener("load",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.body);
else window.addEventListener("resize",send);send()})();`;

/**
 * Zod parses without compiling code in the browser: zod 4 probes `new Function` when it builds an object schema,
 * and a CSP without 'unsafe-eval' reports that probe as a violation even though zod then falls back. Zod takes its
 * settings from globalThis.__zod_globalConfig, so this runs first, in <head> (app/layout.tsx), before any chunk.
 */
const ZOD_JITLESS = `globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});`;

module.exports = { VI_SCRIPT, HEIGHT_SCRIPT, ZOD_JITLESS };
