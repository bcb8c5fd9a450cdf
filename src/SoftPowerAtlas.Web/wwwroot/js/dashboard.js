// Dashboard: bar charts (Chart.js) and the partner-country map (world-atlas shapes via topojson-client,
// drawn as SVG with an equirectangular projection). Data comes from JSON blocks of the page.
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

  const map = read("map-data");
  const holder = document.getElementById("world-map");
  if (!holder || !window.topojson) return;
  Promise.all([fetch("/lib/countries-110m.json").then((r) => r.json()), fetch("/lib/codes.json").then((r) => r.json())])
    .then(([world, codes]) => {
      const numericToAlpha2 = new Map(codes.map((c) => [c[2], c[0]]));
      const counts = new Map(map.countries.map((c) => [c.code, c]));
      const max = Math.max(1, ...map.countries.map((c) => c.count));
      const width = 960, height = 480;
      const project = ([lon, lat]) => [((lon + 180) / 360) * width, ((90 - lat) / 180) * height];
      // A ring that crosses the date line (Russia, Fiji, Antarctica) is lifted there instead of drawn across the map.
      const ring = (points) => points.map((p, i) => (i && Math.abs(p[0] - points[i - 1][0]) < 180 ? "L" : "M") + project(p).map((v) => v.toFixed(1)).join(",")).join("");
      const pathOf = (geometry) => {
        if (!geometry) return "";
        const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
        return polygons.map((polygon) => polygon.map(ring).join("")).join("");
      };
      const svgNs = "http://www.w3.org/2000/svg";
      const svg = document.createElementNS(svgNs, "svg");
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      for (const feature of topojson.feature(world, world.objects.countries).features) {
        const code = numericToAlpha2.get(feature.id);
        const path = document.createElementNS(svgNs, "path");
        path.setAttribute("d", pathOf(feature.geometry));
        const hit = code && counts.get(code);
        if (hit) {
          path.classList.add("partner");
          const share = 0.25 + 0.75 * (hit.count / max);
          path.style.fill = "rgba(11, 92, 171, " + share.toFixed(2) + ")";
          const title = document.createElementNS(svgNs, "title");
          title.textContent = hit.name + ": " + hit.count;
          path.appendChild(title);
          path.addEventListener("click", () => { window.location.href = "/countries/" + encodeURIComponent(code); });
        } else if (code === "TH") {
          path.style.fill = "#fca311";
        }
        svg.appendChild(path);
      }
      holder.appendChild(svg);
      if (!map.countries.length) {
        const note = document.createElement("p");
        note.className = "muted";
        note.textContent = map.noData;
        holder.appendChild(note);
      }
    });
})();
