// The station list page: the place picker's cascade and the "离我最近" button at once; the map once the resident
// comes near it. On a phone the map is below the filters: Leaflet, its styles and the map's own code are fetched
// when the page is scrolled or the map's box comes into view (on a wide screen, at once), and then only when the
// page has loaded and is idle, so they never stand between a resident and the list. Without JavaScript the list
// works alone.
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  // Province → city → district: offer only the places inside the chosen one.
  function cascade() {
    var province = $('f-province'), city = $('f-city'), district = $('f-district');
    if (!province || !city || !district) return;
    function narrow() {
      var p = province.value, c = city.value;
      Array.prototype.forEach.call(city.options, function (o) {
        var hide = o.value !== '' && p !== '' && o.getAttribute('data-province') !== p;
        o.hidden = hide; o.disabled = hide;
      });
      if (city.selectedOptions[0] && city.selectedOptions[0].disabled) { city.value = ''; c = ''; }
      Array.prototype.forEach.call(district.options, function (o) {
        var hide = o.value !== '' && ((p !== '' && o.getAttribute('data-province') !== p) ||
          (c !== '' && o.getAttribute('data-city') !== c));
        o.hidden = hide; o.disabled = hide;
      });
      if (district.selectedOptions[0] && district.selectedOptions[0].disabled) district.value = '';
    }
    province.addEventListener('change', narrow);
    city.addEventListener('change', narrow);
    // nothing chosen: nothing to hide, and the page need not walk every option at start
    if (province.value !== '' || city.value !== '') narrow();
  }

  // "离我最近": the browser's position becomes ?near=, keeping the other filters.
  function locateMe() {
    var button = $('locate-me'), status = $('locate-status'), form = $('station-filters');
    if (!button || !navigator.geolocation) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      status.textContent = '正在获取您的位置……';
      navigator.geolocation.getCurrentPosition(function (pos) {
        var params = new URLSearchParams(new FormData(form));
        ['near', 'radius_km', 'province', 'city', 'district', 'page', 'from'].forEach(function (k) { params.delete(k); });
        // rounded to ~100 m (3 decimals) here, so a precise position never leaves the browser
        params.set('near', pos.coords.latitude.toFixed(3) + ',' + pos.coords.longitude.toFixed(3));
        Array.from(params.keys()).forEach(function (k) { if (params.get(k) === '') params.delete(k); });
        window.location.href = '/stations?' + params.toString() + '#results';
      }, function () {
        status.textContent = '没有获取到您的位置（可能未允许定位）。请在下方选择省份、城市和区县，再点“离所选地区最近”。';
        var province = $('f-province');
        if (province) province.focus();
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
    });
  }

  // Leaflet's styles go before the page's own stylesheet, so the page's rules still win over Leaflet's.
  function stylesheet(href) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement('link'), own = $('stations-css');
      link.rel = 'stylesheet';
      link.href = href;
      link.onload = resolve;
      link.onerror = reject;
      if (own) own.parentNode.insertBefore(link, own); else document.head.appendChild(link);
    });
  }

  // Fetched side by side, run in this order (async = false), each its own task.
  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.async = false;
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  // A task for the styles together (new rules restyle the whole page: once, not three times), then one for each
  // script, as each request the browser starts costs a few milliseconds of its own.
  function loadMap(box) {
    var steps = [
      function () {
        return ['data-leaflet-css', 'data-cluster-css', 'data-cluster-theme-css'].map(function (a) {
          return stylesheet(box.getAttribute(a));
        });
      }
    ].concat(['data-leaflet-js', 'data-cluster-js', 'data-map-js'].map(function (a) {
      return function () { return [script(box.getAttribute(a))]; };
    }));
    var loading = [];
    var requested = steps.reduce(function (previous, step) {
      return previous.then(function () {
        loading = loading.concat(step());
        return new Promise(function (resolve) { setTimeout(resolve, 0); });
      });
    }, Promise.resolve());
    return requested.then(function () { return Promise.all(loading); }).then(function () {
      return window.StationMap.show(box);
    }).catch(function () {
      dropMap(box);
      var status = $('locate-status');
      if (status) status.textContent = '地图加载失败，请使用下方的列表。';
    });
  }

  // The box keeps the map's place from the start (stations.css shows it before this runs where the browser can),
  // so nothing below it moves when the map comes.
  function showBox(box) {
    box.hidden = false;
    var legend = $('map-legend');
    if (legend) legend.hidden = false;
  }

  // No map after all: no empty box either.
  function dropMap(box) {
    var legend = $('map-legend');
    if (legend) legend.remove();
    box.remove();
  }

  // The first scroll, or the box in view, whichever comes first.
  function whenNear(box, fn) {
    var started = false, observer = null;
    function start() {
      if (started) return;
      started = true;
      window.removeEventListener('scroll', start);
      if (observer) observer.disconnect();
      fn();
    }
    window.addEventListener('scroll', start, { passive: true });
    if (window.IntersectionObserver) {
      observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) start();
      });
      observer.observe(box);
    } else {
      start();
    }
  }

  // elder-mode.js loads async and may not have run yet: its stored setting decides too
  function elderMode() {
    try { return document.documentElement.classList.contains('elder') || localStorage.getItem('portal.elder') === '1'; } catch (e) { return false; }
  }

  // 长辈版 starts with the list alone; the map is one button away.
  function offerMap(box) {
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'show-map';
    button.className = 'show-map secondary';
    button.textContent = '显示地图';
    button.addEventListener('click', function () { button.remove(); loadMap(box); });
    box.parentNode.insertBefore(button, box);
  }

  // After the page has loaded and the browser has a moment, never in the way of the first paint or a tap.
  function whenIdle(fn) {
    function idle() {
      if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 3000 }); else setTimeout(fn, 300);
    }
    if (document.readyState === 'complete') idle(); else window.addEventListener('load', idle, { once: true });
  }

  document.addEventListener('DOMContentLoaded', function () {
    cascade();
    locateMe();
    var box = $('station-map');
    if (!box) return;
    if (!window.Promise || !window.fetch) { dropMap(box); return; }
    if (elderMode()) { offerMap(box); return; }
    showBox(box);
    whenNear(box, function () { whenIdle(function () { loadMap(box); }); });
  });
})();
