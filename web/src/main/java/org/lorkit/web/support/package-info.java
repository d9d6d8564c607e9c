/** Small pieces the pages share: EL support for the records the services return. */
package org.lorkit.web.support;
