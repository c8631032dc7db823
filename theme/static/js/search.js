// The /search/ page (theme/templates/search.html), after pagefind-component-ui.js:
// shows the search UI (hidden without JavaScript, when <noscript> speaks instead),
// labels the field, and ?q=<words> runs that search on load and follows what is
// typed, so a search can be linked and the back button keeps it.
(function () {
  "use strict";
  var ui = document.querySelector(".search-ui");
  if (ui) ui.hidden = false;
  var components = window.PagefindComponents;
  if (!components) return;
  var instance = components.getInstanceManager().getInstance("default");
  instance.setTranslations({ search_label: "搜索关键词", input_hint: "输入时即显示结果" });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) instance.triggerSearch(query);
  instance.on("search", function (term) {
    var url = new URL(window.location.href);
    if (term) url.searchParams.set("q", term);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  });
})();
