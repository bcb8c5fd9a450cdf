// A province's page: where it is, the province filled on the map of Thailand (maps.js).
(function () {
  "use strict";
  const holder = document.getElementById("place-map");
  const block = document.getElementById("place-map-data");
  if (!holder || !block || !window.AtlasMaps) return;
  const place = JSON.parse(block.textContent);
  AtlasMaps.drawThailand({
    holder: holder,
    places: [],
    names: { [place.code]: place.name },
    steps: [],
    href: () => "",
    fill: (code) => (code === place.code ? "#7253b8" : null),
    zeroCounts: false,
  }).then(() => {
    const here = holder.querySelector('path[data-code="' + place.code + '"]');
    if (here) here.classList.add("here");
  });
})();
