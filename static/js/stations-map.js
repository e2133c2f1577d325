// The service map (loaded by stations.js when the resident comes near it, after Leaflet and markercluster): clustered
// markers over the list's stations, then the province outline when there are no tiles. Every step is its own
// short task, and long loops stop every few milliseconds, so a tap on the page is never kept waiting.
(function () {
  'use strict';
  var PAGE = 1000, SLICE_MS = 8;

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function nextTask() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }

  // The box was just shown: Leaflet measures it once the browser has laid it out in its own frame (no forced reflow).
  function nextFrame() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
  }

  // work(item) for every item, a slice of a few milliseconds per task.
  function inSlices(items, work) {
    return new Promise(function (resolve) {
      var i = 0;
      (function slice() {
        var until = performance.now() + SLICE_MS;
        while (i < items.length && performance.now() < until) work(items[i++]);
        if (i < items.length) setTimeout(slice, 0); else resolve();
      })();
    });
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

  function fetchPage(box, offset) {
    var api = box.getAttribute('data-api');
    var url = api + (api.indexOf('?') === api.length - 1 ? '' : '&') + 'limit=' + PAGE + '&offset=' + offset;
    return fetch(url, { headers: { Accept: 'application/geo+json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }

  // Markers are made a slice at a time; the cluster (chunkedLoading) takes them in slices too and reports the last.
  function addMarkers(cluster, features, bounds) {
    var made = [];
    return inSlices(features, function (f) {
      if (!f.geometry) return;
      var m = marker(f);
      made.push(m);
      bounds.extend(m.getLatLng());
    }).then(function () {
      return nextTask();
    }).then(function () {
      return new Promise(function (resolve) {
        if (made.length === 0) { resolve(); return; }
        cluster.options.chunkProgress = function (done, total) { if (done === total) resolve(); };
        cluster.addLayers(made);
      });
    });
  }

  function loadMarkers(box, cluster, page, offset, bounds) {
    return page.then(function (data) {
      return addMarkers(cluster, data.features, bounds).then(function () {
        var loaded = offset + data.features.length;
        box.setAttribute('data-loaded', String(cluster.getLayers().length));
        if (loaded < data.total && data.features.length > 0 && loaded < 100 * PAGE) {
          return loadMarkers(box, cluster, fetchPage(box, loaded), loaded, bounds);
        }
        return bounds;
      });
    });
  }

  // Decoration under the markers, so it comes after them: one province per slice, in a pane below the markers.
  function outline(map, box) {
    if (map._outlineAdded) return;
    map._outlineAdded = true;
    var style = { color: '#5b6b7b', weight: 1, fillColor: '#f7f4ec', fillOpacity: 1, className: 'province-outline' };
    fetch(box.getAttribute('data-outline')).then(function (r) { return r.json(); }).then(function (geo) {
      map.createPane('outline').style.zIndex = '350';
      map.attributionControl.addAttribution('省界轮廓：Apache ECharts（示意，非权威边界）');
      return inSlices(geo.features, function (f) {
        L.geoJSON(f, { pane: 'outline', interactive: false, style: style }).addTo(map);
      });
    }).then(function () { box.setAttribute('data-outline-ready', 'true'); });
  }

  function fit(map, box, bounds) {
    var near = box.getAttribute('data-near');
    if (near) {
      var at = near.split(',').map(Number);
      L.circleMarker(at, { radius: 7, color: '#1b1f23', weight: 3, fillColor: '#f0a500', fillOpacity: 1 })
        .bindTooltip('查找的位置').addTo(map);
      if (bounds.isValid()) bounds.extend(at); else bounds = L.latLngBounds([at, at]);
    }
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13, animate: false });
  }

  function show(box) {
    var firstPage = fetchPage(box, 0);
    var map, cluster, tiles = box.getAttribute('data-tiles');
    box.hidden = false;
    var legend = $('map-legend');
    if (legend) legend.hidden = false;
    var ready = nextFrame().then(function () {
      map = L.map(box, { keyboard: true, attributionControl: true, zoomControl: false, minZoom: 3, maxZoom: 18 });
      return nextTask();
    }).then(function () {
      map.fitBounds([[18, 73], [54, 135]]);
      return nextTask();
    }).then(function () {
      L.control.zoom({ zoomInTitle: '放大', zoomOutTitle: '缩小' }).addTo(map);
      map.attributionControl.setPrefix('地图库 Leaflet');
      if (tiles) {
        L.tileLayer(tiles, { attribution: box.getAttribute('data-attribution') || '', maxZoom: 18 })
          .on('tileerror', function () { ready.then(function () { outline(map, box); }); })
          .addTo(map);
      }
      cluster = L.markerClusterGroup({
        chunkedLoading: true, chunkInterval: SLICE_MS, chunkDelay: 0, showCoverageOnHover: false, maxClusterRadius: 60
      });
      map.addLayer(cluster);
      return nextTask();
    }).then(function () {
      return loadMarkers(box, cluster, firstPage, 0, L.latLngBounds([]));
    }).then(function (bounds) {
      fit(map, box, bounds);
      box.setAttribute('data-ready', 'true');
      if (!tiles) nextTask().then(function () { outline(map, box); });
    }).catch(function () {
      var status = $('locate-status');
      if (status) status.textContent = '地图数据加载失败，请使用下方的列表。';
    });
    return ready;
  }

  window.StationMap = { show: show };
})();
