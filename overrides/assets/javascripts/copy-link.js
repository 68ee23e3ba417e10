/* lora-harms: a button beside each section's permalink copies the section's absolute address.
 * Plain script, no dependencies; the site works without it (permalinks are plain links).
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

  var icon = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1Z"/></svg>';

  var article = document.querySelector(".md-content article") || document.querySelector("article");
  var headings = article ? article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]") : [];

  Array.prototype.forEach.call(headings, function (heading) {
    var permalink = heading.querySelector("a.headerlink");
    if (!permalink) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "lh-copy-link";
    button.innerHTML = icon;
    button.setAttribute("aria-label", text.copy + ": " + heading.textContent.replace(permalink.textContent, "").trim());
    button.title = text.copy;
    button.dataset.url = pageUrl + "#" + heading.id;
    button.addEventListener("click", function () {
      copy(button.dataset.url).then(function (ok) { announce(ok ? text.copied : text.failed); });
    });
    permalink.insertAdjacentElement("afterend", button);
  });
})();
