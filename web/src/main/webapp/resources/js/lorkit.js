/*
 * When the session has ended (expired, or signed out in another tab), the server answers an AJAX request
 * with 401 (oidc.json: autodetect-bearer-only), not with a redirect an XHR cannot follow. Open the page
 * afresh instead, which takes the person through the login page and back here.
 */
(function () {
    'use strict';
    var reloading = false;
    document.addEventListener('DOMContentLoaded', function () {
        if (!window.jQuery) {
            return; // a page without PrimeFaces components makes no AJAX requests
        }
        window.jQuery(document).on('pfAjaxError', function (event, xhr) {
            if (!reloading && xhr && (xhr.status === 0 || xhr.status === 401)) {
                reloading = true;
                window.location.assign(window.location.pathname + window.location.search);
            }
        });
    });
}());
