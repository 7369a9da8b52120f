// Watch / unwatch buttons, the watch list and the alerts page: every change is a POST to the
// JSON API (web/watch_routes.py), audited there. No inline script: the CSP forbids it.
(function () {
  "use strict";
  var en = document.documentElement.lang === "en";
  async function post(url, body) {
    var res = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
      credentials: "same-origin", body: JSON.stringify(body || {})});
    var data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      var d = data && data.detail;
      throw new Error(typeof d === "string" ? d : res.statusText);
    }
    return data;
  }
  function say(msg) {
    var el = document.getElementById("toast");
    if (!el) return;
    el.textContent = msg; el.hidden = false;
    setTimeout(function () { el.hidden = true; }, 3000);
  }
  function label(btn, on) {
    var zh = on ? btn.dataset.onZh : btn.dataset.offZh;
    var e = on ? btn.dataset.onEn : btn.dataset.offEn;
    btn.textContent = en ? e : zh + " ";
    if (!en) { var s = document.createElement("span"); s.className = "en"; s.textContent = e; btn.appendChild(s); }
    btn.classList.toggle("watching", on);
    btn.setAttribute("aria-pressed", on ? "true" : "false");
  }
  function setCount(n) {
    var el = document.getElementById("alert-count");
    if (!el || typeof n !== "number") return;
    el.textContent = String(n); el.hidden = n === 0;
  }
  async function toggle(btn) {
    btn.disabled = true;
    try {
      if (btn.dataset.watchId) {
        await post("/api/watches/" + encodeURIComponent(btn.dataset.watchId) + "/remove");
        btn.dataset.watchId = ""; label(btn, false);
        say(en ? "No longer watched" : "已取消关注");
      } else {
        var out = await post("/api/watches", JSON.parse(btn.dataset.body));
        btn.dataset.watchId = String(out.watch.id); label(btn, true);
        say(en ? "Watching: the next scan or online score that touches it raises an alert" : "已关注：下次扫描或在线评分触及时会提醒你");
      }
    } catch (e) { say(e.message); }
    btn.disabled = false;
  }
  async function unwatch(btn) {
    btn.disabled = true;
    try {
      await post("/api/watches/" + encodeURIComponent(btn.dataset.watchId) + "/remove");
      var row = btn.closest("tr"); if (row) row.remove();
    } catch (e) { say(e.message); btn.disabled = false; }
  }
  async function markRead(ids) {
    var out = await post("/api/alerts/read", {ids: ids});
    setCount(out.unread);
    return out;
  }
  document.addEventListener("click", async function (ev) {
    var el = ev.target.closest ? ev.target.closest("button, a") : null;
    if (!el) return;
    if (el.classList.contains("js-watch")) { ev.preventDefault(); toggle(el); }
    else if (el.classList.contains("js-unwatch")) { ev.preventDefault(); unwatch(el); }
    else if (el.classList.contains("js-alerts-read")) {
      ev.preventDefault(); el.disabled = true;
      try { await markRead(el.dataset.ids ? [Number(el.dataset.ids)] : null); window.location.reload(); }
      catch (e) { say(e.message); el.disabled = false; }
    } else if (el.classList.contains("alert-open")) {
      var row = el.closest("tr");
      if (row && row.classList.contains("unread")) {  // opening an alert reads it
        ev.preventDefault();
        try { await markRead([Number(el.dataset.id)]); } catch (e) { /* open it anyway */ }
        window.location.href = el.getAttribute("href");
      }
    }
  });
})();
