/* lora-harms: a glossary term's explanation (its <abbr title>) on tap, hover or keyboard focus.
 * One set of delegated listeners on the document, ready before Material's bundle starts (it starts on the
 * first interaction: overrides/partials/deferred-bundle.html). It replaces Material's content.tooltips,
 * which mounted one tooltip per term when the page loaded: most of the page's blocking time on the
 * pages with many terms. Without JavaScript the browser shows the title on hover. */
(function () {
  "use strict";

  var TERM = ".md-content abbr[title], .md-content abbr[data-lh-title]";
  var tip = null, current = null, hideTimer = 0;

  function termOf(node) {
    return node instanceof Element ? node.closest(TERM) : null;
  }

  /* Keyboard: the first use of each term on the page can be reached with Tab (not every use, which
   * would add dozens of stops), unless it is inside a link or button, which already takes focus. */
  var seen = {};
  Array.prototype.forEach.call(document.querySelectorAll(TERM), function (term) {
    var text = term.textContent;
    if (seen[text] || term.closest("a, button")) return;
    seen[text] = true;
    term.tabIndex = 0;
  });

  function show(term) {
    clearTimeout(hideTimer);
    if (current === term) return;
    hide();
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "lh-tip";
      tip.className = "lh-tip";
      tip.setAttribute("role", "tooltip");
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", hideSoon);
      document.body.appendChild(tip);
    }
    /* The title moves to data-lh-title while shown, so that the browser's own tooltip does not cover it. */
    var text = term.getAttribute("title") || term.getAttribute("data-lh-title");
    term.setAttribute("data-lh-title", text);
    term.removeAttribute("title");
    term.setAttribute("aria-describedby", tip.id);
    tip.textContent = text;
    tip.classList.add("lh-tip--visible");
    current = term;
    place(term);
  }

  /* Below the term, or above it when there is no room below; kept inside the screen's width. */
  function place(term) {
    var rect = term.getBoundingClientRect(), gap = 6, margin = 8;
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = Math.min(Math.max(margin, rect.left + rect.width / 2 - width / 2),
                        document.documentElement.clientWidth - width - margin);
    var top = rect.bottom + gap;
    if (top + height > window.innerHeight && rect.top - gap - height > 0) top = rect.top - gap - height;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!current) return;
    current.setAttribute("title", current.getAttribute("data-lh-title"));
    current.removeAttribute("data-lh-title");
    current.removeAttribute("aria-describedby");
    tip.classList.remove("lh-tip--visible");
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);  /* time to move the pointer onto the explanation (WCAG 1.4.13) */
  }

  document.addEventListener("mouseover", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("mouseout", function (event) {
    var term = termOf(event.target);
    if (term && term === current && !term.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
    else if (current && !(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
    else if (current && !(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("resize", hide);
})();
