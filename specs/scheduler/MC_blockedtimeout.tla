---- MODULE MC_blockedtimeout ----
(* Scheduler with the registry's blockedtimeout config (slots=1, groups=2,  *)
(* queues=1, rt=1, jobs=1, as=1, vms=1; syncwait and jobtimeouts on, the    *)
(* other flags off; no variant). The Java explorer finds 1,100,458 distinct *)
(* states, depth 59 (./panthor-verify check scheduler --config              *)
(* blockedtimeout).                                                         *)
EXTENDS Scheduler
MC_Slots == 1
MC_Groups == 2
MC_Queues == 1
MC_Rt == 1
MC_Jobs == 1
MC_AsSlots == 1
MC_Vms == 1
MC_Variant == "none"
====
