---- MODULE MC_small ----
(* FwHandshake with the registry's small config (FwConfig slots=1, hang=false, unplug=false,  *)
(* suspend=false, events=false, flush=false, no variant).  The Java explorer finds 33,465     *)
(* distinct states, depth 36 (./panthor-verify check fw-handshake --config small).          *)
EXTENDS FwHandshake
MC_Slots == 1
MC_Variant == "none"
====
