/* lora-harms: a small copy button after each e-mail address in the text (issue 10), for readers who write
 * from webmail or a contact form rather than a mail app. The addresses stay plain mailto: links (a tap
 * opens the mail app, a long press offers the phone's own copy); phone numbers are tel: links and need
 * no button. Plain script, no dependencies; labels come from the JSON tag main.html writes.
 */
(function () {
  "use strict";

  var tag = document.getElementById("lh-help-strings");
  if (!tag) return;
  var text = JSON.parse(tag.textContent).labels;
  var article = document.querySelector(".md-content article") || document.querySelector("article");
  if (!article) return;

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

  Array.prototype.forEach.call(article.querySelectorAll('a[href^="mailto:"]'), function (link) {
    if (link.closest("pre, .template")) return;
    var address = decodeURIComponent(link.getAttribute("href").slice("mailto:".length).split("?")[0]);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "lh-contact-copy";
    button.textContent = text.copy_contact;
    button.setAttribute("aria-label", text.copy_contact_label.replace("{value}", address));
    var status = document.createElement("span");
    status.className = "lh-visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var timer;
    button.addEventListener("click", function () {
      copy(address).then(function (ok) {
        if (!ok) return;
        button.textContent = text.copied_contact;
        status.textContent = text.copied_contact;
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = text.copy_contact; status.textContent = ""; }, 2500);
      });
    });
    link.insertAdjacentElement("afterend", button);
    button.insertAdjacentElement("afterend", status);
  });
})();
