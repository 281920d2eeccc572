---- MODULE MC_queues ----
(* Scheduler with the registry's queues config (slots=1, groups=2,          *)
(* queues=2, rt=1, jobs=1, as=1, vms=1; every flag off; no variant). The    *)
(* Java explorer finds 64,984 distinct states, depth 58 (./panthor-verify   *)
(* check scheduler --config queues).                                        *)
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
