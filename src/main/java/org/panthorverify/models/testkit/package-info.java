/**
 * Small, well-known models with published state counts, used as golden tests of the engines and
 * as the benchmark against TLC: Gray and Lamport's two-phase commit ({@code twophase}, TLA+ twin
 * {@code specs/testkit/TwoPhase.tla}), the Die Hard water jugs ({@code diehard}, an invariant
 * violation at a known depth) and the dining philosophers ({@code philosophers}, a deadlock).
 *
 * <p>May depend on: {@code org.panthorverify.core}.
 */
package org.panthorverify.models.testkit;
