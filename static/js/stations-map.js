// The service map as an enhancement of the server-rendered list: the place picker's cascade, the
// "离我最近" button, and a Leaflet map with clustered markers. Without JavaScript the list works alone.
(function () {
  'use strict';
  var PAGE = 1000;

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
    narrow();
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

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  // Built from DOM nodes with textContent, never from HTML strings: names come from editors.
  function popup(p) {
    var box = el('div', 'map-popup');
    var link = el('a', 'map-popup-name', p.name);
    link.href = '/stations/' + encodeURIComponent(p.slug);
    box.appendChild(link);
    box.appendChild(el('p', 'muted', p.kind_label || p.kind));
    if (p.phone) {
      var line = el('p', null, '电话：');
      var tel = el('a', null, p.phone);
      tel.href = 'tel:' + p.phone;
      line.appendChild(tel);
      box.appendChild(line);
    }
    if (p.location_precision && p.location_precision !== 'exact') box.appendChild(el('p', 'muted', '位置为大致位置'));
    return box;
  }

  function marker(f) {
    var p = f.properties, c = f.geometry.coordinates;
    var m = L.marker([c[1], c[0]], {
      icon: L.divIcon({ className: 'station-marker kind-' + p.kind, html: '<span></span>', iconSize: [22, 22] }),
      title: p.name + '（' + (p.kind_label || p.kind) + '）', alt: p.name, keyboard: true
    });
    m.bindPopup(function () { return popup(p); });
    return m;
  }

  // After the page has settled, never in the way of the first paint or the markers.
  function whenIdle(fn) {
    if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 2000 }); else setTimeout(fn, 200);
  }

  function outline(map) {
    if (map._outlineAdded) return;
    map._outlineAdded = true;
    var url = $('station-map').getAttribute('data-outline');
    whenIdle(function () {
      fetch(url).then(function (r) { return r.json(); }).then(function (geo) {
        L.geoJSON(geo, {
          interactive: false, attribution: '省界轮廓：Apache ECharts（示意，非权威边界）',
          style: { color: '#5b6b7b', weight: 1, fillColor: '#f7f4ec', fillOpacity: 1, className: 'province-outline' }
        }).addTo(map).bringToBack();
      });
    });
  }

  // Markers are made and handed to the cluster a slice at a time, each slice its own short task.
  function addInChunks(features, cluster, bounds) {
    var CHUNK = 200;
    return new Promise(function (resolve) {
      var i = 0;
      (function next() {
        var batch = features.slice(i, i + CHUNK).filter(function (f) { return f.geometry; }).map(marker);
        cluster.addLayers(batch);
        batch.forEach(function (m) { bounds.extend(m.getLatLng()); });
        i += CHUNK;
        if (i < features.length) setTimeout(next, 0); else resolve();
      })();
    });
  }

  function loadMarkers(map, box, cluster, offset, bounds) {
    var api = box.getAttribute('data-api');
    var url = api + (api.indexOf('?') === api.length - 1 ? '' : '&') + 'limit=' + PAGE + '&offset=' + offset;
    return fetch(url, { headers: { Accept: 'application/geo+json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        return addInChunks(data.features, cluster, bounds).then(function () {
          var loaded = offset + data.features.length;
          box.setAttribute('data-loaded', String(cluster.getLayers().length));
          if (loaded < data.total && data.features.length > 0 && loaded < 100 * PAGE) {
            return loadMarkers(map, box, cluster, loaded, bounds);
          }
          return bounds;
        });
      });
  }

  // elder-mode.js loads async and may not have run yet: its stored setting decides too
  function elderMode() {
    try { return document.documentElement.classList.contains('elder') || localStorage.getItem('portal.elder') === '1'; } catch (e) { return false; }
  }

  // 长辈版 starts with the list alone; the map is one button away.
  function offerMap(box) {
    var button = el('button', 'show-map secondary', '显示地图');
    button.type = 'button';
    button.id = 'show-map';
    button.addEventListener('click', function () { button.remove(); showMap(true); });
    box.parentNode.insertBefore(button, box);
  }

  function showMap(asked) {
    var box = $('station-map');
    if (!box || !window.L || !L.markerClusterGroup) return;
    if (!asked && elderMode()) { offerMap(box); return; }
    box.hidden = false;
    var legend = $('map-legend');
    if (legend) legend.hidden = false;
    // Leaflet measures its box: let the browser lay the shown box out in its own frame first (no forced reflow)
    requestAnimationFrame(function () { setTimeout(function () { initMap(box); }, 0); });
  }

  function initMap(box) {
    var map = L.map(box, { keyboard: true, attributionControl: true, zoomControl: false, minZoom: 3, maxZoom: 18 });
    L.control.zoom({ zoomInTitle: '放大', zoomOutTitle: '缩小' }).addTo(map);
    map.attributionControl.setPrefix('地图库 Leaflet');
    map.fitBounds([[18, 73], [54, 135]]);
    var tiles = box.getAttribute('data-tiles');
    if (tiles) {
      var layer = L.tileLayer(tiles, { attribution: box.getAttribute('data-attribution') || '', maxZoom: 18 });
      layer.on('tileerror', function () { outline(map); });
      layer.addTo(map);
    } else {
      outline(map);
    }
    var cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 60 });
    map.addLayer(cluster);
    var near = box.getAttribute('data-near');
    loadMarkers(map, box, cluster, 0, L.latLngBounds([])).then(function (bounds) {
      if (near) {
        var at = near.split(',').map(Number);
        L.circleMarker(at, { radius: 7, color: '#1b1f23', weight: 3, fillColor: '#f0a500', fillOpacity: 1 })
          .bindTooltip('查找的位置').addTo(map);
        if (bounds.isValid()) bounds.extend(at); else bounds = L.latLngBounds([at, at]);
      }
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13, animate: false });
      box.setAttribute('data-ready', 'true');
    }).catch(function () {
      var status = $('locate-status');
      if (status) status.textContent = '地图数据加载失败，请使用下方的列表。';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    cascade();
    locateMe();
    showMap(false);
  });
})();
