---- MODULE Undefined ----
(* A semantic error: y is not declared. *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = y + 1
====
