// API reference: Swagger UI (self-hosted from npm) over the app's own OpenAPI document.
(function () {
  "use strict";
  const holder = document.getElementById("swagger-ui");
  if (holder && window.SwaggerUIBundle) {
    // No deep links: they put a link inside each operation's toggle button (nested controls a screen reader cannot use).
    window.SwaggerUIBundle({
      url: holder.dataset.url,
      domNode: holder,
      deepLinking: false,
      onComplete: function () {
        const servers = holder.querySelector("select#servers");
        if (servers && !servers.hasAttribute("aria-label")) {
          servers.setAttribute("aria-label", holder.dataset.serversLabel || "Servers");
        }
      },
    });
  }
})();
