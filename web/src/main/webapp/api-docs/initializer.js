// Starts Swagger UI on the OpenAPI document of this LorKit; a file of its own so the page needs no inline script.
// No validator: Swagger UI would otherwise send the document to an outside service.
window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
        url: new URL('../openapi?format=JSON', window.location.href).toString(),
        dom_id: '#swagger-ui',
        deepLinking: true,
        validatorUrl: null,
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout'
    });
});
