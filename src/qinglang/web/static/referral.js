// Referral forms (移送公安): each form.js-referral-form posts its fields as JSON to its data-url
// through the JSON API (where the rules live), then reloads the page; a refusal is shown in the
// form (Chinese / English, as the API words it).
(function () {
  "use strict";
  document.addEventListener("submit", async function (ev) {
    var form = ev.target;
    if (!form.classList || !form.classList.contains("js-referral-form")) return;
    ev.preventDefault();
    var body = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && !el.disabled) body[el.name] = el.value;
    });
    if (ev.submitter && ev.submitter.name) body[ev.submitter.name] = ev.submitter.value;
    var out = form.querySelector(".form-error");
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    try {
      var res = await fetch(form.dataset.url, {method: "POST", headers: {"Content-Type": "application/json"},
        credentials: "same-origin", body: JSON.stringify(body)});
      var data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      if (!res.ok) {
        var d = data && data.detail;
        throw new Error(typeof d === "string" ? d : (d ? JSON.stringify(d) : res.statusText));
      }
      window.location.reload();
    } catch (err) {
      if (out) { out.textContent = err.message; out.hidden = false; }
      buttons.forEach(function (b) { b.disabled = false; });
    }
  });
})();
