// The review page's keyboard and selection. htmx sends the forms; this script only keeps the
// command bar's hidden fields on the selected row and turns keys into button presses, so every
// key has a mouse (and no-JavaScript) equivalent in the bar.
(function () {
  "use strict";
  var table = document.querySelector("table.review");
  var actions = document.getElementById("actions");
  var panels = document.getElementById("panels");
  var keys = document.getElementById("keys");
  if (!table) { return; }
  var selectedId = null;
  var selectedIndex = 0;
  var advanceAfterConfirm = false;
  var OPERATION_KEYS = {
    "m": "merge_down", "M": "merge_up", "c": "confirm_up_to", "x": "detach", "r": "realign",
    "0": "reset", "[": "move_src_up", "]": "move_src_down", "{": "move_tgt_up", "}": "move_tgt_down"
  };
  var PANEL_KEYS = { "s": "split", "e": "edit", "f": "flag" };

  function rows() { return Array.prototype.slice.call(table.querySelectorAll("tr.bead")); }
  function current() { return selectedId && document.getElementById("bead-" + selectedId); }

  function setField(form, name, value) {
    if (form && form.elements[name]) { form.elements[name].value = value; }
  }

  function select(row, scroll) {
    if (!row) { return; }
    var previous = table.querySelector("tr.bead.selected");
    if (previous) { previous.classList.remove("selected"); }
    row.classList.add("selected");
    selectedId = row.dataset.bead;
    selectedIndex = rows().indexOf(row);
    [actions, panels].forEach(function (form) {
      setField(form, "bead", selectedId);
      setField(form, "version", row.dataset.version);
    });
    var label = document.getElementById("selection");
    if (label) { label.textContent = "Pair " + selectedId + " selected (row " + (selectedIndex + 1) + ")"; }
    if (scroll) { row.scrollIntoView({ block: "nearest" }); }
  }

  function step(by) {
    var all = rows();
    var at = current() ? all.indexOf(current()) : -1;
    select(all[Math.max(0, Math.min(all.length - 1, at + by))], true);
  }

  // The rows an operation acts on, so the server can check each against the version it was shown at.
  function involved(op) {
    var all = rows();
    var at = all.indexOf(current());
    if (op === "confirm_up_to") { return all.slice(0, at + 1); }
    if (op === "realign") {
      var low = at, high = at;
      while (low > 0 && !all[low - 1].classList.contains("confirmed")) { low -= 1; }
      while (high < all.length - 1 && !all[high + 1].classList.contains("confirmed")) { high += 1; }
      return all.slice(low, high + 1);
    }
    if (/_down$/.test(op)) { return all.slice(at, at + 2); }
    if (/_up$/.test(op)) { return all.slice(Math.max(0, at - 1), at + 1); }
    return [all[at]];
  }

  document.body.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt !== actions || !current()) { return; }
    var parameters = event.detail.parameters;
    parameters.version = current().dataset.version;
    parameters.versions = involved(parameters.op).map(function (row) {
      return row.dataset.bead + ":" + row.dataset.version;
    }).join(",");
  });

  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful && event.detail.elt.classList.contains("reload")) {
      var status = document.getElementById("review-status");
      status.innerHTML = "<p class='status-message'>Rows reloaded: this is the current state.</p>";
    }
    var done = event.detail.successful && event.detail.elt === actions;
    if (done && advanceAfterConfirm) { step(1); }
    advanceAfterConfirm = false;
  });

  // After rows were replaced or removed, keep the selection on the same pair, or its place.
  document.body.addEventListener("htmx:afterSettle", function () {
    var all = rows();
    select(current() || all[Math.min(selectedIndex, all.length - 1)], false);
  });

  function press(form, name, value) {
    if (!form) { return; }
    if (!current()) { select(rows()[0], true); }
    var button = form.querySelector("button[name='" + name + "'][value='" + value + "']");
    if (button) { button.click(); }
  }

  function nextNeedingReview() {
    var all = rows();
    var after = all.slice(all.indexOf(current()) + 1).filter(function (row) {
      return row.classList.contains("needs");
    });
    if (after.length) { select(after[0], true); return; }
    var link = document.getElementById("next-in-queue");
    if (link) { window.location = link.href + (selectedId ? "?after=" + selectedId : ""); }
  }

  // Keys typed into a field are text; Enter or space on a focused button or link is its own click.
  function ownKey(event) {
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return true; }
    return (event.key === "Enter" || event.key === " ") && /^(BUTTON|A)$/.test(target.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { document.getElementById("panel").innerHTML = ""; return; }
    if (event.ctrlKey || event.metaKey || event.altKey || ownKey(event)) { return; }
    if (keys && keys.open) { return; }
    var key = event.key;
    var handled = true;
    if (key === "j" || key === "ArrowDown") { step(1); }
    else if (key === "k" || key === "ArrowUp") { step(-1); }
    else if (key === "Enter") { advanceAfterConfirm = true; press(actions, "op", "confirm"); }
    else if (OPERATION_KEYS[key]) { press(actions, "op", OPERATION_KEYS[key]); }
    else if (PANEL_KEYS[key]) { press(panels, "panel", PANEL_KEYS[key]); }
    else if (key === "u") { document.getElementById("undo-button").click(); }
    else if (key === "n") { nextNeedingReview(); }
    else if (key === "?" && keys) { keys.showModal(); }
    else { handled = false; }
    if (handled) { event.preventDefault(); }
  });

  table.addEventListener("click", function (event) {
    var row = event.target.closest("tr.bead");
    if (!row || (event.target.closest("a") && !event.target.closest("td.n"))) { return; }
    event.preventDefault();
    select(row, false);
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-close]")) {
      event.preventDefault();
      document.getElementById("panel").innerHTML = "";
    }
    if (event.target.closest("#show-keys") && keys) { keys.showModal(); }
    if (event.target.closest("[data-undo]")) { document.getElementById("undo-button").click(); }
  });

  var start = (window.location.hash.match(/^#bead-(\d+)$/) || [])[1];
  select(document.getElementById("bead-" + start) || table.querySelector("tr.bead.selected"), true);
}());
