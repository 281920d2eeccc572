---- MODULE Broken ----
(* A syntax error: the expression after + is missing. *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x +
====
