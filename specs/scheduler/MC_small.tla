---- MODULE MC_small ----
(* Scheduler with the registry's small config (slots=1, groups=3, queues=1, *)
(* rt=1, jobs=1, as=1, vms=1; every flag off; no variant). The Java         *)
(* explorer finds 13,788 distinct states, depth 56 (./panthor-verify check  *)
(* scheduler --config small).                                               *)
EXTENDS Scheduler
MC_Slots == 1
MC_Groups == 3
MC_Queues == 1
MC_Rt == 1
MC_Jobs == 1
MC_AsSlots == 1
MC_Vms == 1
MC_Variant == "none"
====
