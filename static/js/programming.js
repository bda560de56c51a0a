// The programming grid: each row's total and difference from its goal as the months are typed, and
// arrow keys / Enter to move between rows in the same month column.
(function () {
  const grid = document.getElementById("programming-grid");
  if (!grid) return;
  const toCents = (text) => {
    const clean = String(text).replace(/[Q,\s]/g, "");
    if (clean === "") return 0;
    const number = Number(clean);
    return Number.isFinite(number) ? Math.round(number * 100) : NaN;
  };
  const show = (cents, physical) => {
    const value = cents / 100;
    return physical
      ? value.toLocaleString("en-US", { maximumFractionDigits: 0 })
      : "Q " + value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  };
  function refresh(row) {
    const inputs = Array.from(row.querySelectorAll("input.month"));
    if (!inputs.length) return;
    const physical = row.dataset.measure === "physical";
    const typed = inputs.some((input) => input.value.trim() !== "");
    const total = inputs.reduce((sum, input) => sum + toCents(input.value), 0);
    const difference = total - toCents(row.dataset.goal);
    row.querySelector("td.total").textContent = typed ? (Number.isNaN(total) ? "?" : show(total, physical)) : "";
    const cell = row.querySelector("td.diff");
    cell.textContent = typed ? (Number.isNaN(difference) ? "?" : show(difference, physical)) : "";
    cell.classList.toggle("off", typed && difference !== 0);
  }
  const rows = Array.from(grid.querySelectorAll("tr.line"));
  rows.forEach((row) => {
    refresh(row);
    row.addEventListener("input", () => refresh(row));
  });
  const editable = rows.filter((row) => row.querySelector("input.month"));
  grid.addEventListener("keydown", (event) => {
    const input = event.target.closest("input.month");
    if (!input || !["ArrowDown", "ArrowUp", "Enter"].includes(event.key)) return;
    const row = input.closest("tr");
    const column = Array.from(row.querySelectorAll("input.month")).indexOf(input);
    const step = event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey) ? -1 : 1;
    const next = editable[editable.indexOf(row) + step];
    if (!next) return;
    event.preventDefault();
    next.querySelectorAll("input.month")[column].focus();
  });
})();
