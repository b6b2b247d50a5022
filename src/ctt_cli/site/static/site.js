// ctt site: sorting and filtering of the city table. The page is complete without this script.
(function () {
  "use strict";
  var table = document.getElementById("city");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
    if (type === "num") { return raw === "" ? null : parseFloat(raw); }
    return raw;
  }

  function sortBy(index) {
    var th = headers[index];
    var type = th.getAttribute("data-type") || "text";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = cellValue(a, index, type), y = cellValue(b, index, type);
      if (x === null && y === null) { return 0; }
      if (x === null) { return 1; }   // empty cells last, whatever the direction
      if (y === null) { return -1; }
      var c = type === "num" ? x - y : collator.compare(x, y);
      return c * dir;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  }

  headers.forEach(function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(index); });
  });

  var form = document.getElementById("filters");
  var name = document.getElementById("f-name");
  var kind = document.getElementById("f-kind");
  var state = document.getElementById("f-state");
  var count = document.getElementById("f-count");

  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase(); }

  function applyFilter() {
    var q = fold(name.value.trim()), k = kind.value, s = state.value, shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || fold(r.getAttribute("data-name")).indexOf(q) !== -1) &&
        (!k || r.getAttribute("data-kind") === k) && (!s || r.getAttribute("data-state") === s);
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = "Đang hiện " + shown + "/" + rows.length + " đơn vị";
  }

  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  [name, kind, state].forEach(function (el) {
    el.addEventListener("input", applyFilter);
    el.addEventListener("change", applyFilter);
  });
  applyFilter();
}());
