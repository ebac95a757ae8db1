/* Gương sáng: the "In bảng vinh danh" button. Progressive enhancement only: without
   JavaScript the button stays hidden and the printed hint (Ctrl+P) does the same job. */
(function () {
  "use strict";
  document.documentElement.classList.add("gs-js");
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-gs-print]")) {
      event.preventDefault();
      window.print();
    }
  });
})();
