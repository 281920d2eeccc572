/**
 * Runs TLC as a child JVM and parses its {@code -tool} output: {@link
 * org.panthorverify.tlc.TlcRunner} starts it, {@link org.panthorverify.tlc.TlcOutputParser} reads
 * the framed message stream into a {@link org.panthorverify.tlc.TlcResult}.
 *
 * <p>May depend on: core, JDK. TLC itself is only ever reached through a child process (it keeps
 * static state), never called in-process; its jar is found by class name at run time.
 */
package org.panthorverify.tlc;
