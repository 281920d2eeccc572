/**
 * Reads and writes traces in the Informal Trace Format. May depend on: core, Jackson.
 *
 * <p>The Informal Trace Format (ITF) is the JSON trace format of Apalache's ADR-015: a list of
 * variable names and a list of states, each a JSON object from variable names to values, with
 * metadata under {@code #meta}. {@link org.panthorverify.trace.Itf} converts between that text,
 * {@link org.panthorverify.trace.ItfTrace} and {@link org.panthorverify.core.Trace}.
 */
package org.panthorverify.trace;
