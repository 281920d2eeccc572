---- MODULE MC_queuesync ----
(* Scheduler with the registry's queuesync config (slots=1, groups=2,       *)
(* queues=2, rt=1, jobs=1, as=1, vms=1; syncwait on, the other flags off;   *)
(* no variant). The Java explorer finds 1,925,847 distinct states, depth 73 *)
(* (./panthor-verify check scheduler --config queuesync).                   *)
EXTENDS Scheduler
MC_Slots == 1
MC_Groups == 2
MC_Queues == 2
MC_Rt == 1
MC_Jobs == 1
MC_AsSlots == 1
MC_Vms == 1
MC_Variant == "none"
====
