// Network page: Thai agencies and partner countries (Cytoscape), edge width by shared engagements;
// zoom and pan with the mouse, a click opens the node's page.
(function () {
  "use strict";
  const holder = document.getElementById("network");
  const data = JSON.parse(document.getElementById("network-data").textContent);
  if (!holder || !window.cytoscape) return;
  if (!data.nodes.length) {
    holder.textContent = holder.dataset.empty;
    return;
  }
  const maxNode = Math.max(...data.nodes.map((n) => n.weight));
  const maxEdge = Math.max(...data.edges.map((e) => e.weight));
  const cy = cytoscape({
    container: holder,
    elements: [
      ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, href: n.href, size: 18 + 42 * (n.weight / maxNode) } })),
      ...data.edges.map((e) => ({ data: { id: e.source + "-" + e.target, source: e.source, target: e.target, width: 1 + 7 * (e.weight / maxEdge), weight: e.weight } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 140, "font-family": getComputedStyle(document.body).fontFamily } },
      { selector: "node[kind = 'agency']", style: { "background-color": "#fca311", shape: "round-rectangle" } },
      { selector: "node[kind = 'country']", style: { "background-color": "#0b5cab" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#9aa5b8", opacity: 0.8, "curve-style": "bezier" } },
    ],
    layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, randomize: false },
    wheelSensitivity: 0.3,
  });
  cy.on("tap", "node", (event) => { window.location.href = event.target.data("href"); });
  holder.dataset.ready = "true";
})();
