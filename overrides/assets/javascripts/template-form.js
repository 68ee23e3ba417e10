/* lora-harms: the message templates' on-device form and copy buttons (issue 10).
 *
 * The page's templates follow the contract of docs/report.*.md: each variant is a fenced text block
 * inside <div class="template" data-template="ID" lang="ja|en">, one sentence per line, placeholders
 * in square brackets from a fixed vocabulary, and lines that depend on the sender's relation start
 * with a marker ((本人) / "(Person) " …). This script adds one small form (relation, name, addresses,
 * date …) that fills the Japanese and the English copy of every template on the page, drops the lines
 * for other relations and strips the markers, and a labelled copy button under each template. They are
 * built when the reader comes near the templates (see build() below), not while the page loads.
 * Nothing typed is sent or stored: the values live in this page only and are gone when it closes.
 *
 * Plain script, no dependencies, and it does not wait for Material's bundle (which may be deferred).
 * Without JavaScript nothing here exists: the templates stay as written and the page's own wording
 * explains how to use them.
 */
(function () {
  "use strict";

  var templates = Array.prototype.slice.call(document.querySelectorAll("div.template[data-template][lang]"));
  if (!templates.length) return;

  /* The form goes after the introduction of the templates section: before its first sub-heading
   * (walking back from the first template to the section's h2), or right before the first template. */
  var anchor = templates[0];
  for (var node = anchor.previousElementSibling; node && node.tagName !== "H2"; node = node.previousElementSibling) {
    if (/^H[3-6]$/.test(node.tagName)) anchor = node;
  }

  /* The form is built when the reader comes near it, not while the page loads: building it and
   * rewriting every template was the longest task of the report page's load on a phone (issue 13), and
   * the templates are far below the first screen. It is built on the reader's first tap, key or focus,
   * when its place or a template comes within a screen of view (scrolling by any means), or at once when the address
   * has a #fragment (a shared link to a section or template). */
  var TRIGGERS = ["pointerdown", "touchstart", "keydown", "focusin", "hashchange"];
  var built = false, observer = null;
  function build() {
    if (built) return;
    built = true;
    TRIGGERS.forEach(function (type) { removeEventListener(type, build, true); });
    if (observer) observer.disconnect();
    setUp();
  }
  if (location.hash.length > 1 || !("IntersectionObserver" in window)) {
    build();
  } else {
    TRIGGERS.forEach(function (type) { addEventListener(type, build, { capture: true, passive: true }); });
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) build();
    }, { rootMargin: "0px 0px 100% 0px" });
    [anchor].concat(templates).forEach(function (box) { observer.observe(box); });  /* a jump can pass the anchor */
  }

  function setUp() {
    /* Interface text (`help` in overrides/locales/<lang>.yml, the page's language) and the templates' words
     * (`templates`, every language: a page holds templates in both), from the JSON tag main.html writes. */
    var config = JSON.parse(document.getElementById("lh-help-strings").textContent);
    var pageLang = (document.documentElement.lang || "ja").split("-")[0];
    var text = config.labels;
    var vocabulary = config.vocabulary; /* {lang: {placeholders: {key: "[…]"}, markers: {relation: "…"}, date, months}} */
    var languages = Object.keys(vocabulary);

    /* Fields of the form, in order. `key` matches the vocabulary's placeholder keys. */
    var FIELDS = [
      { key: "name", type: "text" },
      { key: "email", type: "email" },
      { key: "artist", type: "text" },
      { key: "person", type: "text" },
      { key: "url", type: "url", inputmode: "url" },
      { key: "works", type: "text", inputmode: "url" },
      { key: "date", type: "date" },
      { key: "reason", type: "textarea" }
    ];
    var RELATIONS = ["person", "representative", "fan"];

    /* Every marker of every language, longest first, with the relation it stands for. */
    var markers = [];
    languages.forEach(function (lang) {
      var own = vocabulary[lang].markers;
      Object.keys(own).forEach(function (relation) { markers.push({ text: own[relation], relation: relation }); });
    });
    markers.sort(function (a, b) { return b.text.length - a.text.length; });

    function markerOf(line) {
      for (var i = 0; i < markers.length; i++) {
        if (line.indexOf(markers[i].text) === 0) return markers[i];
      }
      return null;
    }

    /* A template's original lines and the relations it has lines for (none: it is for anyone). */
    var items = templates.map(function (box) {
      var code = box.querySelector("pre code") || box.querySelector("pre");
      if (!code) return null;
      var original = code.textContent.replace(/\n+$/, "");
      var relations = {};
      original.split("\n").forEach(function (line) {
        var marker = markerOf(line);
        if (marker) relations[marker.relation] = true;
      });
      return { box: box, code: code, lang: box.getAttribute("lang"), original: original, relations: relations };
    }).filter(Boolean);
    if (!items.length) return;
    var seen = {};
    items.forEach(function (item) {
      var id = item.box.getAttribute("data-template");
      item.firstOfGroup = !seen[id];
      seen[id] = true;
    });

    function appliesTo(item, relation) {
      return !relation || !Object.keys(item.relations).length || item.relations[relation] === true;
    }

    function formatDate(value, lang) {
      var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return value;
      var year = +match[1], month = +match[2], day = +match[3];
      var format = vocabulary[lang] ? vocabulary[lang].date : "{year}-{month}-{day}";
      var months = vocabulary[lang] && vocabulary[lang].months;
      return format.replace("{year}", year).replace("{day}", day)
        .replace("{month_name}", months ? months[month - 1] : month).replace("{month}", month);
    }

    /* The text of one template for a relation and values: kept lines, markers removed, placeholders filled.
     * Returns a list of lines, each a list of parts: strings, or {blank: "[…]"} for a placeholder left empty. */
    function render(item, relation, values) {
      var own = vocabulary[item.lang] || vocabulary[pageLang];
      var lines = [];
      item.original.split("\n").forEach(function (line) {
        var marker = markerOf(line);
        if (marker) {
          if (!relation) { lines.push(line); return; }
          if (marker.relation !== relation) return;
          line = line.slice(marker.text.length);
        }
        lines.push(line);
      });
      var tokens = [];
      Object.keys(own.placeholders).forEach(function (key) {
        tokens.push({ key: key, text: own.placeholders[key] });
      });
      return lines.map(function (line) {
        var parts = [line];
        tokens.forEach(function (token) {
          var value = values[token.key] ? (token.key === "date" ? formatDate(values[token.key], item.lang) : values[token.key]) : "";
          var next = [];
          parts.forEach(function (part) {
            if (typeof part !== "string") { next.push(part); return; }
            var pieces = part.split(token.text);
            pieces.forEach(function (piece, i) {
              if (i > 0) next.push(value ? value : { blank: token.text });
              if (piece) next.push(piece);
            });
          });
          parts = next;
        });
        return parts;
      });
    }

    function show(item, relation, values) {
      var lines = render(item, relation, values);
      var fragment = document.createDocumentFragment();
      lines.forEach(function (parts, i) {
        if (i > 0) fragment.appendChild(document.createTextNode("\n"));
        parts.forEach(function (part) {
          if (typeof part === "string") {
            fragment.appendChild(document.createTextNode(part));
          } else {
            var mark = document.createElement("mark");
            mark.className = "lh-blank";
            mark.textContent = part.blank;
            fragment.appendChild(mark);
          }
        });
      });
      item.code.textContent = "";
      item.code.appendChild(fragment);
      var other = relation && !appliesTo(item, relation);
      item.box.classList.toggle("lh-template--other", !!other);
      /* One note for the Japanese and English copies of a template: on the first of them. */
      item.note.hidden = !other || !item.firstOfGroup;
      if (other) {
        var names = RELATIONS.filter(function (r) { return item.relations[r]; })
          .map(function (r) { return text.relations[r]; });
        item.note.textContent = text.only_for.replace("{relations}", names.join(text.or));
      }
    }

    var copy = window.lhClipboard.copy;  /* clipboard.js */

    /* A new element with a class and, if given, its text. */
    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }

    var state = { relation: "", values: {} };

    /* The form and the buttons add height above later sections: what the reader is looking at stays where
     * it is. That is the element the address points to, else the first block reaching into the screen.
     * (Chrome and Firefox anchor the scroll themselves; Safari does not.) */
    var target = null;
    try { target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { target = null; }
    var box = target && target.getBoundingClientRect();
    if (!box || box.bottom < 0 || box.top > innerHeight) {
      target = Array.prototype.find.call(anchor.parentNode.children, function (block) {
        return block.getBoundingClientRect().bottom > 0;
      });
    }
    var targetTop = target ? target.getBoundingClientRect().top : 0;

    /* --- The form, placed before the first template's heading of the templates section. --- */
    var form = document.createElement("form");
    form.className = "lh-template-form";
    form.id = "lh-template-form";
    form.setAttribute("aria-labelledby", "lh-template-form-title");
    form.setAttribute("autocomplete", "off");
    form.noValidate = true;

    var title = element("p", "lh-template-form__title", text.title);
    title.id = "lh-template-form-title";
    form.appendChild(title);
    form.appendChild(element("p", "lh-template-form__hint", text.privacy));

    var relationSet = document.createElement("fieldset");
    relationSet.className = "lh-template-form__relation";
    var legend = document.createElement("legend");
    legend.textContent = text.relation;
    relationSet.appendChild(legend);
    RELATIONS.forEach(function (relation) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "lh-relation";
      input.value = relation;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + text.relation_options[relation]));
      relationSet.appendChild(label);
    });
    form.appendChild(relationSet);
    /* One question first: the boxes to fill in appear once the reader has said who they are. */
    var next = element("p", "lh-template-form__hint lh-template-form__next", text.choose_first);
    form.appendChild(next);

    /* A field is shown when its placeholder is in a template that fits the chosen relation. */
    var used = {};
    function usedKeysOf(item, relation) {
      var keys = {};
      render(item, relation, {}).forEach(function (parts) {
        parts.forEach(function (part) {
          if (typeof part === "string") return;
          Object.keys(vocabulary).forEach(function (lang) {
            var own = vocabulary[lang].placeholders;
            Object.keys(own).forEach(function (key) { if (own[key] === part.blank) keys[key] = true; });
          });
        });
      });
      return keys;
    }
    function usedKeys(relation) {
      var keys = {};
      items.forEach(function (item) {
        if (!appliesTo(item, relation)) return;
        Object.keys(usedKeysOf(item, relation)).forEach(function (key) { keys[key] = true; });
      });
      return keys;
    }
    used = usedKeys("");

    /* The templates a field's placeholder appears in, by their section headings. One relation can see
     * templates for different harms (the artist's claim and the person shown): a field that only some of
     * them use says which, so nobody wonders why both an artist's and a person's name are asked for. */
    function headingText(id) {
      var heading = id && document.getElementById(id);
      if (!heading) return "";
      var copy = heading.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
      return copy.textContent.trim();
    }
    function sectionsUsing(relation) {
      var all = {}, byKey = {};
      items.forEach(function (item) {
        if (!appliesTo(item, relation)) return;
        var section = headingText(sectionOf(item));
        if (!section) return;
        all[section] = true;
        Object.keys(usedKeysOf(item, relation)).forEach(function (key) {
          (byKey[key] = byKey[key] || {})[section] = true;
        });
      });
      var count = Object.keys(all).length, result = {};
      Object.keys(byKey).forEach(function (key) {
        var names = Object.keys(byKey[key]);
        if (names.length < count) result[key] = names;
      });
      return result;
    }

    var fields = document.createElement("div");
    fields.className = "lh-template-form__fields";
    var rows = {};
    FIELDS.forEach(function (field) {
      if (!used[field.key]) return;
      var row = document.createElement("div");
      row.className = "lh-template-form__row";
      var id = "lh-field-" + field.key;
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.textContent = text.fields[field.key];
      var usedIn = document.createElement("span");
      usedIn.className = "lh-template-form__used";
      usedIn.id = id + "-used";
      label.appendChild(usedIn);
      row.appendChild(label);
      var input = document.createElement(field.type === "textarea" ? "textarea" : "input");
      if (field.type !== "textarea") input.type = field.type;
      else input.rows = 2;
      input.id = id;
      input.name = field.key;
      /* No autofill: the browser would keep what is typed here, and nothing here is kept. */
      input.setAttribute("autocomplete", "off");
      if (field.inputmode) input.setAttribute("inputmode", field.inputmode);
      input.setAttribute("spellcheck", "false");
      row.appendChild(input);
      fields.appendChild(row);
      rows[field.key] = row;
    });
    form.appendChild(fields);

    var actions = element("p", "lh-template-form__actions");
    var clear = element("button", "lh-button lh-button--secondary", text.clear);
    clear.type = "reset";
    actions.appendChild(clear);
    var back = element("a", "lh-template-form__back", text.back);
    back.href = "#lh-template-form"; /* set to the reader's template on use; a link always has an address */
    back.hidden = true;
    actions.appendChild(back);
    form.appendChild(actions);

    anchor.parentNode.insertBefore(form, anchor);

    function sectionOf(item) {
      var node = item.box.previousElementSibling;
      while (node && !/^H[2-6]$/.test(node.tagName)) node = node.previousElementSibling;
      return node && node.id ? node.id : "";
    }

    /* --- A copy button, a link to the form and a status line under each template. --- */
    items.forEach(function (item) {
      var bar = element("div", "lh-template__actions");
      var language = text.language_names[item.lang] || item.lang;
      var button = element("button", "lh-button lh-template__copy", text.copy.replace("{language}", language));
      button.type = "button";
      bar.appendChild(button);
      var fill = element("a", "lh-template__fill", text.fill);
      fill.href = "#lh-template-form";
      var section = sectionOf(item);
      fill.addEventListener("click", function () {
        if (!section) return;
        back.href = "#" + section;
        back.hidden = false;
      });
      bar.appendChild(fill);
      var status = element("span", "lh-template__status");
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      bar.appendChild(status);
      var note = element("p", "lh-template__note");
      note.hidden = true;
      item.note = note;
      item.box.insertBefore(note, item.box.firstChild);
      item.box.appendChild(bar);
      button.addEventListener("click", function () {
        var value = item.code.textContent;
        var marked = !state.relation && Object.keys(item.relations).length > 0;
        copy(value).then(function (ok) {
          status.textContent = ok ? (marked ? text.copied_marked : text.copied) : text.failed;
        });
      });
    });

    function update() {
      var checked = form.querySelector('input[name="lh-relation"]:checked');
      state.relation = checked ? checked.value : "";
      state.values = {};
      FIELDS.forEach(function (field) {
        var input = form.elements[field.key];
        if (input && input.value.trim()) state.values[field.key] = input.value.trim();
      });
      var keys = usedKeys(state.relation);
      var partial = state.relation ? sectionsUsing(state.relation) : {};
      Object.keys(rows).forEach(function (key) {
        rows[key].hidden = !state.relation || !keys[key];
        rows[key].querySelector(".lh-template-form__used").textContent = partial[key]
          ? text.used_in.replace("{sections}", partial[key].join(text.used_in_sep)) : "";
      });
      next.hidden = !!state.relation;
      actions.hidden = !state.relation;
      items.forEach(function (item) {
        show(item, state.relation, state.values);
        item.box.querySelector(".lh-template__status").textContent = "";
      });
    }

    update();
    if (target) {
      var shift = target.getBoundingClientRect().top - targetTop;
      if (shift && window.scrollY > 0) window.scrollBy(0, shift);
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }
})();
