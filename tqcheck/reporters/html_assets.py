"""The HTML report's style sheet and its one small script (the filters), inlined in the page.

The filters also read and write the page's address (`#severity=error,warning&rule=ST001`), so
a filtered view can be shared as a link.
"""

from __future__ import annotations

CSS = """
:root{--error:#b00020;--warning:#9a6700;--info:#0969da;--ok:#1a7f37;--line:#e3e3e3}
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;color:#222;padding:1rem 1.5rem 3rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:2.2rem 0 .6rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.2rem 0 .4rem}code{font-size:.9em}
table{border-collapse:collapse}td,th{padding:.25rem .5rem;vertical-align:top;text-align:left}
thead th{border-bottom:1px solid #ccc;font-weight:600}tbody tr+tr td{border-top:1px solid #f0f0f0}
.meta,.pos{color:#666}.pos,.rule,.num{font-family:ui-monospace,monospace;white-space:nowrap}
.num{text-align:right}.sev{font-weight:600}
.sev-error .rule,.rule.sev-error,.sev.error{color:var(--error)}
.sev-warning .rule,.rule.sev-warning,.sev.warning{color:var(--warning)}
.sev-info .rule,.rule.sev-info,.sev.info{color:var(--info)}
.filters{position:sticky;top:0;background:#fafafa;border:1px solid var(--line);border-radius:6px;
 padding:.5rem .8rem;margin:1rem 0;z-index:2}
.filters fieldset{display:inline-block;border:0;margin:0 1.2rem 0 0;padding:0}
.filters legend{float:left;font-weight:600;margin-right:.5rem}.filters label{margin-right:.7rem;white-space:nowrap}
.files{columns:2 22rem;padding-left:1.2rem}.files .none{color:#888}
ol.findings{padding-left:0;list-style:none}
li.finding{padding:.45rem .6rem;border-left:3px solid #ccc;margin:.4rem 0;background:#fcfcfc}
li.finding.sev-error{border-color:var(--error)}li.finding.sev-warning{border-color:var(--warning)}
li.finding.sev-info{border-color:var(--info)}
.ctx{font-family:Georgia,serif;margin-top:.2rem;color:#333}
.fixable{color:var(--ok);font-weight:600}
mark{background:#ffe08a;padding:0 .1em;border-radius:2px}
del{color:var(--error);text-decoration:line-through;text-decoration-thickness:2px}
ins{color:var(--ok);text-decoration:none;background:#dafbe1;padding:0 .15em;border-radius:2px}
.doc-text{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.6;border:1px solid var(--line);
 border-radius:6px;padding:.8rem 1rem;background:#fff;overflow-wrap:anywhere}
mark.f.sev-error{background:#ffd7d5}mark.f.sev-info{background:#ddf4ff}.doc-text mark{padding:0;border-radius:0}
.doc-text mark.many{background:#ffb84d;font-weight:600}
.off{display:none}mark.f.dim{background:none}mark.f.dim del{color:inherit;text-decoration:none}
ins.f.dim{display:none}
.chart .bar{fill:#7fb77e}.chart .bar.flagged{fill:var(--error)}.chart .bar.gap{fill:#f4a09a;stroke:var(--error)}
.chart .axis{stroke:#999}.chart .threshold{stroke:#555;stroke-dasharray:4 3}
.chart .tick{font-size:10px;fill:#666}.chart a:hover .bar{opacity:.7}
.legend{font-size:12px;color:#555;margin:.1rem 0 .4rem}.legend i{display:inline-block;width:.8em;height:.8em;
 margin:0 .3em 0 .9em;vertical-align:-1px}.legend .ok{background:#7fb77e}.legend .flagged{background:var(--error)}
.legend .gap{background:#f4a09a;border:1px solid var(--error)}.legend .threshold{border-top:2px dashed #555;height:0}
table.pairs{width:100%;table-layout:fixed;margin-top:.5rem}table.pairs th:nth-child(1),
table.pairs th:nth-child(2){width:4rem}
tr.seg.flagged td{background:#fff1f0}tr.seg.flagged td:first-child{box-shadow:inset 3px 0 var(--error)}
.pairs td{font-family:Georgia,serif}.pairs td.num{font-family:ui-monospace,monospace}
mark.div{background:#ffcf8a;font-weight:600}.reasons{font:12px/1.3 system-ui,sans-serif;color:var(--error);
 white-space:normal;margin-top:.2rem}
.missing{color:#888;font-style:italic}.errors li{color:var(--error)}
.scored-by .model,.scored-by .mode{font-family:ui-monospace,monospace}
@media print{.filters{display:none}}
"""

JS = """
(function () {
  "use strict";
  var page = document.documentElement;
  function checked(kind) {
    var boxes = document.querySelectorAll("input[data-filter='" + kind + "']");
    var on = [];
    for (var i = 0; i < boxes.length; i++) { if (boxes[i].checked) { on.push(boxes[i].value); } }
    return {all: on.length === boxes.length, values: on};
  }
  function visible(el, severities, rules, fixableOnly) {
    return severities.values.indexOf(el.getAttribute("data-severity")) >= 0 &&
      rules.values.indexOf(el.getAttribute("data-rule")) >= 0 &&
      (!fixableOnly || el.getAttribute("data-fixable") === "1");
  }
  function apply() {
    var severities = checked("severity"), rules = checked("rule");
    var fixable = document.getElementById("fixable-only");
    var fixableOnly = !!(fixable && fixable.checked);
    var items = document.querySelectorAll("li.finding");
    for (var i = 0; i < items.length; i++) {
      items[i].classList.toggle("off", !visible(items[i], severities, rules, fixableOnly));
    }
    var marks = document.querySelectorAll(".doc-text .f");
    for (var j = 0; j < marks.length; j++) {
      marks[j].classList.toggle("dim", !visible(marks[j], severities, rules, fixableOnly));
    }
    var docs = document.querySelectorAll("section.doc");
    for (var k = 0; k < docs.length; k++) {
      var shown = docs[k].querySelectorAll("li.finding:not(.off)").length;
      var count = docs[k].querySelector(".shown-count");
      if (count) { count.textContent = String(shown); }
    }
    var state = [];
    if (!severities.all) { state.push("severity=" + severities.values.join(",")); }
    if (!rules.all) { state.push("rule=" + rules.values.join(",")); }
    if (fixableOnly) { state.push("fixable=1"); }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", state.length ? "#" + state.join("&") : window.location.pathname);
    }
    page.setAttribute("data-filtered", state.join("&"));
  }
  function onlyFlagged(box) {
    var table = document.querySelector("#" + box.getAttribute("data-flagged-only") + "-drift table.pairs");
    if (!table) { return; }
    var rows = table.querySelectorAll("tr.seg");
    for (var i = 0; i < rows.length; i++) {
      rows[i].classList.toggle("off", box.checked && !rows[i].classList.contains("flagged"));
    }
  }
  function restore() {
    var hash = window.location.hash.replace(/^#/, "");
    if (!hash || hash.indexOf("=") < 0) { return; }
    var parts = hash.split("&");
    for (var i = 0; i < parts.length; i++) {
      var pair = parts[i].split("="), key = decodeURIComponent(pair[0]);
      var values = decodeURIComponent(pair[1] || "").split(",");
      if (key === "fixable") {
        var fixable = document.getElementById("fixable-only");
        if (fixable) { fixable.checked = values[0] === "1"; }
        continue;
      }
      var boxes = document.querySelectorAll("input[data-filter='" + key + "']");
      for (var j = 0; j < boxes.length; j++) { boxes[j].checked = values.indexOf(boxes[j].value) >= 0; }
    }
  }
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.hasAttribute("data-flagged-only")) { onlyFlagged(target); } else { apply(); }
  });
  var all = document.querySelectorAll("button[data-select]");
  for (var i = 0; i < all.length; i++) {
    all[i].addEventListener("click", function (event) {
      var kind = event.target.getAttribute("data-select"), value = event.target.getAttribute("data-value") === "1";
      var boxes = document.querySelectorAll("input[data-filter='" + kind + "']");
      for (var j = 0; j < boxes.length; j++) { boxes[j].checked = value; }
      apply();
    });
  }
  window.addEventListener("hashchange", function () { restore(); apply(); });
  restore();
  apply();
  page.setAttribute("data-ready", "1");
})();
"""
