// Coverage fields: national coverage clears the places; only towns of ticked departments show.
(function () {
  const national = document.getElementById("id_is_national");
  const towns = document.querySelector("select.coverage-municipalities");
  const boxes = Array.from(document.querySelectorAll("#id_departments input[type=checkbox]"));
  if (!national || !towns) return;
  function refresh() {
    const ticked = new Set(boxes.filter((box) => box.checked).map((box) => box.value));
    boxes.forEach((box) => { box.disabled = national.checked; });
    towns.disabled = national.checked;
    Array.from(towns.options).forEach((option) => {
      option.hidden = !ticked.has(option.dataset.department);
      if (option.hidden) option.selected = false;
    });
  }
  national.addEventListener("change", refresh);
  boxes.forEach((box) => box.addEventListener("change", refresh));
  refresh();
})();
