/* Gương sáng: small accessibility helpers for every page.
 *
 * Wide tables scroll sideways on a phone. A keyboard user can only scroll a region that can
 * take the focus, so every region that actually overflows gets tabindex="0", a region role
 * and a name taken from the table's caption or the heading before it (WCAG 2.1.1; axe-core's
 * scrollable-region-focusable). Regions that stop overflowing (a wider window) give it back.
 *
 * A generated table's wrapper (.gs-table) is the only scrolling box around it: what Material
 * puts inside it (its own scrollwrap) is styled not to scroll (tables.css) and skipped here,
 * so a table is one Tab stop with one name, before and after Material's script has run.
 */
(function () {
  "use strict";

  // Material's script wraps a plain table in a scrollwrap, but only once the reader first
  // interacts (overrides/assets/theme/lazy-bundle.js): until then the table itself scrolls.
  var SELECTOR = ".md-typeset__scrollwrap, .gs-table, .md-typeset pre, .md-typeset table:not([class])";
  var INSIDE_OURS = ".gs-table *";
  var MARK = "data-gs-scroll";

  function nameOf(el) {
    var caption = el.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    for (var node = el; node && !node.matches(".md-content"); node = node.parentElement) {
      for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev.textContent.trim();
      }
    }
    return "";
  }

  function label(name) {
    return name ? "Bảng cuộn ngang: " + name : "Bảng cuộn ngang";
  }

  function update() {
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      var overflowing = !el.matches(INSIDE_OURS) && el.scrollWidth > el.clientWidth + 1;
      var marked = el.hasAttribute(MARK);
      if (overflowing && !marked && !el.hasAttribute("tabindex")) {
        var name = nameOf(el);
        el.setAttribute(MARK, "");
        el.setAttribute("tabindex", "0");
        if (el.tagName === "TABLE") {
          // A table keeps its own role; its caption, if any, already names it.
          if (!el.querySelector("caption")) el.setAttribute("aria-label", label(name));
        } else {
          el.setAttribute("role", "region");
          el.setAttribute("aria-label", label(name));
        }
      } else if (!overflowing && marked) {
        ["tabindex", "role", "aria-label", MARK].forEach(function (a) { el.removeAttribute(a); });
      }
    });
  }

  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(update, 150); }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
  window.addEventListener("load", update);
  document.addEventListener("gs:theme-ready", update);
  window.addEventListener("resize", later);
})();
