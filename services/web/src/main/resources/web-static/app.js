// Progressive enhancement only: every page works without this file. It adds search suggestions to the search box
// from /search/suggest (same origin), built with textContent so no server text is ever parsed as HTML.
(function () {
  var input = document.querySelector('input[data-suggest]');
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute('aria-controls'));
  var timer = null, latest = 0;
  function close() { list.hidden = true; list.replaceChildren(); }
  function show(suggestions) {
    list.replaceChildren();
    suggestions.forEach(function (s) {
      var li = document.createElement('li'), a = document.createElement('a'), kind = document.createElement('small');
      li.setAttribute('role', 'option');
      a.href = s.url; a.textContent = s.label; kind.textContent = s.kind;
      a.appendChild(kind); li.appendChild(a); list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(function () {
      var mine = ++latest;
      fetch(input.dataset.suggest + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) { if (mine === latest) show(body.suggestions || []); })
        .catch(close);
    }, 150);
  });
  input.addEventListener('keydown', function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a'));
    var at = links.indexOf(document.activeElement);
    if (e.key === 'Escape') close();
    if (e.key === 'ArrowDown' && links.length) { e.preventDefault(); links[0].focus(); }
  });
  list.addEventListener('keydown', function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a'));
    var at = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && at < links.length - 1) { e.preventDefault(); links[at + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (e.key === 'Escape') { close(); input.focus(); }
  });
  document.addEventListener('click', function (e) { if (!list.contains(e.target) && e.target !== input) close(); });
})();
