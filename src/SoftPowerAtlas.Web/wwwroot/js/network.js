// Network page: Thai agencies and partner countries (Cytoscape), node size by engagements, edge width by
// shared engagements. Labels are drawn at one readable size on screen and only where they fit: the
// biggest nodes first, none over another label or node, none for small nodes; any node shows its name
// while pointed at or focused. Keyboard: the arrow keys move a focus from node to node, Enter opens it.
(function () {
  "use strict";
  const holder = document.getElementById("network");
  const block = document.getElementById("network-data");
  if (!holder || !block) return;
  const data = JSON.parse(block.textContent);
  holder.dataset.nodes = String(data.nodes.length);
  if (!data.nodes.length) {
    holder.textContent = holder.dataset.empty;
    holder.dataset.ready = "true";
    return;
  }
  if (!window.cytoscape) return; // The table below the graph still lists every link.

  const labelPx = 13; // a label's size on screen, whatever the zoom
  const labelMaxPx = 170; // longer names are cut with an ellipsis (the full name shows on hover and focus)
  const smallNode = 24; // nodes drawn smaller than this (model units) get a name only on hover and focus
  const font = getComputedStyle(document.body).fontFamily;
  const status = document.getElementById("network-focus");
  const maxNode = Math.max(...data.nodes.map((n) => n.weight));
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.weight));
  const cy = cytoscape({
    container: holder,
    elements: [
      ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, href: n.href, weight: n.weight, size: 14 + 46 * Math.sqrt(n.weight / maxNode) } })),
      ...data.edges.map((e) => ({ data: { id: e.source + "-" + e.target, source: e.source, target: e.target, width: 1 + 7 * (e.weight / maxEdge), weight: e.weight } })),
    ],
    style: [
      { selector: "node", style: { label: "", width: "data(size)", height: "data(size)", "font-family": font, color: "#14213d", "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1, "text-events": "no" } },
      { selector: "node[kind = 'agency']", style: { "background-color": "#fca311", shape: "round-rectangle" } },
      { selector: "node[kind = 'country']", style: { "background-color": "#0b5cab", shape: "ellipse" } },
      { selector: "node.labelled", style: { label: "data(label)" } },
      { selector: "node.hover, node.focus", style: { label: "data(label)", "text-wrap": "none", "font-weight": "bold", "z-index": 20, "border-width": 3, "border-color": "#14213d", "text-background-opacity": 1 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#9aa5b8", opacity: 0.8, "curve-style": "bezier" } },
      { selector: "edge.near", style: { "line-color": "#14213d", opacity: 1, "z-index": 10 } },
    ],
    layout: { name: "cose", animate: false, nodeRepulsion: 12000, idealEdgeLength: 110, randomize: false },
    wheelSensitivity: 0.3,
  });
  holder.cytoscape = cy; // for the browser tests, which find a node's place on screen

  const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const gap = 2; // screen pixels kept clear around a name, so rounding never makes two names touch

  // Which names fit at this zoom: greedily, biggest node first, a name whose box meets no node and no name
  // kept. The boxes are Cytoscape's own label boxes (its text measure, after the web fonts have loaded),
  // so what is placed is exactly what is drawn.
  function placeLabels() {
    const zoom = cy.zoom();
    const candidates = cy.nodes().filter((n) => n.data("size") >= smallNode);
    cy.batch(() => {
      cy.nodes().forEach((n) => n.style({ "font-size": labelPx / zoom, "text-max-width": labelMaxPx / zoom, "text-margin-y": 3 / zoom }));
      candidates.addClass("labelled");
    });
    const bodies = cy.nodes().map((n) => ({ id: n.id(), box: n.renderedBoundingBox({ includeLabels: false }) }));
    const kept = [];
    const fits = new Set();
    const view = { x1: 0, y1: 0, x2: holder.clientWidth, y2: holder.clientHeight };
    for (const node of candidates.sort((a, b) => b.data("weight") - a.data("weight"))) {
      const label = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      const box = { x1: label.x1 - gap, x2: label.x2 + gap, y1: label.y1 - gap, y2: label.y2 + gap };
      if (!overlaps(box, view)) continue;
      if (kept.some((k) => overlaps(k, box))) continue;
      if (bodies.some((b) => b.id !== node.id() && overlaps(b.box, box))) continue;
      kept.push(box);
      fits.add(node.id());
    }
    cy.batch(() => candidates.forEach((n) => { if (!fits.has(n.id())) n.removeClass("labelled"); }));
    holder.dataset.labelled = String(fits.size);
  }

  let pending = false;
  cy.on("viewport", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; placeLabels(); });
  });

  const describe = (node) => holder.dataset.focus
    .replace("{0}", node.data("label"))
    .replace("{1}", node.data("kind") === "country" ? holder.dataset.kindCountry : holder.dataset.kindAgency)
    .replace("{2}", String(node.data("weight")));

  function mark(node, cls) {
    cy.elements("." + cls).removeClass(cls);
    cy.edges(".near").removeClass("near");
    if (!node) {
      status.textContent = "";
      return;
    }
    node.addClass(cls);
    node.connectedEdges().addClass("near");
    status.textContent = describe(node);
  }

  cy.on("mouseover", "node", (event) => { mark(event.target, "hover"); holder.style.cursor = "pointer"; });
  cy.on("mouseout", "node", () => { mark(null, "hover"); holder.style.cursor = ""; });
  cy.on("tap", "node", (event) => { window.location.href = event.target.data("href"); });

  // Keyboard: a roving focus over the nodes, biggest first (the order the legend's sizes suggest).
  const order = cy.nodes().sort((a, b) => b.data("weight") - a.data("weight") || a.data("label").localeCompare(b.data("label")));
  let index = -1;
  function focusAt(i) {
    index = (i + order.length) % order.length;
    const node = order[index];
    mark(node, "focus");
    const extent = cy.extent();
    const p = node.position();
    if (p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2) cy.center(node);
    holder.dataset.focused = node.id();
  }
  holder.addEventListener("keydown", (event) => {
    const keys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in keys) {
      focusAt(index < 0 ? 0 : index + keys[event.key]);
    } else if (event.key === "Home") {
      focusAt(0);
    } else if (event.key === "End") {
      focusAt(order.length - 1);
    } else if (event.key === "Enter" && index >= 0) {
      window.location.href = order[index].data("href");
    } else if (event.key === "Escape") {
      mark(null, "focus");
      index = -1;
      delete holder.dataset.focused;
    } else {
      return;
    }
    event.preventDefault();
  });
  holder.addEventListener("blur", () => { cy.nodes(".focus").removeClass("focus"); });
  holder.addEventListener("focus", () => { if (index >= 0) mark(order[index], "focus"); });

  const fontsLoaded = document.fonts ? document.fonts.ready : Promise.resolve();
  fontsLoaded.then(() => {
    placeLabels();
    holder.dataset.ready = "true";
  });
})();
