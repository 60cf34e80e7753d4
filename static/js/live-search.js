// Live search for the cadre list: as the user types or changes a filter, fetch the results part of
// the same page (header X-Live-Search) and swap it in. Without JavaScript the form submits normally.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-search]");
  if (!form || !window.fetch) return;
  var target = document.getElementById(form.getAttribute("data-live-search"));
  var timer = null;
  var controller = null;

  function currentUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      var field = form.elements[key];
      var fallback = field && field.getAttribute ? field.getAttribute("data-default") : null;
      // Empty fields and fields left at their default stay out of the address.
      if (String(value).trim() !== "" && value !== fallback) params.append(key, value);
    });
    var query = params.toString();
    return form.getAttribute("action").split("?")[0] + (query ? "?" + query : "");
  }

  function refresh() {
    var url = currentUrl();
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    target.setAttribute("aria-busy", "true");
    fetch(url, {headers: {"X-Live-Search": "1"}, credentials: "same-origin",
                signal: controller ? controller.signal : undefined})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        target.innerHTML = html;
        target.removeAttribute("aria-busy");
        window.history.replaceState(null, "", url);
      })
      .catch(function () { target.removeAttribute("aria-busy"); });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
