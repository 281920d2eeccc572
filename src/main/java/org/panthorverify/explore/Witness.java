package org.panthorverify.explore;

import org.panthorverify.core.Action;
import org.panthorverify.core.Trace;

/**
 * A {@code Reachable} property that was satisfied, with the (shortest, for BFS) trace to it.
 *
 * @param property the property's name
 * @param trace a trace whose last state satisfies it
 */
public record Witness<S, A extends Action>(String property, Trace<S, A> trace) {}
