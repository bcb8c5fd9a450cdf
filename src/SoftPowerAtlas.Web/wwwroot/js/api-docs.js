// API reference: Swagger UI (self-hosted from npm) over the app's own OpenAPI document.
(function () {
  "use strict";
  const holder = document.getElementById("swagger-ui");
  if (holder && window.SwaggerUIBundle) {
    window.SwaggerUIBundle({ url: holder.dataset.url, domNode: holder, deepLinking: true });
  }
})();
