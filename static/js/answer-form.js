// Instant Markdown preview for the answer form. Without this script the Preview button
// still works: it asks the server, which renders with the same sanitiser either way.
(function () {
  "use strict";

  const DELAY_MS = 400;

  function setUp(form) {
    const body = form.querySelector("textarea[name='body']");
    const preview = form.querySelector("#answer-preview");
    const target = preview && preview.querySelector(".answer-preview__body");
    const token = form.querySelector("input[name='csrf_token']");
    if (!body || !preview || !target) {
      return;
    }
    let timer = null;
    let latest = 0;

    async function refresh() {
      const asked = ++latest;
      const data = new FormData();
      data.append("body", body.value);
      const headers = token ? { "X-CSRFToken": token.value } : {};
      try {
        const response = await fetch(form.dataset.previewUrl, {
          method: "POST", body: data, headers: headers, credentials: "same-origin",
        });
        if (!response.ok || asked !== latest) {
          return;
        }
        const result = await response.json();
        // The server returns HTML it has already sanitised, exactly as it would store it.
        target.innerHTML = result.html;
        preview.hidden = body.value.trim() === "";
      } catch (error) {
        // Offline or the server is busy: the Preview button still works.
      }
    }

    body.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DELAY_MS);
    });
  }

  document.querySelectorAll("form.answer-form").forEach(setUp);
})();
