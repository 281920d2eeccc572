---- MODULE Wide ----
(* Values TLC prints over several lines, and a non-ASCII string. *)
EXTENDS Naturals, Sequences
VARIABLES f, s, msg
Init == /\ f = [i \in 1..3 |-> [name |-> "element", idx |-> i, flags |-> {"alpha", "beta", "gamma"}]]
        /\ s = "héllo wörld → ok"
        /\ msg = <<"a", "b">>
Grow == /\ f' = f /\ s' = s /\ msg' = Append(msg, "c")
Next == Grow
ShortMsg == Len(msg) < 3
====
