/**
 * /embed.js: what a school pastes once — `<script src="https://host/embed.js" data-org="slug" async></script>`.
 * It puts an iframe of /embed/org/slug right after itself and fits its height to what the page reports
 * (messages from that iframe only). `data-vi="1"` opens the version for the visually impaired.
 */
export const EMBED_SCRIPT = `(function () {
  var script = document.currentScript;
  if (!script || script.getAttribute("data-nastavnik-done")) return;
  script.setAttribute("data-nastavnik-done", "1");
  var org = script.getAttribute("data-org") || "";
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(org)) {
    console.warn("Наставник: укажите адрес организации в атрибуте data-org.");
    return;
  }
  var origin = new URL(script.src, location.href).origin;
  var frame = document.createElement("iframe");
  frame.src = origin + "/embed/org/" + org + (script.getAttribute("data-vi") === "1" ? "?vi=1" : "");
  frame.title = script.getAttribute("data-title") || "Наставничество: сведения об организации";
  frame.loading = "lazy";
  frame.setAttribute("scrolling", "no");
  frame.style.cssText = "display:block;width:100%;height:600px;border:0;overflow:hidden";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "nastavnik:height") return;
    var height = Number(data.height);
    if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + "px";
  });
})();
`;
