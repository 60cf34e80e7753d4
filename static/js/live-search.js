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

  // A box with suggestions (the unit filter when there are too many units for a list) asks the server
  // for names as the user types, and refreshes the results only once a suggestion is taken.
  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var text = input.value.trim();
    if (!list || text.length < 2) return;
    fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(text), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : {results: []}; })
      .then(function (data) {
        list.textContent = "";
        data.results.forEach(function (unit) {
          var option = document.createElement("option");
          option.value = unit.label;
          list.appendChild(option);
        });
      })
      .catch(function () {});
  }

  var suggestTimer = null;
  form.addEventListener("input", function (event) {
    var input = event.target;
    if (input.hasAttribute && input.hasAttribute("data-suggest")) {
      window.clearTimeout(suggestTimer);
      suggestTimer = window.setTimeout(function () { suggest(input); }, 200);
      var taken = Array.prototype.some.call(document.getElementById(input.getAttribute("list")).options,
        function (option) { return option.value === input.value; });
      if (taken || input.value === "") later();
      return;
    }
    later();
  });
  form.addEventListener("change", later);
})();
