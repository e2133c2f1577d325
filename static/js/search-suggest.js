// Search-as-you-type for the search box: progressive enhancement only. Without this script the form
// submits to /search as usual. Suggestions are inserted as text (textContent), never as markup.
(function () {
  var input = document.getElementById('site-search');
  if (!input || !window.fetch) return;
  var list = document.createElement('ul');
  list.id = 'site-search-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-autocomplete', 'list');
  input.parentNode.appendChild(list);
  var timer = null;
  var latest = 0;
  var active = -1;

  function clear() { list.hidden = true; list.textContent = ''; active = -1; }

  function show(items) {
    list.textContent = '';
    active = -1;
    items.forEach(function (s, i) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = 'suggestion-' + i;
      var a = document.createElement('a');
      a.href = s.url;
      a.textContent = s.text;
      if (s.type === 'station') a.className = 'suggest-station';
      if (s.type === 'region') a.className = 'suggest-region';
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
  }

  function load() {
    var q = input.value.trim();
    if (!q || q.length > 200) { clear(); return; }
    var ticket = ++latest;
    fetch('/api/suggest?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (body) { if (ticket === latest) show(body.suggestions || []); })
      .catch(clear);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  });
  input.addEventListener('keydown', function (e) {
    var items = list.querySelectorAll('li');
    if (list.hidden || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach(function (li, i) { li.setAttribute('aria-selected', String(i === active)); });
      input.setAttribute('aria-activedescendant', items[active].id);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      window.location.href = items[active].querySelector('a').href;
    } else if (e.key === 'Escape') {
      clear();
    }
  });
  document.addEventListener('click', function (e) { if (e.target !== input && !list.contains(e.target)) clear(); });
})();
