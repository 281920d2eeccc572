---- MODULE MC_large ----
(* Scheduler with the registry's large config (slots=2, groups=3,         *)
(* queues=1, rt=1, jobs=2, as=1, vms=2; timeouts on, the other flags off;   *)
(* no variant). The Java explorer finds 31,565,957 distinct states, depth 81 *)
(* (./panthor-verify check scheduler --config large).                     *)
EXTENDS Scheduler
MC_Slots == 2
MC_Groups == 3
MC_Queues == 1
MC_Rt == 1
MC_Jobs == 2
MC_AsSlots == 1
MC_Vms == 2
MC_Variant == "none"
====
