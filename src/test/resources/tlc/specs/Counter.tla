---- MODULE Counter ----
(* A counter that breaks its invariant Small after three Inc steps. *)
EXTENDS Naturals
VARIABLES x, label
Init == x = 0 /\ label = "start"
Inc == x' = x + 1 /\ label' = "inc"
Double == x > 0 /\ x' = 2 * x /\ label' = "double"
Next == Inc \/ Double
Small == x < 3
====
