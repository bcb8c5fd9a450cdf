// Ingest page: drag and drop (or choose) files; each is posted on its own to /api/ingest so it gets
// its own progress bar and result line.
(function () {
  "use strict";
  const zone = document.getElementById("drop-zone");
  const input = document.getElementById("file-input");
  const list = document.getElementById("upload-list");

  function upload(file) {
    const item = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    const status = document.createElement("span");
    item.append(name, bar, status);
    list.appendChild(item);

    const form = new FormData();
    form.append("files", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/ingest");
    // The antiforgery token of this page: the API refuses a browser's upload without it.
    request.setRequestHeader("X-CSRF-TOKEN", document.querySelector('meta[name="csrf-token"]').content);
    request.responseType = "json";
    request.upload.addEventListener("progress", (e) => { if (e.lengthComputable) bar.value = (100 * e.loaded) / e.total; });
    request.addEventListener("load", () => {
      bar.value = 100;
      const body = request.response || {};
      const result = body.files && body.files[0];
      if (request.status === 200 && result) {
        status.className = result.status;
        status.textContent = " " + (result.status === "failed" ? zone.dataset.failed : zone.dataset.done) + ": " + (result.display || result.message) + " ";
        if (result.documentId) {
          const link = document.createElement("a");
          link.href = "/documents/" + result.documentId;
          link.textContent = zone.dataset.open;
          status.appendChild(link);
        }
      } else {
        status.className = "failed";
        status.textContent = " " + zone.dataset.failed + ": " + (body.detail || body.title || request.status);
      }
      item.dataset.status = status.className;
    });
    request.addEventListener("error", () => { status.className = "failed"; status.textContent = " " + zone.dataset.failed; });
    request.send(form);
  }

  const send = (files) => { for (const f of files) upload(f); };
  input.addEventListener("change", () => { send(input.files); input.value = ""; });
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); send(e.dataTransfer.files); });
})();
