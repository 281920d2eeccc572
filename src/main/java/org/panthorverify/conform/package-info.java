/**
 * Spec-to-model conformance: the Java model's reachable state graph, seen through its {@link
 * org.panthorverify.core.TlaView}, compared state by state and labelled edge by labelled edge
 * with the graph TLC dumps for the TLA+ twin; and the translation of TLC's error traces into
 * traces of the Java model.
 */
package org.panthorverify.conform;
