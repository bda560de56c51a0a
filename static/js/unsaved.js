// Warn before leaving a page whose form marked data-unsaved-warning has unsaved changes.
// A form rendered after a refused save (data-unsaved-dirty) starts dirty: its values are not stored.
(function () {
  "use strict";
  var dirty = new Set();
  document.querySelectorAll("form[data-unsaved-warning][data-unsaved-dirty]").forEach(function (form) {
    dirty.add(form);
  });
  function mark(event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-unsaved-warning")) {
      dirty.add(form);
    }
  }
  document.addEventListener("input", mark);
  document.addEventListener("change", mark);
  document.addEventListener("submit", function (event) {
    dirty.delete(event.target);
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty.size) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
