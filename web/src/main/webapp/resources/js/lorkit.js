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

/*
 * Every date picker's button says what it does: "Choose a date" (page.chooseDate, in the template's meta element).
 * PrimeFaces 15 names the button only once, when the widget starts (DatePicker.init: aria-label from its locale's
 * "chooseDate"); the button is drawn again without a name whenever the picker switches layout (under 576 px wide, on
 * a phone, or when the window is resized across that width: updateResponsiveness re-renders it), and then its only
 * text is the placeholder "ui-button", which screen readers read. So each trigger button is named whenever it
 * appears: on load, after every AJAX update and after every redraw.
 */
(function () {
    'use strict';
    var TRIGGER = 'button.ui-datepicker-trigger';

    function words() {
        var meta = document.querySelector('meta[name="lorkit-choose-date"]');
        return meta && meta.content ? meta.content : 'Choose a date';
    }

    function nameTriggers(name) {
        var buttons = document.querySelectorAll(TRIGGER);
        for (var i = 0; i < buttons.length; i++) {
            if (buttons[i].getAttribute('aria-label') !== name) {
                buttons[i].setAttribute('aria-label', name);
            }
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        var name = words();
        if (window.PrimeFaces && typeof window.PrimeFaces.getLocaleSettings === 'function') {
            // The same words for the widget's own start and for the calendar panel it opens (a dialog named so).
            window.PrimeFaces.getLocaleSettings().chooseDate = name;
        }
        nameTriggers(name);
        // Naming changes an attribute only, which this observer does not watch: no loop.
        new MutationObserver(function () {
            nameTriggers(name);
        }).observe(document.body, {childList: true, subtree: true});
    });
}());
