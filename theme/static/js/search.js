// The /search/ page (theme/templates/search.html) on Pagefind's JS API (pagefind/pagefind.js).
// Pagefind is imported only when the reader searches (focus, typing, ?q=); the filter pane's
// indexes only when the reader opens it: search() fetches the filter chunks of the filters it
// is given and no others, so a query without a ticked filter loads none (docs/decisions.md).
// Result fragments are loaded for the shown results only, PAGE at a time.
// Text from the index is always set as text, never parsed as HTML: Pagefind's excerpt is the
// page's text with < and > escaped (&lt; &gt;, not &) and <mark> around the words found, so only
// those <mark> tags become elements and the two escapes are undone in the text between them.
// The script has no words of its own: its messages and the filter names it needs are data-*
// attributes of .search-ui, written by the page in its edition's language (search.html).

const PAGE = 10;
const DEBOUNCE = 300; // ms

const ui = document.querySelector(".search-ui");
const form = ui.querySelector("form[role=search]");
const field = form.elements.q;
const status = ui.querySelector(".search-status");
const list = ui.querySelector(".search-results");
const more = ui.querySelector(".search-more");
const pane = ui.querySelector(".search-filters");
const groups = pane.querySelector(".search-filter-groups");
const ORDER = pane.dataset.order.split(" ");
const WORDS = ui.dataset; // foundTerm, foundFilters, noneTerm, noneFilters, unavailable, count, kindFilter, yearFilter

let engine = null;
let results = [];
let shown = 0;
let latest = 0; // the number of the newest search: older answers are dropped

ui.hidden = false;

function pagefind() {
  if (!engine) {
    // Relative to this page, so the site works at any SITEURL and depth.
    const url = new URL(form.dataset.pagefind, document.baseURI).href;
    engine = import(url).then(async (module) => {
      await module.options({ excerptLength: 24, noWorker: true });
      await module.init();
      return module;
    });
  }
  return engine;
}

// A message of the page with its {name} placeholders filled in (a function replacement: no $ patterns).
function words(key, values = {}) {
  return WORDS[key].replace(/\{(\w+)\}/g, (hole, name) => (name in values ? String(values[name]) : hole));
}

function chosenFilters() {
  const chosen = {};
  for (const box of groups.querySelectorAll("input:checked")) {
    (chosen[box.name] = chosen[box.name] || []).push(box.value);
  }
  return chosen;
}

function unescaped(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

function marked(parent, excerpt) {
  // "a<mark>b</mark>c" -> text, <mark>text</mark>, text; nothing else is parsed.
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((part) => {
    const hit = /^<mark>(.*)<\/mark>$/s.exec(part);
    if (hit) {
      const mark = document.createElement("mark");
      mark.textContent = unescaped(hit[1]);
      parent.append(mark);
    } else if (part) {
      parent.append(document.createTextNode(unescaped(part)));
    }
  });
}

function item(data) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const heading = document.createElement("h2");
  heading.append(link);
  li.append(heading);
  const kind = [...(data.filters[WORDS.kindFilter] || []), ...(data.filters[WORDS.yearFilter] || [])].join(" · ");
  if (kind) {
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    meta.textContent = kind;
    li.append(meta);
  }
  const excerpt = document.createElement("p");
  marked(excerpt, data.excerpt);
  li.append(excerpt);
  return li;
}

async function showMore(number) {
  const next = results.slice(shown, shown + PAGE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (number !== latest) return;
  list.append(...data.map(item));
  shown += next.length;
  more.hidden = shown >= results.length;
}

function say(term, count) {
  const key = `${count ? "found" : "none"}${term ? "Term" : "Filters"}`;
  status.textContent = words(key, { count, term });
}

function remember(term) {
  const url = new URL(window.location.href);
  if (term) url.searchParams.set("q", term);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
}

async function run(debounced) {
  const number = ++latest;
  const term = field.value.trim();
  const filters = chosenFilters();
  remember(term);
  if (!term && !Object.keys(filters).length) {
    results = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  let api;
  try {
    api = await pagefind();
  } catch (error) {
    status.textContent = words("unavailable");
    engine = null; // the next search tries again
    throw error;
  }
  const query = term || null; // null: every page that passes the filters
  const answer = debounced
    ? await api.debouncedSearch(query, { filters }, DEBOUNCE)
    : await api.search(query, { filters });
  if (!answer || number !== latest) return;
  results = answer.results;
  shown = 0;
  list.replaceChildren();
  await showMore(number);
  if (number !== latest) return;
  say(term, results.length);
  if (groups.childElementCount) count(answer.filters);
}

function count(filters) {
  for (const box of groups.querySelectorAll("input")) {
    box.nextElementSibling.textContent = words("count", { count: filters[box.name]?.[box.value] ?? 0 });
  }
}

async function openFilters() {
  if (!pane.open || groups.childElementCount || groups.dataset.loading) return;
  groups.dataset.loading = "true";
  const all = await (await pagefind()).filters();
  const names = Object.keys(all).sort((a, b) => rank(a) - rank(b));
  for (const name of names) {
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = name;
    set.append(legend);
    for (const [value, total] of Object.entries(all[name])) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      const tally = document.createElement("span");
      tally.textContent = words("count", { count: total });
      label.append(box, value, tally);
      set.append(label);
    }
    groups.append(set);
  }
  delete groups.dataset.loading;
  pane.querySelector(".search-filters-loading").remove();
}

function rank(name) {
  const at = ORDER.indexOf(name);
  return at < 0 ? ORDER.length : at;
}

form.addEventListener("submit", (event) => {
  event.preventDefault(); // the same search without reloading the page (still a GET form without JS)
  run(false);
});
field.addEventListener("input", () => run(true));
field.addEventListener("focus", () => pagefind(), { once: true });
more.addEventListener("click", async () => {
  const first = shown;
  await showMore(latest);
  list.children[first]?.querySelector("a").focus(); // the button may be gone: go on from the new results
});
pane.addEventListener("toggle", openFilters);
groups.addEventListener("change", () => run(false));

const asked = new URLSearchParams(window.location.search).get("q");
if (asked) {
  field.value = asked;
  run(false);
}
