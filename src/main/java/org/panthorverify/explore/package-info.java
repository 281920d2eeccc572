/**
 * The search engines: level-synchronous parallel breadth-first search, bounded depth-first search
 * and seeded random simulation, with the fingerprint tables, trace reconstruction by
 * re-execution, trace shrinking, coverage and progress reporting they share.
 *
 * <p>May depend on: {@code org.panthorverify.core} and the JDK.
 */
package org.panthorverify.explore;
