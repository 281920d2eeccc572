---- MODULE BadChoose ----
(* An evaluation error: CHOOSE from the empty set. *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = CHOOSE v \in {} : TRUE
====
