package org.panthorverify.explore;

import org.panthorverify.core.Action;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.core.Trace;

/**
 * A violated property with its counterexample.
 *
 * @param property the property's name ({@code Deadlock} for a deadlock)
 * @param kind what kind of property failed
 * @param message one line saying what went wrong
 * @param trace the counterexample; null only for a {@link PropertyKind#REACHABLE} witness that was
 *     never found
 */
public record Violation<S, A extends Action>(
    String property, PropertyKind kind, String message, Trace<S, A> trace) {}
