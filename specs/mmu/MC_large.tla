---- MODULE MC_large ----
(* Mmu with the registry's large config (as=1, vms=2, groups=2, pages=1,    *)
(* binds=2, faults=2, hang=1, destroy=1, allocfail=1; default with VM       *)
(* destroy and 2 faults; no variant). The Java explorer finds 16,056,525    *)
(* distinct states, depth 118 (./panthor-verify check mmu --config large).  *)
EXTENDS Mmu
MC_As == 1
MC_Vms == 2
MC_Groups == 2
MC_Pages == 1
MC_Binds == 2
MC_Faults == 2
MC_Variant == "none"
====
