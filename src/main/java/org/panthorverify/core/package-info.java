/**
 * The vocabulary of panthor-verify: {@link org.panthorverify.core.Model}, {@link
 * org.panthorverify.core.Action}, {@link org.panthorverify.core.Property}, {@link
 * org.panthorverify.core.Value}, {@link org.panthorverify.core.Trace} and the canonical state
 * encoding behind fingerprints.
 *
 * <p>May depend on: the JDK only. No JSON, no picocli, no TLC, no simulator (enforced by {@code
 * ArchitectureTest}).
 */
package org.panthorverify.core;
