---- MODULE MC_suspend ----
(* Scheduler with the registry's suspend config (slots=2, groups=3,         *)
(* queues=1, rt=1, jobs=1, as=1, vms=1; suspend and moves on, the other     *)
(* flags off; no variant). The Java explorer finds 782,301 distinct states, *)
(* depth 79 (./panthor-verify check scheduler --config suspend).            *)
EXTENDS Scheduler
MC_Slots == 2
MC_Groups == 3
MC_Queues == 1
MC_Rt == 1
MC_Jobs == 1
MC_AsSlots == 1
MC_Vms == 1
MC_Variant == "none"
====
