/** Students' CVs and personal statements: versioned PDFs kept in the database, metadata apart from content. */
package org.lorkit.domain.document;
