/** PDFs with Apache PDFBox: checking uploads, building the combined kit. */
package org.lorkit.infrastructure.pdf;
