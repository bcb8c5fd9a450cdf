// Dashboard: bar charts (Chart.js), the partner-country map (world-atlas shapes via topojson-client) and
// the map of Thai provinces (amCharts geodata), both drawn by maps.js. Data comes from JSON blocks of the
// page, the colour steps too, so the maps and their legends (written by the server) agree.
(function () {
  "use strict";
  const read = (id) => JSON.parse(document.getElementById(id).textContent);

  for (const series of read("chart-data")) {
    const canvas = document.getElementById(series.id);
    if (!canvas || !window.Chart) continue;
    const horizontal = series.labels.length > 8;
    new Chart(canvas, {
      type: "bar",
      data: { labels: series.labels, datasets: [{ label: series.title, data: series.counts, backgroundColor: "#3a6ea5" }] },
      options: {
        indexAxis: horizontal ? "y" : "x",
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0, autoSkip: false } } },
        onClick: (_, items) => {
          if (!items.length) return;
          const key = series.keys[items[0].index];
          const filter = { "chart-countries": "country", "chart-sectors": "sector", "chart-types": "type", "chart-years": "yearFrom" }[series.id];
          let url = "/engagements?" + filter + "=" + encodeURIComponent(key);
          if (filter === "yearFrom") url += "&yearTo=" + encodeURIComponent(key);
          window.location.href = url;
        },
      },
    });
  }

  const status = (id) => document.getElementById(id);

  // Partner countries: world-atlas shapes (numeric ids, matched to ISO alpha-2 through codes.json),
  // equirectangular; Thailand in the network's agency orange.
  const world = read("map-data");
  const worldHolder = document.getElementById("world-map");
  if (worldHolder && window.topojson && window.AtlasMaps) {
    Promise.all([fetch("/lib/countries-110m.json").then((r) => r.json()), fetch("/lib/codes.json").then((r) => r.json())])
      .then(([atlas, codes]) => {
        const numericToAlpha2 = new Map(codes.map((c) => [c[2], c[0]]));
        const width = 960, height = 480;
        AtlasMaps.draw({
          holder: worldHolder,
          features: topojson.feature(atlas, atlas.objects.countries).features,
          code: (f) => numericToAlpha2.get(f.id) || null,
          places: world.places,
          steps: world.steps,
          href: (code) => "/countries/" + encodeURIComponent(code),
          project: ([lon, lat]) => [((lon + 180) / 360) * width, ((90 - lat) / 180) * height],
          width: width,
          height: height,
          fill: (code) => (code === "TH" ? "#fca311" : null),
          status: status("world-map-status"),
        });
      });
  }

  // Thai provinces by the documents naming them.
  const provinces = read("province-map-data");
  const provinceHolder = document.getElementById("province-map");
  if (provinceHolder && window.AtlasMaps) {
    AtlasMaps.drawThailand({
      holder: provinceHolder,
      places: provinces.places,
      names: provinces.names,
      steps: provinces.steps,
      href: (code) => "/provinces/" + encodeURIComponent(code),
      status: status("province-map-status"),
    });
  }
})();
