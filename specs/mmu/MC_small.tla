---- MODULE MC_small ----
(* Mmu with the registry's small config (as=1, vms=2, groups=2, pages=1,    *)
(* binds=1, faults=1, hang=0, destroy=0, allocfail=0; 1 bind, 1 fault; no   *)
(* variant). The Java explorer finds 13,992 distinct states, depth 61       *)
(* (./panthor-verify check mmu --config small).                             *)
EXTENDS Mmu
MC_As == 1
MC_Vms == 2
MC_Groups == 2
MC_Pages == 1
MC_Binds == 1
MC_Faults == 1
MC_Variant == "none"
====
