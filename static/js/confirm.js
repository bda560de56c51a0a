// Ask before an irreversible form is sent: the button or form says what with data-confirm.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var source = event.submitter && event.submitter.dataset.confirm ? event.submitter : event.target;
    var question = source.dataset ? source.dataset.confirm : "";
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
