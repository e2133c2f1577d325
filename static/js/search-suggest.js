// Suggestions for the header search box on every page: progressive enhancement only. Without this script, or
// when fetch is missing or /api/suggest fails, the form submits to /search as usual. The input becomes an ARIA
// combobox controlling a listbox; ↑/↓ move through the options, Enter opens the chosen one, Escape closes.
// Suggestions are inserted as text (textContent), never as markup.
(function () {
  var input = document.getElementById('site-search');
  if (!input || !window.fetch || !input.parentNode) return;
  var list = document.createElement('ul');
  list.id = 'site-search-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', '搜索建议');
  list.hidden = true;
  var status = document.createElement('p');
  status.className = 'suggest-status';
  status.setAttribute('role', 'status');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.parentNode.appendChild(list);
  input.parentNode.appendChild(status);
  var timer = null;
  var latest = 0;
  var active = -1;

  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) input.removeAttribute('aria-activedescendant');
  }

  function clear() {
    latest++; // an answer still on its way must not reopen the list
    setOpen(false);
    list.textContent = '';
    active = -1;
  }

  function show(items) {
    list.textContent = '';
    active = -1;
    items.forEach(function (s, i) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.id = 'suggestion-' + i;
      var a = document.createElement('a');
      a.href = s.url;
      a.tabIndex = -1;
      a.textContent = s.text;
      if (s.type === 'station') a.className = 'suggest-station';
      if (s.type === 'region') a.className = 'suggest-region';
      li.appendChild(a);
      list.appendChild(li);
    });
    setOpen(items.length > 0);
    status.textContent = items.length ? items.length + ' 条建议，可用上下方向键选择' : '';
  }

  function load() {
    var q = input.value.trim();
    if (!q || q.length > 200) { clear(); return; }
    var ticket = ++latest;
    fetch('/api/suggest?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (body) { if (ticket === latest) show(body.suggestions || []); })
      .catch(function () { if (ticket === latest) clear(); });
  }

  function move(step) {
    var items = list.querySelectorAll('li');
    active = (active + step + items.length) % items.length;
    for (var i = 0; i < items.length; i++) items[i].setAttribute('aria-selected', String(i === active));
    input.setAttribute('aria-activedescendant', items[active].id);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  });
  input.addEventListener('keydown', function (e) {
    var items = list.querySelectorAll('li');
    if (e.key === 'Escape') {
      if (!list.hidden) { e.preventDefault(); clear(); }
      return;
    }
    if (list.hidden || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      window.location.href = items[active].querySelector('a').href;
    }
  });
  input.addEventListener('blur', function () {
    // after a click on an option has had its chance to follow the link
    setTimeout(function () { if (document.activeElement !== input) clear(); }, 200);
  });
  document.addEventListener('click', function (e) {
    if (e.target !== input && !list.contains(e.target)) clear();
  });
})();
