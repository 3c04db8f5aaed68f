// Two small enhancements of the question page. Without this script both still work: the
// helpful button is a form that posts and comes back, and "Compare selected answers" is a
// GET form the server checks.
(function () {
  "use strict";

  // Helpful votes without a page reload. The form says which state it wants (vote=on or
  // vote=off), so even two requests that cross count once. A double click is one click, and
  // while a vote is on its way further clicks on the same button are ignored.
  function setUpVote(form) {
    const button = form.querySelector("button[aria-pressed]");
    const wanted = form.querySelector("input[name='vote']");
    const token = form.querySelector("input[name='csrf_token']");
    const message = form.querySelector(".vote-form__message");
    const article = form.closest("article");
    const count = article && article.querySelector(".answer__helpful");
    if (!button || !wanted) {
      return;
    }

    function say(text) {
      if (message) {
        message.textContent = text;
      }
    }

    // The second click of a double click is part of the same intent: leave it out.
    button.addEventListener("click", function (event) {
      if (event.detail > 1) {
        event.preventDefault();
      }
    });

    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (button.getAttribute("aria-busy") === "true") {
        return;
      }
      button.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: {
            "Accept": "application/json",
            "X-CSRFToken": token ? token.value : "",
          },
          credentials: "same-origin",
        });
        const type = response.headers.get("Content-Type") || "";
        if (!type.includes("application/json")) {
          say(response.status === 429
            ? "You have voted many times in a short while. Please wait a minute."
            : "That didn't work. Please try again.");
          return;
        }
        const result = await response.json();
        if (response.ok) {
          button.setAttribute("aria-pressed", result.voted ? "true" : "false");
          wanted.value = result.voted ? "off" : "on";
          if (count) {
            count.textContent = result.helpful_text;
          }
        }
        say(result.message);
      } catch (error) {
        say("That didn't work: check your connection and try again.");
      } finally {
        button.removeAttribute("aria-busy");
      }
    });
  }

  // "2 answers selected": keeps the compare form's status in step with the ticks, and says
  // what is missing instead of sending a request that can't succeed.
  function setUpCompare(form) {
    const status = form.querySelector("[data-compare-count]");
    const ticks = document.querySelectorAll("input[type='checkbox'][form='" + form.id + "']");
    const MIN = 2;
    const MAX = 4;
    if (!status || ticks.length === 0) {
      return;
    }

    function ticked() {
      return Array.prototype.filter.call(ticks, function (tick) { return tick.checked; }).length;
    }

    function update() {
      const n = ticked();
      if (n === 0) {
        status.textContent = "";
      } else if (n > MAX) {
        status.textContent = n + " answers selected: please untick " + (n - MAX) + " (at most " + MAX + ").";
      } else if (n < MIN) {
        status.textContent = "1 answer selected: tick at least one more.";
      } else {
        status.textContent = n + " answers selected.";
      }
    }

    ticks.forEach(function (tick) { tick.addEventListener("change", update); });
    // Both "Compare selected answers" buttons submit this form (one through form="…").
    form.addEventListener("submit", function (event) {
      const n = ticked();
      if (n >= MIN && n <= MAX) {
        return;
      }
      event.preventDefault();
      update();
      if (n === 0) {
        status.textContent = "Tick “Compare” on 2 to 4 answers first.";
      }
      status.scrollIntoView({ block: "nearest" });
    });
    update();
  }

  document.querySelectorAll("form[data-helpful-vote]").forEach(setUpVote);
  document.querySelectorAll("form.compare-bar").forEach(setUpCompare);
})();
