---- MODULE Stuck ----
(* Counts to 2 and then has no enabled action: a deadlock. *)
EXTENDS Naturals
VARIABLE n
Init == n = 0
Step == n < 2 /\ n' = n + 1
Next == Step
====
