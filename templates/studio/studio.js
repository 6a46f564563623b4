// quizgen studio: the little the review needs beyond plain forms (every form also works without this).
// Changes are sent one at a time, each against the revision the last one saved, and said in the live
// region; a change refused because another tab saved first is said there too, with a way to reload.
"use strict";
(function () {
  var queue = Promise.resolve();
  var statusBox = document.getElementById("status");

  function say(message, kind) {
    if (!statusBox) return;
    statusBox.className = "status" + (kind ? " " + kind : "");
    statusBox.textContent = "";
    window.setTimeout(function () {
      statusBox.textContent = message;
      if (kind === "stale") {
        var reload = document.createElement("button");
        reload.type = "button";
        reload.textContent = "Reload the page";
        reload.addEventListener("click", function () { window.location.reload(); });
        statusBox.appendChild(document.createTextNode(" "));
        statusBox.appendChild(reload);
      }
    }, 30);
  }

  function revision() {
    var review = document.getElementById("review");
    return review ? review.getAttribute("data-revision") : null;
  }

  function setRevision(value) {
    var review = document.getElementById("review");
    if (review) review.setAttribute("data-revision", String(value));
    document.querySelectorAll('input[name="revision"]').forEach(function (input) { input.value = String(value); });
  }

  function refresh(focusCards) {
    return fetch(window.location.pathname, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("review");
        var old = document.getElementById("review");
        if (!fresh || !old) return;
        old.replaceWith(fresh);
        setup(fresh);
        var card = null;
        focusCards.forEach(function (id) { card = card || (id && document.getElementById(id)); });
        var target = card ? card.querySelector("h3") : document.getElementById("items-title");
        if (target) {
          target.setAttribute("tabindex", "-1");
          target.focus({ preventScroll: !!card });
        }
      });
  }

  function send(form, structural) {
    var card = form.closest("[data-item]");
    // Where the focus goes once the page is redrawn: this item, or the next one if this one left.
    var cards = [];
    if (card) {
      cards.push(card.id);
      var next = card.nextElementSibling;
      if (next && next.hasAttribute("data-item")) cards.push(next.id);
    }
    queue = queue.then(function () {
      var current = revision();
      var field = form.querySelector('input[name="revision"]');
      if (field && current !== null) field.value = current;
      say("Saving…");
      return fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json().then(function (answer) { return { response: response, answer: answer }; });
        })
        .then(function (result) {
          var answer = result.answer;
          if (!answer.ok) {
            say(answer.error, answer.stale ? "stale" : "error");
            return;
          }
          setRevision(answer.revision);
          say(answer.message, "saved");
          if (form.hasAttribute("data-reset")) form.reset();
          if (structural) return refresh(cards);
        })
        .catch(function () { say("The studio did not answer: is it still running? Nothing was saved.", "error"); });
    });
  }

  function highlight(itemId) {
    document.querySelectorAll("mark.current").forEach(function (mark) { mark.classList.remove("current"); });
    document.querySelectorAll("mark[data-items]").forEach(function (mark) {
      if (mark.getAttribute("data-items").split(" ").indexOf(itemId) >= 0) {
        mark.classList.add("current");
        mark.scrollIntoView({ block: "nearest" });
      }
    });
  }

  function showKind(form) {
    var chosen = form.querySelector("input[data-kind]:checked");
    form.querySelectorAll("fieldset[data-for]").forEach(function (set) {
      set.hidden = !chosen || set.getAttribute("data-for") !== chosen.value;
    });
  }

  function setup(root) {
    root.querySelectorAll("form[data-save]").forEach(function (form) {
      var isEdit = form.classList.contains("edit");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        send(form, !isEdit);
      });
      if (isEdit) {
        form.addEventListener("change", function (event) {
          if (event.target.name !== "revision") send(form, false);
        });
      }
    });
    root.querySelectorAll("[data-item]").forEach(function (card) {
      var id = card.getAttribute("data-item");
      card.addEventListener("focusin", function () { highlight(id); });
      card.addEventListener("mouseenter", function () { highlight(id); });
    });
    root.querySelectorAll("form[data-reset]").forEach(function (form) {
      form.querySelectorAll("input[data-kind]").forEach(function (radio) {
        radio.addEventListener("change", function () { showKind(form); });
      });
      form.addEventListener("reset", function () { window.setTimeout(function () { showKind(form); }, 0); });
      showKind(form);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setup(document);
    document.querySelectorAll("[data-drop]").forEach(function (zone) {
      var input = zone.querySelector("input[type=file]");
      zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("over"); });
      zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        zone.classList.remove("over");
        if (input && event.dataTransfer) input.files = event.dataTransfer.files;
      });
    });
    document.querySelectorAll("form[data-busy]").forEach(function (form) {
      form.addEventListener("submit", function () {
        say(form.getAttribute("data-busy"));
        var button = form.querySelector("button[type=submit]");
        if (button) button.disabled = true;
      });
    });
    document.querySelectorAll("[data-back]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (window.history.length > 1) { event.preventDefault(); window.history.back(); }
      });
    });
  });
})();
