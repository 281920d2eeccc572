---- MODULE MC_default ----
(* Mmu with the registry's default config (as=1, vms=2, groups=2, pages=1,  *)
(* binds=2, faults=1, hang=1, destroy=0, allocfail=1; 2 binds, 1 fault,     *)
(* hangs, allocation failures; no variant). The Java explorer finds         *)
(* 1,528,247 distinct states, depth 91 (./panthor-verify check mmu --config *)
(* default).                                                                *)
EXTENDS Mmu
MC_As == 1
MC_Vms == 2
MC_Groups == 2
MC_Pages == 1
MC_Binds == 2
MC_Faults == 1
MC_Variant == "none"
====
