// Behaviour shared by every page (loaded by templates/base.html). Pages hold no inline script: their
// elements ask for behaviour through data-attributes.
(function () {
  // <select data-autosubmit>: choosing an option reloads the page with it (a filter).
  document.querySelectorAll("select[data-autosubmit]").forEach(select => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });

  // <button data-print>: prints the page.
  document.querySelectorAll("[data-print]").forEach(button => {
    button.addEventListener("click", () => window.print());
  });

  // Irreversible steps: a form (or its submit button) with data-confirm="<dialog id>" opens that
  // <dialog>, which states the consequence; only its confirm button sends the form.
  document.addEventListener("submit", event => {
    const form = event.target;
    const submitter = event.submitter;
    const dialogId = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
    if (!dialogId || form.dataset.confirmed === "1") return;
    const dialog = document.getElementById(dialogId);
    if (!dialog || typeof dialog.showModal !== "function") return;
    event.preventDefault();
    dialog.returnValue = "";
    dialog.showModal();
    dialog.addEventListener("close", () => {
      if (dialog.returnValue !== "confirm") return;
      form.dataset.confirmed = "1";
      form.requestSubmit(submitter || undefined);
    }, {once: true});
  });

  // A form refused: the error summary takes the focus, so it is read first; its links lead to the fields.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  // The phone menu: a button shows and hides the navigation (open by default without JS).
  const toggle = document.querySelector("[data-menu-toggle]");
  if (toggle) {
    const menu = document.getElementById(toggle.getAttribute("aria-controls"));
    document.documentElement.classList.add("js");
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("open", open);
    });
  }
})();
