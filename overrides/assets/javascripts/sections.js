/* lora-harms: section links that can be copied and that survive a language switch.
 * Plain script, no dependencies; the site works without it (permalinks are plain links). */
(function () {
  "use strict";

  var ja = (document.documentElement.lang || "ja").indexOf("ja") === 0;
  var text = ja
    ? { search: "サイト内検索", code: "コードブロックの操作", copy: "このセクションへのリンクをコピー", copied: "リンクをコピーしました", failed: "コピーできませんでした。リンクを長押ししてコピーしてください" }
    : { search: "Search this site", code: "Code block actions", copy: "Copy link to this section", copied: "Link copied", failed: "Could not copy. Press and hold the link to copy it" };

  /* The page's absolute address: site_url + page path, from <link rel="canonical">. */
  var canonical = document.querySelector('link[rel="canonical"]');
  var pageUrl = (canonical ? canonical.href : location.href).split("#")[0];

  /* Material fetches "<alternate>/sitemap.xml" for every <link rel="alternate"> in the head. That is
   * meant for sites whose alternates are language roots; ours are pages, so each fetch would be a 404
   * (and, with absolute hreflang addresses, a request to another origin). Answer those without the network. */
  var probes = {};
  Array.prototype.forEach.call(document.querySelectorAll('link[rel="alternate"][hreflang]'), function (link) {
    probes[new URL("sitemap.xml", link.href).href] = true;
  });
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try {
      if (probes[new URL(String(url), location.href).href]) {
        args[1] = "data:text/xml,%3Curlset%2F%3E";
      }
    } catch (e) { /* leave the request alone */ }
    return open.apply(this, args);
  };

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
  var headings = article ? Array.prototype.slice.call(article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]")) : [];

  headings.forEach(function (heading) {
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

  /* Accessible names Material leaves out: the search dialog, and the small toolbar it adds to each
   * code block (several unnamed <nav> landmarks otherwise). */
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", text.search);
  function nameCodeNavs() {
    Array.prototype.forEach.call(document.querySelectorAll("nav.md-code__nav:not([aria-label])"), function (nav, i) {
      nav.setAttribute("aria-label", text.code + " " + (i + 1));
    });
  }
  window.addEventListener("load", nameCodeNavs);
  document.addEventListener("lh:bundle", nameCodeNavs);  /* Material's bundle has started (it adds them) */

  /* Language switch: the selector's links keep the section the reader is in. */
  var header = document.querySelector(".md-header");
  function currentSection() {
    var offset = (header ? header.offsetHeight : 0) + 24;
    var found = "";
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top - offset <= 1) found = headings[i].id;
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
