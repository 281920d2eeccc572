---- MODULE MC_evict ----
(* Mmu with the registry's evict config (as=2, vms=3, groups=3, pages=1,    *)
(* binds=0, faults=0, hang=0, destroy=0, allocfail=0; eviction with an      *)
(* active VM around; no binds or faults; no variant). The Java explorer     *)
(* finds 6,872 distinct states, depth 41 (./panthor-verify check mmu        *)
(* --config evict).                                                         *)
EXTENDS Mmu
MC_As == 2
MC_Vms == 3
MC_Groups == 3
MC_Pages == 1
MC_Binds == 0
MC_Faults == 0
MC_Variant == "none"
====
