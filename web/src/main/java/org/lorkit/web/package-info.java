/** The web layer: JSF/PrimeFaces pages, one view-scoped backing bean per page. */
package org.lorkit.web;
