/* Gương sáng: load Material's script bundle on the reader's first interaction.
 *
 * Why (see overrides/main.html): the bundle only enhances pages that are complete without it,
 * yet running it at load blocks a phone's main thread for a few hundred milliseconds. The
 * <script> tag that loads this file names the bundle in data-bundle.
 *
 * Material starts itself on DOMContentLoaded, long past when it loads here: the listener it
 * registers while it runs is captured and called once the bundle has loaded.
 */
(function () {
  "use strict";

  var me = document.currentScript;
  var src = me && me.getAttribute("data-bundle");
  if (!src) return;
  var done = false;
  var events = ["pointerdown", "touchstart", "keydown", "scroll", "wheel", "mousemove"];

  function load() {
    if (done) return;
    done = true;
    events.forEach(function (e) { removeEventListener(e, load, true); });
    var started = [];
    document.addEventListener = function (type, listener) {
      if (type === "DOMContentLoaded") { started.push(listener); return; }
      return EventTarget.prototype.addEventListener.apply(document, arguments);
    };
    var script = document.createElement("script");
    script.src = src;
    script.onload = script.onerror = function () {
      delete document.addEventListener;
      started.forEach(function (listener) {
        var event = new Event("DOMContentLoaded");
        if (typeof listener === "function") listener.call(document, event);
        else listener.handleEvent(event);
      });
      // The bundle has rearranged the page (tables in scroll wrappers): tell our scripts.
      document.dispatchEvent(new Event("gs:theme-ready"));
    };
    document.body.appendChild(script);
  }

  events.forEach(function (e) { addEventListener(e, load, { capture: true, passive: true }); });
})();
