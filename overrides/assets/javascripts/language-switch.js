/* lora-harms: the language selector's links keep the section the reader is in.
 * Plain script, no dependencies; without it the selector opens the other language's page. */
(function () {
  "use strict";

  var article = document.querySelector(".md-content article") || document.querySelector("article");
  var headings = article ? Array.prototype.slice.call(article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]")) : [];

  /* The section whose heading is at the top of the screen or above it. A link to a section puts its
   * heading at its scroll-margin-top below the top (site.css, under the header); the reader is in that
   * section while its heading is no lower than that, give or take a few pixels of rounding. */
  function currentSection() {
    var found = "";
    for (var i = 0; i < headings.length; i++) {
      var margin = parseFloat(getComputedStyle(headings[i]).scrollMarginTop) || 0;
      if (headings[i].getBoundingClientRect().top <= margin + 8) found = headings[i].id;
      else break;
    }
    return found;
  }
  function setHash(id) {
    Array.prototype.forEach.call(document.querySelectorAll(".md-select a[hreflang]"), function (link) {
      link.hash = id ? "#" + id : "";
    });
  }
  setHash(location.hash.slice(1));
  window.addEventListener("hashchange", function () { setHash(location.hash.slice(1)); });
  var pending = false;
  window.addEventListener("scroll", function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; setHash(currentSection()); });
  }, { passive: true });
  /* Material also handles clicks on these links and would drop the section; let the browser follow them,
   * to the section on screen now (the last scroll event may have come before the layout settled). */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(".md-select a[hreflang]");
    if (!link) return;
    var id = currentSection();
    if (id || window.scrollY === 0) link.hash = id ? "#" + id : "";
    event.stopPropagation();
  }, true);
})();
