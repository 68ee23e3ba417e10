/* lora-harms: copying text, written once for copy-link.js, template-form.js and contacts.js, which call
 * `lhClipboard.copy(value)`. Listed first under extra_javascript in mkdocs.yml, so it loads before them.
 * The Clipboard API where the page is allowed it, a hidden text area otherwise (pages opened from a file
 * server over plain http, older phone browsers). Plain script, no dependencies. */
(function () {
  "use strict";

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

  /* Copies the value; resolves to true when it was copied, false when the browser refused. */
  function copy(value) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(value).then(
        function () { return true; },
        function () { return fallbackCopy(value); }
      );
    }
    return Promise.resolve(fallbackCopy(value));
  }

  window.lhClipboard = { copy: copy };
})();
