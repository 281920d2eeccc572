---- MODULE Cycle ----
(* x cycles 0, 1, 2 and never reaches 5; with and without fairness. *)
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>
Init == x = 0 /\ y = "a"
Next == x' = (x + 1) % 3 /\ y' = y
Spec == Init /\ [][Next]_vars
FairSpec == Spec /\ WF_vars(Next)
Reaches5 == <>(x = 5)
AlwaysUp == [][x' > x]_x
====
