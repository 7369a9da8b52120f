// Small helpers for the workbench pages: every change goes through the JSON API.
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
    if (!res.ok) { throw new Error((data && data.detail) ? JSON.stringify(data.detail) : res.statusText); }
    return data;
  }
  function noteText() { var el = document.getElementById("note-text"); return el ? el.value.trim() : ""; }
  document.addEventListener("click", async function (ev) {
    var btn = ev.target.closest("button");
    if (!btn) return;
    try {
      if (btn.classList.contains("js-verdict")) {
        btn.disabled = true;
        var body = {verdict: btn.dataset.verdict, note: noteText() || null};
        if (btn.dataset.run) body.run_id = btn.dataset.run;
        var out = await post(btn.dataset.url, body);
        if (out && out.case_id) { window.location = "/cases/" + encodeURIComponent(out.case_id); return; }
        window.location.reload();
      } else if (btn.classList.contains("js-note")) {
        var text = noteText();
        if (!text) return;
        await post(btn.dataset.url, {text: text});
        window.location.reload();
      } else if (btn.classList.contains("js-case-move")) {
        btn.disabled = true;
        await post(btn.dataset.url, {status: btn.dataset.status, note: noteText() || null});
        window.location.reload();
      }
    } catch (err) {
      btn.disabled = false;
      toast(String(err.message || err));
    }
  });
})();
