---- MODULE MC_default ----
(* Scheduler with the registry's default config (slots=2, groups=3,         *)
(* queues=1, rt=1, jobs=1, as=1, vms=2; timeouts on, the other flags off;   *)
(* no variant). The Java explorer finds 1,098,337 distinct states, depth 70 *)
(* (./panthor-verify check scheduler --config default).                     *)
EXTENDS Scheduler
MC_Slots == 2
MC_Groups == 3
MC_Queues == 1
MC_Rt == 1
MC_Jobs == 1
MC_AsSlots == 1
MC_Vms == 2
MC_Variant == "none"
====
