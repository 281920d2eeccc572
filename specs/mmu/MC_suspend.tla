---- MODULE MC_suspend ----
(* Mmu with the registry's suspend config: small (as=1, vms=2, groups=2,  *)
(* pages=1, binds=1, faults=1) with runtime suspend and resume; no         *)
(* variant.  The Java explorer finds 20,648 distinct states, depth 62      *)
(* (./panthor-verify check mmu --config suspend).                          *)
EXTENDS Mmu
MC_As == 1
MC_Vms == 2
MC_Groups == 2
MC_Pages == 1
MC_Binds == 1
MC_Faults == 1
MC_Variant == "none"
====
