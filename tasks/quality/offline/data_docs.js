/* qualbridge: the small part of jQuery and bootstrap-table that GX Data Docs pages call, so
   they render with no network. Tables are drawn once, plain; filters and paging are left out. */
(function () {
  function Q(sel, ctx) {
    if (!(this instanceof Q)) return new Q(sel, ctx);
    if (typeof sel === "function") { Q(document).ready(sel); this.els = []; return; }
    if (typeof sel === "string") this.els = Array.from((ctx || document).querySelectorAll(sel));
    else if (sel && sel.els) this.els = sel.els;
    else this.els = sel ? [sel] : [];
    this.length = this.els.length;
  }
  var each = function (q, fn) { q.els.forEach(fn); return q; };
  var cellHtml = function (value) { return value === undefined || value === null ? "" : String(value); };
  function drawTable(table, opts) {
    var columns = (opts.columns || []).filter(function (c) { return c.visible !== "false"; });
    var thead = "<thead><tr>" + columns.map(function (c) {
      return "<th>" + cellHtml(c.title) + "</th>";
    }).join("") + "</tr></thead>";
    var attrs = typeof window[opts.rowAttributes] === "function" ? window[opts.rowAttributes] : null;
    var rows = (opts.data || []).map(function (row, i) {
      var a = attrs ? attrs(row, i) : {};
      var html = Object.keys(a).map(function (k) {
        return k + '="' + String(a[k] === undefined ? "" : a[k]).replace(/"/g, "&quot;") + '"';
      }).join(" ");
      return "<tr " + html + ">" + columns.map(function (c) {
        return "<td>" + cellHtml(row[c.field]) + "</td>";
      }).join("") + "</tr>";
    }).join("");
    table.innerHTML = thead + "<tbody>" + rows + "</tbody>";
    table.classList.add("table");
    table.querySelectorAll("tr[data-href]").forEach(function (tr) {
      tr.addEventListener("click", function () { window.location = tr.getAttribute("data-href"); });
    });
  }
  Q.prototype = {
    bootstrapTable: function (opts) {
      return typeof opts === "object" ? each(this, function (t) { drawTable(t, opts); }) : this;
    },
    ready: function (fn) {
      if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
      return this;
    },
    on: function (event, fn) {
      var name = String(event).split(".")[0];
      return typeof fn === "function" ? each(this, function (e) { e.addEventListener(name, fn); }) : this;
    },
    each: function (fn) { this.els.forEach(function (e, i) { fn.call(e, i, e); }); return this; },
    parent: function () { return Q(this.els.map(function (e) { return e.parentElement; }).filter(Boolean)); },
    prepend: function (html) { return each(this, function (e) { e.insertAdjacentHTML("afterbegin", html); }); },
    fadeIn: function () { return each(this, function (e) { e.style.display = ""; }); },
    fadeOut: function () { return each(this, function (e) { e.style.display = "none"; }); },
    show: function () { return this.fadeIn(); },
    hide: function () { return this.fadeOut(); },
    addClass: function (c) { return each(this, function (e) { e.classList.add(c); }); },
    removeClass: function (c) { return each(this, function (e) { e.classList.remove(c); }); },
    modal: function () { return this; },
    tooltip: function () { return this; },
    popover: function () { return this; },
    collapse: function () { return this; },
    tab: function () { return this; }
  };
  Q.fn = Q.prototype;
  window.$ = window.jQuery = Q;
})();
