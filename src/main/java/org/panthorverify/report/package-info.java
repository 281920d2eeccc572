/**
 * Run directories and the files a run writes: {@code run.json}, {@code summary.md}, {@code
 * stats.json}, {@code coverage.json}, traces and {@code crash.txt}.
 *
 * <p>May depend on: {@code core}, {@code trace}, the result records of {@code explore} and
 * {@code replay}, Jackson.
 */
package org.panthorverify.report;
