/**
 * Liveness checking over an explored state graph: leads-to properties under weak and strong
 * fairness of action families, with TLA+'s semantics (every state may stutter, and fairness
 * rules stuttering out where a fair family stays enabled).
 *
 * <p>{@link org.panthorverify.explore.liveness.StateGraph} explores the reachable graph once, in
 * parallel and deterministically, keeping ids and CSR edge arrays instead of states;
 * {@link org.panthorverify.explore.liveness.LivenessGraph} is that graph labelled for one
 * property's fairness (per-action family masks, per-node masks of enabled families);
 * {@link org.panthorverify.explore.liveness.LeadsToChecker} finds a fair cycle that avoids the
 * goal (iterative Tarjan, Streett refinement for strong fairness) and builds the lasso.
 */
package org.panthorverify.explore.liveness;
