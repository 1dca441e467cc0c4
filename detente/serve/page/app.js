// The detente page: a dyad's chart, ledger and events; an event's reports and links; coding a pasted text.
// Every piece of text from the server is set with textContent or text nodes, never parsed as HTML: article text cannot inject markup.
"use strict";

const view = () => document.getElementById("view");

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ? body.error.message : `${response.status} ${response.statusText}`);
  return body;
}

function showError(error) {
  view().replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
}

function table(headers, rows, onClick) {
  const head = el("tr", {}, ...headers.map((h) => el("th", {}, h)));
  const body = rows.map((row) => {
    const tr = el("tr", onClick ? { class: "clickable", tabindex: "0" } : {}, ...row.cells.map((c) => el("td", {}, c)));
    if (onClick) {
      tr.addEventListener("click", () => onClick(row));
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter") onClick(row); });
    }
    return tr;
  });
  return el("table", {}, el("thead", {}, head), el("tbody", {}, ...body));
}

function sizeText(size) { return size ? `${size.count} ${size.unit}` : ""; }
// A confidence (0-1) as the tables of the command line show it: two decimals, or – when unknown.
function confidenceText(value) { return value === null || value === undefined ? "–" : Number(value).toFixed(2); }
function who(actors, recipients) { return `${actors || "?"} → ${recipients || "?"}`; }

// A sentence with its highlights (trigger, actor, recipient) as <mark> elements around text nodes.
function highlighted(text, marks) {
  const out = el("span", { class: "sentence" });
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;  // overlapping marks: the first wins
    out.append(document.createTextNode(text.slice(at, mark.start)));
    out.append(el("mark", { class: mark.role, title: mark.role }, text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  out.append(document.createTextNode(text.slice(at)));
  return out;
}

// -- dyads ----------------------------------------------------------------------------------------

async function loadDyads() {
  const picker = document.getElementById("dyad-picker");
  const { items } = await getJSON("/api/dyads");
  for (const item of items) {
    const value = item.dyad.join("-");
    picker.append(el("option", { value }, `${item.dyad.join("–")} (${item.events} events)`));
  }
  picker.addEventListener("change", () => { if (picker.value) location.hash = `#/dyad/${picker.value}`; });
  return items;
}

// The dyad's window (since, until), statuses and minimum confidence apply to the chart, the series, the ledger
// and the events alike.
function dyadQuery(query) {
  const out = new URLSearchParams();
  for (const name of ["period", "status", "since", "until", "min_confidence"]) if (query[name]) out.set(name, query[name]);
  return out;
}

// The filter of the events table: the dyad, the window, the statuses and the minimum confidence chosen above it.
function eventFilter(pair, chosen) {
  const filter = { dyad: pair, sort: "-date", status: chosen.status };
  for (const name of ["since", "until", "min_confidence"]) if (chosen[name]) filter[name] = chosen[name];
  return filter;
}

async function showDyad(pair, query = {}) {
  const [first, second] = pair.split("-");
  document.getElementById("dyad-picker").value = pair;
  const chosen = { period: query.period || "week", status: query.status || "done", since: query.since || "",
    until: query.until || "", min_confidence: query.min_confidence || "" };
  const root = el("section", { id: "dyad" }, el("h1", {}, `${first} – ${second}`));
  view().replaceChildren(root);
  root.append(dyadFilters(pair, chosen));
  const shown = dyadQuery(chosen);
  const path = `/api/dyads/${encodeURIComponent(first)}/${encodeURIComponent(second)}`;
  root.append(el("img", { class: "chart", id: "chart",
    alt: `Escalation of ${first}–${second} with linked events marked`, src: `${path}/plot.svg?${shown}` }));
  const sure = chosen.min_confidence ? `?${new URLSearchParams({ min_confidence: chosen.min_confidence })}` : "";
  const [series, parity] = await Promise.all([getJSON(`${path}/series?${shown}`), getJSON(`${path}/parity${sure}`)]);
  root.append(el("h2", {}, "Reciprocity"));
  root.append(table(["acts of", "answered by", "hostile acts", "answered", "in kind", "median lag (days)", "proportionality"],
    series.reciprocity.map((r) => ({ cells: [r.actor, r.recipient, r.hostile, r.answered, r.answered_in_kind,
      r.median_lag_days ?? "–", r.proportionality ?? "–"] }))));
  root.append(el("h2", {}, "Parity ledger"));
  root.append(parity.entries.length ? table(["event", "date", "presence of", "measure", "number", "outlets", "evidence"],
    parity.entries.map((e) => ({ id: e.number, cells: [e.number, e.date || "?", `${e.side} in ${e.host}`, e.measure,
      `${e.count} ${e.unit}`, e.sources.join(", "), e.evidence] })), (row) => { location.hash = `#/event/${row.id}`; })
    : el("p", { class: "muted" }, "No numbers stated for the two sides' presence."));
  root.append(el("h2", {}, "Events"), el("p", { class: "muted" },
    "Each real-world event once, merged from its reports (one report per outlet's article)."));
  const tableBox = el("div", { id: "events" });
  root.append(eventFilters(pair, chosen, tableBox), tableBox);
  await showEvents(tableBox, eventFilter(pair, chosen), 0);
}

// Period, statuses and the window: a change redraws the chart and the tables (through the address).
function dyadFilters(pair, chosen) {
  const period = el("select", { name: "period", "aria-label": "period" },
    ...["day", "week", "month"].map((p) => el("option", p === chosen.period ? { value: p, selected: "" } : { value: p }, p)));
  const status = el("select", { name: "status", "aria-label": "status" },
    ...[["done", "actual and planned"], ["all", "all statuses"]].map(([value, label]) =>
      el("option", value === chosen.status ? { value, selected: "" } : { value }, label)));
  const since = el("input", { type: "date", name: "since", "aria-label": "since", value: chosen.since });
  const until = el("input", { type: "date", name: "until", "aria-label": "until", value: chosen.until });
  // Precision on demand: only events at least this likely right (0 or empty: all, those without a confidence too).
  const sure = el("input", { type: "number", name: "min_confidence", "aria-label": "minimum confidence", min: "0",
    max: "1", step: "0.05", placeholder: "any", value: chosen.min_confidence });
  const apply = () => {
    if (!sure.checkValidity()) { sure.reportValidity(); return; }
    const next = dyadQuery({ period: period.value, status: status.value, since: since.value, until: until.value,
      min_confidence: sure.value });
    location.hash = `#/dyad/${pair}?${next}`;
  };
  for (const input of [period, status, since, until, sure]) input.addEventListener("change", apply);
  return el("div", { class: "filters", id: "window" }, el("label", {}, "period", period), el("label", {}, "status", status),
    el("label", {}, "since", since), el("label", {}, "until", until), el("label", {}, "confidence at least", sure));
}

function eventFilters(pair, chosen, box) {
  const type = el("select", { name: "type", "aria-label": "event type" }, el("option", { value: "" }, "all types"),
    ...["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
      "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"].map((t) => el("option", { value: t }, t)));
  const apply = () => {
    const filter = eventFilter(pair, chosen);
    if (type.value) filter.type = type.value;
    showEvents(box, filter, 0).catch(showError);
  };
  type.addEventListener("change", apply);
  return el("div", { class: "filters" }, el("label", {}, "type", type));
}

async function showEvents(box, filter, offset, limit = 25) {
  const query = new URLSearchParams({ ...filter, limit, offset });
  const page = await getJSON(`/api/events?${query}`);
  const rows = page.items.map((e) => ({ id: e.number, cells: [e.number, e.date || "?", who(e.actors, e.recipients),
    `${e.event} ${e.cameo}`, sizeText(e.size), confidenceText(e.confidence), e.mentions, e.sources,
    e.independent_sources ?? "–", e.answers ? "yes" : "", e.trigger] }));
  const previous = el("button", { type: "button" }, "← previous");
  const next = el("button", { type: "button" }, "next →");
  previous.disabled = offset === 0;
  next.disabled = offset + limit >= page.total;
  previous.addEventListener("click", () => showEvents(box, filter, Math.max(0, offset - limit), limit));
  next.addEventListener("click", () => showEvents(box, filter, offset + limit, limit));
  const shown = page.total ? `${offset + 1}–${Math.min(offset + limit, page.total)} of ${page.total} events` : "no events";
  box.replaceChildren(
    table(["no.", "date", "who", "type", "size", "confidence", "reports", "outlets", "independent outlets", "answers",
      "trigger"], rows,
      (row) => { location.hash = `#/event/${row.id}`; }),
    el("div", { class: "pager" }, previous, el("span", { class: "muted" }, shown), next));
}

// -- one event --------------------------------------------------------------------------------------

function linkList(id, links, empty) {
  if (!links.length) return el("p", { id, class: "muted" }, empty);
  return el("ul", { id }, ...links.map((link) => {
    const s = link.summary;
    const label = s ? `${s.number}. ${s.date || "?"} ${who(s.actors, s.recipients)} ${s.event} ${s.cameo}` : link.event;
    const kind = link.type === "responds_to" ? "stated" : "inferred";
    return el("li", { class: "link" }, el("span", { class: `badge ${kind}`, title: "how likely the link is right" },
      `${kind} ${link.score.toFixed(2)}`), " ",
    el("a", { href: `#/event/${link.number ?? link.event}` }, label), link.cue ? el("span", { class: "muted" }, ` — “${link.cue}”`) : null,
    link.evidence ? el("div", { class: "muted" }, link.evidence) : null);
  }));
}

// Links scored below the link threshold are left out unless the box "all links" is ticked.
async function showEvent(reference, query = {}) {
  const everyLink = query.all_links === "true";
  const e = await getJSON(`/api/events/${encodeURIComponent(reference)}${everyLink ? "?all_links=true" : ""}`);
  const allLinks = el("input", { type: "checkbox", id: "all-links", "aria-label": "all links" });
  allLinks.checked = everyLink;
  allLinks.addEventListener("change", () => {
    location.hash = `#/event/${encodeURIComponent(reference)}${allLinks.checked ? "?all_links=true" : ""}`;
  });
  const actors = e.actor.map((a) => a.country).filter(Boolean).join("+");
  const recipients = e.recipient.map((a) => a.country).filter(Boolean).join("+");
  const root = el("section", { id: "event" },
    el("h1", {}, `Event ${e.number}. ${who(actors, recipients)} ${e.event} ${e.cameo}${e.mode ? " (" + e.mode + ")" : ""}`),
    el("p", {}, `${e.date || "date unknown"} · ${e.mentions.length} reports · ${e.sources.length} outlets · ${e.status}`
      + (e.size ? ` · ${sizeText(e.size)}` : "")),
    el("p", { id: "confidence" }, `confidence ${confidenceText(e.confidence)} · `
      + `${e.corroboration.independent_sources} independent ${e.corroboration.independent_sources === 1 ? "outlet" : "outlets"}`),
    el("p", { class: "legend muted" }, "Highlighted: ", el("mark", { class: "trigger" }, "what was done"), " ",
      el("mark", { class: "actor" }, "who did it"), " ", el("mark", { class: "recipient" }, "to whom")));
  root.append(el("label", { class: "filters" }, allLinks, " all links (also those scored below the threshold)"));
  root.append(el("h2", {}, "What it answers"), linkList("causes", e.links, "No link says what this event answers."));
  root.append(el("h2", {}, "Answered by"), linkList("answers", e.answered_by, "No answer to this event is known."));
  root.append(el("h2", {}, "Reports"), el("p", { class: "muted" }, "Each outlet's account of this event."));
  const why = Object.fromEntries(e.corroboration.reports.map((r) => [r.report, r]));
  for (const m of e.mentions) {
    const copy = why[m.report] && why[m.report].copy_of ? ` · copy of r${why[m.report].copy_of}` : "";
    root.append(el("div", { class: "report" },
      el("div", { class: "meta" }, `r${m.report} · ${m.source || m.doc_id} · published ${m.published || "?"} · date given ${m.date || "?"}`
        + ` (${m.date_source})` + (m.size ? ` · ${sizeText(m.size)}` : "") + ` · confidence ${confidenceText(m.confidence)}` + copy),
      highlighted(m.text, m.highlights)));
  }
  root.append(el("h2", {}, "Why this confidence"), el("p", { class: "muted" },
    "Copies of one story (sentences sharing most of their words) count as one source; each source counts with its best report."),
  el("ul", { id: "sources" }, ...e.corroboration.sources.map((s) => el("li", {},
    `${s.outlets.join(", ")}: ` + (s.counted ? `r${s.counted}, ${confidenceText(s.confidence)}` : "no confidence")))),
  el("p", { id: "combined" }, e.corroboration.noisy_or === null ? "No report has a confidence." :
    `combined (noisy-or) ${confidenceText(e.corroboration.noisy_or)}`
    + e.corroboration.disagreements.map((what) => ` × ${e.corroboration.factor} (the reports disagree on ${what})`).join("")
    + ` → ${confidenceText(e.corroboration.confidence)}`));
  const disagreements = Object.entries(e.disagreements || {});
  if (disagreements.length) {
    root.append(el("h2", {}, "Where the reports disagree"), el("ul", {}, ...disagreements.map(([what, values]) =>
      el("li", {}, `${what}: ` + values.map((v) => `${v.value} (${(v.sources.length ? v.sources : v.doc_ids).join(", ")})`).join("; ")))));
  }
  view().replaceChildren(root);
}

// -- coding a text ----------------------------------------------------------------------------------

function showCoder() {
  const text = el("textarea", { id: "article", "aria-label": "article text", placeholder: "Paste an article (text or HTML)…" });
  const file = el("input", { type: "file", accept: ".txt,.html,.htm,.md", "aria-label": "upload an article" });
  const day = el("input", { type: "date", "aria-label": "publication date" });
  const source = el("input", { type: "text", "aria-label": "outlet", placeholder: "outlet" });
  const results = el("div", { id: "results" });
  file.addEventListener("change", () => {
    const chosen = file.files[0];
    if (!chosen) return;
    const reader = new FileReader();
    reader.addEventListener("load", () => { text.value = String(reader.result); });
    reader.readAsText(chosen);
  });
  const run = el("button", { type: "button", id: "code-button" }, "Find events");
  run.addEventListener("click", async () => {
    results.replaceChildren(el("p", { class: "muted" }, "Coding…"));
    try {
      const body = { text: text.value };
      if (day.value) body.date = day.value;
      if (source.value) body.source = source.value;
      const found = await getJSON("/api/code", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body) });
      results.replaceChildren(found.events.length ? table(["date", "who", "event", "status", "size", "sentence"],
        found.events.map((e) => {
          const start = e.span[0];
          const marks = [{ start: e.trigger_span[0] - start, end: e.trigger_span[1] - start, role: "trigger" }];
          return { cells: [e.date || "?", who(e.actor.map((a) => a.country).join("+"), e.recipient.map((a) => a.country).join("+")),
            `${e.event} ${e.cameo}`, e.status, sizeText(e.size), highlighted(e.text, marks)] };
        })) : el("p", { class: "muted" }, "No events found."));
    } catch (error) {
      results.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
    }
  });
  view().replaceChildren(el("section", { id: "coder" }, el("h1", {}, "Code an article"),
    el("p", { class: "muted" }, "Nothing is stored: the events are shown here only."),
    text, el("div", { class: "filters" }, el("label", {}, "or upload", file), el("label", {}, "published", day),
      el("label", {}, "outlet", source), run), results));
}

// -- routing ----------------------------------------------------------------------------------------

function showHome(dyads) {
  view().replaceChildren(el("section", {}, el("h1", {}, "Pairs of countries"),
    dyads.length ? table(["dyad", "events", "by direction"], dyads.map((d) => ({ pair: d.dyad.join("-"),
      cells: [d.dyad.join("–"), d.events, Object.entries(d.directions).map(([k, v]) => `${k}: ${v}`).join(", ")] })),
    (row) => { location.hash = `#/dyad/${row.pair}`; }) : el("p", { class: "muted" }, "The store has no events yet.")));
}

let dyadList = [];

async function route() {
  const [path, search] = location.hash.replace(/^#/, "").split("?");
  const query = Object.fromEntries(new URLSearchParams(search || ""));
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "dyad" && parts[1]) await showDyad(parts[1], query);
    else if (parts[0] === "event" && parts[1]) await showEvent(parts[1], query);
    else if (parts[0] === "code") showCoder();
    else showHome(dyadList);
  } catch (error) {
    showError(error);
  }
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", async () => {
  try {
    dyadList = await loadDyads();
  } catch (error) {
    showError(error);
    return;
  }
  await route();
});
