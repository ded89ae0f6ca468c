(function () {
  'use strict';
  var q = document.getElementById('q');
  var status = document.getElementById('status');
  var type = document.getElementById('type');
  var severity = document.getElementById('severity');
  var shown = document.getElementById('shown');
  var none = document.getElementById('none');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tbody.finding'));

  function params() {
    var out = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      if (!pair) { return; }
      var eq = pair.indexOf('=');
      var key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      out[key] = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    });
    return out;
  }

  function apply() {
    var text = q.value.trim().toLowerCase();
    var wantStatus = status.value;
    var wantType = type.value;
    // severity ranks: 0 critical ... 4 info, 9 no drift; the select holds the least severe rank to show
    var wantRank = severity.value === '' ? 99 : Number(severity.value);
    var visible = 0;
    rows.forEach(function (row) {
      var match = (!wantStatus || row.dataset.status === wantStatus)
        && (!wantType || row.dataset.type === wantType)
        && Number(row.dataset.severity) <= wantRank
        && (!text || row.dataset.search.indexOf(text) >= 0);
      row.hidden = !match;
      if (match) { visible++; }
    });
    shown.textContent = visible === rows.length ? rows.length + ' findings' : visible + ' of ' + rows.length + ' findings';
    none.hidden = visible !== 0;
    // The filter lives in the URL hash, so a reload or a shared link shows the same view.
    var hash = [['q', q.value], ['status', wantStatus], ['type', wantType], ['severity', severity.value]]
      .filter(function (p) { return p[1]; })
      .map(function (p) { return p[0] + '=' + encodeURIComponent(p[1]); }).join('&');
    if (history.replaceState) { history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search); }
  }

  function choose(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.value = value; return; }
    }
  }

  var initial = params();
  if (initial.q) { q.value = initial.q; }
  if (initial.status) { choose(status, initial.status.toUpperCase()); }
  if (initial.type) { choose(type, initial.type); }
  if (initial.severity) { choose(severity, initial.severity); }
  q.addEventListener('input', apply);
  status.addEventListener('change', apply);
  type.addEventListener('change', apply);
  severity.addEventListener('change', apply);
  window.addEventListener('hashchange', function () {
    var p = params();
    q.value = p.q || '';
    choose(status, (p.status || '').toUpperCase());
    choose(type, p.type || '');
    choose(severity, p.severity || '');
    apply();
  });
  apply();
}());
