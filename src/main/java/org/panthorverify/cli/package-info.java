/**
 * The command line (picocli): {@code list}, {@code check}, {@code simulate}, {@code replay},
 * {@code bench}; the console progress printer; and the single place where exceptions and results
 * become exit codes.
 *
 * <p>May depend on: everything; nothing depends on it.
 */
package org.panthorverify.cli;
