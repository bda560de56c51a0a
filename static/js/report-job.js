// The report job page: polls the job's state and moves the progress bar until it is done or failed.
(function () {
  const box = document.getElementById("job");
  if (!box) return;
  const bar = box.querySelector(".bar");
  const progress = document.getElementById("job-progress");
  bar.style.width = progress.getAttribute("aria-valuenow") + "%";
  function show(data) {
    document.getElementById("job-status").textContent = data.status_label;
    document.getElementById("job-stage").textContent = data.stage_label;
    bar.style.width = data.percent + "%";
    progress.setAttribute("aria-valuenow", data.percent);
    box.querySelectorAll(".stages li").forEach(li => li.classList.toggle("current", li.dataset.stage === data.stage));
    const error = document.getElementById("job-error");
    error.textContent = data.error; error.hidden = !data.error;
    document.getElementById("job-download").hidden = data.status !== "done";
    document.getElementById("job-retry").hidden = data.status !== "failed";
    return data.status === "done" || data.status === "failed";
  }
  function poll() {
    fetch(box.dataset.statusUrl, {headers: {"Accept": "application/json"}})
      .then(r => r.json()).then(data => { if (!show(data)) setTimeout(poll, 500); })
      .catch(() => setTimeout(poll, 2000));
  }
  poll();
})();
