// Report job page (reporting/job.html): polls the job's status until it is done or failed.
(function () {
  const box = document.getElementById("job");
  if (!box) return;
  const bar = document.getElementById("job-progress");
  function show(data) {
    document.getElementById("job-status").textContent = data.status_label;
    const stage = document.getElementById("job-stage");
    stage.textContent = data.stage_label ? "· " + data.stage_label : "";
    bar.value = data.percent;
    bar.textContent = data.percent + " %";
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
