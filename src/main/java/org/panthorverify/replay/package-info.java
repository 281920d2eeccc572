/**
 * Replays traces: re-executes an ITF trace step by step on a model (and, from the simulator issue
 * on, on the GPU simulator) and reports the first step that is not enabled or whose state
 * differs, and the first property the trace violates.
 *
 * <p>May depend on: {@code core}, {@code trace}.
 */
package org.panthorverify.replay;
