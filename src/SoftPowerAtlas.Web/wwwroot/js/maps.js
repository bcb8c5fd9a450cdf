// Choropleth maps drawn as SVG (no map library): the world's partner countries and Thailand's provinces.
// Each place with a count is a link (focusable, Enter opens it) coloured by the step of the page's colour
// scale its count falls in (the legend beside the map states the same steps); its name and count show
// as a tooltip on hover and focus and in the status line under the map.
window.AtlasMaps = (function () {
  "use strict";
  const svgNs = "http://www.w3.org/2000/svg";

  // A ring that crosses the date line (Russia, Fiji, Antarctica) is lifted there instead of drawn across the map.
  function pathOf(geometry, project) {
    if (!geometry) return "";
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    const ring = (points) => points.map((p, i) => (i && Math.abs(p[0] - points[i - 1][0]) < 180 ? "L" : "M") + project(p).map((v) => v.toFixed(1)).join(",")).join("");
    return polygons.map((polygon) => polygon.map(ring).join("")).join("");
  }

  const colourOf = (steps, count) => (steps.find((s) => count >= s.from && count <= s.to) || {}).colour;

  /**
   * options: holder, features (GeoJSON features), code(feature) → place code or null, places (array of
   * { code, name, count }), names ({ code: name } for places without a count), steps ([{ from, to, colour }]),
   * href(code), project([lon, lat]) → [x, y], width, height, fill(code) → a fixed colour or null, status (element),
   * zeroCounts (false: a place without a count is titled by its name alone).
   */
  function draw(options) {
    const places = new Map(options.places.map((p) => [p.code, p]));
    const svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("viewBox", "0 0 " + options.width + " " + options.height);
    svg.setAttribute("focusable", "false");
    const say = (text) => { if (options.status) options.status.textContent = text; };
    for (const feature of options.features) {
      const code = options.code(feature);
      const path = document.createElementNS(svgNs, "path");
      path.setAttribute("d", pathOf(feature.geometry, options.project));
      path.setAttribute("fill-rule", "evenodd");
      const place = code && places.get(code);
      const fixed = code && options.fill && options.fill(code);
      if (place && place.count > 0) {
        const link = document.createElementNS(svgNs, "a");
        link.setAttribute("href", options.href(code));
        link.setAttribute("class", "place");
        link.dataset.code = code;
        link.dataset.count = String(place.count);
        const label = place.name + ": " + place.count;
        link.setAttribute("aria-label", label);
        path.style.fill = colourOf(options.steps, place.count) || "";
        const title = document.createElementNS(svgNs, "title");
        title.textContent = label;
        link.appendChild(title);
        link.appendChild(path);
        link.addEventListener("mouseenter", () => say(label));
        link.addEventListener("focus", () => say(label));
        svg.appendChild(link);
      } else {
        path.setAttribute("aria-hidden", "true");
        if (fixed) path.style.fill = fixed;
        const name = code && options.names && options.names[code];
        if (name) {
          const title = document.createElementNS(svgNs, "title");
          title.textContent = options.zeroCounts === false ? name : name + ": 0";
          path.appendChild(title);
          path.dataset.code = code;
        }
        svg.appendChild(path);
      }
    }
    options.holder.appendChild(svg);
    options.holder.dataset.ready = "true";
    return svg;
  }

  /**
   * Thailand's provinces (amCharts geodata: ids are ISO 3166-2:TH codes), longitude scaled by the cosine of
   * the country's middle latitude so it keeps its shape; Pattaya is drawn as part of Chon Buri, Songkhla
   * Lake as water. options: those of draw() without features, code, project, width and height.
   */
  function drawThailand(options) {
    const west = 97.3, north = 20.5, squeeze = Math.cos((13 * Math.PI) / 180), scale = 40;
    return fetch("/lib/amcharts5-geodata/thailandLow.json").then((r) => r.json()).then((geo) => draw(Object.assign({}, options, {
      features: geo.features,
      code: (f) => (f.id === "TH-S" ? "TH-20" : f.id),
      project: ([lon, lat]) => [(lon - west) * squeeze * scale, (north - lat) * scale],
      width: (105.7 - west) * squeeze * scale,
      height: (north - 5.6) * scale,
      fill: (code) => (code === "TH-LK" ? "#cfe5f6" : options.fill ? options.fill(code) : null),
    })));
  }

  return { draw: draw, drawThailand: drawThailand };
})();
