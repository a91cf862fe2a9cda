// The steward's actions: post them as JSON to this app, then reload the page.
(function () {
  "use strict";
  var message = document.getElementById("message");
  var by = document.getElementById("by");

  function show(text, ok) {
    message.textContent = text;
    message.className = ok ? "ok" : "bad";
    message.hidden = false;
  }

  function post(kind, body) {
    if (!body.by && by) { body.by = by.dataset.by; }
    return fetch("/api/" + kind, {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      credentials: "same-origin",
      body: JSON.stringify(body)
    }).then(function (response) { return response.json(); }).then(function (result) {
      show(result.message, result.ok);
      if (result.ok) { setTimeout(function () { window.location.reload(); }, 600); }
      return result;
    });
  }

  // Forms on the overview: approve, accept a risk, mark a near-miss missed.
  document.querySelectorAll("form.action").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {};
      new FormData(form).forEach(function (value, name) {
        body[name] = /^(out_start|out_end)$/.test(name) ? parseInt(value, 10) : value;
      });
      post(form.dataset.kind, body);
    });
  });

  var panel = document.getElementById("panel");
  if (!panel) { return; }
  var info = document.getElementById("panel-info");
  var fpButton = document.getElementById("mark-fp");
  var missedControls = document.getElementById("missed-controls");
  var chosen = null;

  function openPanel(text, replacement) {
    info.textContent = text;
    fpButton.hidden = !replacement;
    missedControls.hidden = !!replacement;
    panel.hidden = false;
  }

  // A click on a replacement: its type, score and recognizer; mark it a false positive.
  document.querySelectorAll("mark.rep").forEach(function (mark) {
    mark.addEventListener("click", function () {
      chosen = {kind: "false-positive", utterance_id: mark.dataset.utterance,
                start_offset: parseInt(mark.dataset.start, 10)};
      var raw = mark.dataset.raw !== undefined ? " · original: " + mark.dataset.raw : "";
      openPanel(mark.dataset.type + " · score " + mark.dataset.score + " · " +
                mark.dataset.recognizer + raw, true);
    });
  });

  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  // A selection of unmasked text inside one utterance: mark it missed with a type.
  document.addEventListener("mouseup", function (event) {
    if (panel.contains(event.target)) { return; }
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) { return; }
    var range = selection.getRangeAt(0);
    var start = range.startContainer.parentElement.closest(".text");
    var end = range.endContainer.parentElement.closest(".text");
    if (!start || start !== end) { return; }
    var from = offsetIn(start, range.startContainer, range.startOffset);
    var to = offsetIn(start, range.endContainer, range.endOffset);
    chosen = {kind: "missed", utterance_id: start.dataset.utterance, out_start: from, out_end: to};
    openPanel("Selected " + (to - from) + " characters in " + start.dataset.utterance, false);
  });

  fpButton.addEventListener("click", function () {
    if (chosen && chosen.kind === "false-positive") {
      post("false-positive", {utterance_id: chosen.utterance_id, start_offset: chosen.start_offset});
    }
  });
  document.getElementById("mark-missed").addEventListener("click", function () {
    if (chosen && chosen.kind === "missed") {
      post("missed", {utterance_id: chosen.utterance_id, out_start: chosen.out_start,
                      out_end: chosen.out_end,
                      entity_type: document.getElementById("missed-type").value});
    }
  });
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
  });
}());
