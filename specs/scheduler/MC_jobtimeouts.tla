---- MODULE MC_jobtimeouts ----
(* Scheduler with the registry's jobtimeouts config (slots=1, groups=2,     *)
(* queues=1, rt=1, jobs=2, as=1, vms=1; jobtimeouts on, the other flags     *)
(* off; no variant). The Java explorer finds 347,056 distinct states, depth *)
(* 63 (./panthor-verify check scheduler --config jobtimeouts).              *)
EXTENDS Scheduler
MC_Slots == 1
MC_Groups == 2
MC_Queues == 1
MC_Rt == 1
MC_Jobs == 2
MC_AsSlots == 1
MC_Vms == 1
MC_Variant == "none"
====
