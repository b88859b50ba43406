// htmap offline map app. It reads the page's #htmap-data (written by
// export/htmlmap in Go), draws the basemap and every published layer with
// Leaflet's SVG renderer, and builds the keyboard-usable layer panel with
// legends and the time slider. It makes no network request.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('htmap-data').textContent);
  var S = data.style;
  var K = data.k;

  var TITLES = {
    cells: 'Hot and cold spots',
    cube: 'Hot and cold spots by period',
    emerging: 'Emerging patterns',
    clusters: 'Point clusters',
    density: 'Density',
    routes: 'Routes',
    legs: 'Route legs',
    nodes: 'Hubs',
    corridors: 'Corridors',
    vulnerability: 'Vulnerability and detected cases'
  };
  // Bivariate classes of the vulnerability layer (risk x detected cases),
  // from ColorBrewer's colour-blind-safe PuOr and greys; countries with too
  // few indicators read "insufficient data", never "low risk".
  var BIVARIATE = [
    ['possible_under_detection', '#b35806', 'High risk, few detected cases (possible under-detection)'],
    ['high_risk_many_cases', '#542788', 'High risk, many detected cases'],
    ['destination_or_detection_hub', '#998ec3', 'Low risk, many detected cases (destination or detection hub)'],
    ['low_risk_few_cases', '#fee0b6', 'Low risk, few detected cases'],
    ['no_data', '#d9d9d9', 'No cases in the data'],
    ['insufficient', '#ffffff', 'Insufficient indicator data']
  ];
  var ON_BY_DEFAULT = { cells: true, clusters: true, routes: true, nodes: true };

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function num(v) {
    if (typeof v !== 'number') return esc(v);
    if (Number.isInteger(v)) return String(v);
    var a = Math.abs(v);
    if (a >= 1000) return v.toFixed(0);
    if (a >= 1) return v.toFixed(2);
    return v.toPrecision(3);
  }
  // tooltipHTML lists a feature's published values; a withheld value
  // (null with <name>_suppressed true) reads "fewer than k".
  function tooltipHTML(title, p) {
    var rows = [];
    Object.keys(p).forEach(function (key) {
      if (/_suppressed$/.test(key)) return;
      var v = p[key], shown;
      if (v === null || v === undefined) {
        shown = p[key + '_suppressed'] === true ? (K > 0 ? 'fewer than ' + K : 'withheld') : 'unknown';
      } else if (typeof v === 'boolean') {
        shown = v ? 'yes' : 'no';
      } else {
        shown = num(v);
      }
      rows.push('<tr><th scope="row">' + esc(key) + '</th><td>' + shown + '</td></tr>');
    });
    return '<strong>' + esc(title) + '</strong><table>' + rows.join('') + '</table>';
  }
  function countOf(p) { return typeof p.count === 'number' ? p.count : null; }
  function binOf(p) {
    var b = p.gi_bin;
    return typeof b === 'number' && b >= -3 && b <= 3 ? b : 0;
  }

  var map = L.map('map', {
    attributionControl: false,
    zoomSnap: 0.25,
    minZoom: 1,
    maxBounds: [[-90, -220], [90, 220]],
    worldCopyJump: false
  });
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);

  // Basemap: the embedded country boundaries, no tiles.
  map.createPane('hm-basemap').style.zIndex = 200;
  var labelPane = map.createPane('hm-labels');
  labelPane.style.zIndex = 640;
  labelPane.style.pointerEvents = 'none';
  data.basemap.countries.forEach(function (c) {
    var latlngs = c[1].map(function (poly) {
      return poly.map(function (ring) {
        var out = [];
        for (var i = 0; i + 1 < ring.length; i += 2) out.push([ring[i + 1], ring[i]]);
        return out;
      });
    });
    L.polygon(latlngs, {
      pane: 'hm-basemap', interactive: false, color: '#ffffff', weight: 0.7,
      fillColor: '#e3e3e3', fillOpacity: 1
    }).addTo(map);
  });
  // Country labels, larger countries first; smaller ones appear as the
  // user zooms in.
  var labels = data.basemap.labels.map(function (l) {
    return {
      area: l[3],
      marker: L.marker([l[1], l[0]], {
        pane: 'hm-labels', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'hm-label', iconSize: [0, 0], html: '<span>' + esc(l[2]) + '</span>' })
      })
    };
  });
  function updateLabels() {
    var min = 2.5e6 / Math.pow(4, Math.max(0, map.getZoom() - 2));
    labels.forEach(function (l) {
      var show = l.area >= min;
      if (show && !map.hasLayer(l.marker)) l.marker.addTo(map);
      if (!show && map.hasLayer(l.marker)) map.removeLayer(l.marker);
    });
  }

  // Styles per layer name. Each returns Leaflet path options for a feature.
  function hotspotStyle(f) {
    var b = binOf(f.properties);
    return {
      fillColor: S.hotspot[b + 3], fillOpacity: b === 0 ? 0.55 : 0.85,
      color: b === 0 ? '#9e9e9e' : S.hotspot[b + 3], weight: 0.6
    };
  }
  function emergingStyle(f) {
    var c = f.properties.pattern_code;
    return { fillColor: S.emerging[String(c)] || '#f7f7f7', fillOpacity: 0.85, color: '#616161', weight: 0.5 };
  }
  function clusterStyle() {
    return { color: '#1b7837', weight: 2, dashArray: '5 3', fillColor: '#a6dba0', fillOpacity: 0.35 };
  }
  function quantileBreaks(values, n) {
    var v = values.slice().sort(function (a, b) { return a - b; });
    var br = [];
    for (var i = 1; i < n; i++) br.push(v[Math.min(v.length - 1, Math.floor(i * v.length / n))]);
    return br;
  }
  function classOf(x, br) {
    var c = 0;
    while (c < br.length && x >= br[c]) c++;
    return c;
  }
  function maxOf(fc, key) {
    var m = 0;
    fc.features.forEach(function (f) {
      var v = f.properties[key];
      if (typeof v === 'number' && v > m) m = v;
    });
    return m;
  }
  // Line width by the square root of the count, so a flow ten times
  // larger looks about three times thicker, not ten (which would hide
  // everything else); 1.5 px for a withheld count.
  function flowWidth(c, max) {
    if (c === null || !(max > 0)) return 1.5;
    return 1.5 + 8 * Math.sqrt(c / max);
  }
  function hubRadius(b, max) {
    if (!(b > 0) || !(max > 0)) return 4;
    return 4 + 14 * Math.sqrt(b / max);
  }

  var steps = [];
  var stepIndex = 0;
  var entries = [];

  data.layers.forEach(function (layer, i) {
    var fc = layer.data;
    var name = layer.name;
    var title = TITLES[name] || name;
    var pane = map.createPane(layer.id);
    pane.style.zIndex = String(400 + i);
    var lines = fc.features.length > 0 && fc.features.every(function (f) {
      return f.geometry && /LineString$/.test(f.geometry.type);
    });
    var role = name === 'cells' ? 'hotspot' : name === 'cube' ? 'cube' : name === 'emerging' ? 'emerging' :
      name === 'clusters' ? 'clusters' : name === 'density' ? 'density' : name === 'nodes' ? 'hubs' :
      name === 'vulnerability' ? 'vulnerability' :
      (name === 'routes' || name === 'legs' || (name === 'corridors' && lines)) ? 'flows' : 'generic';
    var opts = {
      pane: layer.id,
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { pane: layer.id, radius: 5 });
      },
      onEachFeature: function (f, l) {
        l.bindTooltip(tooltipHTML(title, f.properties || {}), { sticky: true, className: 'hm-tip' });
      }
    };
    var legend = '';
    if (role === 'hotspot' || role === 'cube') {
      opts.style = hotspotStyle;
      legend = S.hotspot.map(function (c, j) {
        return swatch(c) + esc(S.hotspot_label[j]);
      }).slice().reverse().join('<br>');
    } else if (role === 'emerging') {
      opts.style = emergingStyle;
      var names = {};
      fc.features.forEach(function (f) { names[f.properties.pattern_code] = f.properties.pattern; });
      legend = Object.keys(names).map(Number).sort(function (a, b) { return b - a; }).map(function (c) {
        return swatch(S.emerging[String(c)] || '#f7f7f7') + esc(names[c]);
      }).join('<br>');
    } else if (role === 'clusters') {
      opts.style = clusterStyle;
      legend = swatch('#a6dba0', '#1b7837') + 'Cluster of nearby records';
    } else if (role === 'density') {
      var vals = fc.features.map(function (f) { return f.properties.density; }).filter(function (v) { return typeof v === 'number'; });
      var br = quantileBreaks(vals, S.density.length);
      opts.style = function (f) {
        var d = f.properties.density;
        return { fillColor: S.density[typeof d === 'number' ? classOf(d, br) : 0], fillOpacity: 0.7, weight: 0 };
      };
      legend = S.density.map(function (c, j) {
        return swatch(c) + (j === 0 ? 'below ' + num(br[0]) : '≥ ' + num(br[j - 1])) + ' per km²';
      }).reverse().join('<br>');
    } else if (role === 'flows') {
      var max = maxOf(fc, 'count');
      opts.style = function (f) {
        return {
          color: S.route, opacity: 0.75, weight: flowWidth(countOf(f.properties), max),
          dashArray: name === 'legs' ? '8 5' : null, fill: false, lineCap: 'butt'
        };
      };
      opts.onEachFeature = function (f, l) {
        l.bindTooltip(tooltipHTML(title, f.properties || {}), { sticky: true, className: 'hm-tip' });
        l.on('add', function () { if (l._path) l._path.setAttribute('marker-end', 'url(#hm-arrow)'); });
      };
      legend = [max, max / 4].filter(function (c) { return c > 0; }).map(function (c) {
        return lineSample(flowWidth(c, max)) + num(Math.round(c));
      }).join('<br>') + '<br>' + lineSample(1.5) + (K > 0 ? 'fewer than ' + K : 'withheld') + ' or unknown' +
        '<br><span class="hm-note">Width follows the count; the arrow points to the destination.</span>';
    } else if (role === 'vulnerability') {
      var colour = {};
      BIVARIATE.forEach(function (b) { colour[b[0]] = b[1]; });
      opts.style = function (f) {
        var p = f.properties;
        var c = p.coverage_low ? 'insufficient' : (p.bivariate_class || 'no_data');
        return { fillColor: colour[c] || colour.no_data, fillOpacity: 0.75, color: '#666666', weight: 0.5,
          dashArray: c === 'insufficient' ? '2 2' : null };
      };
      legend = BIVARIATE.map(function (b) { return swatch(b[1], '#666666') + esc(b[2]); }).join('<br>') +
        '<br><span class="hm-note">Risk: the vulnerability index above or below its median; cases: detected cases per country above or below theirs.</span>';
    } else if (role === 'hubs') {
      var bmax = maxOf(fc, 'betweenness');
      opts.pointToLayer = function (f, latlng) {
        var p = f.properties;
        return L.circleMarker(latlng, {
          pane: layer.id, radius: hubRadius(p.betweenness, bmax),
          fillColor: S.role[p.role] || '#999999', fillOpacity: 0.9, color: '#333333', weight: 1
        });
      };
      legend = ['origin', 'transit', 'destination'].map(function (r) {
        return swatch(S.role[r], '#333333', true) + r;
      }).join('<br>') + '<br><span class="hm-note">Size follows betweenness (how many routes pass through).</span>';
    }
    var group;
    if (role === 'cube') {
      fc.features.forEach(function (f) {
        var s = f.properties.step;
        if (typeof s === 'string' && steps.indexOf(s) < 0) steps.push(s);
      });
      opts.filter = function (f) { return f.properties.step === steps[stepIndex]; };
      group = L.geoJSON(null, opts);
    } else {
      group = L.geoJSON(fc, opts);
    }
    entries.push({ layer: layer, title: title, role: role, group: group, legend: legend, fc: fc });
  });

  function swatch(fill, stroke, round) {
    return '<span class="hm-swatch' + (round ? ' hm-round' : '') + '" style="background:' + fill +
      ';border-color:' + (stroke || fill) + '"></span>';
  }
  function lineSample(w) {
    return '<span class="hm-line" style="border-top:' + w.toFixed(1) + 'px solid ' + S.route + '"></span>';
  }

  steps.sort();
  stepIndex = steps.length - 1;
  function redrawCubes() {
    entries.forEach(function (e) {
      if (e.role !== 'cube') return;
      e.group.clearLayers();
      e.group.addData(e.fc);
    });
  }
  redrawCubes();

  // The panel: one fieldset per input kind, a real checkbox per layer
  // (Tab and Space work), its legend beneath, and the time slider.
  var panel = document.getElementById('panel');
  var html = [];
  if (steps.length > 0) {
    html.push('<div class="hm-time"><label for="hm-step">Period</label> ' +
      '<input type="range" id="hm-step" min="0" max="' + (steps.length - 1) + '" step="1" value="' + stepIndex +
      '" aria-valuetext="' + esc(steps[stepIndex]) + '"> <output id="hm-step-out" for="hm-step">' + esc(steps[stepIndex]) +
      '</output><div class="hm-note">Moves the “by period” layers.</div></div>');
  }
  var kinds = [];
  entries.forEach(function (e) { if (kinds.indexOf(e.layer.kind) < 0) kinds.push(e.layer.kind); });
  kinds.forEach(function (kind) {
    html.push('<fieldset class="hm-kind"><legend>' + esc(kind) + '</legend>');
    entries.forEach(function (e, i) {
      if (e.layer.kind !== kind) return;
      var on = !!ON_BY_DEFAULT[e.layer.name] || (e.role === 'cube' && !entries.some(function (o) {
        return o.layer.kind === kind && o.role === 'hotspot';
      }));
      e.on = on;
      html.push('<div class="hm-layer"><label><input type="checkbox" id="cb-' + e.layer.id + '" data-pane="' + e.layer.id +
        '" data-index="' + i + '"' + (on ? ' checked' : '') + '> ' + esc(e.title) + ' <span class="hm-n">(' +
        e.fc.features.length + ')</span></label>' +
        (e.legend ? '<div class="hm-legend" id="lg-' + e.layer.id + '"' + (on ? '' : ' hidden') + '>' + e.legend + '</div>' : '') +
        '</div>');
    });
    html.push('</fieldset>');
  });
  if (entries.length === 0) html.push('<p>No layers to show.</p>');
  panel.innerHTML = html.join('');

  entries.forEach(function (e) { if (e.on) e.group.addTo(map); });
  panel.addEventListener('change', function (ev) {
    var t = ev.target;
    if (!t.matches('input[type=checkbox][data-index]')) return;
    var e = entries[Number(t.getAttribute('data-index'))];
    if (t.checked) e.group.addTo(map); else map.removeLayer(e.group);
    var lg = document.getElementById('lg-' + e.layer.id);
    if (lg) lg.hidden = !t.checked;
  });
  var slider = document.getElementById('hm-step');
  if (slider) {
    slider.addEventListener('input', function () {
      stepIndex = Number(slider.value);
      document.getElementById('hm-step-out').textContent = steps[stepIndex];
      slider.setAttribute('aria-valuetext', steps[stepIndex]);
      redrawCubes();
    });
  }

  // Fit the data, all layers included (shown or not), else the world.
  var bounds = L.latLngBounds([]);
  entries.forEach(function (e) {
    var b = L.geoJSON(e.fc).getBounds();
    if (b.isValid()) bounds.extend(b);
  });
  if (bounds.isValid()) map.fitBounds(bounds.pad(0.1)); else map.fitBounds([[-55, -170], [75, 190]]);
  updateLabels();
  map.on('zoomend', updateLabels);

  // For tests and curious users: what is drawn, by layer id.
  window.htmap = {
    map: map,
    steps: steps,
    layers: entries.map(function (e) { return e.layer.id; }),
    // tooltip returns the tooltip HTML of the i-th drawn feature of a layer.
    tooltip: function (id, i) {
      var e = entries.filter(function (x) { return x.layer.id === id; })[0];
      var l = e && e.group.getLayers()[i];
      return l && l.getTooltip() ? l.getTooltip().getContent() : null;
    }
  };
})();
