---- MODULE InitBad ----
(* One of the two initial states breaks the invariant Pos. *)
EXTENDS Naturals
VARIABLE x
Init == x \in {1, 5}
Next == x' = x
Pos == x < 3
====
