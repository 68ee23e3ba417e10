/* lora-harms: each section's permalink (the one control per heading) also copies the section's absolute
 * address, and a status line says so. Plain script, no dependencies, independent of Material's bundle;
 * without it the permalinks are plain links.
 * Words: `script` in overrides/locales/<lang>.yml, written into the page by main.html. */
(function () {
  "use strict";

  var text = JSON.parse((document.getElementById("lh-strings") || {}).textContent || "{}");

  /* The page's absolute address: site_url + page path, from <link rel="canonical">. */
  var canonical = document.querySelector('link[rel="canonical"]');
  var pageUrl = (canonical ? canonical.href : location.href).split("#")[0];

  /* One live region for confirmations, read by screen readers and shown on screen. */
  var status = document.createElement("div");
  status.className = "lh-toast";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);
  var hideTimer;
  function announce(message) {
    status.textContent = message;
    status.classList.add("lh-toast--visible");
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { status.classList.remove("lh-toast--visible"); }, 2500);
  }

  function fallbackCopy(value) {
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    area.setSelectionRange(0, value.length);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(value) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(value).then(
        function () { return true; },
        function () { return fallbackCopy(value); }
      );
    }
    return Promise.resolve(fallbackCopy(value));
  }

  /* One control per heading: the permalink itself. Following it puts the section in the address bar (as
   * without JavaScript); this also copies the section's absolute address and says so. */
  var article = document.querySelector(".md-content article") || document.querySelector("article");
  if (!article) return;
  Array.prototype.forEach.call(article.querySelectorAll(":is(h2, h3, h4, h5, h6)[id] > a.headerlink"), function (link) {
    var heading = link.parentElement;
    var name = text.copy + ": " + heading.textContent.replace(link.textContent, "").trim();
    link.setAttribute("aria-label", name);
    link.title = text.copy;
  });
  article.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.headerlink");
    if (!link || !article.contains(link) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var url = pageUrl + "#" + link.parentElement.id;
    copy(url).then(function (ok) { announce(ok ? text.copied : text.failed); });
  });
})();
