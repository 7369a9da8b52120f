// Small helpers for the workbench pages: every change goes through the JSON API.
// Verdicts and case moves never happen on one click: each button opens the confirmation dialog
// (base.html #action-dialog) that says what will happen and has its own note box.
(function () {
  "use strict";
  function toast(msg) {
    var el = document.getElementById("toast");
    if (!el) return;
    el.textContent = msg; el.hidden = false;
    setTimeout(function () { el.hidden = true; }, 3000);
  }
  async function post(url, body) {
    var res = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
      credentials: "same-origin", body: JSON.stringify(body)});
    var data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      var d = data && data.detail;
      throw new Error(typeof d === "string" ? d : (d ? JSON.stringify(d) : res.statusText));
    }
    return data;
  }
  function noteText() { var el = document.getElementById("note-text"); return el ? el.value.trim() : ""; }

  function checkedMembers() {
    return Array.prototype.map.call(document.querySelectorAll(".member-check:checked"), function (el) { return el.value; });
  }
  function updateBulk() {
    var n = checkedMembers().length;
    var label = document.getElementById("bulk-count");
    if (label) {
      var en = document.documentElement.lang === "en";
      label.textContent = n ? (en ? label.dataset.labelEn : label.dataset.labelZh).replace("{n}", String(n)) : "";
    }
    document.querySelectorAll("button.js-bulk").forEach(function (b) { b.disabled = n === 0; });
  }
  document.addEventListener("change", function (ev) {
    var el = ev.target;
    if (el.id === "select-page") {
      document.querySelectorAll(".member-check").forEach(function (c) { c.checked = el.checked; });
    }
    if (el.id === "select-page" || el.classList.contains("member-check")) updateBulk();
  });

  var pending = null;  // the button whose action the dialog is asking about
  function byId(id) { return document.getElementById(id); }
  function openDialog(btn) {
    var dlg = byId("action-dialog");
    if (!dlg) return;
    pending = btn;
    var required = btn.dataset.noteRequired === "1";
    var n = String(checkedMembers().length);  // bulk actions say how many they will mark
    byId("dialog-title").textContent = btn.dataset.title || btn.textContent;
    byId("dialog-text").textContent = (btn.dataset.text || "").replace("{n}", n);
    var en = byId("dialog-text-en");
    en.textContent = (btn.dataset.textEn || "").replace("{n}", n);
    en.hidden = !btn.dataset.textEn || btn.dataset.textEn === btn.dataset.text;
    var label = byId("dialog-note-label");
    label.textContent = required ? label.dataset.required : label.dataset.optional;
    var note = byId("dialog-note");
    note.value = ""; note.required = required;
    byId("dialog-error").hidden = true;
    byId("dialog-ok").disabled = false;
    dlg.showModal();
    note.focus();
  }
  function fail(msg) {
    var err = byId("dialog-error");
    err.textContent = msg; err.hidden = false;
    byId("dialog-ok").disabled = false;
  }
  async function carryOut() {
    var btn = pending;
    if (!btn) return;
    var note = byId("dialog-note").value.trim();
    if (btn.dataset.noteRequired === "1" && !note) { fail(byId("dialog-error").dataset.noteRequired); return; }
    byId("dialog-ok").disabled = true;
    try {
      var out;
      if (btn.classList.contains("js-bulk")) {
        await post(btn.dataset.url, {complaint_ids: checkedMembers(), verdict: btn.dataset.verdict, note: note || null});
      } else if (btn.classList.contains("js-verdict")) {
        var body = {verdict: btn.dataset.verdict, note: note || null};
        if (btn.dataset.run) body.run_id = btn.dataset.run;
        out = await post(btn.dataset.url, body);
        if (out && out.case_id && btn.dataset.verdict === "confirm") {
          window.location = "/cases/" + encodeURIComponent(out.case_id); return;
        }
      } else {
        await post(btn.dataset.url, {status: btn.dataset.status, note: note || null});
      }
      window.location.reload();
    } catch (err) {
      fail(String(err.message || err));  // the dialog stays open with the server's reason
    }
  }
  var form = byId("dialog-form");
  if (form) {
    form.addEventListener("submit", function (ev) { ev.preventDefault(); carryOut(); });
    byId("dialog-cancel").addEventListener("click", function () { pending = null; byId("action-dialog").close(); });
  }

  document.addEventListener("click", async function (ev) {
    var btn = ev.target.closest("button");
    if (!btn || btn.closest("#action-dialog")) return;
    if (btn.classList.contains("js-verdict") || btn.classList.contains("js-case-move") || btn.classList.contains("js-bulk")) {
      openDialog(btn);
      return;
    }
    if (btn.classList.contains("js-note")) {
      try {
        var text = noteText();
        if (!text) return;
        await post(btn.dataset.url, {text: text});
        window.location.reload();
      } catch (err) {
        toast(String(err.message || err));
      }
    }
  });
})();
