/* lora-harms: accessible names Material leaves out: the search dialog, and the small toolbar it adds
 * to each code block (several unnamed <nav> landmarks otherwise).
 * Words: `script` in overrides/locales/<lang>.yml, written into the page by main.html. */
(function () {
  "use strict";

  var text = JSON.parse((document.getElementById("lh-strings") || {}).textContent || "{}");

  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", text.search);
  function nameCodeNavs() {
    Array.prototype.forEach.call(document.querySelectorAll("nav.md-code__nav:not([aria-label])"), function (nav, i) {
      nav.setAttribute("aria-label", text.code + " " + (i + 1));
    });
  }
  window.addEventListener("load", nameCodeNavs);
  /* Material's bundle starts on the first interaction (overrides/partials/deferred-bundle.html) and adds them then. */
  document.addEventListener("lh:bundle", nameCodeNavs);
})();
