/* Gương sáng: filters of the "Người tốt, việc tốt" gallery.
 *
 * The page works without this script (static pages and a pager). With it, the filter form
 * (a real GET form) filters in place: the state lives in the address
 * (?nam=2024&don-vi=…&linh-vuc=…&loai=…) so a filtered view can be shared, and matches come
 * from nguoi-tot-viec-tot/du-lieu.json, which holds the cards of every page. If that file
 * cannot be read (e.g. a site opened from disk), only the cards of the current page are
 * filtered, and the message says so.
 *
 * The script is loaded on every page and does nothing where there is no gallery form.
 */
(function () {
  "use strict";

  var PARAMS = ["nam", "don-vi", "linh-vuc", "loai"];
  var ATTRS = ["href", "src"];

  function formatCount(n) {
    try {
      return n.toLocaleString("vi-VN");
    } catch (e) {
      return String(n);
    }
  }

  /* Does an item ({nam, "don-vi", "linh-vuc": [..], loai}) match the state? */
  function matches(item, state) {
    return PARAMS.every(function (param) {
      var want = state[param];
      if (!want) return true;
      var have = item[param];
      return Array.isArray(have) ? have.indexOf(want) !== -1 : String(have) === want;
    });
  }

  /* Make every link and image of a card fragment absolute, against the address of the JSON
     file (the cards there are written relative to nguoi-tot-viec-tot/). */
  function rebase(fragment, base) {
    fragment.querySelectorAll("[href], [src], [srcset]").forEach(function (el) {
      ATTRS.forEach(function (name) {
        var value = el.getAttribute(name);
        if (value !== null) el.setAttribute(name, new URL(value, base).href);
      });
      var set = el.getAttribute("srcset");
      if (set !== null) {
        el.setAttribute("srcset", set.split(",").map(function (part) {
          var bits = part.trim().split(/\s+/);
          bits[0] = new URL(bits[0], base).href;
          return bits.join(" ");
        }).join(", "));
      }
    });
    return fragment;
  }

  function init() {
    var form = document.querySelector("form[data-gs-gallery]");
    if (!form || form.getAttribute("data-gs-ready")) return;
    form.setAttribute("data-gs-ready", "1");
    // The page ships the controls disabled: without this script a submit would reload an
    // unfiltered page (the <noscript> note points to the directory instead).
    var fieldset = form.querySelector("fieldset");
    if (fieldset) fieldset.disabled = false;

    var root = form.closest(".gs-gallery") || document.body;
    var status = root.querySelector(".gs-filter-status");
    var results = root.querySelector(".gs-gallery-results");
    var statics = root.querySelectorAll(".gs-gallery-static");
    var dataUrl = new URL(form.getAttribute("data-gs-gallery"), window.location.href);
    var reset = form.querySelector(".gs-filter-reset");
    var pending = null;   // Promise of {items, partial}
    var serial = 0;       // ignore answers that arrive after a newer request

    function select(param) {
      return form.elements.namedItem(param);
    }

    function readForm() {
      var state = {};
      PARAMS.forEach(function (param) {
        var el = select(param);
        state[param] = el ? el.value : "";
      });
      return state;
    }

    /* Put the address's values into the form; values the form does not offer are dropped. */
    function readAddress() {
      var query = new URLSearchParams(window.location.search);
      PARAMS.forEach(function (param) {
        var el = select(param);
        if (!el) return;
        var value = query.get(param) || "";
        var offered = Array.prototype.some.call(el.options, function (o) { return o.value === value; });
        el.value = offered ? value : "";
      });
    }

    function writeAddress(state) {
      var query = new URLSearchParams();
      PARAMS.forEach(function (param) {
        if (state[param]) query.set(param, state[param]);
      });
      var text = query.toString();
      var url = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(null, "", url);
      }
    }

    /* Cards of this page only, read from their data-* attributes. */
    function pageItems() {
      return Array.prototype.map.call(root.querySelectorAll(".gs-gallery-static .gs-card"), function (el) {
        return {
          nam: el.getAttribute("data-nam") || "",
          "don-vi": el.getAttribute("data-don-vi") || "",
          "linh-vuc": (el.getAttribute("data-linh-vuc") || "").split(/\s+/).filter(Boolean),
          loai: el.getAttribute("data-loai") || "",
          node: el
        };
      });
    }

    function load() {
      if (!pending) {
        pending = window.fetch(dataUrl.href, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            return response.json();
          })
          .then(function (data) { return { items: data.muc || [], partial: false }; })
          .catch(function () { return { items: pageItems(), partial: true }; });
      }
      return pending;
    }

    function card(item) {
      if (item.node) return item.node.cloneNode(true);
      var template = document.createElement("template");
      template.innerHTML = item.html;  // our own escaped HTML, from the same site
      return rebase(template.content, dataUrl);
    }

    function show(filtered) {
      results.hidden = !filtered;
      statics.forEach(function (el) { el.hidden = filtered; });
      if (!filtered) results.replaceChildren();
    }

    function apply() {
      var state = readForm();
      writeAddress(state);
      var active = PARAMS.some(function (param) { return state[param]; });
      var ticket = ++serial;
      if (!active) {
        show(false);
        status.textContent = "";
        return;
      }
      status.textContent = "Đang lọc…";
      results.setAttribute("aria-busy", "true");
      load().then(function (data) {
        if (ticket !== serial) return;
        var hits = data.items.filter(function (item) { return matches(item, state); });
        var fragment = document.createDocumentFragment();
        hits.forEach(function (item) { fragment.appendChild(card(item)); });
        results.replaceChildren(fragment);
        results.removeAttribute("aria-busy");
        show(true);
        var where = data.partial ? " trong trang này (không tải được dữ liệu của các trang khác)" : "";
        status.textContent = hits.length
          ? "Có " + formatCount(hits.length) + " việc tốt phù hợp" + where + "."
          : "Không có việc tốt nào phù hợp" + where + ". Hãy bỏ bớt điều kiện lọc.";
      });
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    if (reset) {
      reset.addEventListener("click", function (event) {
        event.preventDefault();
        PARAMS.forEach(function (param) {
          var el = select(param);
          if (el) el.value = "";
        });
        apply();
        var first = select(PARAMS[0]);
        if (first) first.focus();
      });
    }
    window.addEventListener("popstate", function () {
      readAddress();
      apply();
    });

    readAddress();
    if (PARAMS.some(function (param) { return readForm()[param]; })) apply();
  }

  // Material's instant navigation (if switched on) swaps pages without reloading scripts.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
